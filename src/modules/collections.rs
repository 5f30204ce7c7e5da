//! The `collections` module: `deque` and `namedtuple` as classes of the object model (written
//! in Rust, subclassable, printed as CPython prints them), and `Counter`, `defaultdict` and
//! `OrderedDict` as dicts of another kind (see `lang::value::DictKind`).

use std::collections::VecDeque;
use std::sync::{Arc, OnceLock};

use parking_lot::Mutex;

use super::dataclasses::{self, Options};
use crate::lang::builtins::Builtin;
use crate::lang::class::{Attrs, Class, ClassMethod, Frozen, NativeMethod, Property};
use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::function::Args;
use crate::lang::object::{downcast, object, CallCx, NativeFn, PyObject};
use crate::lang::ops;
use crate::lang::repr;
use crate::lang::text::Text;
use crate::lang::value::{IterState, ModuleDef, Value};

pub const MODULE: ModuleDef = ModuleDef {
    name: "collections",
    attr,
};

static NAMEDTUPLE: NativeFn = NativeFn {
    name: "namedtuple",
    call: namedtuple,
};

fn attr(name: &str) -> Option<Value> {
    match name {
        "deque" => Some(Value::Class(deque_class().clone())),
        "namedtuple" => Some(Value::Native(&NAMEDTUPLE)),
        _ => super::dict_kinds::attr(name),
    }
}

fn type_error(message: impl Into<String>) -> Ctrl {
    Ctrl::raise(ExcKind::TypeError, message)
}

fn index_error(message: &str) -> Ctrl {
    Ctrl::raise(ExcKind::IndexError, message)
}

// ---- deque ------------------------------------------------------------------------------------

/// A deque's items; its instance keeps them as its native part.
struct Deque {
    items: Mutex<VecDeque<Value>>,
    maxlen: Mutex<Option<usize>>,
}

impl PyObject for Deque {
    fn type_name(&self) -> &'static str {
        "deque"
    }
}

impl Deque {
    /// Adds `x` at the back (or the front), dropping from the other end past `maxlen`.
    fn push(&self, x: Value, front: bool) {
        let maxlen = *self.maxlen.lock();
        let dropped = {
            let mut items = self.items.lock();
            if maxlen == Some(0) {
                return;
            }
            if front {
                items.push_front(x);
            } else {
                items.push_back(x);
            }
            match maxlen {
                Some(max) if items.len() > max && front => items.pop_back(),
                Some(max) if items.len() > max => items.pop_front(),
                _ => None,
            }
        };
        drop(dropped);
    }

    fn snapshot(&self) -> Vec<Value> {
        self.items.lock().iter().cloned().collect()
    }
}

macro_rules! deque_methods {
    ($($name:literal => $call:expr),* $(,)?) => {
        static DEQUE_METHODS: &[NativeFn] = &[$(NativeFn { name: $name, call: $call }),*];
    };
}

