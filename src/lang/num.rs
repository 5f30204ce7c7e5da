//! Integer and float arithmetic with CPython's results and errors. Ints are 64-bit: a result
//! CPython would give as a bigger int raises `OverflowError` instead of wrapping. Floats follow
//! CPython's own algorithms (`_float_div_mod`, `float_pow`), int/int division is correctly
//! rounded, and ints compare with floats exactly.

use std::cmp::Ordering;

use super::error::{Ctrl, Eval, ExcKind, Exception};
use super::ir::BinOp;

/// The answer where CPython's result would be an int wider than 64 bits.
pub fn int_overflow() -> Ctrl {
    Ctrl::raise(
        ExcKind::OverflowError,
        "integer result too large for a scenario (limited to 64 bits)",
    )
}

fn zero_division(message: &str) -> Ctrl {
    Ctrl::raise(ExcKind::ZeroDivisionError, message)
}

const INT_ZERO_DIVISION: &str = "integer division or modulo by zero";

/// 2^63 as a float: every float in `[-TWO_63, TWO_63)` truncates to an `i64` exactly.
const TWO_63: f64 = 9_223_372_036_854_775_808.0;

/// `x op y` for ints (`/` gives a float).
pub fn int_binary(op: BinOp, x: i64, y: i64) -> Eval<super::value::Value> {
    use super::value::Value;
    let checked = |r: Option<i64>| r.map(Value::Int).ok_or_else(int_overflow);
    match op {
        BinOp::Add => checked(x.checked_add(y)),
        BinOp::Sub => checked(x.checked_sub(y)),
        BinOp::Mul => checked(x.checked_mul(y)),
        BinOp::Div => int_true_div(x, y).map(Value::Float),
        BinOp::FloorDiv => int_divmod(x, y).map(|(q, _)| Value::Int(q)),
        BinOp::Mod => int_mod(x, y).map(Value::Int),
        BinOp::Pow => int_pow(x, y),
        BinOp::BitAnd => Ok(Value::Int(x & y)),
        BinOp::BitOr => Ok(Value::Int(x | y)),
        BinOp::BitXor => Ok(Value::Int(x ^ y)),
        BinOp::LShift => shift_left(x, y).map(Value::Int),
        BinOp::RShift => shift_right(x, y).map(Value::Int),
    }
}

/// `x % y`: the remainder takes the sign of `y`.
fn int_mod(x: i64, y: i64) -> Eval<i64> {
    if y == 0 {
        return Err(zero_division(INT_ZERO_DIVISION));
    }
    // Only `i64::MIN % -1` has no `checked_rem`, and its remainder is 0.
    let r = x.checked_rem(y).unwrap_or(0);
    Ok(if r != 0 && (r < 0) != (y < 0) {
        r + y
    } else {
        r
    })
}

/// `divmod(x, y)` for ints: the floor quotient and the remainder.
pub fn int_divmod(x: i64, y: i64) -> Eval<(i64, i64)> {
    let r = int_mod(x, y)?;
    // `x - r` is an exact multiple of `y`; only `i64::MIN // -1` overflows.
    let q = (x - r).checked_div(y).ok_or_else(int_overflow)?;
    Ok((q, r))
}

/// `x / y` for ints, correctly rounded as CPython's `long_true_divide` is.
pub fn int_true_div(x: i64, y: i64) -> Eval<f64> {
    const EXACT: u64 = 1 << 53;
    if y == 0 {
        return Err(zero_division("division by zero"));
    }
    let (a, b) = (x.unsigned_abs(), y.unsigned_abs());
    let magnitude = if a == 0 || (a <= EXACT && b <= EXACT) {
        a as f64 / b as f64
    } else {
        // Scale the dividend so the quotient has at least 55 bits, fold the remainder into its
        // lowest bit (a sticky bit), and let the conversion round once.
        let shift = (55 + b.ilog2()).saturating_sub(a.ilog2());
        let scaled = u128::from(a) << shift;
        let q = scaled / u128::from(b);
        let sticky = u128::from(scaled % u128::from(b) != 0);
        (q | sticky) as f64 / 2f64.powi(shift as i32)
    };
    Ok(if (x < 0) != (y < 0) {
        -magnitude
    } else {
        magnitude
    })
}

