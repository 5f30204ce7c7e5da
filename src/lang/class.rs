//! User classes and their instances: `class` statements, attribute lookup along the method
//! resolution order (C3, as CPython computes it), bound methods, `property`, `staticmethod`,
//! `classmethod` and `super()`.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use parking_lot::{Mutex, RwLock};

use super::builtins::{no_attribute, Builtin};
use super::error::{Ctrl, Eval, ExcKind, Exception};
use super::function::{Args, BoundMethod, Function};
use super::object::{downcast, object, CallCx, PyObject};
use super::special;
use super::text::Text;
use super::trashcan;
use super::value::Value;

/// The attributes of a class or an instance, in the order they were first set: a short
/// vector searched in order, which for the handful of names an object has beats hashing them.
/// Each name is kept with its [`Prefix`], so a search rejects the other names without
/// comparing their text.
#[derive(Default)]
pub struct Attrs(Vec<(Prefix, Arc<str>, Value)>);

/// A name's length and first eight bytes in one word: names that differ in either never
/// need their bytes compared, and names of eight bytes or fewer are equal when their
/// prefixes are.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Prefix(u64, usize);

impl Prefix {
    #[inline]
    fn of(name: &str) -> Prefix {
        let bytes = name.as_bytes();
        let mut head = [0u8; 8];
        let n = bytes.len().min(8);
        head[..n].copy_from_slice(&bytes[..n]);
        Prefix(u64::from_ne_bytes(head), bytes.len())
    }

    /// Whether `key`, whose prefix this is, is `name`, whose prefix is `other`.
    #[inline]
    fn matches(self, key: &str, other: Prefix, name: &str) -> bool {
        self == other && (self.1 <= 8 || key.as_bytes()[8..] == name.as_bytes()[8..])
    }
}

impl Attrs {
    pub fn new() -> Attrs {
        Attrs(Vec::new())
    }

    #[inline]
    fn position(&self, name: &str) -> Option<usize> {
        let prefix = Prefix::of(name);
        self.0
            .iter()
            .position(|(p, k, _)| p.matches(k, prefix, name))
    }

    #[inline]
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.position(name).map(|i| &self.0[i].2)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    /// Sets `name`, returning the value it replaces.
    pub fn insert(&mut self, name: Arc<str>, value: Value) -> Option<Value> {
        self.set(&name, value)
    }

    /// Sets `name`, returning the value it replaces. The name is referenced only when it is
    /// new: setting an attribute the object has already costs no reference count.
    pub fn set(&mut self, name: &Arc<str>, value: Value) -> Option<Value> {
        match self.position(name) {
            Some(i) => Some(std::mem::replace(&mut self.0[i].2, value)),
            None => {
                self.0.push((Prefix::of(name), name.clone(), value));
                None
            }
        }
    }

    /// The names bound to a `property`.
    fn property_names(&self) -> impl Iterator<Item = &Arc<str>> {
        self.iter()
            .filter(|(_, v)| downcast::<Property>(v).is_some())
            .map(|(k, _)| k)
    }

    pub fn shift_remove(&mut self, name: &str) -> Option<Value> {
        self.position(name).map(|i| self.0.remove(i).2)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Arc<str>, &Value)> {
        self.0.iter().map(|(_, k, v)| (k, v))
    }

    pub fn into_values(self) -> impl Iterator<Item = Value> {
        self.0.into_iter().map(|(_, _, v)| v)
    }
}

/// A class made by a `class` statement.
pub struct Class {
    /// `__name__`, kept for the life of the run: error messages name types by `&'static str`.
    pub name: &'static str,
    pub qualname: Arc<str>,
    /// `__module__`: `__main__` for the program's classes, the module's name for a library's.
    pub module: &'static str,
    /// `__bases__`: user classes, `object` or a built-in exception class.
    pub bases: Vec<Value>,
    /// The classes after this one in its method resolution order, user classes only.
    pub ancestors: Vec<Arc<Class>>,
    /// The built-in exception class this one derives from, if it is an exception class.
    pub exception: Option<ExcKind>,
    /// Whether its instances refuse assignment after `__init__`, and how they say so.
    pub frozen: OnceLock<Frozen>,
    /// The built-in type a library class presents itself as deriving from (a named tuple's
    /// `tuple`), for `isinstance` and `__mro__`.
    pub builtin_base: Option<Builtin>,
    pub attrs: RwLock<Attrs>,
    /// The names the class body annotates, in order.
    pub annotations: Vec<Arc<str>>,
    /// The names of the properties this class and its ancestors had when it was made: only
    /// for these must reading or setting an instance attribute look at the class first.
    property_names: Vec<Arc<str>>,
    /// Whether a property was set on this class after it was made: then every instance
    /// attribute of it and of its subclasses looks at the class first.
    late_properties: AtomicBool,
}

