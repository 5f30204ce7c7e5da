//! Operators on values (arithmetic, comparison, indexing, iteration), shared by the synchronous
//! and asynchronous evaluators.

use std::cmp::Ordering;
use std::sync::Arc;

use parking_lot::Mutex;

use super::error::{Ctrl, Eval, ExcKind};
use super::ir::{BinOp, CmpOp, UnaryOp};
use super::value::{IterState, Value};

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

fn overflow() -> Ctrl {
    Ctrl::raise(
        ExcKind::OverflowError,
        "integer result too large for a scenario (limited to 64 bits)",
    )
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
        return int_binary(op, *x, *y);
    }
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        return int_binary(op, x, y);
    }
    if let (Some(x), Some(y)) = (as_float(a), as_float(b)) {
        return float_binary(op, x, y).ok_or_else(|| unsupported(op_symbol(op), a, b))?;
    }
    sequence_binary(op, a, b)
}

fn int_binary(op: BinOp, x: i64, y: i64) -> Eval {
    let checked = |r: Option<i64>| r.map(Value::Int).ok_or_else(overflow);
    match op {
        BinOp::Add => checked(x.checked_add(y)),
        BinOp::Sub => checked(x.checked_sub(y)),
        BinOp::Mul => checked(x.checked_mul(y)),
        BinOp::Div => {
            if y == 0 {
                return Err(Ctrl::raise(ExcKind::ZeroDivisionError, "division by zero"));
            }
            Ok(Value::Float(x as f64 / y as f64))
        }
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(Ctrl::raise(
                    ExcKind::ZeroDivisionError,
                    "integer division or modulo by zero",
                ));
            }
            Ok(Value::Int(
                x.div_euclid(y) - i64::from(y < 0 && x.rem_euclid(y) != 0),
            ))
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(Ctrl::raise(
                    ExcKind::ZeroDivisionError,
                    "integer division or modulo by zero",
                ));
            }
            let r = x % y;
            Ok(Value::Int(if r != 0 && (r < 0) != (y < 0) {
                r + y
            } else {
                r
            }))
        }
        BinOp::Pow => {
            if y < 0 {
                return Ok(Value::Float((x as f64).powf(y as f64)));
            }
            checked(u32::try_from(y).ok().and_then(|y| x.checked_pow(y)))
        }
        BinOp::BitAnd => Ok(Value::Int(x & y)),
        BinOp::BitOr => Ok(Value::Int(x | y)),
        BinOp::BitXor => Ok(Value::Int(x ^ y)),
        BinOp::LShift => checked(
            u32::try_from(y)
                .ok()
                .and_then(|y| x.checked_shl(y))
                .filter(|r| r >> y.min(63) == x),
        ),
        BinOp::RShift => Ok(Value::Int(x >> y.clamp(0, 63))),
    }
}

fn float_binary(op: BinOp, x: f64, y: f64) -> Option<Eval> {
    let zero = || {
        Err(Ctrl::raise(
            ExcKind::ZeroDivisionError,
            "float division by zero",
        ))
    };
    Some(match op {
        BinOp::Add => Ok(Value::Float(x + y)),
        BinOp::Sub => Ok(Value::Float(x - y)),
        BinOp::Mul => Ok(Value::Float(x * y)),
        BinOp::Div if y == 0.0 => zero(),
        BinOp::Div => Ok(Value::Float(x / y)),
        BinOp::FloorDiv if y == 0.0 => zero(),
        BinOp::FloorDiv => Ok(Value::Float((x / y).floor())),
        BinOp::Mod if y == 0.0 => zero(),
        BinOp::Mod => {
            let r = x % y;
            Ok(Value::Float(if r != 0.0 && (r < 0.0) != (y < 0.0) {
                r + y
            } else {
                r
            }))
        }
        BinOp::Pow => Ok(Value::Float(x.powf(y))),
        _ => return None,
    })
}

fn sequence_binary(op: BinOp, a: &Value, b: &Value) -> Eval {
    match (op, a, b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => {
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Ok(Value::Str(Arc::from(s)))
        }
        (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
            Ok(Value::Bytes([&x[..], y].concat().into()))
        }
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            let mut items = x.lock().clone();
            items.extend(y.lock().iter().cloned());
            Ok(Value::list(items))
        }
        (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            Ok(Value::tuple(x.iter().chain(y.iter()).cloned().collect()))
        }
        (BinOp::Mul, seq, n) | (BinOp::Mul, n, seq) if as_int(n).is_some() => {
            let count = as_int(n).unwrap_or(0).max(0) as usize;
            repeat(seq, count).ok_or_else(|| unsupported("*", a, b))
        }
        _ => Err(unsupported(op_symbol(op), a, b)),
    }
}

