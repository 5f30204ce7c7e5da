//! Special methods of user classes (`__repr__`, `__eq__`, `__len__`, `__iter__`...), called
//! from the value operations, which have no evaluator at hand: each thread that evaluates keeps
//! its interpreter and its call depth here, as CPython keeps its thread state.

use std::cell::{Cell, RefCell};
use std::sync::{Arc, OnceLock};

use super::class::class_and_attrs;
use super::error::{Ctrl, Eval, ExcKind};
use super::eval::{Ctx, Interp};
use super::function::Args;
use super::host::Host;
use super::ir::{BinOp, Call, CmpOp, Expr, ExprKind, UnaryOp};
use super::ops;
use super::value::{NativeIter, Value};

thread_local! {
    static INTERP: RefCell<Option<Arc<Interp>>> = const { RefCell::new(None) };
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Makes `interp` the interpreter special methods called on this thread run in.
pub fn set_interp(interp: &Arc<Interp>) {
    INTERP.with(|i| *i.borrow_mut() = Some(interp.clone()));
}

/// Records that this thread now runs a frame at `depth`; returns the depth to restore after.
#[inline]
pub fn enter_depth(depth: u32) -> u32 {
    DEPTH.replace(depth)
}

#[inline]
pub fn leave_depth(previous: u32) {
    DEPTH.set(previous);
}

/// The call site special methods are called from: they have no line of their own.
fn site() -> &'static Call {
    static SITE: OnceLock<Call> = OnceLock::new();
    SITE.get_or_init(|| Call {
        func: Expr {
            kind: ExprKind::Const(Value::None),
            awaits: false,
        },
        args: Vec::new(),
        line: 0,
        text: Arc::from(""),
    })
}

/// The host of this thread's interpreter, if the thread runs one (not while it shuts down).
pub fn host() -> Option<Arc<dyn Host>> {
    INTERP
        .try_with(|i| i.borrow().as_ref().map(|i| i.host.clone()))
        .ok()
        .flatten()
}

/// Calls `f(*args)` in this thread's interpreter, one frame deeper than the running one.
pub fn call(f: &Value, args: Vec<Value>) -> Eval {
    let interp = INTERP.with(|i| i.borrow().clone()).ok_or_else(|| {
        Ctrl::raise(
            ExcKind::RuntimeError,
            "a special method was called outside the program",
        )
    })?;
    Ctx { interp }.call_value(DEPTH.get(), f, Args::positional(args), site())
}

/// Whether `v` is an object of a user class, whose operations its class may define.
#[inline]
pub fn has_class(v: &Value) -> bool {
    matches!(v, Value::Instance(_)) || matches!(v, Value::Exception(e) if e.class.is_some())
}

/// The special method `name` of `v`'s class (looked up on the class, as CPython does).
pub fn method(v: &Value, name: &str) -> Option<Value> {
    class_and_attrs(v)?.0.lookup(name)
}

/// `v.name(*args)` if `v`'s class defines `name`.
pub fn call_method(v: &Value, name: &str, args: Vec<Value>) -> Option<Eval> {
    let m = method(v, name)?;
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(v.clone());
    all.extend(args);
    Some(call(&m, all))
}

/// `object.__repr__`: `<__main__.Name object at 0x...>`.
pub fn default_repr(v: &Value) -> String {
    let (module, name, address) = match v {
        Value::Instance(i) => (
            i.class.module,
            i.class.qualname.to_string(),
            Arc::as_ptr(i) as usize,
        ),
        other => ("__main__", other.type_name().to_string(), 0),
    };
    format!("<{module}.{name} object at {address:#x}>")
}

/// `repr(v)` (or `str(v)` if `as_str`) through the class's `__repr__` / `__str__`.
pub fn text(v: &Value, as_str: bool) -> Eval<String> {
    let names: &[&str] = if as_str {
        &["__str__", "__repr__"]
    } else {
        &["__repr__"]
    };
    for name in names {
        if let Some(result) = call_method(v, name, Vec::new()) {
            return match result? {
                Value::Str(s) => Ok(s.to_string()),
                other => Err(Ctrl::raise(
                    ExcKind::TypeError,
                    format!("{name} returned non-string (type {})", other.type_name()),
                )),
            };
        }
    }
    Ok(default_repr(v))
}

/// The method of a comparison, and of the comparison with its operands swapped.
fn comparison_methods(op: CmpOp) -> Option<(&'static str, &'static str)> {
    Some(match op {
        CmpOp::Eq => ("__eq__", "__eq__"),
        CmpOp::NotEq => ("__ne__", "__ne__"),
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::GtE => ("__ge__", "__le__"),
        _ => return None,
    })
}

/// `a <op> b` where either is an object of a user class: its method, the other operand's
/// reflected one, then identity for `==` and `!=` (CPython's `do_richcompare`).
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> Eval<bool> {
    let Some((forward, reflected)) = comparison_methods(op) else {
        return ops::compare(op, a, b);
    };
    let tries = [(a, b, forward), (b, a, reflected)];
    for (receiver, other, name) in tries {
        if let Some(result) = call_method(receiver, name, vec![other.clone()]) {
            let result = result?;
            if !matches!(result, Value::NotImplemented) {
                return truth(&result);
            }
        }
    }
    match op {
        CmpOp::Eq => Ok(ops::identical(a, b)),
        CmpOp::NotEq => match method(a, "__eq__").or_else(|| method(b, "__eq__")) {
            Some(_) => Ok(!compare(CmpOp::Eq, a, b)?),
            None => Ok(!ops::identical(a, b)),
        },
        _ => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!(
                "'{}' not supported between instances of '{}' and '{}'",
                ops::cmp_symbol(op),
                a.type_name(),
                b.type_name()
            ),
        )),
    }
}