/// Class attributes can hold the class itself (a method's cells, a class-level registry), so
/// they are released through the trashcan.
impl Drop for Class {
    fn drop(&mut self) {
        trashcan::bury(std::mem::take(self.attrs.get_mut()).into_values());
        trashcan::bury(std::mem::take(&mut self.bases));
    }
}

/// Who froze a class's instances: they say so as CPython's do.
#[derive(Clone, Copy)]
pub enum Frozen {
    /// `@dataclass(frozen=True)`: `FrozenInstanceError: cannot assign to field 'x'`.
    Dataclass,
    /// `namedtuple`: `AttributeError: can't set attribute`.
    NamedTuple,
}

impl Class {
    fn frozen_by(&self) -> Option<Frozen> {
        std::iter::once(self)
            .chain(self.ancestors.iter().map(|a| &**a))
            .find_map(|c| c.frozen.get().copied())
    }
}

fn frozen_error(frozen: Frozen, name: &str, deleting: bool) -> Ctrl {
    match frozen {
        Frozen::Dataclass => Ctrl::raise(
            ExcKind::FrozenInstanceError,
            format!(
                "cannot {} field '{name}'",
                if deleting { "delete" } else { "assign to" }
            ),
        ),
        Frozen::NamedTuple => Ctrl::raise(ExcKind::AttributeError, "can't set attribute"),
    }
}

/// Sets an attribute in an instance's `__init__`, where a frozen class still allows it.
pub fn init_attr(me: &Value, name: &Arc<str>, value: Value) -> Eval<()> {
    match class_and_attrs(me) {
        Some((class, attrs)) if class.frozen_by().is_some() => {
            let old = attrs.lock().set(name, value);
            trashcan::bury(old);
            Ok(())
        }
        _ => super::introspect::set_attr(me, name, value),
    }
}

/// An instance of a user class that is not an exception class.
pub struct Instance {
    pub class: Arc<Class>,
    pub attrs: Mutex<Attrs>,
    /// What a library class's instance keeps besides its attributes (a `deque`'s items), set
    /// by its `__init__`.
    pub native: OnceLock<Value>,
}

impl Instance {
    /// The method `name` a call with `n_args` positional arguments runs as a plain function
    /// (the instance first), where it is one: found on the class, not shadowed by an instance
    /// attribute. The evaluator's fast path for `obj.method(...)`.
    pub fn plain_method(&self, name: &str, n_args: usize) -> Option<Arc<Function>> {
        let f = plain_function(self.class.lookup(name)?, n_args + 1)?;
        (!self.attrs.lock().contains_key(name)).then_some(f)
    }
}

/// `v` as a plain function taking `arity` positional arguments, if it is one.
fn plain_function(v: Value, arity: usize) -> Option<Arc<Function>> {
    match v {
        Value::Func(f) if f.plain_arity() == Some(arity) => Some(f),
        _ => None,
    }
}

/// Instances link to each other (`node.next = Node()` a million times), so their attributes are
/// released through the trashcan rather than recursively.
impl Drop for Instance {
    fn drop(&mut self) {
        trashcan::bury(std::mem::take(self.attrs.get_mut()).into_values());
    }
}