fn int_pow(x: i64, y: i64) -> Eval<super::value::Value> {
    use super::value::Value;
    if y < 0 {
        return float_pow(x as f64, y as f64).map(Value::Float);
    }
    let exact = match x {
        0 => Some(i64::from(y == 0)),
        1 => Some(1),
        -1 => Some(if y % 2 == 0 { 1 } else { -1 }),
        _ => u32::try_from(y).ok().and_then(|y| x.checked_pow(y)),
    };
    exact.map(Value::Int).ok_or_else(int_overflow)
}

fn negative_shift() -> Ctrl {
    Ctrl::raise(ExcKind::ValueError, "negative shift count")
}

fn shift_left(x: i64, y: i64) -> Eval<i64> {
    if y < 0 {
        return Err(negative_shift());
    }
    if x == 0 {
        return Ok(0);
    }
    u32::try_from(y)
        .ok()
        .filter(|&y| y < 64)
        .and_then(|y| x.checked_shl(y).filter(|r| r >> y == x))
        .ok_or_else(int_overflow)
}

fn shift_right(x: i64, y: i64) -> Eval<i64> {
    if y < 0 {
        return Err(negative_shift());
    }
    Ok(x >> y.min(63))
}

/// `x op y` for floats, or `None` for operators floats do not have.
pub fn float_binary(op: BinOp, x: f64, y: f64) -> Option<Eval<f64>> {
    Some(match op {
        BinOp::Add => Ok(x + y),
        BinOp::Sub => Ok(x - y),
        BinOp::Mul => Ok(x * y),
        BinOp::Div if y == 0.0 => Err(zero_division("float division by zero")),
        BinOp::Div => Ok(x / y),
        BinOp::FloorDiv if y == 0.0 => Err(zero_division("float floor division by zero")),
        BinOp::FloorDiv => Ok(float_divmod(x, y).0),
        BinOp::Mod if y == 0.0 => Err(zero_division("float modulo")),
        BinOp::Mod => Ok(float_divmod(x, y).1),
        BinOp::Pow => float_pow(x, y),
        _ => return None,
    })
}

/// CPython's `_float_div_mod` (`y` is not zero): the floor quotient and a remainder with the
/// sign of `y`.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut rem = x % y;
    let mut div = (x - rem) / y;
    if rem != 0.0 {
        if (y < 0.0) != (rem < 0.0) {
            rem += y;
            div -= 1.0;
        }
    } else {
        rem = 0f64.copysign(y);
    }
    let floor = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0f64.copysign(x / y)
    };
    (floor, rem)
}

/// CPython's `float_pow`, including its errors; NaN and infinities follow C's `pow`, as they
/// do in CPython.
pub fn float_pow(x: f64, y: f64) -> Eval<f64> {
    if y == 0.0 {
        return Ok(1.0);
    }
    if x.is_nan() || y.is_nan() || x.is_infinite() || y.is_infinite() {
        return Ok(x.powf(y));
    }
    if x == 0.0 && y < 0.0 {
        return Err(zero_division("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.fract() != 0.0 {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "negative number cannot be raised to a fractional power: the result is complex, \
             and scenarios do not support complex numbers",
        ));
    }
    let result = x.powf(y);
    if result.is_infinite() {
        return Err(Exception::with_args(
            ExcKind::OverflowError,
            vec![
                super::value::Value::Int(34),
                super::value::Value::str("Numerical result out of range"),
            ],
        )
        .into());
    }
    Ok(result)
}

