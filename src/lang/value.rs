//! Runtime values of the scenario language: Python objects as a cheap-to-clone enum.
//!
//! Everything a value points to is `Send + Sync` (containers behind `parking_lot::Mutex`), so
//! values can cross to other threads of the same run.

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use indexmap::IndexMap;
use parking_lot::Mutex;

use super::builtins::Builtin;
use super::class::{Class, Instance};
use super::error::{Ctrl, Eval, ExcKind, Exception};
use super::function::{Args, BoundMethod, Coroutine, Function};
use super::ir::{BinOp, UnaryOp};
use super::num;
use super::object::NativeFn;
use super::repr;
use super::set::SetObj;
use super::special;
use super::text::{ByteText, ObjRef, Text};
use super::trashcan;

/// A Python object.
pub enum Value {
    None,
    /// `...`
    Ellipsis,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Text),
    List(Arc<Mutex<Items>>),
    Tuple(Arc<Items>),
    Dict(Arc<Mutex<Dict>>),
    /// A `set` or a `frozenset`.
    Set(Arc<SetObj>),
    Range(Arc<RangeObj>),
    Iter(Arc<Mutex<IterState>>),
    Func(Arc<Function>),
    Builtin(Builtin),
    Method(Arc<BoundMethod>),
    Coro(Arc<Coroutine>),
    Exception(Arc<Exception>),
    ExcType(ExcKind),
    Module(Module),
    Bytes(ByteText),
    Native(&'static NativeFn),
    Object(ObjRef),
    /// A class made by a `class` statement.
    Class(Arc<Class>),
    /// An instance of such a class (exception classes make [`Value::Exception`]s).
    Instance(Arc<Instance>),
    NotImplemented,
}

impl Clone for Value {
    /// Scalars are copied inline; only reference-counted objects take the slow path.
    #[inline]
    fn clone(&self) -> Value {
        match self {
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::Bool(b) => Value::Bool(*b),
            Value::None => Value::None,
            Value::Ellipsis => Value::Ellipsis,
            Value::NotImplemented => Value::NotImplemented,
            other => other.clone_object(),
        }
    }
}

impl Value {
    #[inline(never)]
    fn clone_object(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::Ellipsis => Value::Ellipsis,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::Str(s) => Value::Str(s.clone()),
            Value::List(l) => Value::List(l.clone()),
            Value::Tuple(t) => Value::Tuple(t.clone()),
            Value::Dict(d) => Value::Dict(d.clone()),
            Value::Set(s) => Value::Set(s.clone()),
            Value::Range(r) => Value::Range(r.clone()),
            Value::Iter(i) => Value::Iter(i.clone()),
            Value::Func(f) => Value::Func(f.clone()),
            Value::Builtin(b) => Value::Builtin(*b),
            Value::Method(m) => Value::Method(m.clone()),
            Value::Coro(c) => Value::Coro(c.clone()),
            Value::Exception(e) => Value::Exception(e.clone()),
            Value::ExcType(k) => Value::ExcType(*k),
            Value::Module(m) => Value::Module(*m),
            Value::Bytes(b) => Value::Bytes(b.clone()),
            Value::Native(f) => Value::Native(f),
            Value::Object(o) => Value::Object(o.clone()),
            Value::Class(c) => Value::Class(c.clone()),
            Value::Instance(i) => Value::Instance(i.clone()),
            Value::NotImplemented => Value::NotImplemented,
        }
    }
}

/// A module scenarios can import: its dotted name and its attributes. The modules layer defines
/// them, one file each, and hands its registry to [`crate::lang::compile`].
pub struct ModuleDef {
    pub name: &'static str,
    /// `module.name`, for attribute reads and `from module import name`.
    pub attr: fn(&str) -> Option<Value>,
}

/// An imported module: a handle on its definition in the registry.
#[derive(Clone, Copy)]
pub struct Module(&'static ModuleDef);

/// `range(start, stop, step)`.
pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many ints the range holds: up to 2^64 - 1, more than `len()` can answer.
    pub fn len(&self) -> u64 {
        let (lo, hi, step) = self.wide();
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / -step + 1
        } else {
            0
        };
        n as u64
    }

    /// The `i`-th int (`i < len()`, so it lies between start and stop and fits).
    pub fn item(&self, i: u64) -> i64 {
        let (lo, _, step) = self.wide();
        (lo + step * i128::from(i)) as i64
    }

    /// `i in range`.
    pub fn contains(&self, i: i64) -> bool {
        let (lo, hi, step) = self.wide();
        let i = i128::from(i);
        let in_bounds = if step > 0 {
            lo <= i && i < hi
        } else {
            hi < i && i <= lo
        };
        in_bounds && (i - lo) % step == 0
    }

    fn wide(&self) -> (i128, i128, i128) {
        (
            i128::from(self.start),
            i128::from(self.stop),
            i128::from(self.step),
        )
    }
}