impl Class {
    /// Creates a class from its evaluated bases and the names its body bound.
    pub fn new(
        name: &str,
        qualname: Arc<str>,
        bases: Vec<Value>,
        attrs: Attrs,
        annotations: Vec<Arc<str>>,
    ) -> Eval<Class> {
        let mut parents = Vec::new();
        let mut exception = None;
        for base in &bases {
            match base {
                Value::Class(c) => {
                    exception = exception.or(c.exception);
                    parents.push(c.clone());
                }
                Value::ExcType(kind) => exception = exception.or(Some(*kind)),
                Value::Builtin(super::builtins::Builtin::Object) => {}
                other => {
                    return Err(Ctrl::raise(
                        ExcKind::TypeError,
                        format!(
                            "subclassing {} is not supported in scenarios yet: derive from a class of your own, object or an exception class",
                            other.repr()
                        ),
                    ))
                }
            }
        }
        let mut property_names: Vec<Arc<str>> = attrs.property_names().cloned().collect();
        for parent in &parents {
            property_names.extend(parent.property_names.iter().cloned());
        }
        Ok(Class {
            property_names,
            late_properties: AtomicBool::new(false),
            annotations,
            name: intern(name),
            qualname,
            module: "__main__",
            ancestors: linearize(&parents)?,
            bases,
            exception,
            builtin_base: None,
            frozen: OnceLock::new(),
            attrs: RwLock::new(attrs),
        })
    }

    /// The class, presented as deriving from the built-in type `base` too.
    pub fn with_builtin_base(mut self, base: Builtin) -> Class {
        self.bases.push(Value::Builtin(base));
        self.builtin_base = Some(base);
        self
    }

    /// Whether the class or an ancestor presents itself as deriving from `base`.
    pub fn derives_from_builtin(&self, base: Builtin) -> bool {
        self.builtin_base == Some(base)
            || self.ancestors.iter().any(|a| a.builtin_base == Some(base))
    }

    /// Sets class attribute `name`.
    pub fn set_attr(&self, name: &Arc<str>, value: Value) {
        if downcast::<Property>(&value).is_some() {
            self.late_properties.store(true, Ordering::Relaxed);
        }
        let old = self.attrs.write().set(name, value);
        trashcan::bury(old);
    }

    /// The `property` called `name`, if there may be one.
    fn property(&self, name: &str) -> Option<Arc<Property>> {
        let known = self.property_names.iter().any(|p| **p == *name);
        let late = || {
            std::iter::once(self)
                .chain(self.ancestors.iter().map(|a| &**a))
                .any(|c| c.late_properties.load(Ordering::Relaxed))
        };
        if !known && !late() {
            return None;
        }
        self.lookup(name).as_ref().and_then(downcast::<Property>)
    }

    /// A new instance with no attributes yet, before its `__init__` runs (not for exception
    /// classes, whose instances are exceptions).
    pub fn new_instance(self: &Arc<Self>) -> Value {
        Value::Instance(Arc::new(Instance {
            class: self.clone(),
            attrs: Mutex::new(Attrs::new()),
            native: OnceLock::new(),
        }))
    }

    /// The `__init__` a call of this class with `n_args` positional arguments runs as a plain
    /// function (the new instance first), where it is one: the evaluator's fast path.
    pub fn plain_init(&self, n_args: usize) -> Option<Arc<Function>> {
        if self.exception.is_some() {
            return None;
        }
        plain_function(self.lookup("__init__")?, n_args + 1)
    }

