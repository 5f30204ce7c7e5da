//! Built-ins that look into objects and their types: `issubclass`, `hasattr`, `getattr`,
//! `setattr`, `delattr`, `callable`, `id`, `hash`, `iter`, `next`, and `object()`.

use std::sync::Arc;

use super::builtins::{get_attr, no_attribute, Builtin};
use super::class;
use super::error::{Ctrl, Eval, ExcKind, Exception};
use super::function::Args;
use super::generator::GeneratorObj;
use super::object::PyObject;
use super::ops;
use super::special::{self, ObjectIter};
use super::value::{identity, IterState, Value};

/// `object()`: an object with nothing but its identity (a sentinel).
pub struct Plain;

impl PyObject for Plain {
    fn type_name(&self) -> &'static str {
        "object"
    }

    fn repr(&self) -> String {
        format!("<object object at {:#x}>", self as *const Plain as usize)
    }
}

fn type_error(message: String) -> Ctrl {
    Ctrl::raise(ExcKind::TypeError, message)
}

/// `issubclass(cls, classinfo)`.
pub fn issubclass(cls: &Value, info: &Value) -> Eval<bool> {
    if let Value::Tuple(infos) = info {
        for i in infos.iter() {
            if issubclass(cls, i)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    Ok(match (cls, info) {
        (_, Value::Builtin(Builtin::Object)) => true,
        (Value::Class(c), Value::Class(base)) => c.derives_from(base),
        (Value::Class(c), Value::ExcType(kind)) => c.derives_from_exception(*kind),
        (Value::ExcType(k), Value::ExcType(base)) => k.is_subclass_of(*base),
        (Value::Builtin(a), Value::Builtin(b)) if a.is_type() && b.is_type() => {
            a == b || (*a == Builtin::Bool && *b == Builtin::Int)
        }
        (Value::Class(_) | Value::ExcType(_), _) | (Value::Builtin(_), _) => false,
        _ => return Err(type_error("issubclass() arg 1 must be a class".to_string())),
    })
}

/// `hasattr`, `getattr`, `setattr`, `delattr`, `callable`, `id`, `hash`.
pub fn call(b: Builtin, args: Args) -> Eval {
    args.no_more_kw(b.name())?;
    let name = |i: usize| -> Eval<&str> {
        match args.pos.get(i) {
            Some(Value::Str(s)) => Ok(s),
            Some(other) => Err(type_error(format!(
                "attribute name must be string, not '{}'",
                other.type_name()
            ))),
            None => Err(type_error(format!("{}() takes more arguments", b.name()))),
        }
    };
    let (min, max) = match b {
        Builtin::GetAttr => (2, 3),
        Builtin::SetAttr => (3, 3),
        Builtin::HasAttr | Builtin::DelAttr => (2, 2),
        _ => (1, 1),
    };
    if args.pos.len() < min || args.pos.len() > max {
        return Err(type_error(format!(
            "{}() takes {} arguments ({} given)",
            b.name(),
            if min == max {
                format!("exactly {min}")
            } else {
                format!("from {min} to {max}")
            },
            args.pos.len()
        )));
    }
    let obj = &args.pos[0];
    match b {
        Builtin::HasAttr => match get_attr(obj, name(1)?) {
            Ok(_) => Ok(Value::Bool(true)),
            Err(ctrl) if is_attribute_error(&ctrl) => Ok(Value::Bool(false)),
            Err(ctrl) => Err(ctrl),
        },
        Builtin::GetAttr => match (get_attr(obj, name(1)?), args.pos.get(2)) {
            (Err(ctrl), Some(default)) if is_attribute_error(&ctrl) => Ok(default.clone()),
            (result, _) => result,
        },
        Builtin::SetAttr => {
            let name = Arc::from(name(1)?);
            set_attr(obj, &name, args.pos[2].clone()).map(|()| Value::None)
        }
        Builtin::DelAttr => del_attr(obj, name(1)?).map(|()| Value::None),
        Builtin::Callable => Ok(Value::Bool(callable(obj))),
        Builtin::Id => Ok(Value::Int(id(obj))),
        _ => hash(obj).map(Value::Int),
    }
}

fn is_attribute_error(ctrl: &Ctrl) -> bool {
    ctrl.exception()
        .is_some_and(|e| e.kind.is_subclass_of(ExcKind::AttributeError))
}

/// `obj.name = value`.
pub fn set_attr(obj: &Value, name: &Arc<str>, value: Value) -> Eval<()> {
    match obj {
        Value::Instance(i) => class::set_instance_attr(obj, &i.class, &i.attrs, name, value),
        Value::Exception(e) => match &e.class {
            Some(c) => class::set_instance_attr(obj, c, &e.attrs, name, value),
            None => {
                e.attrs.lock().insert(name.clone(), value);
                Ok(())
            }
        },
        Value::Class(c) => {
            c.set_attr(name, value);
            Ok(())
        }
        Value::Dict(d) => {
            let mut d = d.lock();
            let taken = d
                .kind
                .as_mut()
                .is_some_and(|kind| (kind.flavor.set_attr)(kind, name, value));
            drop(d);
            if taken {
                Ok(())
            } else {
                Err(read_only(obj, name))
            }
        }
        other => Err(read_only(other, name)),
    }
}

/// `del obj.name`.
pub fn del_attr(obj: &Value, name: &str) -> Eval<()> {
    match obj {
        Value::Instance(i) => class::del_instance_attr(obj, &i.attrs, name),
        Value::Exception(e) => class::del_instance_attr(obj, &e.attrs, name),
        Value::Class(c) => {
            let old = c.attrs.write().shift_remove(name);
            match old {
                Some(_) => Ok(()),
                None => Err(no_attribute(obj, name)),
            }
        }
        other => Err(read_only(other, name)),
    }
}

fn read_only(obj: &Value, name: &str) -> Ctrl {
    let what = match obj {
        Value::Func(_) => {
            "setting attributes of functions is not supported in scenarios yet".to_string()
        }
        other if get_attr(other, name).is_ok() => format!(
            "attribute '{name}' of '{}' objects is not writable",
            other.type_name()
        ),
        other => format!("'{}' object has no attribute '{name}'", other.type_name()),
    };
    Ctrl::raise(ExcKind::AttributeError, what)
}

fn callable(v: &Value) -> bool {
    match v {
        Value::Func(_)
        | Value::Builtin(_)
        | Value::Method(_)
        | Value::Native(_)
        | Value::ExcType(_)
        | Value::Class(_) => true,
        Value::Instance(_) => special::method(v, "__call__").is_some(),
        Value::Object(o) => o.type_name() == "type" || o.type_name().ends_with("partial"),
        _ => false,
    }
}

/// `id(v)`: the object's address; numbers held inline stand for themselves.
fn id(v: &Value) -> i64 {
    match identity(v) {
        0 => match v {
            Value::Int(i) => *i,
            other => hash(other).unwrap_or(0),
        },
        address => address as i64,
    }
}

/// `hash(v)`: an int's own value (as CPython's for ints below 2**61 - 1), the class's
/// `__hash__`, else a hash of the key.
fn hash(v: &Value) -> Eval<i64> {
    super::hash::hash(v)
}

/// `iter(v)`.
pub fn iter(v: &Value) -> Eval {
    match v {
        Value::Iter(_) => Ok(v.clone()),
        v if special::has_class(v)
            && special::method(v, "__next__").is_some()
            && special::method(v, "__iter__").is_none() =>
        {
            Err(not_iterable(v))
        }
        v if special::has_class(v) => match special::iterate(v) {
            Some(it) => {
                let it = it?;
                let native = matches!(&it, Value::Object(o) if o.iterator().is_some());
                if special::method(&it, "__next__").is_none()
                    && !matches!(it, Value::Iter(_))
                    && !native
                {
                    return Err(type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        it.type_name()
                    )));
                }
                Ok(it)
            }
            None => Err(not_iterable(v)),
        },
        other => ops::make_iter(ops::iterate(other)?),
    }
}