fn repeat(seq: &Value, count: usize) -> Option<Value> {
    Some(match seq {
        Value::Str(s) => Value::str(&s.repeat(count)),
        Value::Bytes(b) => Value::Bytes(b.repeat(count).into()),
        Value::List(l) => {
            let items = l.lock();
            Value::list(
                items
                    .iter()
                    .cloned()
                    .cycle()
                    .take(items.len() * count)
                    .collect(),
            )
        }
        Value::Tuple(t) => Value::tuple(t.iter().cloned().cycle().take(t.len() * count).collect()),
        _ => return None,
    })
}

pub fn unary(op: UnaryOp, v: &Value) -> Eval {
    match (op, v) {
        (UnaryOp::Not, v) => Ok(Value::Bool(!v.truthy())),
        (UnaryOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
        (UnaryOp::Neg, v) if as_int(v).is_some() => as_int(v)
            .and_then(i64::checked_neg)
            .map(Value::Int)
            .ok_or_else(overflow),
        (UnaryOp::Pos, Value::Float(f)) => Ok(Value::Float(*f)),
        (UnaryOp::Pos, v) if as_int(v).is_some() => Ok(Value::Int(as_int(v).unwrap_or(0))),
        (UnaryOp::Invert, v) if as_int(v).is_some() => Ok(Value::Int(!as_int(v).unwrap_or(0))),
        (op, v) => {
            let symbol = match op {
                UnaryOp::Neg => "-",
                UnaryOp::Pos => "+",
                _ => "~",
            };
            Err(type_error(format!(
                "bad operand type for unary {symbol}: '{}'",
                v.type_name()
            )))
        }
    }
}

/// `a == b`.
pub fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::None, Value::None) => true,
        (Value::List(x), Value::List(y)) => {
            Arc::ptr_eq(x, y) || seq_equal(&x.lock().clone(), &y.lock().clone())
        }
        (Value::Tuple(x), Value::Tuple(y)) => seq_equal(x, y),
        (Value::Dict(x), Value::Dict(y)) => {
            if Arc::ptr_eq(x, y) {
                return true;
            }
            let (x, y) = (x.lock().clone(), y.lock().clone());
            x.len() == y.len()
                && x.iter()
                    .all(|(k, (_, v))| y.get(k).is_some_and(|(_, w)| equal(v, w)))
        }
        (Value::ExcType(x), Value::ExcType(y)) => x == y,
        (Value::Module(x), Value::Module(y)) => x == y,
        (Value::Builtin(x), Value::Builtin(y)) => x == y,
        _ => match (as_float(a), as_float(b)) {
            (Some(x), Some(y)) => {
                if let (Some(i), Some(j)) = (as_int(a), as_int(b)) {
                    i == j
                } else {
                    x == y
                }
            }
            _ => identical(a, b),
        },
    }
}

fn seq_equal(x: &[Value], y: &[Value]) -> bool {
    x.len() == y.len() && x.iter().zip(y).all(|(a, b)| equal(a, b))
}

/// `a is b`.
pub fn identical(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => Arc::ptr_eq(x, y) || x == y,
        (Value::Bytes(x), Value::Bytes(y)) => Arc::ptr_eq(x, y),
        (Value::List(x), Value::List(y)) => Arc::ptr_eq(x, y),
        (Value::Dict(x), Value::Dict(y)) => Arc::ptr_eq(x, y),
        (Value::Tuple(x), Value::Tuple(y)) => Arc::ptr_eq(x, y),
        (Value::Func(x), Value::Func(y)) => Arc::ptr_eq(x, y),
        (Value::Coro(x), Value::Coro(y)) => Arc::ptr_eq(x, y),
        (Value::Task(x), Value::Task(y)) => Arc::ptr_eq(x, y),
        (Value::Future(x), Value::Future(y)) => Arc::ptr_eq(x, y),
        (Value::Exception(x), Value::Exception(y)) => Arc::ptr_eq(x, y),
        (Value::ExcType(x), Value::ExcType(y)) => x == y,
        (Value::Builtin(x), Value::Builtin(y)) => x == y,
        (Value::Module(x), Value::Module(y)) => x == y,
        _ => false,
    }
}