    /// The attribute `name` of this class or the first ancestor that has it.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.attrs.read().get(name) {
            return Some(v.clone());
        }
        self.lookup_after(0, name)
    }

    /// The attribute `name` of the first ancestor from `ancestors[start]` on that has it.
    fn lookup_after(&self, start: usize, name: &str) -> Option<Value> {
        self.ancestors[start.min(self.ancestors.len())..]
            .iter()
            .find_map(|c| c.attrs.read().get(name).cloned())
    }

    /// `issubclass(self, other)` for two user classes.
    pub fn derives_from(self: &Arc<Class>, other: &Arc<Class>) -> bool {
        Arc::ptr_eq(self, other) || self.ancestors.iter().any(|c| Arc::ptr_eq(c, other))
    }

    /// `issubclass(self, kind)` for a built-in exception class.
    pub fn derives_from_exception(&self, kind: ExcKind) -> bool {
        self.exception.is_some_and(|k| k.is_subclass_of(kind))
    }

    /// `__mro__`: this class, its ancestors, then the built-in classes they derive from.
    pub fn mro(self: &Arc<Class>) -> Vec<Value> {
        let mut out = vec![Value::Class(self.clone())];
        out.extend(self.ancestors.iter().cloned().map(Value::Class));
        if let Some(mut kind) = self.exception {
            loop {
                out.push(Value::ExcType(kind));
                if kind == ExcKind::BaseException {
                    break;
                }
                kind = kind.parent();
            }
        }
        let based = std::iter::once(self)
            .chain(self.ancestors.iter())
            .find_map(|c| c.builtin_base);
        out.extend(based.map(Value::Builtin));
        out.push(Value::Builtin(Builtin::Object));
        out
    }

    /// A library module's class (`collections.deque`): no bases but `object`, the methods
    /// given, its instances printed with the module's name.
    pub fn library(module: &'static str, name: &str, attrs: Attrs) -> Arc<Class> {
        Arc::new(Class {
            property_names: attrs.property_names().cloned().collect(),
            late_properties: AtomicBool::new(false),
            annotations: Vec::new(),
            name: intern(name),
            qualname: Arc::from(name),
            module,
            ancestors: Vec::new(),
            bases: Vec::new(),
            exception: None,
            builtin_base: None,
            frozen: OnceLock::new(),
            attrs: RwLock::new(attrs),
        })
    }

    /// `<class '__main__.Name'>`.
    pub fn repr(&self) -> String {
        format!("<class '{}.{}'>", self.module, self.qualname)
    }
}

/// Class names live as long as the run (each name once), so values can name their type with
/// a `&'static str` as built-in values do.
fn intern(name: &str) -> &'static str {
    static NAMES: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut names = NAMES.lock();
    let names = names.get_or_insert_with(HashSet::new);
    if let Some(known) = names.get(name) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.into());
    names.insert(leaked);
    leaked
}