/// Where iterating a `range` has got to.
#[derive(Debug, Clone, Copy)]
pub struct RangeCursor {
    next: i64,
    stop: i64,
    step: i64,
}

impl RangeCursor {
    pub fn new(range: &RangeObj) -> RangeCursor {
        RangeCursor {
            next: range.start,
            stop: range.stop,
            step: range.step,
        }
    }
}

impl Iterator for RangeCursor {
    type Item = i64;

    #[inline]
    fn next(&mut self) -> Option<i64> {
        let more = if self.step > 0 {
            self.next < self.stop
        } else {
            self.next > self.stop
        };
        if !more {
            return None;
        }
        let v = self.next;
        // Past the last item the next one may not fit; the range is then over.
        self.next = v.checked_add(self.step).unwrap_or(self.stop);
        Some(v)
    }
}

/// The state of an iterator over a snapshot of a container (Python iterates live lists; the
/// scenarios never mutate a list while iterating it, so a snapshot is indistinguishable).
pub enum IterState {
    Range(RangeCursor),
    Items {
        items: Arc<Items>,
        pos: usize,
    },
    /// The items of a list, read at each step as CPython's list iterator reads them: what the
    /// loop appends or removes meanwhile is seen. `pos` is `usize::MAX` once it has run out,
    /// and it stays exhausted whatever is appended later.
    List {
        list: Arc<Mutex<Items>>,
        pos: usize,
    },
    /// The characters of a string, from byte offset `pos`.
    Chars {
        text: Text,
        pos: usize,
    },
    /// The bytes of a `bytes` object as ints, from `pos`.
    Bytes {
        data: ByteText,
        pos: usize,
    },
    Enumerate {
        inner: Box<IterState>,
        /// The next count; `None` once it no longer fits in 64 bits.
        count: Option<i64>,
    },
    Zip(Vec<IterState>),
    /// An iterator object iterated again: stepped in place, so a loop that breaks out of it
    /// leaves the rest in it, as in Python.
    Shared(Arc<Mutex<IterState>>),
    /// Items native code produces as they become available (futures as they complete).
    Native(Arc<dyn NativeIter>),
}

/// An iterator implemented natively, whose next item may have to be waited for (its lane
/// shows the wait, without the GIL, as a generator blocked in CPython would).
pub trait NativeIter: Send + Sync {
    fn next_item(&self) -> Eval<Option<Value>>;

    /// Its repr, where it has one of its own (`count(5)`).
    fn repr(&self) -> Option<String> {
        None
    }
}

impl IterState {
    /// How many iterators this one is built on, itself included: stepping it goes through
    /// each of them.
    pub fn depth(&self) -> usize {
        match self {
            IterState::Enumerate { inner, .. } => inner.depth() + 1,
            IterState::Zip(iters) => iters.iter().map(IterState::depth).max().unwrap_or(0) + 1,
            // One being stepped right now was measured when it was made.
            IterState::Shared(shared) => shared.try_lock().map_or(1, |s| s.depth()),
            _ => 1,
        }
    }

    /// The next item, `None` once exhausted; waiting for a native item can fail.
    #[inline]
    pub fn next_value(&mut self) -> Eval<Option<Value>> {
        Ok(match self {
            IterState::Range(cursor) => cursor.next().map(Value::Int),
            IterState::Items { items, pos } => {
                let v = items.get(*pos).cloned();
                *pos += usize::from(v.is_some());
                v
            }
            IterState::List { list, pos } => {
                let v = list.lock().get(*pos).cloned();
                *pos = if v.is_some() { *pos + 1 } else { usize::MAX };
                v
            }
            IterState::Chars { text, pos } => {
                let c = text[*pos..].chars().next();
                *pos += c.map_or(0, char::len_utf8);
                c.map(|c| Value::str(c.encode_utf8(&mut [0; 4])))
            }
            IterState::Bytes { data, pos } => {
                let b = data.get(*pos).copied();
                *pos += usize::from(b.is_some());
                b.map(|b| Value::Int(i64::from(b)))
            }
            IterState::Enumerate { inner, count } => {
                let Some(v) = inner.next_value()? else {
                    return Ok(None);
                };
                let i = count.ok_or_else(num::int_overflow)?;
                *count = i.checked_add(1);
                Some(Value::tuple(vec![Value::Int(i), v]))
            }
            IterState::Zip(iters) => {
                let mut items = Vec::with_capacity(iters.len());
                for it in iters.iter_mut() {
                    let Some(v) = it.next_value()? else {
                        return Ok(None);
                    };
                    items.push(v);
                }
                Some(Value::tuple(items))
            }
            // Only a thread stepping the same iterator while it waits for a native item can
            // find it locked: CPython refuses that with the same error for its generators.
            IterState::Shared(shared) => match shared.try_lock() {
                Some(mut state) => return state.next_value(),
                None => {
                    return Err(Ctrl::raise(
                        ExcKind::ValueError,
                        "generator already executing",
                    ))
                }
            },
            IterState::Native(native) => return native.next_item(),
        })
    }
}