/// The method of a binary operator, and the reflected one (`__radd__`).
fn binary_methods(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mul => ("__mul__", "__rmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
    }
}

/// `a <op> b` through the operands' methods, or `None` if neither defines it.
pub fn binary(op: BinOp, a: &Value, b: &Value) -> Option<Eval> {
    let (forward, reflected) = binary_methods(op);
    for (receiver, other, name) in [(a, b, forward), (b, a, reflected)] {
        if let Some(result) = call_method(receiver, name, vec![other.clone()]) {
            match result {
                Ok(Value::NotImplemented) => continue,
                done => return Some(done),
            }
        }
    }
    None
}

/// `a <op>= b`: the in-place method (`__iadd__`), else the plain operator.
pub fn in_place(op: BinOp, a: &Value, b: &Value) -> Option<Eval> {
    let name = format!("__i{}", &binary_methods(op).0[2..]);
    match call_method(a, &name, vec![b.clone()]) {
        Some(Ok(Value::NotImplemented)) | None => binary(op, a, b),
        done => done,
    }
}

/// `-v`, `+v`, `~v` through the class's method.
pub fn unary(op: UnaryOp, v: &Value) -> Option<Eval> {
    let name = match op {
        UnaryOp::Neg => "__neg__",
        UnaryOp::Pos => "__pos__",
        UnaryOp::Invert => "__invert__",
        UnaryOp::Not => return Some(truth(v).map(|t| Value::Bool(!t))),
    };
    call_method(v, name, Vec::new())
}

/// `bool(v)`: `__bool__`, else `__len__() != 0`, else true.
pub fn truth(v: &Value) -> Eval<bool> {
    if !has_class(v) {
        return Ok(v.truthy());
    }
    if let Some(result) = call_method(v, "__bool__", Vec::new()) {
        return match result? {
            Value::Bool(b) => Ok(b),
            other => Err(Ctrl::raise(
                ExcKind::TypeError,
                format!(
                    "__bool__ should return bool, returned {}",
                    other.type_name()
                ),
            )),
        };
    }
    match call_method(v, "__len__", Vec::new()) {
        Some(n) => Ok(length(n?)? != 0),
        None => Ok(true),
    }
}

/// `len(v)` through `__len__`.
pub fn len(v: &Value) -> Option<Eval> {
    call_method(v, "__len__", Vec::new()).map(|n| Ok(Value::Int(length(n?)?)))
}

fn length(n: Value) -> Eval<i64> {
    match n {
        Value::Int(n) if n >= 0 => Ok(n),
        Value::Int(_) => Err(Ctrl::raise(
            ExcKind::ValueError,
            "__len__() should return >= 0",
        )),
        Value::Bool(b) => Ok(i64::from(b)),
        other => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ),
        )),
    }
}

/// `hash(v)` through `__hash__`: `None` if the class does not define it; an error if it set
/// it to `None` or defined `__eq__` alone (which makes instances unhashable, as in CPython).
pub fn hash(v: &Value) -> Option<Eval<i64>> {
    match method(v, "__hash__") {
        Some(Value::None) => Some(Err(unhashable(v))),
        Some(_) => Some(
            call_method(v, "__hash__", Vec::new())?.and_then(|h| match h {
                Value::Int(h) => Ok(h),
                Value::Bool(b) => Ok(i64::from(b)),
                _ => Err(Ctrl::raise(
                    ExcKind::TypeError,
                    "__hash__ method should return an integer",
                )),
            }),
        ),
        None if method(v, "__eq__").is_some() => Some(Err(unhashable(v))),
        None => None,
    }
}

fn unhashable(v: &Value) -> Ctrl {
    Ctrl::raise(
        ExcKind::TypeError,
        format!("unhashable type: '{}'", v.type_name()),
    )
}

/// `iter(v)` through `__iter__`; the iterator it returns is stepped through `__next__`.
pub fn iterate(v: &Value) -> Option<Eval<Value>> {
    call_method(v, "__iter__", Vec::new())
}

/// An object of a user class iterated through its `__next__`.
pub struct ObjectIter(pub Value);

impl NativeIter for ObjectIter {
    fn next_item(&self) -> Eval<Option<Value>> {
        match call_method(&self.0, "__next__", Vec::new()) {
            None => Err(Ctrl::raise(
                ExcKind::TypeError,
                format!(
                    "iter() returned non-iterator of type '{}'",
                    self.0.type_name()
                ),
            )),
            Some(Ok(v)) => Ok(Some(v)),
            Some(Err(ctrl)) => match ctrl.exception() {
                Some(e) if e.kind == ExcKind::StopIteration => Ok(None),
                _ => Err(ctrl),
            },
        }
    }
}