/// The ancestors of a class with these bases, in C3 order (CPython's `mro_implementation`).
fn linearize(bases: &[Arc<Class>]) -> Eval<Vec<Arc<Class>>> {
    let mut sequences: Vec<Vec<Arc<Class>>> = bases
        .iter()
        .map(|b| {
            std::iter::once(b.clone())
                .chain(b.ancestors.iter().cloned())
                .collect()
        })
        .collect();
    sequences.push(bases.to_vec());
    let mut out: Vec<Arc<Class>> = Vec::new();
    loop {
        sequences.retain(|s| !s.is_empty());
        if sequences.is_empty() {
            return Ok(out);
        }
        let in_a_tail = |c: &Arc<Class>| {
            sequences
                .iter()
                .any(|s| s[1..].iter().any(|t| Arc::ptr_eq(t, c)))
        };
        let Some(next) = sequences
            .iter()
            .map(|s| &s[0])
            .find(|c| !in_a_tail(c))
            .cloned()
        else {
            let names: Vec<&str> = bases.iter().map(|b| b.name).collect();
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                ),
            ));
        };
        for s in &mut sequences {
            if Arc::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

/// The class an object with attributes belongs to, and those attributes: an instance, or an
/// exception whose class a `class` statement made.
pub fn class_and_attrs(v: &Value) -> Option<(&Arc<Class>, &Mutex<Attrs>)> {
    match v {
        Value::Instance(i) => Some((&i.class, &i.attrs)),
        Value::Exception(e) => e.class.as_ref().map(|c| (c, &e.attrs)),
        _ => None,
    }
}

/// `obj.name` for an instance of a user class: a property's value, the instance's own
/// attribute, or the class attribute bound to the instance.
pub fn instance_attr(me: &Value, class: &Arc<Class>, attrs: &Mutex<Attrs>, name: &str) -> Eval {
    if let Some(p) = class.property(name) {
        return special::call(&p.fget, vec![me.clone()]);
    }
    if let Some(v) = attrs.lock().get(name) {
        return Ok(v.clone());
    }
    match class.lookup(name) {
        Some(v) => Ok(bind(v, me, class)),
        None => match name {
            "__class__" => Ok(Value::Class(class.clone())),
            "__dict__" => Ok(attrs_dict(&attrs.lock())),
            _ => match class.lookup("__getattr__") {
                Some(getattr) => special::call(&getattr, vec![me.clone(), Value::str(name)]),
                None => Err(no_attribute(me, name)),
            },
        },
    }
}

/// A class attribute as seen through an instance or the class: functions become bound
/// methods, `classmethod`s bind to the class, `staticmethod`s unwrap.
fn bind(v: Value, me: &Value, class: &Arc<Class>) -> Value {
    if let Some(m) = downcast::<StaticMethod>(&v) {
        return m.0.clone();
    }
    if let Some(m) = downcast::<ClassMethod>(&v) {
        return bound(Value::Class(class.clone()), m.0.clone());
    }
    let is_method = matches!(v, Value::Func(_))
        || matches!(&v, Value::Object(o) if o.binds_as_method())
        || downcast::<NativeMethod>(&v).is_some();
    if is_method && !matches!(me, Value::Class(_)) {
        return bound(me.clone(), v);
    }
    v
}

/// A method written in Rust that a class decorator adds to a class (`@dataclass`'s
/// `__init__`, `__repr__`, `__eq__`...): bound to instances as a `def` is.
pub struct NativeMethod(pub &'static super::object::NativeFn);

impl PyObject for NativeMethod {
    fn type_name(&self) -> &'static str {
        "function"
    }

    fn repr(&self) -> String {
        format!(
            "<function {} at {:#x}>",
            self.0.name, self as *const _ as usize
        )
    }

    fn call(&self, cx: &CallCx, _me: &Value, args: Args) -> Eval {
        (self.0.call)(cx, args)
    }
}

fn bound(receiver: Value, function: Value) -> Value {
    Value::Method(Arc::new(BoundMethod {
        name: match &function {
            Value::Func(f) => f.name().clone(),
            other => match downcast::<NativeMethod>(other) {
                Some(m) => Arc::from(m.0.name),
                None => Arc::from(""),
            },
        },
        receiver,
        function: Some(function),
    }))
}

/// `Class.name`.
pub fn class_attr(class: &Arc<Class>, name: &str) -> Eval {
    if name == "__doc__" {
        return Ok(class.attrs.read().get(name).cloned().unwrap_or(Value::None));
    }
    if let Some(v) = class.lookup(name) {
        return Ok(bind(v, &Value::Class(class.clone()), class));
    }
    Ok(match name {
        "__name__" => Value::str(class.name),
        "__qualname__" => Value::Str(Text::from(&class.qualname)),
        "__module__" => Value::str(class.module),
        "__bases__" => Value::tuple(class.bases.clone()),
        "__mro__" => Value::tuple(class.mro()),
        "__dict__" => attrs_dict(&class.attrs.read()),
        "__doc__" => Value::None,
        _ => return Err(no_attribute(&Value::Class(class.clone()), name)),
    })
}

fn attrs_dict(attrs: &Attrs) -> Value {
    let mut dict = super::value::Dict::default();
    for (k, v) in attrs.iter() {
        let key = Value::Str(Text::from(k));
        if let Ok(hashed) = key.key() {
            dict.insert(hashed, (key, v.clone()));
        }
    }
    Value::dict(dict)
}

/// `obj.name = value` for an object with attributes; a property calls its setter.
pub fn set_instance_attr(
    me: &Value,
    class: &Arc<Class>,
    attrs: &Mutex<Attrs>,
    name: &Arc<str>,
    value: Value,
) -> Eval<()> {
    if let Some(frozen) = class.frozen_by() {
        return Err(frozen_error(frozen, name, false));
    }
    if let Some(p) = class.property(name) {
        let Some(fset) = &p.fset else {
            return Err(Ctrl::raise(
                ExcKind::AttributeError,
                format!("property '{name}' of '{}' object has no setter", class.name),
            ));
        };
        special::call(fset, vec![me.clone(), value])?;
        return Ok(());
    }
    let old = attrs.lock().set(name, value);
    trashcan::bury(old);
    Ok(())
}

/// `del obj.name`.
pub fn del_instance_attr(me: &Value, attrs: &Mutex<Attrs>, name: &str) -> Eval<()> {
    if let Some(frozen) = class_and_attrs(me).and_then(|(c, _)| c.frozen_by()) {
        return Err(frozen_error(frozen, name, true));
    }
    match attrs.lock().shift_remove(name) {
        Some(old) => {
            trashcan::bury([old]);
            Ok(())
        }
        None => Err(no_attribute(me, name)),
    }
}

/// `Class(*args)`: a new instance, initialised by the class's `__init__`. An exception class
/// makes an exception whose `args` are the call's, as `BaseException.__new__` does.
pub fn instantiate(cx: &CallCx, class: &Arc<Class>, mut args: Args) -> Eval {
    let me = match class.exception {
        Some(kind) => Value::Exception(Arc::new(Exception::of_class(
            kind,
            class.clone(),
            args.pos.clone(),
        ))),
        None => class.new_instance(),
    };
    match class.lookup("__init__") {
        Some(init) => {
            args.pos.insert(0, me.clone());
            init_returned(cx.call(&init, args)?)?;
        }
        None if class.exception.is_some() => args.no_more_kw(class.name)?,
        None if !args.pos.is_empty() || !args.kw.is_empty() => {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                format!("{}() takes no arguments", class.name),
            ))
        }
        None => {}
    }
    Ok(me)
}