/// A map by [`Key`], in insertion order. Keys are hashed with foldhash: several times faster
/// than the standard library's SipHash on the short strings and integers dicts are keyed by,
/// and the order of a dict never depends on the hashes.
pub type KeyMap<V> = IndexMap<Key, V, foldhash::fast::RandomState>;

/// A hashable dictionary key. Python makes `1`, `1.0` and `True` the same key; so do we.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum Key {
    None,
    Ellipsis,
    Int(i64),
    FloatBits(u64),
    Str(Text),
    Bytes(ByteText),
    Tuple(Vec<Key>),
    /// An object hashed by its identity (functions, futures, instances of classes that do
    /// not define `__eq__`).
    Id(usize),
    /// An object whose class defines `__hash__`: keys are equal by its `__eq__`.
    Object(ObjectKey),
    /// A frozenset: equal to another with the same elements, in any order.
    FrozenSet(FrozenKey),
}

/// The key of a frozenset: its hash and its elements' keys.
#[derive(Clone)]
pub struct FrozenKey {
    hash: i64,
    keys: Vec<Key>,
}

impl PartialEq for FrozenKey {
    fn eq(&self, other: &FrozenKey) -> bool {
        self.hash == other.hash
            && self.keys.len() == other.keys.len()
            && self.keys.iter().all(|k| other.keys.contains(k))
    }
}

impl Eq for FrozenKey {}

impl std::hash::Hash for FrozenKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.hash.hash(state);
    }
}

/// The key of an object of a user class that defines `__hash__`.
#[derive(Clone)]
pub struct ObjectKey {
    hash: i64,
    value: Value,
}

impl PartialEq for ObjectKey {
    fn eq(&self, other: &ObjectKey) -> bool {
        // A failing `__eq__` cannot fail a lookup here; such keys compare unequal.
        self.hash == other.hash
            && (super::ops::identical(&self.value, &other.value)
                || special::compare(super::ir::CmpOp::Eq, &self.value, &other.value)
                    .unwrap_or(false))
    }
}

impl Eq for ObjectKey {}

impl std::hash::Hash for ObjectKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.hash.hash(state);
    }
}

/// How deeply values may nest inside each other where Python recurses over them (`repr`,
/// comparison, hashing, iterators wrapping iterators), as CPython's recursion limit bounds
/// the same recursions: beyond it they raise `RecursionError` rather than exhaust the stack.
pub const MAX_NESTING: usize = 1000;

/// The items of a list or a tuple. Dropped through the trashcan, so that a structure nested a
/// million deep is freed without recursion.
#[derive(Clone, Default)]
pub struct Items(Vec<Value>);

impl Items {
    pub fn into_vec(mut self) -> Vec<Value> {
        std::mem::take(&mut self.0)
    }
}

impl From<Vec<Value>> for Items {
    fn from(items: Vec<Value>) -> Items {
        Items(items)
    }
}

impl Deref for Items {
    type Target = Vec<Value>;
    fn deref(&self) -> &Vec<Value> {
        &self.0
    }
}

impl DerefMut for Items {
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        &mut self.0
    }
}

impl Drop for Items {
    fn drop(&mut self) {
        trashcan::bury(std::mem::take(&mut self.0));
    }
}

/// The entries of a dict, by key: each keeps the key as given (`1` or `1.0`) and the value.
/// Dropped through the trashcan, as [`Items`] are.
#[derive(Clone, Default)]
pub struct Dict {
    entries: KeyMap<(Value, Value)>,
    /// What kind of dict subclass this is (`Counter`, `defaultdict`...), if any.
    pub kind: Option<DictKind>,
}