/// `int(f)`: truncates toward zero.
pub fn float_to_int(f: f64) -> Eval<i64> {
    if f.is_nan() {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "cannot convert float NaN to integer",
        ));
    }
    if f.is_infinite() {
        return Err(Ctrl::raise(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    if (-TWO_63..TWO_63).contains(&t) {
        Ok(t as i64)
    } else {
        Err(int_overflow())
    }
}

/// `round(x, ndigits)` for an int: a multiple of `10^-ndigits`, ties to even.
pub fn round_int(x: i64, ndigits: i64) -> Eval<i64> {
    if ndigits >= 0 {
        return Ok(x);
    }
    // 10^38 is the largest power of ten an i128 holds; rounding to more digits gives 0.
    let Some(power) = u32::try_from(ndigits.unsigned_abs())
        .ok()
        .filter(|&p| p <= 38)
    else {
        return Ok(0);
    };
    let unit = 10i128.pow(power);
    let x = i128::from(x);
    let (q, r) = (x.div_euclid(unit), x.rem_euclid(unit));
    let up = 2 * r > unit || (2 * r == unit && q % 2 != 0);
    i64::try_from((q + i128::from(up)) * unit).map_err(|_| int_overflow())
}

/// `round(x, ndigits)` for a float, correctly rounded with ties to even, as CPython's
/// `double_round` does from the exact decimal value of `x`.
pub fn round_float(x: f64, ndigits: i64) -> Eval<f64> {
    // Beyond these bounds every float rounds to itself, or to a zero of its sign.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let rounded = match usize::try_from(ndigits) {
        Ok(places) => format!("{x:.places$}").parse().unwrap_or(x),
        Err(_) => round_to_power_of_ten(x, ndigits.unsigned_abs() as usize),
    };
    if rounded.is_infinite() {
        return Err(Ctrl::raise(
            ExcKind::OverflowError,
            "rounded value too large to represent",
        ));
    }
    Ok(rounded)
}

/// Rounds `x` to a multiple of `10^power`, ties to even, working on its exact digits.
fn round_to_power_of_ten(x: f64, power: usize) -> f64 {
    let digits = format!("{:.0}", x.abs().trunc());
    let has_fraction = x.fract() != 0.0;
    let magnitude = if power > digits.len() {
        0.0
    } else {
        let (head, tail) = digits.split_at(digits.len() - power);
        let half = format!("5{}", "0".repeat(power - 1));
        let odd = head.bytes().last().is_some_and(|d| (d - b'0') % 2 == 1);
        let up = match tail.cmp(half.as_str()) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => has_fraction || odd,
        };
        let head = if up {
            increment_decimal(head)
        } else {
            head.to_string()
        };
        format!("{head}e{power}").parse().unwrap_or(0.0)
    };
    if x < 0.0 {
        -magnitude
    } else {
        magnitude
    }
}

/// Adds one to a string of decimal digits (`""` counts as 0).
fn increment_decimal(digits: &str) -> String {
    let mut out: Vec<u8> = digits.bytes().collect();
    for d in out.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return String::from_utf8(out).unwrap_or_default();
        }
    }
    out.insert(0, b'1');
    String::from_utf8(out).unwrap_or_default()
}

/// The int a float equals exactly, if any (`2.0` is `2`; `2.5`, NaN and `1e300` are none).
pub fn exact_int(f: f64) -> Option<i64> {
    (f.fract() == 0.0 && (-TWO_63..TWO_63).contains(&f)).then_some(f as i64)
}

/// Compares an int with a float exactly (CPython never rounds the int); `None` for NaN.
pub fn compare_int_float(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f >= TWO_63 {
        return Some(Ordering::Less);
    }
    if f < -TWO_63 {
        return Some(Ordering::Greater);
    }
    let t = f.trunc();
    Some(i.cmp(&(t as i64)).then(if f > t {
        Ordering::Less
    } else if f < t {
        Ordering::Greater
    } else {
        Ordering::Equal
    }))
}

/// `pow(base, exp, modulus)` for ints, as CPython computes it (a negative exponent takes the
/// modular inverse; the result has the modulus's sign).
pub fn pow_mod(base: i64, exp: i64, modulus: i64) -> super::error::Eval {
    use super::error::{Ctrl, ExcKind};
    use super::value::Value;
    if modulus == 0 {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "pow() 3rd argument cannot be 0",
        ));
    }
    let m = i128::from(modulus);
    let mut b = i128::from(base).rem_euclid(m.abs());
    if exp < 0 {
        b = inverse(b, m.abs()).ok_or_else(|| {
            Ctrl::raise(
                ExcKind::ValueError,
                "base is not invertible for the given modulus",
            )
        })?;
    }
    let mut e = exp.unsigned_abs();
    let mut result: i128 = 1 % m.abs();
    while e > 0 {
        if e & 1 == 1 {
            result = result * b % m.abs();
        }
        b = b * b % m.abs();
        e >>= 1;
    }
    if m < 0 && result != 0 {
        result += m;
    }
    Ok(Value::Int(result as i64))
}