/// Orders two values as `<` does, or fails with Python's `TypeError`.
pub fn order(a: &Value, b: &Value, op: &str) -> Eval<Ordering> {
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        return Ok(x.cmp(&y));
    }
    if let (Some(x), Some(y)) = (as_float(a), as_float(b)) {
        return Ok(x.partial_cmp(&y).unwrap_or(Ordering::Equal));
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(x.cmp(y)),
        (Value::Bytes(x), Value::Bytes(y)) => Ok(x.cmp(y)),
        (Value::List(x), Value::List(y)) => seq_order(&x.lock().clone(), &y.lock().clone(), op),
        (Value::Tuple(x), Value::Tuple(y)) => seq_order(x, y, op),
        _ => Err(type_error(format!(
            "'{op}' not supported between instances of '{}' and '{}'",
            a.type_name(),
            b.type_name()
        ))),
    }
}

fn seq_order(x: &[Value], y: &[Value], op: &str) -> Eval<Ordering> {
    for (a, b) in x.iter().zip(y) {
        if !equal(a, b) {
            return order(a, b, op);
        }
    }
    Ok(x.len().cmp(&y.len()))
}

#[inline]
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> Eval<bool> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if let Some(result) = compare_ints(op, *x, *y) {
            return Ok(result);
        }
    }
    Ok(match op {
        CmpOp::Eq => equal(a, b),
        CmpOp::NotEq => !equal(a, b),
        CmpOp::Lt => order(a, b, "<")?.is_lt(),
        CmpOp::LtE => order(a, b, "<=")?.is_le(),
        CmpOp::Gt => order(a, b, ">")?.is_gt(),
        CmpOp::GtE => order(a, b, ">=")?.is_ge(),
        CmpOp::Is => identical(a, b),
        CmpOp::IsNot => !identical(a, b),
        CmpOp::In => contains(b, a)?,
        CmpOp::NotIn => !contains(b, a)?,
    })
}

/// `item in container`.
pub fn contains(container: &Value, item: &Value) -> Eval<bool> {
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
        Value::List(l) => l.lock().iter().any(|v| equal(v, item)),
        Value::Tuple(t) => t.iter().any(|v| equal(v, item)),
        Value::Dict(d) => d.lock().contains_key(&item.key()?),
        Value::Range(r) => match as_int(item) {
            Some(i) => {
                let in_bounds = if r.step > 0 {
                    i >= r.start && i < r.stop
                } else {
                    i <= r.start && i > r.stop
                };
                in_bounds && (i - r.start) % r.step == 0
            }
            None => false,
        },
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
        Value::Range(r) => IterState::Range {
            next: r.start,
            stop: r.stop,
            step: r.step,
        },
        Value::List(l) => items(l.lock().clone()),
        Value::Tuple(t) => IterState::Items {
            items: t.clone(),
            pos: 0,
        },
        Value::Str(s) => items(
            s.chars()
                .map(|c| Value::str(c.encode_utf8(&mut [0; 4])))
                .collect(),
        ),
        Value::Dict(d) => items(d.lock().values().map(|(k, _)| k.clone()).collect()),
        Value::Bytes(b) => items(b.iter().map(|&x| Value::Int(i64::from(x))).collect()),
        Value::Iter(it) => IterState::Shared(it.clone()),
        Value::Object(o) => match o.iterator() {
            Some(native) => IterState::Native(native),
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
        items: Arc::from(v),
        pos: 0,
    }
}

/// Collects an iterable into a vector.
pub fn to_vec(v: &Value) -> Eval<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.lock().clone()),
        Value::Tuple(t) => Ok(t.to_vec()),
        other => {
            let mut it = iterate(other)?;
            let mut out = Vec::new();
            while let Some(x) = it.next_value()? {
                out.push(x);
            }
            Ok(out)
        }
    }
}

pub fn make_iter(state: IterState) -> Value {
    Value::Iter(Arc::new(Mutex::new(state)))
}

fn index(len: usize, i: &Value, what: &str) -> Eval<usize> {
    let Some(i) = as_int(i) else {
        return Err(type_error(format!(
            "{what} indices must be integers or slices, not {}",
            i.type_name()
        )));
    };
    let resolved = if i < 0 { i + len as i64 } else { i };
    if resolved < 0 || resolved >= len as i64 {
        return Err(Ctrl::raise(
            ExcKind::IndexError,
            format!("{what} index out of range"),
        ));
    }
    Ok(resolved as usize)
}