/// A dict subclass of a library module and what its instance keeps besides the entries (a
/// `defaultdict`'s factory).
#[derive(Clone)]
pub struct DictKind {
    pub flavor: &'static DictFlavor,
    pub extra: Value,
}

/// A dict subclass written in a library module (`collections.Counter`, `defaultdict`,
/// `OrderedDict`): its entries are a plain [`Dict`], and these hooks are what it changes.
pub struct DictFlavor {
    /// `type(d).__name__`.
    pub name: &'static str,
    /// The type object: `type(d)`, and what `isinstance(d, Counter)` compares with.
    pub class: fn() -> Value,
    /// `d[key]` for a missing key, as `__missing__`; `None` raises `KeyError`.
    pub missing: fn(&Value, &DictKind, &Value) -> Option<Eval>,
    /// `repr(d)`.
    pub repr: fn(&Value, &DictKind) -> Eval<String>,
    /// `d.name` for the names the subclass adds (methods and attributes), or `None`.
    pub attr: fn(&Value, &DictKind, &str) -> Option<Value>,
    /// `d.name(*args)` for the methods the subclass adds or changes, or `None`.
    pub method: fn(&Value, &DictKind, &str, &mut Args) -> Option<Eval>,
    /// `a <op> b` where `a` is of this kind, or `None` where it adds no such operator.
    pub binary: fn(BinOp, &Value, &Value) -> Option<Eval>,
    /// `+d` and `-d`, where the kind has them.
    pub unary: fn(UnaryOp, &Value) -> Option<Eval>,
    /// `d.name = value` for the attributes the kind has (`default_factory`): whether it took it.
    pub set_attr: fn(&mut DictKind, &str, Value) -> bool,
    /// Whether two dicts of this kind are equal only with their keys in the same order.
    pub ordered: bool,
}

impl Dict {
    /// The subclass this dict is an instance of, if any.
    pub fn kind(&self) -> Option<&DictKind> {
        self.kind.as_ref()
    }
}

impl Deref for Dict {
    type Target = KeyMap<(Value, Value)>;
    fn deref(&self) -> &Self::Target {
        &self.entries
    }
}

impl DerefMut for Dict {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.entries
    }
}

