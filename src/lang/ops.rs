//! Operators on values (arithmetic, comparison, indexing, iteration), shared by the synchronous
//! and asynchronous evaluators.

use std::cmp::Ordering;
use std::sync::Arc;

use parking_lot::Mutex;

use super::alloc;
use super::error::{Ctrl, Eval, ExcKind};
use super::ir::{BinOp, CmpOp, UnaryOp};
use super::num;
use super::value::{IterState, RangeObj, Value};

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
    match (op, a, b) {
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
            Value::Str(alloc::shared_str(alloc::repeat_str(s, count)?)?)
        }
        Value::Bytes(b) => {
            too_long(b.len(), "bytes are")?;
            Value::Bytes(alloc::shared_bytes(alloc::repeat(b, count)?)?)
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
        Value::Range(r) => match item {
            Value::Float(f) => num::exact_int(*f).is_some_and(|i| r.contains(i)),
            other => as_int(other).is_some_and(|i| r.contains(i)),
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

pub fn make_iter(state: IterState) -> Value {
    Value::Iter(Arc::new(Mutex::new(state)))
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

/// `container[key]` (slices go through [`get_slice`]).
pub fn get_item(container: &Value, key: &Value) -> Eval {
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
            let found = d.lock().get(&k).map(|(_, v)| v.clone());
            found.ok_or_else(|| {
                Ctrl::exc(Arc::new(super::error::Exception::with_args(
                    ExcKind::KeyError,
                    vec![key.clone()],
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

/// `container[key] = value`.
pub fn set_item(container: &Value, key: &Value, value: Value) -> Eval<()> {
    match container {
        Value::List(l) => {
            let mut items = l.lock();
            let i = index(items.len() as u64, key, "list assignment")?;
            items[i as usize] = value;
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
            let i = index(items.len() as u64, key, "list assignment")?;
            items.remove(i as usize);
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
