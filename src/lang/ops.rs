//! Operators on values (arithmetic, comparison, indexing, iteration), shared by the synchronous
//! and asynchronous evaluators.

use std::cmp::Ordering;
use std::sync::Arc;

use parking_lot::Mutex;

use super::alloc;
use super::error::{Ctrl, Eval, ExcKind};
use super::ir::{BinOp, CmpOp, UnaryOp};
use super::num;
use super::object::{downcast, PyObject};
use super::percent;
use super::set;
use super::special;
use super::text::Text;
use super::value::{Dict, Items, IterState, Key, RangeCursor, RangeObj, Value, MAX_NESTING};

fn type_error(message: String) -> Ctrl {
    Ctrl::raise(ExcKind::TypeError, message)
}

fn unsupported(op: &str, a: &Value, b: &Value) -> Ctrl {
    type_error(format!(
        "unsupported operand type(s) for {op}: '{}' and '{}'",
        a.type_name(),
        b.type_name()
    ))
}

fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

/// How a comparison is written, for messages.
pub fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

pub fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::BitAnd => "&",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
    }
}

/// The common integer operations when they cannot fail (no overflow, no negative modulo).
#[inline]
pub fn int_fast(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::Mod if x >= 0 && y > 0 => Some(x % y),
        _ => None,
    }
}

/// Compares two integers.
#[inline]
pub fn compare_ints(op: CmpOp, x: i64, y: i64) -> Option<bool> {
    Some(match op {
        CmpOp::Eq | CmpOp::Is => x == y,
        CmpOp::NotEq | CmpOp::IsNot => x != y,
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::GtE => x >= y,
        CmpOp::In | CmpOp::NotIn => return None,
    })
}

/// `a <op> b`.
#[inline]
pub fn binary(op: BinOp, a: &Value, b: &Value) -> Eval {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if let Some(v) = int_fast(op, *x, *y) {
            return Ok(Value::Int(v));
        }
        return num::int_binary(op, *x, *y);
    }
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        return num::int_binary(op, x, y);
    }
    if let (Some(x), Some(y)) = (as_float(a), as_float(b)) {
        let result = num::float_binary(op, x, y).ok_or_else(|| unsupported(op_symbol(op), a, b))?;
        return result.map(Value::Float);
    }
    sequence_binary(op, a, b)
}

/// Whether both dicts are of a kind whose equality looks at the order (`OrderedDict`).
fn both_ordered(x: &Mutex<Dict>, y: &Mutex<Dict>) -> bool {
    let ordered = |d: &Mutex<Dict>| d.lock().kind().is_some_and(|k| k.flavor.ordered);
    ordered(x) && ordered(y)
}

fn same_key_order(x: &Mutex<Dict>, y: &Mutex<Dict>) -> bool {
    let keys = |d: &Mutex<Dict>| d.lock().keys().cloned().collect::<Vec<_>>();
    keys(x) == keys(y)
}

/// `a | b` for dicts (a merged copy), and the operators a dict subclass adds (`Counter`'s).
fn dict_binary(op: BinOp, a: &Value, b: &Value) -> Option<Eval> {
    let Value::Dict(x) = a else {
        return None;
    };
    let kind = x.lock().kind().cloned();
    if let Some(result) = kind.and_then(|k| (k.flavor.binary)(op, a, b)) {
        return Some(result);
    }
    let (BinOp::BitOr, Value::Dict(y)) = (op, b) else {
        return None;
    };
    let mut merged = x.lock().clone();
    let entries: Vec<(Value, Value)> = y.lock().values().cloned().collect();
    let merge = entries
        .into_iter()
        .try_for_each(|(k, v)| dict_set(&mut merged, k.key()?, &k, v).map(drop));
    Some(merge.map(|()| Value::dict(merged)))
}

/// `a <op>= b`: a class's in-place method, a list or a set changed in place, else `a <op> b`.
pub fn in_place(op: BinOp, current: &Value, rhs: &Value) -> Eval {
    if special::has_class(current) {
        if let Some(result) = special::in_place(op, current, rhs) {
            return result;
        }
    }
    if let Some(result) = set::in_place(op, current, rhs) {
        return result;
    }
    if let (BinOp::Add, Value::List(l)) = (op, current) {
        let extra = to_vec(rhs)?;
        let mut items = l.lock();
        alloc::reserve(&mut items, extra.len())?;
        items.extend(extra);
        return Ok(current.clone());
    }
    binary(op, current, rhs)
}

/// `divmod(a, b)`.
pub fn divmod(a: &Value, b: &Value) -> Eval {
    let (quotient, remainder) = if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        let (q, r) = num::int_divmod(x, y)?;
        (Value::Int(q), Value::Int(r))
    } else if let (Some(x), Some(y)) = (as_float(a), as_float(b)) {
        if y == 0.0 {
            return Err(Ctrl::raise(ExcKind::ZeroDivisionError, "float divmod()"));
        }
        let (q, r) = num::float_divmod(x, y);
        (Value::Float(q), Value::Float(r))
    } else {
        return Err(unsupported("divmod()", a, b));
    };
    Ok(Value::tuple(vec![quotient, remainder]))
}