/// The indices a slice `lo:hi:step` selects from a sequence of `len` items.
fn slice_indices(len: usize, slice: &[Value]) -> Eval<Vec<usize>> {
    let get = |v: &Value| -> Eval<Option<i64>> {
        match v {
            Value::None => Ok(None),
            other => as_int(other)
                .map(Some)
                .ok_or_else(|| type_error("slice indices must be integers or None".to_string())),
        }
    };
    let len = len as i64;
    let step = get(&slice[2])?.unwrap_or(1);
    if step == 0 {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "slice step cannot be zero",
        ));
    }
    let clamp = |v: i64, lo: i64, hi: i64| {
        let v = if v < 0 { v + len } else { v };
        v.clamp(lo, hi)
    };
    let mut out = Vec::new();
    if step > 0 {
        let lo = get(&slice[0])?.map_or(0, |v| clamp(v, 0, len));
        let hi = get(&slice[1])?.map_or(len, |v| clamp(v, 0, len));
        let mut i = lo;
        while i < hi {
            out.push(i as usize);
            i += step;
        }
    } else {
        let lo = get(&slice[0])?.map_or(len - 1, |v| clamp(v, -1, len - 1));
        let hi = get(&slice[1])?.map_or(-1, |v| clamp(v, -1, len - 1));
        let mut i = lo;
        while i > hi {
            out.push(i as usize);
            i += step;
        }
    }
    Ok(out)
}

/// `container[key]` (slices go through [`get_slice`]).
pub fn get_item(container: &Value, key: &Value) -> Eval {
    match container {
        Value::List(l) => {
            let items = l.lock();
            Ok(items[index(items.len(), key, "list")?].clone())
        }
        Value::Tuple(t) => Ok(t[index(t.len(), key, "tuple")?].clone()),
        Value::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            let c = chars[index(chars.len(), key, "string")?];
            Ok(Value::str(c.encode_utf8(&mut [0; 4])))
        }
        Value::Bytes(b) => Ok(Value::Int(i64::from(b[index(b.len(), key, "byte")?]))),
        Value::Range(r) => {
            let i = index(r.len() as usize, key, "range object")?;
            Ok(Value::Int(r.start + r.step * i as i64))
        }
        Value::Dict(d) => match d.lock().get(&key.key()?) {
            Some((_, v)) => Ok(v.clone()),
            None => Err(Ctrl::exc(Arc::new(super::error::Exception::with_args(
                ExcKind::KeyError,
                vec![key.clone()],
            )))),
        },
        other => Err(type_error(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
    }
}

/// `container[lo:hi:step]`.
pub fn get_slice(container: &Value, slice: &[Value]) -> Eval {
    match container {
        Value::List(l) => {
            let items = l.lock();
            let picked = slice_indices(items.len(), slice)?;
            Ok(Value::list(
                picked.into_iter().map(|i| items[i].clone()).collect(),
            ))
        }
        Value::Tuple(t) => {
            let picked = slice_indices(t.len(), slice)?;
            Ok(Value::tuple(
                picked.into_iter().map(|i| t[i].clone()).collect(),
            ))
        }
        Value::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            let picked = slice_indices(chars.len(), slice)?;
            Ok(Value::str(
                &picked.into_iter().map(|i| chars[i]).collect::<String>(),
            ))
        }
        Value::Bytes(b) => {
            let picked = slice_indices(b.len(), slice)?;
            Ok(Value::Bytes(picked.into_iter().map(|i| b[i]).collect()))
        }
        other => Err(type_error(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
    }
}

/// `container[key] = value`.
pub fn set_item(container: &Value, key: &Value, value: Value) -> Eval<()> {
    match container {
        Value::List(l) => {
            let mut items = l.lock();
            let i = index(items.len(), key, "list assignment")?;
            items[i] = value;
            Ok(())
        }
        Value::Dict(d) => {
            d.lock().insert(key.key()?, (key.clone(), value));
            Ok(())
        }
        other => Err(type_error(format!(
            "'{}' object does not support item assignment",
            other.type_name()
        ))),
    }
}

/// `del container[key]`.
pub fn del_item(container: &Value, key: &Value) -> Eval<()> {
    match container {
        Value::List(l) => {
            let mut items = l.lock();
            let i = index(items.len(), key, "list assignment")?;
            items.remove(i);
            Ok(())
        }
        Value::Dict(d) => match d.lock().shift_remove(&key.key()?) {
            Some(_) => Ok(()),
            None => Err(Ctrl::exc(Arc::new(super::error::Exception::with_args(
                ExcKind::KeyError,
                vec![key.clone()],
            )))),
        },
        other => Err(type_error(format!(
            "'{}' object does not support item deletion",
            other.type_name()
        ))),
    }
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