deque_methods! {
    "__init__" => deque_init,
    "append" => |_, args| {
        let (d, [x]) = receiver::<1>("append", args)?;
        d.push(x, false);
        Ok(Value::None)
    },
    "appendleft" => |_, args| {
        let (d, [x]) = receiver::<1>("appendleft", args)?;
        d.push(x, true);
        Ok(Value::None)
    },
    "pop" => |_, args| {
        let (d, []) = receiver::<0>("pop", args)?;
        let popped = d.items.lock().pop_back();
        popped.ok_or_else(|| index_error("pop from an empty deque"))
    },
    "popleft" => |_, args| {
        let (d, []) = receiver::<0>("popleft", args)?;
        let popped = d.items.lock().pop_front();
        popped.ok_or_else(|| index_error("pop from an empty deque"))
    },
    "extend" => |_, args| {
        let (d, [items]) = receiver::<1>("extend", args)?;
        ops::to_vec(&items)?.into_iter().for_each(|x| d.push(x, false));
        Ok(Value::None)
    },
    "extendleft" => |_, args| {
        let (d, [items]) = receiver::<1>("extendleft", args)?;
        ops::to_vec(&items)?.into_iter().for_each(|x| d.push(x, true));
        Ok(Value::None)
    },
    "rotate" => deque_rotate,
    "clear" => |_, args| {
        let (d, []) = receiver::<0>("clear", args)?;
        let old = std::mem::take(&mut *d.items.lock());
        drop(old);
        Ok(Value::None)
    },
    "count" => |_, args| {
        let (d, [x]) = receiver::<1>("count", args)?;
        let mut n = 0;
        for item in d.snapshot() {
            n += i64::from(ops::equal_item(&item, &x)?);
        }
        Ok(Value::Int(n))
    },
    "index" => |_, args| {
        let (d, [x]) = receiver::<1>("index", args)?;
        for (i, item) in d.snapshot().into_iter().enumerate() {
            if ops::equal_item(&item, &x)? {
                return Ok(Value::Int(i as i64));
            }
        }
        Err(Ctrl::raise(ExcKind::ValueError, format!("{} is not in deque", x.try_repr()?)))
    },
    "remove" => |_, args| {
        let (d, [x]) = receiver::<1>("remove", args)?;
        for (i, item) in d.snapshot().into_iter().enumerate() {
            if ops::equal_item(&item, &x)? {
                let removed = d.items.lock().remove(i);
                drop(removed);
                return Ok(Value::None);
            }
        }
        Err(Ctrl::raise(ExcKind::ValueError, "deque.remove(x): x not in deque"))
    },
    "reverse" => |_, args| {
        let (d, []) = receiver::<0>("reverse", args)?;
        d.items.lock().make_contiguous().reverse();
        Ok(Value::None)
    },
    "copy" => |cx, args| {
        let (d, []) = receiver::<0>("copy", args)?;
        let mut init = Args::positional(vec![Value::list(d.snapshot())]);
        if let Some(max) = *d.maxlen.lock() {
            init.kw.push((Arc::from("maxlen"), Value::Int(max as i64)));
        }
        cx.call(&Value::Class(deque_class().clone()), init)
    },
    "__add__" => |cx, args| {
        let (d, [other]) = receiver::<1>("__add__", args)?;
        let Some(other) = deque_of(&other) else {
            return Ok(Value::NotImplemented);
        };
        let mut items = d.snapshot();
        items.extend(other.snapshot());
        let mut init = Args::positional(vec![Value::list(items)]);
        if let Some(max) = *d.maxlen.lock() {
            init.kw.push((Arc::from("maxlen"), Value::Int(max as i64)));
        }
        cx.call(&Value::Class(deque_class().clone()), init)
    },
    "__len__" => |_, args| {
        let (d, []) = receiver::<0>("__len__", args)?;
        let n = d.items.lock().len();
        Ok(Value::Int(n as i64))
    },
    "__iter__" => |_, args| {
        let (d, []) = receiver::<0>("__iter__", args)?;
        ops::make_iter(IterState::Items { items: Arc::new(d.snapshot().into()), pos: 0 })
    },
    "__reversed__" => |_, args| {
        let (d, []) = receiver::<0>("__reversed__", args)?;
        let mut items = d.snapshot();
        items.reverse();
        ops::make_iter(IterState::Items { items: Arc::new(items.into()), pos: 0 })
    },
    "__getitem__" => |_, args| {
        let (d, [i]) = receiver::<1>("__getitem__", args)?;
        let items = d.items.lock();
        let at = position(items.len(), &i)?;
        Ok(items[at].clone())
    },
    "__setitem__" => |_, args| {
        let (d, [i, x]) = receiver::<2>("__setitem__", args)?;
        let old = {
            let mut items = d.items.lock();
            let at = position(items.len(), &i)?;
            std::mem::replace(&mut items[at], x)
        };
        drop(old);
        Ok(Value::None)
    },
    "__contains__" => |_, args| {
        let (d, [x]) = receiver::<1>("__contains__", args)?;
        for item in d.snapshot() {
            if ops::equal_item(&item, &x)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    },
    "__eq__" => |_, args| {
        let (d, [other]) = receiver::<1>("__eq__", args)?;
        let Some(other) = deque_of(&other) else {
            return Ok(Value::NotImplemented);
        };
        ops::equal(&Value::list(d.snapshot()), &Value::list(other.snapshot())).map(Value::Bool)
    },
    "__repr__" => |_, args| {
        let me = args.pos.first().cloned().unwrap_or(Value::None);
        let Some(_entered) = repr::enter(&me) else {
            return Ok(Value::str("[...]"));
        };
        let (d, []) = receiver::<0>("__repr__", args)?;
        let items = Value::list(d.snapshot()).try_repr()?;
        let maxlen = *d.maxlen.lock();
        Ok(Value::str(&match maxlen {
            Some(max) => format!("deque({items}, maxlen={max})"),
            None => format!("deque({items})"),
        }))
    },
}

static MAXLEN: NativeFn = NativeFn {
    name: "maxlen",
    call: |_, args| {
        let (d, []) = receiver::<0>("maxlen", args)?;
        let maxlen = *d.maxlen.lock();
        Ok(maxlen.map_or(Value::None, |n| Value::Int(n as i64)))
    },
};

fn deque_class() -> &'static Arc<Class> {
    static CLASS: OnceLock<Arc<Class>> = OnceLock::new();
    CLASS.get_or_init(|| {
        let mut attrs = Attrs::new();
        for f in DEQUE_METHODS {
            attrs.insert(Arc::from(f.name), object(NativeMethod(f)));
        }
        attrs.insert(Arc::from("__hash__"), Value::None);
        let maxlen = Property {
            fget: object(NativeMethod(&MAXLEN)),
            fset: None,
        };
        attrs.insert(Arc::from("maxlen"), object(maxlen));
        Class::library("collections", "deque", attrs)
    })
}