fn sequence_binary(op: BinOp, a: &Value, b: &Value) -> Eval {
    if let Some(result) = dict_binary(op, a, b).or_else(|| set::binary(op, a, b)) {
        return result;
    }
    match (op, a, b) {
        _ if special::has_class(a) || special::has_class(b) => {
            special::binary(op, a, b).unwrap_or_else(|| Err(unsupported(op_symbol(op), a, b)))
        }
        (BinOp::Mod, Value::Str(template), args) => percent::format(template, args),
        (BinOp::Add, Value::Str(x), Value::Str(y)) => {
            let mut s = alloc::string_with_capacity(x.len() + y.len())?;
            s.push_str(x);
            s.push_str(y);
            Ok(Value::Str(alloc::shared_str(s)?))
        }
        (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
            let mut joined = alloc::to_vec(x)?;
            alloc::extend_from_slice(&mut joined, y)?;
            Ok(Value::Bytes(alloc::shared_bytes(joined)?))
        }
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            let mut items = alloc::to_vec(&x.lock())?;
            alloc::extend_from_slice(&mut items, &y.lock())?;
            Ok(Value::list(items))
        }
        (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            let mut items = alloc::to_vec(x)?;
            alloc::extend_from_slice(&mut items, y)?;
            Ok(Value::tuple(items))
        }
        (BinOp::Mul, seq, n) | (BinOp::Mul, n, seq) if as_int(n).is_some() => {
            let count = usize::try_from(as_int(n).unwrap_or(0)).unwrap_or(0);
            repeat(seq, count)?.ok_or_else(|| unsupported("*", a, b))
        }
        _ => Err(unsupported(op_symbol(op), a, b)),
    }
}

/// `seq * count`, or `None` if `seq` is not a sequence. A string or bytes result longer than
/// `sys.maxsize` is CPython's `OverflowError`; anything else too big is a `MemoryError`.
fn repeat(seq: &Value, count: usize) -> Eval<Option<Value>> {
    let too_long = |len: usize, what: &str| -> Eval<()> {
        if len != 0 && count > isize::MAX as usize / len {
            return Err(Ctrl::raise(
                ExcKind::OverflowError,
                format!("repeated {what} too long"),
            ));
        }
        Ok(())
    };
    Ok(Some(match seq {
        Value::Str(s) => {
            too_long(s.chars().count(), "string is")?;
            Value::Str(alloc::repeat_str(s, count)?)
        }
        Value::Bytes(b) => {
            too_long(b.len(), "bytes are")?;
            Value::Bytes(alloc::repeat_bytes(b, count)?)
        }
        Value::List(l) => {
            let items = alloc::to_vec(&l.lock())?;
            Value::list(alloc::repeat(&items, count)?)
        }
        Value::Tuple(t) => Value::tuple(alloc::repeat(t, count)?),
        _ => return Ok(None),
    }))
}

pub fn unary(op: UnaryOp, v: &Value) -> Eval {
    match (op, v) {
        (UnaryOp::Not, v) => Ok(Value::Bool(!v.truthy())),
        (UnaryOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
        (UnaryOp::Neg, v) if as_int(v).is_some() => as_int(v)
            .and_then(i64::checked_neg)
            .map(Value::Int)
            .ok_or_else(num::int_overflow),
        (UnaryOp::Pos, Value::Float(f)) => Ok(Value::Float(*f)),
        (UnaryOp::Pos, v) if as_int(v).is_some() => Ok(Value::Int(as_int(v).unwrap_or(0))),
        (UnaryOp::Invert, v) if as_int(v).is_some() => Ok(Value::Int(!as_int(v).unwrap_or(0))),
        (op, Value::Dict(d)) => {
            let kind = d.lock().kind().cloned();
            kind.and_then(|kind| (kind.flavor.unary)(op, v))
                .unwrap_or_else(|| Err(bad_operand(op, v)))
        }
        (op, v) if special::has_class(v) => match special::unary(op, v) {
            Some(result) => result,
            None => Err(bad_operand(op, v)),
        },
        (op, v) => Err(bad_operand(op, v)),
    }
}

fn bad_operand(op: UnaryOp, v: &Value) -> Ctrl {
    let symbol = match op {
        UnaryOp::Neg => "-",
        UnaryOp::Pos => "+",
        _ => "~",
    };
    type_error(format!(
        "bad operand type for unary {symbol}: '{}'",
        v.type_name()
    ))
}

fn recursion_in_comparison() -> Ctrl {
    Ctrl::raise(
        ExcKind::RecursionError,
        "maximum recursion depth exceeded in comparison",
    )
}

/// One level deeper into nested containers, or CPython's `RecursionError` past the limit.
fn nest(depth: usize) -> Eval<usize> {
    if depth >= MAX_NESTING {
        return Err(recursion_in_comparison());
    }
    Ok(depth + 1)
}

/// A copy of a list's items, taken under its lock and released before anything looks at them:
/// comparing or writing an item may need the lock of that same list.
pub fn snapshot(list: &Mutex<Items>) -> Eval<Vec<Value>> {
    alloc::to_vec(&list.lock())
}

/// A copy of a dict's entries, released from its lock as [`snapshot`] is.
fn dict_snapshot(d: &Mutex<Dict>) -> Dict {
    d.lock().clone()
}

/// Compares two numbers exactly: `None` if either is not a number, `Some(None)` when they are
/// unordered (NaN).
fn compare_numbers(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    Some(match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Float(x), other) => {
            num::compare_int_float(as_int(other)?, *x).map(Ordering::reverse)
        }
        (other, Value::Float(y)) => num::compare_int_float(as_int(other)?, *y),
        _ => Some(as_int(a)?.cmp(&as_int(b)?)),
    })
}