/// The inverse of `a` modulo `m`, if they are coprime.
fn inverse(a: i128, m: i128) -> Option<i128> {
    let (mut old_r, mut r) = (a, m);
    let (mut old_s, mut s) = (1i128, 0i128);
    while r != 0 {
        let q = old_r / r;
        (old_r, r) = (r, old_r - q * r);
        (old_s, s) = (s, old_s - q * s);
    }
    (old_r == 1).then(|| old_s.rem_euclid(m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::value::Value;

    fn outcome<T: std::fmt::Debug>(r: Eval<T>) -> String {
        match r {
            Ok(v) => format!("{v:?}"),
            Err(c) => c.exception().map_or("abort".into(), |e| e.summary_line()),
        }
    }

    fn int_op(op: BinOp, x: i64, y: i64) -> String {
        match int_binary(op, x, y) {
            Ok(v) => v.repr(),
            Err(c) => c.exception().map_or("abort".into(), |e| e.summary_line()),
        }
    }

    const TOO_BIG: &str =
        "OverflowError('integer result too large for a scenario (limited to 64 bits)')";

    #[test]
    fn results_beyond_64_bits_are_overflow_errors() {
        let expressions = [
            "x // -1",
            "divmod(x, -1)",
            "-x",
            "abs(x)",
            "x * -1",
            "2 ** 63",
            "1 << 63",
            "int(9.3e18)",
            "int('99999999999999999999')",
            "round(1e300)",
            "round(9 * 10**18, -19)",
            "sum([2**62, 2**62])",
        ];
        for (e, got) in expressions
            .iter()
            .zip(crate::lang::testing::reprs("x = -2**63", &expressions))
        {
            assert_eq!(got, TOO_BIG, "{e}");
        }
    }

    #[test]
    fn the_smallest_int_divided_by_minus_one() {
        assert_eq!(int_op(BinOp::Mod, i64::MIN, -1), "0");
        assert!(int_op(BinOp::FloorDiv, i64::MIN, -1).starts_with("OverflowError"));
        assert!(outcome(int_divmod(i64::MIN, -1)).starts_with("OverflowError"));
        assert_eq!(int_op(BinOp::Div, i64::MIN, -1), "9.223372036854776e+18");
    }

    #[test]
    fn int_floor_division_and_modulo_round_down() {
        assert_eq!(outcome(int_divmod(7, -2)), "(-4, -1)");
        assert_eq!(outcome(int_divmod(-7, 2)), "(-4, 1)");
        assert_eq!(
            outcome(int_divmod(i64::MIN, 1)),
            format!("({}, 0)", i64::MIN)
        );
        assert_eq!(
            int_op(BinOp::Mod, 7, 0),
            "ZeroDivisionError: integer division or modulo by zero"
        );
    }

    #[test]
    fn int_true_division_is_correctly_rounded() {
        assert_eq!(
            int_true_div(9_007_199_254_740_993, 3).ok(),
            Some(3002399751580331.0)
        );
        assert_eq!(int_true_div(i64::MAX, i64::MAX).ok(), Some(1.0));
        assert_eq!(int_true_div(-1, 3).ok(), Some(-1.0 / 3.0));
        assert_eq!(int_true_div(1, i64::MIN).ok(), Some(-1.0 / TWO_63));
    }

    #[test]
    fn powers_and_shifts() {
        assert_eq!(int_op(BinOp::Pow, 2, -1), "0.5");
        assert_eq!(int_op(BinOp::Pow, 1, i64::MAX), "1");
        assert_eq!(int_op(BinOp::Pow, -1, i64::MAX), "-1");
        assert_eq!(int_op(BinOp::Pow, 0, i64::MAX), "0");
        assert!(int_op(BinOp::Pow, 2, 63).starts_with("OverflowError"));
        assert_eq!(
            int_op(BinOp::Pow, 0, -1),
            "ZeroDivisionError: 0.0 cannot be raised to a negative power"
        );
        assert_eq!(
            int_op(BinOp::LShift, 1, -1),
            "ValueError: negative shift count"
        );
        assert_eq!(
            int_op(BinOp::RShift, 1, -1),
            "ValueError: negative shift count"
        );
        assert_eq!(int_op(BinOp::LShift, 0, i64::MAX), "0");
        assert_eq!(int_op(BinOp::LShift, 1, 62), (1i64 << 62).to_string());
        assert!(int_op(BinOp::LShift, 1, 63).starts_with("OverflowError"));
        assert!(int_op(BinOp::LShift, -1, 64).starts_with("OverflowError"));
        assert_eq!(int_op(BinOp::LShift, -1, 63), i64::MIN.to_string());
        assert_eq!(int_op(BinOp::RShift, i64::MIN, 100), "-1");
    }

    #[test]
    fn float_division_and_modulo_follow_cpython() {
        assert_eq!(float_divmod(7.5, 2.0), (3.0, 1.5));
        assert_eq!(float_divmod(-4.0, 2.0).1.to_bits(), 0f64.to_bits());
        assert!(float_divmod(f64::INFINITY, 1.0).0.is_nan());
        assert_eq!(float_divmod(-5.0, f64::INFINITY).1, f64::INFINITY);
        assert_eq!(
            outcome(float_binary(BinOp::FloorDiv, 7.0, 0.0).expect("an operator")),
            "ZeroDivisionError: float floor division by zero"
        );
        assert_eq!(
            outcome(float_binary(BinOp::Mod, 7.0, 0.0).expect("an operator")),
            "ZeroDivisionError: float modulo"
        );
    }

    #[test]
    fn float_powers_fail_as_cpython_does() {
        assert_eq!(
            outcome(float_pow(10.0, 400.0)),
            "OverflowError: (34, 'Numerical result out of range')"
        );
        assert_eq!(
            outcome(float_pow(0.0, -1.0)),
            "ZeroDivisionError: 0.0 cannot be raised to a negative power"
        );
        assert!(outcome(float_pow(-8.0, 0.5)).starts_with("ValueError"));
        assert_eq!(float_pow(-8.0, 3.0).ok(), Some(-512.0));
        assert_eq!(float_pow(f64::NAN, 0.0).ok(), Some(1.0));
        assert_eq!(float_pow(-1.0, f64::INFINITY).ok(), Some(1.0));
    }

    #[test]
    fn floats_convert_to_ints_or_say_why_not() {
        assert_eq!(
            outcome(float_to_int(f64::NAN)),
            "ValueError: cannot convert float NaN to integer"
        );
        assert_eq!(
            outcome(float_to_int(-f64::INFINITY)),
            "OverflowError: cannot convert float infinity to integer"
        );
        assert!(outcome(float_to_int(9.3e18)).starts_with("OverflowError"));
        assert_eq!(float_to_int(-TWO_63).ok(), Some(i64::MIN));
        assert_eq!(float_to_int(-3.9).ok(), Some(-3));
    }

    #[test]
    fn rounding_to_digits_is_correctly_rounded() {
        assert_eq!(round_float(1.5, 1_000_000_000).ok(), Some(1.5));
        assert_eq!(
            round_float(-1.5, -1_000_000_000).ok().map(f64::to_bits),
            Some((-0.0f64).to_bits())
        );
        assert_eq!(round_float(2.675, 2).ok(), Some(2.67));
        assert_eq!(round_float(0.125, 2).ok(), Some(0.12));
        assert_eq!(round_float(123.456, -2).ok(), Some(100.0));
        assert_eq!(round_float(250.0, -2).ok(), Some(200.0));
        assert_eq!(round_float(350.0, -2).ok(), Some(400.0));
        assert_eq!(round_float(250.000001, -2).ok(), Some(300.0));
        assert_eq!(round_float(-950.0, -3).ok(), Some(-1000.0));
        assert_eq!(round_float(1e300, 2).ok(), Some(1e300));
        assert_eq!(round_float(f64::INFINITY, 2).ok(), Some(f64::INFINITY));
        assert_eq!(
            outcome(round_float(1.7976931348623157e308, -308)),
            "OverflowError: rounded value too large to represent"
        );
        assert_eq!(round_int(12345, -2).ok(), Some(12300));
        assert_eq!(round_int(25, -1).ok(), Some(20));
        assert_eq!(round_int(-25, -1).ok(), Some(-20));
        assert_eq!(round_int(-15, -1).ok(), Some(-20));
        assert_eq!(round_int(7, i64::MIN).ok(), Some(0));
        assert!(outcome(round_int(9_000_000_000_000_000_000, -19)).starts_with("OverflowError"));
    }

    #[test]
    fn ints_and_floats_compare_exactly() {
        let big = (1i64 << 53) + 1;
        assert_eq!(compare_int_float(big, big as f64), Some(Ordering::Greater));
        assert_eq!(compare_int_float(i64::MAX, TWO_63), Some(Ordering::Less));
        assert_eq!(compare_int_float(i64::MIN, -TWO_63), Some(Ordering::Equal));
        assert_eq!(compare_int_float(2, 2.5), Some(Ordering::Less));
        assert_eq!(compare_int_float(-2, -2.5), Some(Ordering::Greater));
        assert_eq!(compare_int_float(0, f64::NAN), None);
        assert_eq!(exact_int(TWO_63), None);
        assert_eq!(exact_int(-0.0), Some(0));
        assert_eq!(Value::Int(3).repr(), "3");
    }
}