/// The deque behind an instance of `deque` (or of a subclass).
fn deque_of(v: &Value) -> Option<Arc<Deque>> {
    match v {
        Value::Instance(i) => i.native.get().and_then(downcast::<Deque>),
        _ => None,
    }
}

/// The deque a method was called on and its `N` arguments.
fn receiver<const N: usize>(name: &str, args: Args) -> Eval<(Arc<Deque>, [Value; N])> {
    args.no_more_kw(name)?;
    let mut pos = args.pos.into_iter();
    let me = pos.next().unwrap_or(Value::None);
    let d = deque_of(&me).ok_or_else(|| {
        type_error(format!(
            "descriptor '{name}' for 'collections.deque' objects doesn't apply to a '{}' object",
            me.type_name()
        ))
    })?;
    let rest: Vec<Value> = pos.collect();
    let given = rest.len();
    let rest = <[Value; N]>::try_from(rest).map_err(|_| {
        type_error(format!(
            "deque.{name}() takes exactly {N} argument{} ({given} given)",
            if N == 1 { "" } else { "s" }
        ))
    })?;
    Ok((d, rest))
}

/// The position of index `i` in a deque of `len` items.
fn position(len: usize, i: &Value) -> Eval<usize> {
    let Value::Int(i) = i else {
        return Err(type_error(format!(
            "sequence index must be integer, not '{}'",
            i.type_name()
        )));
    };
    let at = if *i < 0 { *i + len as i64 } else { *i };
    usize::try_from(at)
        .ok()
        .filter(|&at| at < len)
        .ok_or_else(|| index_error("deque index out of range"))
}

/// `deque(iterable=(), maxlen=None)`.
fn deque_init(_: &CallCx, mut args: Args) -> Eval {
    let maxlen = args.take_kw("maxlen");
    let iterable = args.take_kw("iterable");
    args.no_more_kw("deque")?;
    let mut pos = args.pos.into_iter();
    let me = pos.next().unwrap_or(Value::None);
    let iterable = iterable.or_else(|| pos.next());
    let maxlen = match maxlen.or_else(|| pos.next()) {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) if n >= 0 => Some(n as usize),
        Some(Value::Int(_)) => {
            return Err(Ctrl::raise(
                ExcKind::ValueError,
                "maxlen must be non-negative",
            ))
        }
        Some(other) => {
            return Err(type_error(format!(
                "an integer is required, not '{}'",
                other.type_name()
            )))
        }
    };
    if pos.next().is_some() {
        return Err(type_error("deque() takes at most 2 arguments"));
    }
    let Value::Instance(instance) = &me else {
        return Err(type_error("deque.__init__() needs a deque"));
    };
    let native = instance.native.get_or_init(|| {
        object(Deque {
            items: Mutex::new(VecDeque::new()),
            maxlen: Mutex::new(None),
        })
    });
    let d = downcast::<Deque>(native).ok_or_else(|| type_error("not a deque"))?;
    let old = std::mem::take(&mut *d.items.lock());
    drop(old);
    *d.maxlen.lock() = maxlen;
    if let Some(items) = iterable {
        ops::to_vec(&items)?
            .into_iter()
            .for_each(|x| d.push(x, false));
    }
    Ok(Value::None)
}