/// `a == b`.
pub fn equal(a: &Value, b: &Value) -> Eval<bool> {
    equal_at(a, b, 0)
}

/// Whether two items are equal as containers compare them (CPython's
/// `PyObject_RichCompareBool`): an object is always equal to itself, so a list that contains
/// itself equals itself.
pub fn equal_item(a: &Value, b: &Value) -> Eval<bool> {
    item_equal_at(a, b, 0)
}

fn item_equal_at(a: &Value, b: &Value, depth: usize) -> Eval<bool> {
    Ok(identical(a, b) || equal_at(a, b, depth)?)
}

fn equal_at(a: &Value, b: &Value, depth: usize) -> Eval<bool> {
    if let Some(ordering) = compare_numbers(a, b) {
        return Ok(ordering == Some(Ordering::Equal));
    }
    Ok(match (a, b) {
        (Value::Set(x), Value::Set(y)) => set::compare(CmpOp::Eq, x, y)?,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::None, Value::None) | (Value::Ellipsis, Value::Ellipsis) => true,
        (Value::List(x), Value::List(y)) => {
            Arc::ptr_eq(x, y) || seq_equal(&snapshot(x)?, &snapshot(y)?, depth)?
        }
        (Value::Tuple(x), Value::Tuple(y)) => Arc::ptr_eq(x, y) || seq_equal(x, y, depth)?,
        (Value::Dict(x), Value::Dict(y)) => {
            Arc::ptr_eq(x, y)
                || (dict_equal(&dict_snapshot(x), &dict_snapshot(y), depth)?
                    && (!both_ordered(x, y) || same_key_order(x, y)))
        }
        (Value::ExcType(x), Value::ExcType(y)) => x == y,
        (Value::Module(x), Value::Module(y)) => x == y,
        (Value::Builtin(x), Value::Builtin(y)) => x == y,
        _ if special::has_class(a) || special::has_class(b) => special::compare(CmpOp::Eq, a, b)?,
        _ => identical(a, b),
    })
}

fn seq_equal(x: &[Value], y: &[Value], depth: usize) -> Eval<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    let depth = nest(depth)?;
    for (a, b) in x.iter().zip(y) {
        if !item_equal_at(a, b, depth)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn dict_equal(x: &Dict, y: &Dict, depth: usize) -> Eval<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    let depth = nest(depth)?;
    for (k, (_, v)) in x.iter() {
        match y.get(k) {
            Some((_, w)) if item_equal_at(v, w, depth)? => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

/// `a is b`.
pub fn identical(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) | (Value::Ellipsis, Value::Ellipsis) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => Text::ptr_eq(x, y) || x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x.address() == y.address(),
        (Value::List(x), Value::List(y)) => Arc::ptr_eq(x, y),
        (Value::Dict(x), Value::Dict(y)) => Arc::ptr_eq(x, y),
        (Value::Tuple(x), Value::Tuple(y)) => Arc::ptr_eq(x, y),
        (Value::Func(x), Value::Func(y)) => Arc::ptr_eq(x, y),
        (Value::Coro(x), Value::Coro(y)) => Arc::ptr_eq(x, y),
        (Value::Exception(x), Value::Exception(y)) => Arc::ptr_eq(x, y),
        (Value::ExcType(x), Value::ExcType(y)) => x == y,
        (Value::Builtin(x), Value::Builtin(y)) => x == y,
        (Value::Module(x), Value::Module(y)) => x == y,
        (Value::Object(x), Value::Object(y)) => Arc::ptr_eq(x, y),
        (Value::Class(x), Value::Class(y)) => Arc::ptr_eq(x, y),
        (Value::Instance(x), Value::Instance(y)) => Arc::ptr_eq(x, y),
        (Value::Method(x), Value::Method(y)) => Arc::ptr_eq(x, y),
        (Value::Iter(x), Value::Iter(y)) => Arc::ptr_eq(x, y),
        (Value::NotImplemented, Value::NotImplemented) => true,
        _ => false,
    }
}

/// Orders two values as `<` does: `None` when they are unordered (NaN), Python's `TypeError`
/// when they cannot be ordered at all.
pub fn order(a: &Value, b: &Value, op: &str) -> Eval<Option<Ordering>> {
    order_at(a, b, op, 0)
}

fn order_at(a: &Value, b: &Value, op: &str, depth: usize) -> Eval<Option<Ordering>> {
    if let Some(ordering) = compare_numbers(a, b) {
        return Ok(ordering);
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(Some(x.cmp(y))),
        (Value::Bytes(x), Value::Bytes(y)) => Ok(Some(x.cmp(y))),
        (Value::List(x), Value::List(y)) => seq_order(&snapshot(x)?, &snapshot(y)?, op, depth),
        (Value::Tuple(x), Value::Tuple(y)) => seq_order(x, y, op, depth),
        _ if special::has_class(a) || special::has_class(b) => {
            Ok(Some(if special::compare(CmpOp::Lt, a, b)? {
                Ordering::Less
            } else if special::compare(CmpOp::Lt, b, a)? {
                Ordering::Greater
            } else {
                Ordering::Equal
            }))
        }
        _ => Err(type_error(format!(
            "'{op}' not supported between instances of '{}' and '{}'",
            a.type_name(),
            b.type_name()
        ))),
    }
}

/// Sequences order by their first items that differ, then by length.
fn seq_order(x: &[Value], y: &[Value], op: &str, depth: usize) -> Eval<Option<Ordering>> {
    let depth = nest(depth)?;
    for (a, b) in x.iter().zip(y) {
        if !item_equal_at(a, b, depth)? {
            return order_at(a, b, op, depth);
        }
    }
    Ok(Some(x.len().cmp(&y.len())))
}

#[inline]
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> Eval<bool> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if let Some(result) = compare_ints(op, *x, *y) {
            return Ok(result);
        }
    }
    if special::has_class(a) || special::has_class(b) {
        if let CmpOp::Eq | CmpOp::NotEq | CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE = op {
            return special::compare(op, a, b);
        }
    }
    if let (Value::Set(x), Value::Set(y), CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE) =
        (a, b, op)
    {
        return set::compare(op, x, y);
    }
    use Ordering::{Equal, Greater, Less};
    Ok(match op {
        CmpOp::Eq => equal(a, b)?,
        CmpOp::NotEq => !equal(a, b)?,
        CmpOp::Lt => order(a, b, "<")? == Some(Less),
        CmpOp::LtE => matches!(order(a, b, "<=")?, Some(Less | Equal)),
        CmpOp::Gt => order(a, b, ">")? == Some(Greater),
        CmpOp::GtE => matches!(order(a, b, ">=")?, Some(Greater | Equal)),
        CmpOp::Is => identical(a, b),
        CmpOp::IsNot => !identical(a, b),
        CmpOp::In => contains(b, a)?,
        CmpOp::NotIn => !contains(b, a)?,
    })
}

