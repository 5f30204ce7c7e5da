//! The `dataclasses` module: `@dataclass` (with `eq`, `order`, `frozen`), `field`, `asdict`
//! and `astuple`. The decorator adds `__init__`, `__repr__`, `__eq__`, the ordering methods and
//! `__hash__` to the class as native methods, where the class does not define them itself.

use std::sync::Arc;

use crate::lang::class::{self, Class, Frozen, NativeMethod};
use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::function::Args;
use crate::lang::introspect;
use crate::lang::ir::CmpOp;
use crate::lang::object::{downcast, object, CallCx, NativeFn, PyObject};
use crate::lang::ops;
use crate::lang::text::Text;
use crate::lang::value::{Dict, ModuleDef, Value};

static DATACLASS: NativeFn = NativeFn {
    name: "dataclass",
    call: dataclass,
};
static FIELD: NativeFn = NativeFn {
    name: "field",
    call: field,
};
static ASDICT: NativeFn = NativeFn {
    name: "asdict",
    call: asdict,
};
static ASTUPLE: NativeFn = NativeFn {
    name: "astuple",
    call: astuple,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "dataclasses",
    attr,
};

/// `dataclasses.name`, for attribute access and `from dataclasses import name`.
fn attr(name: &str) -> Option<Value> {
    let f: &'static NativeFn = match name {
        "dataclass" => &DATACLASS,
        "field" => &FIELD,
        "asdict" => &ASDICT,
        "astuple" => &ASTUPLE,
        "FrozenInstanceError" => return Some(Value::ExcType(ExcKind::FrozenInstanceError)),
        _ => return None,
    };
    Some(Value::Native(f))
}

/// What `@dataclass(...)` was asked for.
#[derive(Clone, Copy)]
pub struct Options {
    /// How argument errors name the generated `__init__`: `__init__`, or `__new__` for a
    /// named tuple.
    pub constructor: &'static str,
    pub eq: bool,
    pub order: bool,
    /// Whether instances refuse assignment, and how they say so.
    pub frozen: Option<Frozen>,
}

/// One field: its name and how `__init__` fills it when the call does not.
struct Field {
    name: Arc<str>,
    default: Option<Value>,
    factory: Option<Value>,
}

/// A dataclass's fields, kept on the class as `__dataclass_fields__`.
struct Spec {
    fields: Vec<Field>,
    constructor: &'static str,
}

impl PyObject for Spec {
    fn type_name(&self) -> &'static str {
        "dict"
    }
}

/// `field(default=..., default_factory=...)` in a class body.
struct FieldDefault {
    default: Option<Value>,
    factory: Option<Value>,
}

impl PyObject for FieldDefault {
    fn type_name(&self) -> &'static str {
        "Field"
    }
}

/// `@dataclass(eq=..., order=..., frozen=...)` before it is applied to the class.
struct Decorator(Options);

impl PyObject for Decorator {
    fn type_name(&self) -> &'static str {
        "function"
    }

    fn call(&self, _cx: &CallCx, _me: &Value, args: Args) -> Eval {
        match args.pos.as_slice() {
            [Value::Class(class)] if args.kw.is_empty() => decorate(class, self.0),
            _ => Err(type_error("dataclass() should be applied to a class")),
        }
    }
}

fn type_error(message: impl Into<String>) -> Ctrl {
    Ctrl::raise(ExcKind::TypeError, message)
}

fn flag(args: &mut Args, name: &str, default: bool) -> bool {
    args.take_kw(name).map_or(default, |v| v.truthy())
}

fn dataclass(_cx: &CallCx, mut args: Args) -> Eval {
    let options = Options {
        constructor: "__init__",
        eq: flag(&mut args, "eq", true),
        order: flag(&mut args, "order", false),
        frozen: flag(&mut args, "frozen", false).then_some(Frozen::Dataclass),
    };
    args.no_more_kw("dataclass")?;
    if options.order && !options.eq {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "eq must be true if order is true",
        ));
    }
    match args.pos.as_slice() {
        [] => Ok(object(Decorator(options))),
        [Value::Class(class)] => decorate(class, options),
        _ => Err(type_error("dataclass() should be applied to a class")),
    }
}

fn field(_cx: &CallCx, mut args: Args) -> Eval {
    let default = args.take_kw("default");
    let factory = args.take_kw("default_factory");
    args.no_more_kw("field")?;
    if !args.pos.is_empty() {
        return Err(type_error("field() takes 0 positional arguments"));
    }
    if default.is_some() && factory.is_some() {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "cannot specify both default and default_factory",
        ));
    }
    Ok(object(FieldDefault { default, factory }))
}