/// `rotate(n=1)`: `n` steps to the right (negative: to the left).
fn deque_rotate(_: &CallCx, mut args: Args) -> Eval {
    let n = args.take_kw("n");
    if let Some(n) = n {
        args.pos.push(n);
    }
    let steps = match args.pos.len() {
        1 => 1,
        _ => match args.pos.pop() {
            Some(Value::Int(n)) => n,
            Some(other) => {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                )))
            }
            None => 1,
        },
    };
    let (d, []) = receiver::<0>("rotate", args)?;
    let mut items = d.items.lock();
    let len = items.len() as i64;
    if len > 0 {
        let right = steps.rem_euclid(len) as usize;
        items.rotate_right(right);
    }
    Ok(Value::None)
}

// ---- namedtuple -------------------------------------------------------------------------------

/// `namedtuple(typename, field_names, *, defaults=None, rename=False, module=None)`: a class
/// whose instances hold the fields by name and behave as tuples of them (indexing, unpacking,
/// `len`, comparison, hashing), with `_fields`, `_replace`, `_asdict` and `_make`.
fn namedtuple(_: &CallCx, mut args: Args) -> Eval {
    let defaults = args.take_kw("defaults");
    args.take_kw("rename");
    args.take_kw("module");
    let field_names = args.take_kw("field_names");
    args.no_more_kw("namedtuple")?;
    let mut pos = args.pos.into_iter();
    let Some(Value::Str(typename)) = pos.next() else {
        return Err(type_error("namedtuple() needs a type name"));
    };
    let fields = field_list(&field_names.or_else(|| pos.next()).unwrap_or(Value::None))?;
    let mut attrs = Attrs::new();
    let defaults = match defaults {
        None | Some(Value::None) => Vec::new(),
        Some(d) => ops::to_vec(&d)?,
    };
    if defaults.len() > fields.len() {
        return Err(type_error("Got more default values than field names"));
    }
    let mut field_defaults = Vec::new();
    for (name, default) in fields[fields.len() - defaults.len()..].iter().zip(defaults) {
        field_defaults.push((Value::Str(Text::from(name)), default.clone()));
        attrs.insert(name.clone(), default);
    }
    attrs.insert(
        Arc::from("_field_defaults"),
        crate::lang::builtins::dict_from_pairs(field_defaults)?,
    );
    let names = fields.iter().map(|f| Value::Str(Text::from(f))).collect();
    attrs.insert(Arc::from("_fields"), Value::tuple(names));
    for f in TUPLE_METHODS {
        attrs.insert(Arc::from(f.name), object(NativeMethod(f)));
    }
    attrs.insert(
        Arc::from("_make"),
        object(ClassMethod(object(NativeMethod(&MAKE)))),
    );
    let class = Class::new(
        &typename,
        typename.clone().into(),
        Vec::new(),
        attrs,
        fields,
    )?
    .with_builtin_base(Builtin::Tuple);
    let options = Options {
        constructor: "__new__",
        eq: true,
        order: true,
        frozen: Some(Frozen::NamedTuple),
    };
    dataclasses::decorate(&Arc::new(class), options)
}

/// Field names as a string (`"x y"`, `"x, y"`) or a sequence of strings, checked as CPython
/// checks them.
fn field_list(names: &Value) -> Eval<Vec<Arc<str>>> {
    let names: Vec<Arc<str>> = match names {
        Value::Str(s) => s
            .replace(',', " ")
            .split_whitespace()
            .map(Arc::from)
            .collect(),
        other => ops::to_vec(other)?
            .into_iter()
            .map(|v| match v {
                Value::Str(s) => Ok(s.into()),
                _ => Err(type_error("Type names and field names must be strings")),
            })
            .collect::<Eval<_>>()?,
    };
    for (i, name) in names.iter().enumerate() {
        let valid = name
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_alphanumeric() || c == '_');
        if !valid {
            return Err(Ctrl::raise(
                ExcKind::ValueError,
                format!("Type names and field names must be valid identifiers: '{name}'"),
            ));
        }
        if name.starts_with('_') {
            return Err(Ctrl::raise(
                ExcKind::ValueError,
                format!("Field names cannot start with an underscore: '{name}'"),
            ));
        }
        if names[..i].contains(name) {
            return Err(Ctrl::raise(
                ExcKind::ValueError,
                format!("Encountered duplicate field name: '{name}'"),
            ));
        }
    }
    Ok(names)
}

/// The field values of a named tuple, in order.
fn tuple_of(me: &Value) -> Eval<Value> {
    let Value::Tuple(fields) = crate::lang::builtins::get_attr(me, "_fields")? else {
        return Err(type_error("a named tuple needs _fields"));
    };
    let values = fields
        .iter()
        .map(|f| match f {
            Value::Str(name) => crate::lang::builtins::get_attr(me, name),
            _ => Err(type_error("field names must be strings")),
        })
        .collect::<Eval<Vec<Value>>>()?;
    Ok(Value::tuple(values))
}