/// `item in container`.
pub fn contains(container: &Value, item: &Value) -> Eval<bool> {
    let any_equal = |items: &[Value]| -> Eval<bool> {
        for v in items {
            if equal_item(v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    };
    Ok(match container {
        Value::Str(s) => match item {
            Value::Str(sub) => s.contains(&**sub),
            other => {
                return Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    other.type_name()
                )))
            }
        },
        Value::Bytes(b) => bytes_contain(b, item)?,
        Value::List(l) => any_equal(&snapshot(l)?)?,
        Value::Tuple(t) => any_equal(t)?,
        Value::Dict(d) => {
            let key = item.key()?;
            d.lock().contains_key(&key)
        }
        Value::Set(s) => s.contains(item)?,
        Value::Range(r) => match item {
            Value::Float(f) => num::exact_int(*f).is_some_and(|i| r.contains(i)),
            other => as_int(other).is_some_and(|i| r.contains(i)),
        },
        other if special::has_class(other) => {
            if let Some(found) = special::call_method(other, "__contains__", vec![item.clone()]) {
                return special::truth(&found?);
            }
            let mut it = iterate(other)?;
            while let Some(v) = it.next_value()? {
                if equal_item(&v, item)? {
                    return Ok(true);
                }
            }
            false
        }
        other => {
            return Err(type_error(format!(
                "argument of type '{}' is not iterable",
                other.type_name()
            )))
        }
    })
}

/// `item in data` for bytes: a byte value or a sub-sequence.
fn bytes_contain(data: &[u8], item: &Value) -> Eval<bool> {
    match item {
        Value::Bytes(sub) => Ok(sub.is_empty() || data.windows(sub.len()).any(|w| w == &sub[..])),
        other => match as_int(other).map(u8::try_from) {
            Some(Ok(byte)) => Ok(data.contains(&byte)),
            Some(Err(_)) => Err(Ctrl::raise(
                ExcKind::ValueError,
                "byte must be in range(0, 256)",
            )),
            None => Err(type_error(format!(
                "a bytes-like object is required, not '{}'",
                other.type_name()
            ))),
        },
    }
}

/// Starts iterating `v` (`iter(v)`).
pub fn iterate(v: &Value) -> Eval<IterState> {
    Ok(match v {
        Value::Range(r) => IterState::Range(RangeCursor::new(r)),
        Value::List(l) => IterState::List {
            list: l.clone(),
            pos: 0,
        },
        Value::Tuple(t) => IterState::Items {
            items: t.clone(),
            pos: 0,
        },
        Value::Str(s) => IterState::Chars {
            text: s.clone(),
            pos: 0,
        },
        Value::Dict(d) => {
            let d = d.lock();
            let mut keys = alloc::vec_with_capacity(d.len())?;
            keys.extend(d.values().map(|(k, _)| k.clone()));
            items(keys)
        }
        Value::Bytes(b) => IterState::Bytes {
            data: b.clone(),
            pos: 0,
        },
        Value::Set(s) => items(s.items()),
        Value::Iter(it) => IterState::Shared(it.clone()),
        Value::Object(o) => match o.iterator() {
            Some(native) => IterState::Native(native),
            None => return Err(not_iterable(v)),
        },
        v if special::has_class(v) => match special::iterate(v) {
            Some(it) => match it? {
                Value::Iter(state) => IterState::Shared(state),
                Value::Object(o) if o.iterator().is_some() => {
                    IterState::Native(o.iterator().expect("checked above"))
                }
                it if special::method(&it, "__next__").is_some() => {
                    IterState::Native(Arc::new(special::ObjectIter(it)))
                }
                other => {
                    return Err(type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        other.type_name()
                    )))
                }
            },
            None => return Err(not_iterable(v)),
        },
        other => return Err(not_iterable(other)),
    })
}

fn not_iterable(v: &Value) -> Ctrl {
    type_error(format!("'{}' object is not iterable", v.type_name()))
}

fn items(v: Vec<Value>) -> IterState {
    IterState::Items {
        items: Arc::new(Items::from(v)),
        pos: 0,
    }
}