impl Drop for Dict {
    fn drop(&mut self) {
        trashcan::bury(
            std::mem::take(&mut self.entries)
                .into_values()
                .flat_map(|(k, v)| [k, v]),
        );
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Text::new(s))
    }

    pub fn bytes(b: &[u8]) -> Value {
        Value::Bytes(ByteText::new(b))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Arc::new(Items(items)))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Arc::new(Mutex::new(Items(items))))
    }

    pub fn dict(entries: Dict) -> Value {
        Value::Dict(Arc::new(Mutex::new(entries)))
    }

    /// Whether dropping this value may drop values it holds: it may hold some, and this is
    /// the last reference to it. Dropping any other reference only counts down.
    pub fn may_release_values(&self) -> bool {
        fn sole<T: ?Sized>(a: &Arc<T>) -> bool {
            Arc::strong_count(a) == 1
        }
        match self {
            Value::List(x) => sole(x),
            Value::Tuple(x) => sole(x),
            Value::Dict(x) => sole(x),
            Value::Set(x) => sole(x),
            Value::Iter(x) => sole(x),
            Value::Func(x) => sole(x),
            Value::Method(x) => sole(x),
            Value::Coro(x) => sole(x),
            Value::Exception(x) => sole(x),
            Value::Object(x) => sole(x),
            Value::Class(x) => sole(x),
            Value::Instance(x) => sole(x),
            _ => false,
        }
    }

    /// The Python type name, as `type(x).__name__` prints it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::None => "NoneType",
            Value::Ellipsis => "ellipsis",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            // A dict locked by this very thread (an error raised while it is being changed)
            // is named by its base type.
            Value::Dict(d) => d
                .try_lock()
                .and_then(|d| d.kind().map(|k| k.flavor.name))
                .unwrap_or("dict"),
            Value::Set(s) if s.frozen => "frozenset",
            Value::Set(_) => "set",
            Value::Range(_) => "range",
            Value::Iter(_) => "iterator",
            Value::Func(_) => "function",
            Value::Builtin(b) if b.is_type() => "type",
            Value::Builtin(_) => "builtin_function_or_method",
            Value::Method(_) => "method",
            Value::Coro(_) => "coroutine",
            Value::Exception(e) => e.type_name(),
            Value::ExcType(_) => "type",
            Value::Module(_) => "module",
            Value::Bytes(_) => "bytes",
            Value::Native(_) => "builtin_function_or_method",
            Value::Object(o) => o.type_name(),
            Value::Class(_) => "type",
            Value::Instance(i) => i.class.name,
            Value::NotImplemented => "NotImplementedType",
        }
    }

    #[inline]
    pub fn truthy(&self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.lock().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.lock().is_empty(),
            Value::Set(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            // Python code cannot fail here: those who can tell call `special::truth`.
            Value::Instance(_) => special::truth(self).unwrap_or(true),
            _ => true,
        }
    }

    /// The dictionary key for this value, or a `TypeError` for unhashable values.
    pub fn key(&self) -> Eval<Key> {
        self.key_at(0)
    }

    fn key_at(&self, depth: usize) -> Eval<Key> {
        Ok(match self {
            Value::None => Key::None,
            Value::Ellipsis => Key::Ellipsis,
            Value::Bool(b) => Key::Int(*b as i64),
            Value::Int(i) => Key::Int(*i),
            Value::Float(f) => match num::exact_int(*f) {
                Some(i) => Key::Int(i),
                None => Key::FloatBits(f.to_bits()),
            },
            Value::Str(s) => Key::Str(s.clone()),
            Value::Bytes(b) => Key::Bytes(b.clone()),
            Value::Tuple(t) => {
                if depth >= MAX_NESTING {
                    return Err(Ctrl::raise(
                        ExcKind::RecursionError,
                        "maximum recursion depth exceeded while calling a Python object",
                    ));
                }
                Key::Tuple(
                    t.iter()
                        .map(|item| item.key_at(depth + 1))
                        .collect::<Eval<_>>()?,
                )
            }
            Value::Set(s) if s.frozen => Key::FrozenSet(FrozenKey {
                hash: s.frozen_hash(),
                keys: s.keys(),
            }),
            v if special::has_class(v) => match special::hash(v) {
                Some(Ok(hash)) => Key::Object(ObjectKey {
                    hash,
                    value: v.clone(),
                }),
                Some(Err(ctrl)) => return Err(ctrl),
                None => Key::Id(identity(v)),
            },
            Value::Func(_)
            | Value::Coro(_)
            | Value::Exception(_)
            | Value::Class(_)
            | Value::Object(_) => Key::Id(identity(self)),
            other => {
                return Err(Ctrl::raise(
                    ExcKind::TypeError,
                    format!("unhashable type: '{}'", other.type_name()),
                ))
            }
        })
    }

    /// `str(x)`; a part nested too deeply to write shows as `...`.
    pub fn to_str(&self) -> String {
        repr::lenient(self, repr::Style::Str)
    }

    /// `repr(x)`; a part nested too deeply to write shows as `...`.
    pub fn repr(&self) -> String {
        repr::lenient(self, repr::Style::Repr)
    }

    /// `str(x)` as Python's `str()` computes it: too deep a nesting is a `RecursionError`, too
    /// long a text a `MemoryError`.
    pub fn try_str(&self) -> Eval<String> {
        repr::strict(self, repr::Style::Str)
    }

    /// `repr(x)` as Python's `repr()` computes it (see [`Value::try_str`]).
    pub fn try_repr(&self) -> Eval<String> {
        repr::strict(self, repr::Style::Repr)
    }
}

/// The address of the object behind a reference value (0 for values held inline).
pub fn identity(v: &Value) -> usize {
    fn at<T: ?Sized>(a: &Arc<T>) -> usize {
        Arc::as_ptr(a) as *const () as usize
    }
    match v {
        Value::Func(f) => at(f),
        Value::Coro(c) => at(c),
        Value::Exception(e) => at(e),
        Value::Class(c) => at(c),
        Value::Instance(i) => at(i),
        Value::Object(o) => at(o),
        Value::List(l) => at(l),
        Value::Dict(d) => at(d),
        Value::Set(s) => at(s),
        Value::Tuple(t) => at(t),
        Value::Method(m) => at(m),
        _ => 0,
    }
}

impl Module {
    pub fn of(def: &'static ModuleDef) -> Module {
        Module(def)
    }

    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// `module.name`, if the module has it in Interleave.
    pub fn attr(self, name: &str) -> Option<Value> {
        (self.0.attr)(name)
    }

    /// The module called `name` among `modules` (the table a program was compiled against).
    pub fn find(modules: &'static [ModuleDef], name: &str) -> Option<Module> {
        modules.iter().map(Module).find(|m| m.name() == name)
    }
}

impl PartialEq for Module {
    fn eq(&self, other: &Module) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Module {}

impl std::fmt::Debug for Module {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<module '{}'>", self.0.name)
    }
}