fn not_iterable(v: &Value) -> Ctrl {
    type_error(format!("'{}' object is not iterable", v.type_name()))
}

/// `next(it[, default])`.
pub fn next(it: &Value, default: Option<&Value>) -> Eval {
    let item = match it {
        Value::Iter(state) => match state.try_lock() {
            Some(mut state) => state.next_value()?,
            None => {
                return Err(Ctrl::raise(
                    ExcKind::ValueError,
                    "generator already executing",
                ))
            }
        },
        v if special::method(v, "__next__").is_some() => {
            let mut state = IterState::Native(Arc::new(ObjectIter(v.clone())));
            state.next_value()?
        }
        Value::Object(o) => match (super::object::downcast::<GeneratorObj>(it), o.iterator()) {
            (Some(g), _) => match (g.0.send(Ok(Value::None)), default) {
                (Err(stop), Some(d)) if is_stop_iteration(&stop) => return Ok(d.clone()),
                (result, _) => return result,
            },
            (None, Some(native)) => native.next_item()?,
            (None, None) => return Err(not_an_iterator(it)),
        },
        other => return Err(not_an_iterator(other)),
    };
    match (item, default) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(Ctrl::exc(Arc::new(Exception::with_args(
            ExcKind::StopIteration,
            vec![],
        )))),
    }
}

fn is_stop_iteration(ctrl: &Ctrl) -> bool {
    ctrl.exception()
        .is_some_and(|e| e.kind == ExcKind::StopIteration)
}

fn not_an_iterator(v: &Value) -> Ctrl {
    type_error(format!("'{}' object is not an iterator", v.type_name()))
}