/// The fields of a dataclass: its bases' first, then its own annotations in order.
fn collect_fields(class: &Arc<Class>) -> Eval<Vec<Field>> {
    let mut fields: Vec<Field> = match class.ancestors.iter().find_map(|c| spec_of_class(c)) {
        Some(base) => base
            .fields
            .iter()
            .map(|f| Field {
                name: f.name.clone(),
                default: f.default.clone(),
                factory: f.factory.clone(),
            })
            .collect(),
        None => Vec::new(),
    };
    for name in &class.annotations {
        let value = class.attrs.read().get(name).cloned();
        let (default, factory) = match value.as_ref().and_then(downcast::<FieldDefault>) {
            Some(f) => (f.default.clone(), f.factory.clone()),
            None => (value, None),
        };
        if default.is_none() {
            class.attrs.write().shift_remove(name);
        } else {
            class.set_attr(name, default.clone().unwrap_or(Value::None));
        }
        let new = Field {
            name: name.clone(),
            default,
            factory,
        };
        match fields.iter_mut().find(|f| f.name == new.name) {
            Some(existing) => *existing = new,
            None => fields.push(new),
        }
    }
    let mut seen_default = false;
    for f in &fields {
        let has_default = f.default.is_some() || f.factory.is_some();
        if seen_default && !has_default {
            return Err(type_error(format!(
                "non-default argument '{}' follows default argument",
                f.name
            )));
        }
        seen_default |= has_default;
    }
    Ok(fields)
}