/// Collects an iterable into a vector.
/// The items of `{**v}`: `v` must be a dict.
pub fn mapping_items(v: &Value) -> Eval<Vec<(Value, Value)>> {
    match v {
        Value::Dict(dict) => Ok(dict.lock().values().cloned().collect()),
        other => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!("'{}' object is not a mapping", other.type_name()),
        )),
    }
}

pub fn to_vec(v: &Value) -> Eval<Vec<Value>> {
    match v {
        Value::List(l) => alloc::to_vec(&l.lock()),
        Value::Tuple(t) => alloc::to_vec(t),
        other => {
            let mut out = match other {
                Value::Range(r) => {
                    alloc::vec_with_capacity(usize::try_from(r.len()).unwrap_or(usize::MAX))?
                }
                _ => Vec::new(),
            };
            let mut it = iterate(other)?;
            while let Some(x) = it.next_value()? {
                alloc::push(&mut out, x)?;
            }
            Ok(out)
        }
    }
}

/// An iterator object. Iterators built on iterators (`enumerate(enumerate(...))`) step
/// through each other, so their nesting is bounded as CPython's recursion limit would.
pub fn make_iter(state: IterState) -> Eval {
    if state.depth() > MAX_NESTING {
        return Err(Ctrl::raise(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded",
        ));
    }
    Ok(Value::Iter(Arc::new(Mutex::new(state))))
}

/// Resolves index `i` of a sequence of `len` items (negative ones count from the end).
fn index(len: u64, i: &Value, what: &str) -> Eval<u64> {
    let Some(i) = as_int(i) else {
        return Err(type_error(format!(
            "{what} indices must be integers or slices, not {}",
            i.type_name()
        )));
    };
    let len = i128::from(len);
    let resolved = if i < 0 {
        i128::from(i) + len
    } else {
        i128::from(i)
    };
    if !(0..len).contains(&resolved) {
        return Err(Ctrl::raise(
            ExcKind::IndexError,
            format!("{what} index out of range"),
        ));
    }
    Ok(resolved as u64)
}

/// A slice `lo:hi:step` resolved against a sequence of `len` items, as CPython's
/// `PySlice_Unpack` and `PySlice_AdjustIndices` resolve it: it selects the `count` items at
/// `start + k * step`. Wide integers keep huge steps and lengths from overflowing.
pub struct Slice {
    pub start: i128,
    pub stop: i128,
    pub step: i128,
    pub count: u64,
}

impl Slice {
    pub fn resolve(len: u64, parts: &[Value]) -> Eval<Slice> {
        let bound = |v: &Value| -> Eval<Option<i64>> {
            match v {
                Value::None => Ok(None),
                other => as_int(other).map(Some).ok_or_else(|| {
                    type_error(
                        "slice indices must be integers or None or have an __index__ method".into(),
                    )
                }),
            }
        };
        let step = bound(&parts[2])?.unwrap_or(1);
        if step == 0 {
            return Err(Ctrl::raise(
                ExcKind::ValueError,
                "slice step cannot be zero",
            ));
        }
        // CPython clamps the step so that negating it cannot overflow.
        let step = i128::from(step.max(-i64::MAX));
        let len = i128::from(len);
        let backwards = step < 0;
        let adjust = |v: i64| {
            let v = i128::from(v);
            if v < 0 {
                (v + len).max(if backwards { -1 } else { 0 })
            } else if v >= len {
                if backwards {
                    len - 1
                } else {
                    len
                }
            } else {
                v
            }
        };
        let (first, last) = if backwards { (len - 1, -1) } else { (0, len) };
        let start = bound(&parts[0])?.map_or(first, adjust);
        let stop = bound(&parts[1])?.map_or(last, adjust);
        let count = match backwards {
            true if stop < start => (start - stop - 1) / -step + 1,
            false if start < stop => (stop - start - 1) / step + 1,
            _ => 0,
        };
        Ok(Slice {
            start,
            stop,
            step,
            count: count as u64,
        })
    }

    /// The position of the `k`-th selected item (`k < count`).
    pub fn index(&self, k: u64) -> usize {
        (self.start + i128::from(k) * self.step) as usize
    }

    /// The positions of the selected items, in order.
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.count).map(|k| self.index(k))
    }
}

/// What is inside the brackets of a subscription: an item's key, or a slice's three bounds.
pub enum Subscript {
    Item(Value),
    /// `lo:hi:step`, each `None` where it is left out.
    Slice([Value; 3]),
}

impl Subscript {
    /// The subscription `value` stands for: the parts of a slice, as the tuple
    /// `(lo, hi, step)`, if `is_slice`, else a key.
    pub fn of(value: Value, is_slice: bool) -> Subscript {
        match value {
            Value::Tuple(parts) if is_slice && parts.len() == 3 => {
                Subscript::Slice([parts[0].clone(), parts[1].clone(), parts[2].clone()])
            }
            key => Subscript::Item(key),
        }
    }

    /// `container[self]`.
    pub fn get(&self, container: &Value) -> Eval {
        match (self, container) {
            (Subscript::Item(key), _) => get_item(container, key),
            (Subscript::Slice(_), Value::Dict(_)) => Err(unhashable_slice()),
            (Subscript::Slice(parts), _) => get_slice(container, parts),
        }
    }

