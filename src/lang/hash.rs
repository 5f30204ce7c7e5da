//! `hash()` as CPython 3.11 computes it, so that sets iterate in CPython's order: ints modulo
//! the Mersenne prime 2**61 - 1, floats by the same modulus, `str` and `bytes` by SipHash-1-3
//! over CPython's storage of the text (the key all zero, as `PYTHONHASHSEED=0` makes it),
//! tuples by CPython's xxHash-based combination.

use std::hash::Hasher;

use siphasher::sip::SipHasher13;

use super::error::{Ctrl, Eval, ExcKind};
use super::special;
use super::value::{identity, Value};

const BITS: u32 = 61;
const MODULUS: u64 = (1 << BITS) - 1;
const INF: i64 = 314_159;

/// `hash(v)`, or `TypeError` for an unhashable value.
pub fn hash(v: &Value) -> Eval<i64> {
    Ok(match v {
        Value::Int(i) => int(*i),
        Value::Bool(b) => i64::from(*b),
        Value::Float(f) => float(*f, v),
        Value::Str(s) => text(s),
        Value::Bytes(b) => bytes(b),
        Value::Tuple(items) => tuple(items)?,
        Value::Set(s) if s.frozen => s.frozen_hash(),
        v if special::has_class(v) => match special::hash(v) {
            Some(h) => h?,
            None => pointer(v),
        },
        Value::None
        | Value::Ellipsis
        | Value::NotImplemented
        | Value::Func(_)
        | Value::Builtin(_)
        | Value::Native(_)
        | Value::Coro(_)
        | Value::Exception(_)
        | Value::ExcType(_)
        | Value::Module(_)
        | Value::Class(_)
        | Value::Object(_) => pointer(v),
        other => {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                format!("unhashable type: '{}'", other.type_name()),
            ))
        }
    })
}

/// -1 is CPython's error code: a hash that comes out as -1 is -2.
fn not_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn int(i: i64) -> i64 {
    let magnitude = (i.unsigned_abs() % MODULUS) as i64;
    not_minus_one(if i < 0 { -magnitude } else { magnitude })
}

/// CPython's `_Py_HashDouble`: the float's exact rational value reduced modulo 2**61 - 1,
/// so that `hash(2.0) == hash(2)`.
fn float(f: f64, v: &Value) -> i64 {
    if f.is_infinite() {
        return if f > 0.0 { INF } else { -INF };
    }
    if f.is_nan() {
        return pointer(v);
    }
    let (mut m, mut e) = frexp(f);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e as u32 % BITS
    } else {
        BITS - 1 - ((-1 - e) as u32 % BITS)
    };
    x = ((x << e) & MODULUS) | (x >> (BITS - e));
    not_minus_one((x as i64).wrapping_mul(sign))
}

/// `frexp`: `f == m * 2**e` with `0.5 <= |m| < 1`.
fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 {
        return (f, 0);
    }
    let bits = f.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    if exponent == 0 {
        let (m, e) = frexp(f * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exponent - 1022)
}

/// CPython hashes a string's storage: one byte per character when all fit in Latin-1, two
/// (little-endian) when all fit in 16 bits, four otherwise.
fn text(s: &str) -> i64 {
    let widest = s.chars().map(u32::from).max().unwrap_or(0);
    let storage: Vec<u8> = match widest {
        0..=0xff => s.chars().map(|c| u32::from(c) as u8).collect(),
        0x100..=0xffff => s
            .chars()
            .flat_map(|c| (u32::from(c) as u16).to_le_bytes())
            .collect(),
        _ => s.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect(),
    };
    bytes(&storage)
}

fn bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let mut hasher = SipHasher13::new_with_keys(0, 0);
    hasher.write(data);
    not_minus_one(hasher.finish() as i64)
}

/// CPython's `tuplehash`, after xxHash's round.
fn tuple(items: &[Value]) -> Eval<i64> {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for item in items {
        let lane = hash(item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(items.len() as u64 ^ (PRIME_5 ^ 3_527_539));
    Ok(if acc == u64::MAX {
        1_546_275_796
    } else {
        acc as i64
    })
}

/// An object hashed by its identity, as CPython's `_Py_HashPointer` does.
fn pointer(v: &Value) -> i64 {
    not_minus_one((identity(v) as u64).rotate_right(4) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values `PYTHONHASHSEED=0 python3 -c 'print(hash(...))'` prints.
    #[test]
    fn hashes_are_cpythons() {
        assert_eq!(int(-1), -2);
        assert_eq!(int(1 << 61), 1);
        assert_eq!(text("abc"), -4_594_863_902_769_663_758);
        assert_eq!(float(1.5, &Value::None), 1_152_921_504_606_846_977);
        let pair = Value::tuple(vec![Value::Int(1), Value::Int(2)]);
        assert_eq!(hash(&pair).ok(), Some(-3_550_055_125_485_641_917));
        assert_eq!(text(""), 0);
    }
}