/// Adds the generated methods to `class`, each only where the class does not define it.
pub fn decorate(class: &Arc<Class>, options: Options) -> Eval {
    if let Some(by) = options.frozen {
        let _ = class.frozen.set(by);
    }
    let fields = collect_fields(class)?;
    let spec = object(Spec {
        fields,
        constructor: options.constructor,
    });
    class.set_attr(&Arc::from("__dataclass_fields__"), spec);
    let mut methods: Vec<(&str, &'static NativeFn)> =
        vec![("__init__", &INIT), ("__repr__", &REPR)];
    if options.eq {
        methods.push(("__eq__", &EQ));
    }
    if options.order {
        methods.extend([
            ("__lt__", &LT),
            ("__le__", &LE),
            ("__gt__", &GT),
            ("__ge__", &GE),
        ]);
    }
    for (name, f) in methods {
        if !class.attrs.read().contains_key(name) {
            class.set_attr(&Arc::from(name), object(NativeMethod(f)));
        }
    }
    if !class.attrs.read().contains_key("__hash__") {
        let hash = match (options.eq, options.frozen.is_some()) {
            (true, true) => object(NativeMethod(&HASH)),
            (true, false) => Value::None,
            (false, _) => return Ok(Value::Class(class.clone())),
        };
        class.set_attr(&Arc::from("__hash__"), hash);
    }
    Ok(Value::Class(class.clone()))
}

fn spec_of_class(class: &Class) -> Option<Arc<Spec>> {
    class
        .lookup("__dataclass_fields__")
        .as_ref()
        .and_then(downcast::<Spec>)
}

/// The class of a dataclass instance and its spec.
fn spec_of(v: &Value) -> Option<(Arc<Class>, Arc<Spec>)> {
    let Value::Instance(i) = v else {
        return None;
    };
    Some((i.class.clone(), spec_of_class(&i.class)?))
}

fn receiver(args: &Args) -> Eval<(Value, Arc<Class>, Arc<Spec>)> {
    let me = args
        .pos
        .first()
        .cloned()
        .ok_or_else(|| type_error("a dataclass method needs its instance"))?;
    let (class, spec) = spec_of(&me).ok_or_else(|| type_error("not a dataclass instance"))?;
    Ok((me, class, spec))
}

fn values_of(me: &Value, spec: &Spec) -> Eval<Vec<Value>> {
    spec.fields
        .iter()
        .map(|f| crate::lang::builtins::get_attr(me, &f.name))
        .collect()
}

static INIT: NativeFn = NativeFn {
    name: "__init__",
    call: init,
};
static REPR: NativeFn = NativeFn {
    name: "__repr__",
    call: repr,
};
static EQ: NativeFn = NativeFn {
    name: "__eq__",
    call: |_, args| compare(args, CmpOp::Eq),
};
static LT: NativeFn = NativeFn {
    name: "__lt__",
    call: |_, args| compare(args, CmpOp::Lt),
};
static LE: NativeFn = NativeFn {
    name: "__le__",
    call: |_, args| compare(args, CmpOp::LtE),
};
static GT: NativeFn = NativeFn {
    name: "__gt__",
    call: |_, args| compare(args, CmpOp::Gt),
};
static GE: NativeFn = NativeFn {
    name: "__ge__",
    call: |_, args| compare(args, CmpOp::GtE),
};
static HASH: NativeFn = NativeFn {
    name: "__hash__",
    call: hash,
};

/// The generated `__init__`: each field from the call's arguments, its default or its
/// factory, then `__post_init__` if the class has one.
fn init(cx: &CallCx, mut args: Args) -> Eval {
    let (me, class, spec) = receiver(&args)?;
    let name = format!("{}.{}()", class.qualname, spec.constructor);
    let given = args.pos.len() - 1;
    if given > spec.fields.len() {
        let most = spec.fields.len() + 1;
        let least = 1 + spec
            .fields
            .iter()
            .filter(|f| f.default.is_none() && f.factory.is_none())
            .count();
        let takes = match (least, most) {
            (1, 1) => "1 positional argument".to_string(),
            (least, most) if least == most => format!("{most} positional arguments"),
            (least, most) => format!("from {least} to {most} positional arguments"),
        };
        return Err(type_error(format!(
            "{name} takes {takes} but {} were given",
            given + 1
        )));
    }
    let mut positional = args.pos.drain(1..);
    for f in &spec.fields {
        let value = match (
            positional.next(),
            args.kw.iter().position(|(k, _)| *k == f.name),
        ) {
            (Some(_), Some(_)) => {
                return Err(type_error(format!(
                    "{name} got multiple values for argument '{}'",
                    f.name
                )))
            }
            (Some(v), None) => v,
            (None, Some(i)) => args.kw.remove(i).1,
            (None, None) => match (&f.default, &f.factory) {
                (Some(d), _) => d.clone(),
                (None, Some(factory)) => cx.call(factory, Args::default())?,
                (None, None) => {
                    return Err(type_error(format!(
                        "{name} missing 1 required positional argument: '{}'",
                        f.name
                    )))
                }
            },
        };
        class::init_attr(&me, &f.name, value)?;
    }
    drop(positional);
    if let Some((k, _)) = args.kw.first() {
        return Err(type_error(format!(
            "{name} got an unexpected keyword argument '{k}'"
        )));
    }
    if let Some(post) = class.lookup("__post_init__") {
        cx.call(&post, Args::positional(vec![me]))?;
    }
    Ok(Value::None)
}

/// The generated `__repr__`: `Point(x=1, y=2)`.
fn repr(_cx: &CallCx, args: Args) -> Eval {
    let (me, class, spec) = receiver(&args)?;
    let mut parts = Vec::with_capacity(spec.fields.len());
    for (f, v) in spec.fields.iter().zip(values_of(&me, &spec)?) {
        parts.push(format!("{}={}", f.name, v.try_repr()?));
    }
    Ok(Value::str(&format!(
        "{}({})",
        class.qualname,
        parts.join(", ")
    )))
}

/// The generated comparisons: the fields as tuples, for two instances of the same class.
fn compare(args: Args, op: CmpOp) -> Eval {
    let (me, class, spec) = receiver(&args)?;
    let other = args.pos.get(1).cloned().unwrap_or(Value::None);
    match &other {
        Value::Instance(o) if Arc::ptr_eq(&o.class, &class) => {
            let a = Value::tuple(values_of(&me, &spec)?);
            let b = Value::tuple(values_of(&other, &spec)?);
            Ok(Value::Bool(ops::compare(op, &a, &b)?))
        }
        _ => Ok(Value::NotImplemented),
    }
}

/// The generated `__hash__` of a frozen dataclass: the hash of its fields as a tuple.
fn hash(_cx: &CallCx, args: Args) -> Eval {
    let (me, _, spec) = receiver(&args)?;
    let fields = Value::tuple(values_of(&me, &spec)?);
    introspect::call(
        crate::lang::builtins::Builtin::Hash,
        Args::positional(vec![fields]),
    )
}

/// `asdict(obj)`: the fields as a dict, nested dataclasses, lists and tuples converted too.
fn asdict(_cx: &CallCx, args: Args) -> Eval {
    convert_arg("asdict", args, true)
}

/// `astuple(obj)`: the fields as a tuple, converted as `asdict` converts them.
fn astuple(_cx: &CallCx, args: Args) -> Eval {
    convert_arg("astuple", args, false)
}

fn convert_arg(what: &str, args: Args, as_dict: bool) -> Eval {
    args.no_more_kw(what)?;
    match args.pos.as_slice() {
        [v] if spec_of(v).is_some() => convert(v, as_dict, 0),
        _ => Err(type_error(format!(
            "{what}() should be called on dataclass instances"
        ))),
    }
}

fn convert(v: &Value, as_dict: bool, depth: usize) -> Eval {
    if depth > crate::lang::value::MAX_NESTING {
        return Err(Ctrl::raise(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded",
        ));
    }
    if let Some((_, spec)) = spec_of(v) {
        let values = values_of(v, &spec)?
            .iter()
            .map(|x| convert(x, as_dict, depth + 1))
            .collect::<Eval<Vec<_>>>()?;
        if !as_dict {
            return Ok(Value::tuple(values));
        }
        let mut dict = Dict::default();
        for (f, value) in spec.fields.iter().zip(values) {
            let key = Value::Str(Text::from(&f.name));
            dict.insert(key.key()?, (key, value));
        }
        return Ok(Value::dict(dict));
    }
    Ok(match v {
        Value::List(l) => Value::list(
            ops::snapshot(l)?
                .iter()
                .map(|x| convert(x, as_dict, depth + 1))
                .collect::<Eval<_>>()?,
        ),
        Value::Tuple(t) => Value::tuple(
            t.iter()
                .map(|x| convert(x, as_dict, depth + 1))
                .collect::<Eval<_>>()?,
        ),
        other => other.clone(),
    })
}