/// Checks what an `__init__` returned: anything but `None` is a `TypeError`.
pub fn init_returned(returned: Value) -> Eval<()> {
    match returned {
        Value::None => Ok(()),
        other => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!("__init__() should return None, not '{}'", other.type_name()),
        )),
    }
}

/// `super()` inside a method of `class`, called on `receiver`.
pub struct Super {
    pub class: Arc<Class>,
    pub receiver: Value,
}

impl Super {
    /// The class whose method resolution order is searched: the receiver's class (or the
    /// receiver itself, in a `classmethod`).
    fn start(&self) -> Option<Arc<Class>> {
        match &self.receiver {
            Value::Class(c) => Some(c.clone()),
            other => class_and_attrs(other).map(|(c, _)| c.clone()),
        }
    }

    /// The attribute `name` of the first class after `self.class` in the receiver's order.
    fn find(&self, name: &str) -> Option<Value> {
        let start = self.start()?;
        if Arc::ptr_eq(&start, &self.class) {
            return start.lookup_after(0, name);
        }
        let at = start
            .ancestors
            .iter()
            .position(|c| Arc::ptr_eq(c, &self.class))?;
        start.lookup_after(at + 1, name)
    }
}

impl PyObject for Super {
    fn type_name(&self) -> &'static str {
        "super"
    }

    fn repr(&self) -> String {
        format!(
            "<super: <class '{}'>, <{} object>>",
            self.class.name,
            self.receiver.type_name()
        )
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        let class = self.start()?;
        self.find(name).map(|v| bind(v, &self.receiver, &class))
    }

    /// The root classes' methods, where no class after `self.class` defines them.
    fn has_method(&self, name: &str) -> bool {
        matches!(name, "__init__" | "__repr__" | "__str__") && self.find(name).is_none()
    }

    /// What the built-in classes at the root do: `object.__init__` accepts the call,
    /// `BaseException.__init__` sets the exception's arguments.
    fn call_method(&self, _cx: &CallCx, me: &Value, name: &str, args: Args) -> Eval {
        match (name, &self.receiver) {
            ("__init__", Value::Exception(e)) => {
                *e.args.lock() = args.pos;
                Ok(Value::None)
            }
            ("__init__", _) => Ok(Value::None),
            ("__repr__", receiver) => Ok(Value::str(&special::default_repr(receiver))),
            ("__str__", receiver) => Ok(Value::str(&receiver.to_str())),
            _ => Err(no_attribute(me, name)),
        }
    }
}

/// `super(cls, obj)`; the compiler passes the method's class and first argument to a bare
/// `super()`.
pub fn make_super(args: Args) -> Eval {
    args.no_more_kw("super")?;
    match args.pos.as_slice() {
        [Value::Class(class), receiver] => Ok(object(Super {
            class: class.clone(),
            receiver: receiver.clone(),
        })),
        [] => Err(Ctrl::raise(ExcKind::RuntimeError, "super(): no arguments")),
        _ => Err(Ctrl::raise(
            ExcKind::TypeError,
            "super() argument 1 must be a class defined in the scenario",
        )),
    }
}

/// `property(fget)`, usually as `@property`; `@name.setter` adds the setter.
pub struct Property {
    pub fget: Value,
    pub fset: Option<Value>,
}