fn self_and(name: &str, args: Args, count: usize) -> Eval<(Value, Vec<Value>)> {
    args.no_more_kw(name)?;
    let mut pos = args.pos.into_iter();
    let me = pos.next().unwrap_or(Value::None);
    let rest: Vec<Value> = pos.collect();
    if rest.len() != count {
        return Err(type_error(format!(
            "{name}() takes {} positional arguments but {} were given",
            count + 1,
            rest.len() + 1
        )));
    }
    Ok((me, rest))
}

static TUPLE_METHODS: &[NativeFn] = &[
    NativeFn {
        name: "__eq__",
        call: |_, args| {
            let (me, other) = self_and("__eq__", args, 1)?;
            let other = match &other[0] {
                t @ Value::Tuple(_) => t.clone(),
                Value::Instance(i) if i.class.derives_from_builtin(Builtin::Tuple) => {
                    tuple_of(&other[0])?
                }
                _ => return Ok(Value::NotImplemented),
            };
            ops::equal(&tuple_of(&me)?, &other).map(Value::Bool)
        },
    },
    NativeFn {
        name: "__hash__",
        call: |_, args| {
            let (me, _) = self_and("__hash__", args, 0)?;
            crate::lang::hash::hash(&tuple_of(&me)?).map(Value::Int)
        },
    },
    NativeFn {
        name: "__getitem__",
        call: |_, args| {
            let (me, key) = self_and("__getitem__", args, 1)?;
            ops::get_item(&tuple_of(&me)?, &key[0])
        },
    },
    NativeFn {
        name: "__iter__",
        call: |_, args| {
            let (me, _) = self_and("__iter__", args, 0)?;
            ops::make_iter(ops::iterate(&tuple_of(&me)?)?)
        },
    },
    NativeFn {
        name: "__len__",
        call: |_, args| {
            let (me, _) = self_and("__len__", args, 0)?;
            crate::lang::builtins::len(&tuple_of(&me)?)
        },
    },
    NativeFn {
        name: "_asdict",
        call: |_, args| {
            let (me, _) = self_and("_asdict", args, 0)?;
            let Value::Tuple(fields) = crate::lang::builtins::get_attr(&me, "_fields")? else {
                return Err(type_error("a named tuple needs _fields"));
            };
            let Value::Tuple(values) = tuple_of(&me)? else {
                unreachable!("tuple_of makes a tuple")
            };
            let pairs = fields.iter().cloned().zip(values.iter().cloned()).collect();
            crate::lang::builtins::dict_from_pairs(pairs)
        },
    },
    NativeFn {
        name: "_replace",
        call: replace,
    },
];

static MAKE: NativeFn = NativeFn {
    name: "_make",
    call: |cx, args| {
        let (class, iterable) = self_and("_make", args, 1)?;
        cx.call(&class, Args::positional(ops::to_vec(&iterable[0])?))
    },
};

/// `_replace(**changes)`: a new instance with those fields changed.
fn replace(cx: &CallCx, mut args: Args) -> Eval {
    let changes = std::mem::take(&mut args.kw);
    let (me, _) = self_and("_replace", args, 0)?;
    let Value::Instance(instance) = &me else {
        return Err(type_error("_replace() needs a named tuple"));
    };
    let Value::Tuple(fields) = crate::lang::builtins::get_attr(&me, "_fields")? else {
        return Err(type_error("a named tuple needs _fields"));
    };
    let mut kw = Vec::with_capacity(fields.len());
    for field in fields.iter() {
        let Value::Str(name) = field else { continue };
        let value = match changes.iter().find(|(k, _)| **k == **name) {
            Some((_, v)) => v.clone(),
            None => crate::lang::builtins::get_attr(&me, name)?,
        };
        kw.push((name.into(), value));
    }
    if let Some((unknown, _)) = changes.iter().find(|(k, _)| {
        !fields
            .iter()
            .any(|f| matches!(f, Value::Str(s) if **s == **k))
    }) {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            format!("Got unexpected field names: ['{unknown}']"),
        ));
    }
    cx.call(
        &Value::Class(instance.class.clone()),
        Args {
            pos: Vec::new(),
            kw,
        },
    )
}