    /// `container[self] = value`.
    pub fn set(&self, container: &Value, value: Value) -> Eval<()> {
        match (self, container) {
            (Subscript::Item(key), _) => set_item(container, key, value),
            (Subscript::Slice(_), Value::Dict(_)) => Err(unhashable_slice()),
            (Subscript::Slice(parts), _) => set_slice(container, parts, &value),
        }
    }

    /// `del container[self]`.
    pub fn delete(&self, container: &Value) -> Eval<()> {
        match (self, container) {
            (Subscript::Item(key), _) => del_item(container, key),
            (Subscript::Slice(_), Value::Dict(_)) => Err(unhashable_slice()),
            (Subscript::Slice(parts), _) => del_slice(container, parts),
        }
    }
}

/// A slice used as a dict key.
fn unhashable_slice() -> Ctrl {
    type_error("unhashable type: 'slice'".into())
}

/// `container[key]` (slices go through [`get_slice`]).
pub fn get_item(container: &Value, key: &Value) -> Eval {
    if let Some(slice) = downcast::<SliceObj>(key) {
        return get_slice(container, &slice.0);
    }
    match container {
        Value::List(l) => {
            let items = l.lock();
            Ok(items[index(items.len() as u64, key, "list")? as usize].clone())
        }
        Value::Tuple(t) => Ok(t[index(t.len() as u64, key, "tuple")? as usize].clone()),
        Value::Str(s) => {
            let i = index(s.chars().count() as u64, key, "string")?;
            let c = s.chars().nth(i as usize).unwrap_or_default();
            Ok(Value::str(c.encode_utf8(&mut [0; 4])))
        }
        Value::Bytes(b) => Ok(Value::Int(i64::from(
            b[index(b.len() as u64, key, "byte")? as usize],
        ))),
        Value::Range(r) => Ok(Value::Int(r.item(index(r.len(), key, "range object")?))),
        Value::Dict(d) => {
            let k = key.key()?;
            let (found, kind) = {
                let d = d.lock();
                (d.get(&k).map(|(_, v)| v.clone()), d.kind().cloned())
            };
            if let (None, Some(kind)) = (&found, kind) {
                if let Some(made) = (kind.flavor.missing)(container, &kind, key) {
                    return made;
                }
            }
            found.ok_or_else(|| {
                Ctrl::exc(Arc::new(super::error::Exception::with_args(
                    ExcKind::KeyError,
                    vec![key.clone()],
                )))
            })
        }
        Value::Object(o) => o.subscript(container, key),
        other if special::has_class(other) => {
            special::call_method(other, "__getitem__", vec![key.clone()]).unwrap_or_else(|| {
                Err(type_error(format!(
                    "'{}' object is not subscriptable",
                    other.type_name()
                )))
            })
        }
        other => Err(type_error(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
    }
}

/// `container[lo:hi:step]`.
pub fn get_slice(container: &Value, parts: &[Value]) -> Eval {
    match container {
        Value::List(l) => {
            let items = l.lock();
            let slice = Slice::resolve(items.len() as u64, parts)?;
            Ok(Value::list(pick(&items, &slice)?))
        }
        Value::Tuple(t) => {
            let slice = Slice::resolve(t.len() as u64, parts)?;
            Ok(Value::tuple(pick(t, &slice)?))
        }
        Value::Str(s) => slice_str(s, parts),
        Value::Bytes(b) => {
            let slice = Slice::resolve(b.len() as u64, parts)?;
            Ok(Value::Bytes(alloc::shared_bytes(pick(b, &slice)?)?))
        }
        Value::Range(r) => slice_range(r, parts),
        other => Err(type_error(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
    }
}

fn pick<T: Clone>(items: &[T], slice: &Slice) -> Eval<Vec<T>> {
    let mut out = alloc::vec_with_capacity(slice.count as usize)?;
    out.extend(slice.indices().map(|i| items[i].clone()));
    Ok(out)
}

/// Slices a string by characters without expanding it into one `char` per item.
fn slice_str(s: &str, parts: &[Value]) -> Eval {
    let len = s.chars().count();
    let slice = Slice::resolve(len as u64, parts)?;
    let picked: String = if slice.count == 0 {
        String::new()
    } else if slice.step == 1 {
        let byte_at = |char_ix: usize| s.char_indices().nth(char_ix).map_or(s.len(), |(b, _)| b);
        let (from, to) = (slice.index(0), slice.index(slice.count - 1) + 1);
        s[byte_at(from)..byte_at(to)].to_string()
    } else {
        let step = slice.step.unsigned_abs() as usize;
        let take = slice.count as usize;
        let first = slice.index(0);
        if slice.step > 0 {
            s.chars().skip(first).step_by(step).take(take).collect()
        } else {
            s.chars()
                .rev()
                .skip(len - 1 - first)
                .step_by(step)
                .take(take)
                .collect()
        }
    };
    Ok(Value::Str(alloc::shared_str(picked)?))
}

/// `range(...)[lo:hi:step]` is another range, as in CPython.
fn slice_range(r: &RangeObj, parts: &[Value]) -> Eval {
    let slice = Slice::resolve(r.len(), parts)?;
    let at = |i: i128| i128::from(r.start) + i * i128::from(r.step);
    let fit = |v: i128| i64::try_from(v).map_err(|_| num::int_overflow());
    Ok(Value::Range(Arc::new(RangeObj {
        start: fit(at(slice.start))?,
        stop: fit(at(slice.stop))?,
        step: fit(slice.step * i128::from(r.step))?,
    })))
}

/// `container[key] op= rhs` where the container is a list and both the item and `rhs` are
/// numbers: computed under one lock, since no Python code can run meanwhile. `None` for any
/// other shape. The number replaced is dropped under the lock; there is nothing to release.
pub fn aug_list_number(op: BinOp, container: &Value, key: &Value, rhs: &Value) -> Option<Eval<()>> {
    let is_number = |v: &Value| matches!(v, Value::Int(_) | Value::Float(_));
    let (Value::List(l), Value::Int(_)) = (container, key) else {
        return None;
    };
    if !is_number(rhs) {
        return None;
    }
    let mut items = l.lock();
    let slot = match index(items.len() as u64, key, "list") {
        Ok(i) => &mut items[i as usize],
        Err(e) => return Some(Err(e)),
    };
    if !is_number(slot) {
        return None;
    }
    Some(binary(op, slot, rhs).map(|v| *slot = v))
}

/// `container[key] = value`. Values replaced or removed are dropped after the lock is
/// released, as everywhere a container changes.
pub fn set_item(container: &Value, key: &Value, value: Value) -> Eval<()> {
    if let Some(slice) = downcast::<SliceObj>(key) {
        return set_slice(container, &slice.0, &value);
    }
    match container {
        Value::List(l) => {
            let replaced = {
                let mut items = l.lock();
                let i = index(items.len() as u64, key, "list assignment")?;
                std::mem::replace(&mut items[i as usize], value)
            };
            drop(replaced);
            Ok(())
        }
        Value::Dict(d) => {
            let k = key.key()?;
            let replaced = dict_set(&mut d.lock(), k, key, value)?;
            drop(replaced);
            Ok(())
        }
        other if special::has_class(other) => {
            match special::call_method(other, "__setitem__", vec![key.clone(), value]) {
                Some(done) => done.map(drop),
                None => Err(not_assignable(other)),
            }
        }
        other => Err(not_assignable(other)),
    }
}

fn not_assignable(v: &Value) -> Ctrl {
    type_error(format!(
        "'{}' object does not support item assignment",
        v.type_name()
    ))
}

/// `d[key] = value`: an existing entry keeps the key it was made with (`d[1.0]` after `d[1]`
/// still shows `1`), as in CPython. Returns the value replaced, if any.
pub fn dict_set(d: &mut Dict, k: Key, key: &Value, value: Value) -> Eval<Option<Value>> {
    if let Some(slot) = d.get_mut(&k) {
        return Ok(Some(std::mem::replace(&mut slot.1, value)));
    }
    d.try_reserve(1).map_err(|_| alloc::memory_error())?;
    d.insert(k, (key.clone(), value));
    Ok(None)
}

/// `del container[key]`.
pub fn del_item(container: &Value, key: &Value) -> Eval<()> {
    if let Some(slice) = downcast::<SliceObj>(key) {
        return del_slice(container, &slice.0);
    }
    match container {
        Value::List(l) => {
            let removed = {
                let mut items = l.lock();
                let i = index(items.len() as u64, key, "list assignment")?;
                items.remove(i as usize)
            };
            drop(removed);
            Ok(())
        }
        Value::Dict(d) => {
            let k = key.key()?;
            let removed = d.lock().shift_remove(&k);
            match removed {
                Some(_) => Ok(()),
                None => Err(Ctrl::exc(Arc::new(super::error::Exception::with_args(
                    ExcKind::KeyError,
                    vec![key.clone()],
                )))),
            }
        }
        other if special::method(other, "__delitem__").is_some() => {
            special::call_method(other, "__delitem__", vec![key.clone()])
                .unwrap_or(Ok(Value::None))
                .map(drop)
        }
        other => Err(type_error(format!(
            "'{}' object does not support item deletion",
            other.type_name()
        ))),
    }
}

/// `list[lo:hi:step] = value`. The new items are collected before the list is locked, as
/// they may come from the list itself (`a[:] = a`).
pub fn set_slice(container: &Value, parts: &[Value], value: &Value) -> Eval<()> {
    let Value::List(l) = container else {
        return Err(not_assignable(container));
    };
    if !matches!(value, Value::List(_) | Value::Tuple(_)) {
        iterate(value).map_err(|_| type_error("can only assign an iterable".into()))?;
    }
    let mut new = to_vec(value)?;
    let replaced: Vec<Value> = {
        let mut items = l.lock();
        let slice = Slice::resolve(items.len() as u64, parts)?;
        if slice.step == 1 {
            let (lo, hi) = (slice.start as usize, slice.stop.max(slice.start) as usize);
            if hi - lo == new.len() {
                // Same length (`perm[:k] = perm[k - 1::-1]`): the items trade places with the
                // new ones, and the old ones leave in `new`.
                items[lo..hi].swap_with_slice(&mut new);
                new
            } else {
                alloc::reserve(&mut items, new.len().saturating_sub(hi - lo))?;
                items.splice(lo..hi, new).collect()
            }
        } else {
            if new.len() as u64 != slice.count {
                return Err(Ctrl::raise(
                    ExcKind::ValueError,
                    format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new.len(),
                        slice.count
                    ),
                ));
            }
            let positions: Vec<usize> = slice.indices().collect();
            positions
                .into_iter()
                .zip(new)
                .map(|(i, v)| std::mem::replace(&mut items[i], v))
                .collect()
        }
    };
    drop(replaced);
    Ok(())
}

/// `del list[lo:hi:step]`.
pub fn del_slice(container: &Value, parts: &[Value]) -> Eval<()> {
    let Value::List(l) = container else {
        return Err(type_error(format!(
            "'{}' object does not support item deletion",
            container.type_name()
        )));
    };
    let removed: Vec<Value> = {
        let mut items = l.lock();
        let slice = Slice::resolve(items.len() as u64, parts)?;
        if slice.step == 1 {
            let (lo, hi) = (slice.start as usize, slice.stop.max(slice.start) as usize);
            items.drain(lo..hi).collect()
        } else {
            let mut selected = vec![false; items.len()];
            for i in slice.indices() {
                selected[i] = true;
            }
            let all = std::mem::take(&mut *items).into_vec();
            let mut removed = Vec::with_capacity(slice.count as usize);
            for (v, remove) in all.into_iter().zip(selected) {
                if remove {
                    removed.push(v);
                } else {
                    items.push(v);
                }
            }
            removed
        }
    };
    drop(removed);
    Ok(())
}

/// Unpacks `value` into exactly `n` items, or `n - 1` plus a starred list at `star`.
pub fn unpack(value: &Value, n: usize, star: Option<usize>) -> Eval<Vec<Value>> {
    let items = to_vec(value)?;
    match star {
        None if items.len() == n => Ok(items),
        None if items.len() > n => Err(Ctrl::raise(
            ExcKind::ValueError,
            format!("too many values to unpack (expected {n})"),
        )),
        None => Err(Ctrl::raise(
            ExcKind::ValueError,
            format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            ),
        )),
        Some(s) => {
            if items.len() < n - 1 {
                return Err(Ctrl::raise(
                    ExcKind::ValueError,
                    format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        n - 1,
                        items.len()
                    ),
                ));
            }
            let tail = n - 1 - s;
            let mut out: Vec<Value> = items[..s].to_vec();
            out.push(Value::list(items[s..items.len() - tail].to_vec()));
            out.extend_from_slice(&items[items.len() - tail..]);
            Ok(out)
        }
    }
}

/// A `slice(start, stop, step)` object: `seq[s]` is `seq[start:stop:step]`.
pub struct SliceObj(pub [Value; 3]);

/// `slice(stop)` or `slice(start, stop[, step])`.
pub fn slice(args: Vec<Value>) -> Eval {
    let parts = match <[Value; 3]>::try_from(args) {
        Ok(all) => all,
        Err(args) => match args.as_slice() {
            [stop] => [Value::None, stop.clone(), Value::None],
            [start, stop] => [start.clone(), stop.clone(), Value::None],
            _ => {
                return Err(type_error(format!(
                    "slice expected at most 3 arguments, got {}",
                    args.len()
                )))
            }
        },
    };
    Ok(super::object::object(SliceObj(parts)))
}

impl PyObject for SliceObj {
    fn type_name(&self) -> &'static str {
        "slice"
    }

    fn repr(&self) -> String {
        let [a, b, c] = &self.0;
        format!("slice({}, {}, {})", a.repr(), b.repr(), c.repr())
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        let at = ["start", "stop", "step"].iter().position(|n| *n == name)?;
        Some(self.0[at].clone())
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::testing::{outcome, reprs};

    #[test]
    fn containers_holding_themselves_answer_as_cpython() {
        let setup = "a = [1, 2]\nx = []\nx.append(x)\ny = []\ny.append(y)\nd = {}\nd['a'] = d";
        let cases = [
            ("a < a", "False"),
            ("a <= a", "True"),
            ("x", "[[...]]"),
            ("x == x", "True"),
            ("x < x", "False"),
            ("x in x", "True"),
            ("x.count(x)", "1"),
            ("x.index(x)", "0"),
            (
                "x == y",
                "RecursionError('maximum recursion depth exceeded in comparison')",
            ),
            ("d", "{'a': {...}}"),
            ("d == d", "True"),
        ];
        let expressions: Vec<&str> = cases.iter().map(|(e, _)| *e).collect();
        for ((e, want), got) in cases.iter().zip(reprs(setup, &expressions)) {
            assert_eq!(&got, want, "{e}");
        }
    }

    #[test]
    fn deep_nesting_is_a_recursion_error_in_repr_comparison_hashing_and_iterators() {
        let setup = "n = []\nm = []\nt = ()\nit = enumerate([1])\n\
                     for i in range(2000):\n    n = [n]\n    m = [m]\n    t = (t,)";
        let got = reprs(setup, &["repr(n)", "n == m", "{t: 1}"]);
        assert_eq!(
            got[0],
            "RecursionError('maximum recursion depth exceeded while getting the repr of an object')"
        );
        assert_eq!(
            got[1],
            "RecursionError('maximum recursion depth exceeded in comparison')"
        );
        assert_eq!(
            got[2],
            "RecursionError('maximum recursion depth exceeded while calling a Python object')"
        );
        let chain = outcome(
            "it = enumerate([1])\ntry:\n    for i in range(2000):\n        it = enumerate(it)\n\
             except RecursionError as e:\n    print(i, repr(e))\n",
        );
        assert_eq!(
            chain,
            "998 RecursionError('maximum recursion depth exceeded')\n"
        );
    }

    #[test]
    fn a_million_levels_are_freed_when_the_run_ends() {
        let source = "x = []\nt = ()\nd = {}\ne = ValueError()\nf = None\n\
                      for i in range(1000000):\n    x = [x]\n    t = (t,)\n    d = {1: d}\n    \
                      e = ValueError(e)\n    f = lambda g=f: g\nprint('built')\n";
        assert_eq!(outcome(source), "built\n");
    }
}