impl PyObject for Property {
    fn type_name(&self) -> &'static str {
        "property"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "setter" | "getter")
    }

    fn call_method(&self, _cx: &CallCx, _me: &Value, name: &str, args: Args) -> Eval {
        let [f] = one_function(name, args)?;
        Ok(match name {
            "setter" => object(Property {
                fget: self.fget.clone(),
                fset: Some(f),
            }),
            _ => object(Property {
                fget: f,
                fset: self.fset.clone(),
            }),
        })
    }
}

/// `@staticmethod`: called without the instance.
pub struct StaticMethod(pub Value);

/// `@classmethod`: called with the class.
pub struct ClassMethod(pub Value);

macro_rules! wrapper_object {
    ($t:ty, $name:literal) => {
        impl PyObject for $t {
            fn type_name(&self) -> &'static str {
                $name
            }

            fn has_method(&self, _name: &str) -> bool {
                false
            }

            fn call_method(&self, _cx: &CallCx, me: &Value, name: &str, _args: Args) -> Eval {
                Err(no_attribute(me, name))
            }
        }
    };
}

wrapper_object!(StaticMethod, "staticmethod");
wrapper_object!(ClassMethod, "classmethod");

fn one_function(what: &str, args: Args) -> Eval<[Value; 1]> {
    args.no_more_kw(what)?;
    <[Value; 1]>::try_from(args.pos).map_err(|given| {
        Ctrl::raise(
            ExcKind::TypeError,
            format!("{what}() takes exactly 1 argument ({} given)", given.len()),
        )
    })
}

/// `property(f)`, `staticmethod(f)`, `classmethod(f)`.
pub fn property(args: Args) -> Eval {
    let [fget] = one_function("property", args)?;
    Ok(object(Property { fget, fset: None }))
}

pub fn staticmethod(args: Args) -> Eval {
    let [f] = one_function("staticmethod", args)?;
    Ok(object(StaticMethod(f)))
}

pub fn classmethod(args: Args) -> Eval {
    let [f] = one_function("classmethod", args)?;
    Ok(object(ClassMethod(f)))
}

#[cfg(test)]
mod tests {
    use crate::lang::testing::outcome;

    #[test]
    fn methods_resolve_in_c3_order_and_super_follows_it() {
        let program = "\
class A:
    def who(self):
        return 'A'
class B(A):
    def who(self):
        return 'B' + super().who()
class C(A):
    def who(self):
        return 'C' + super().who()
class D(B, C):
    def who(self):
        return 'D' + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
";
        assert_eq!(outcome(program), "DBCA ['D', 'B', 'C', 'A', 'object']\n");
    }

    #[test]
    fn an_inconsistent_order_is_refused_as_cpython_refuses_it() {
        let program = "class A: pass\nclass B(A): pass\nclass C(A, B): pass\n";
        assert_eq!(
            outcome(program),
            "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B"
        );
    }

    #[test]
    fn methods_do_not_see_class_names_as_variables() {
        let program = "\
x = 'global'
class A:
    x = 'class'
    y = x
    def get(self):
        return x
print(A.y, A().get())
";
        assert_eq!(outcome(program), "class global\n");
    }

    #[test]
    fn a_property_without_a_setter_cannot_be_set() {
        let program = "\
class T:
    @property
    def v(self):
        return 1
t = T()
print(t.v)
t.v = 2
";
        assert_eq!(
            outcome(program),
            "1\nAttributeError: property 'v' of 'T' object has no setter"
        );
    }

    #[test]
    fn exception_classes_keep_the_arguments_their_init_passes_on() {
        let program = "\
class E(ValueError):
    def __init__(self, n):
        super().__init__(f'n={n}')
        self.n = n
try:
    raise E(3)
except ValueError as e:
    print(e, e.n, e.args, repr(e))
raise E(4)
";
        assert_eq!(outcome(program), "n=3 3 ('n=3',) E('n=3')\nE: n=4");
    }

    #[test]
    fn equality_alone_makes_instances_unhashable() {
        let program = "\
class P:
    def __eq__(self, o):
        return True
class Q:
    pass
print(len({Q(): 1, Q(): 2}))
{P(): 1}
";
        assert_eq!(outcome(program), "2\nTypeError: unhashable type: 'P'");
    }
}
