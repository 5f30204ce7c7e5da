//! The `math` module: the C library's functions on floats with CPython's error rules (a NaN
//! out of a number in is "math domain error", an infinity out of a finite number is "math
//! range error" where the function can overflow), and the integer functions on 64-bit ints.

use crate::lang::builtins::float_arg;
use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::function::Args;
use crate::lang::num::int_overflow;
use crate::lang::object::{CallCx, NativeFn};
use crate::lang::ops;
use crate::lang::value::{ModuleDef, Value};

/// A function of one float: its C library implementation and whether it can overflow.
struct Unary {
    name: &'static str,
    f: fn(f64) -> f64,
    can_overflow: bool,
}

const UNARY: &[Unary] = &[
    Unary {
        name: "sqrt",
        f: f64::sqrt,
        can_overflow: false,
    },
    Unary {
        name: "exp",
        f: f64::exp,
        can_overflow: true,
    },
    Unary {
        name: "expm1",
        f: f64::exp_m1,
        can_overflow: true,
    },
    Unary {
        name: "log2",
        f: f64::log2,
        can_overflow: false,
    },
    Unary {
        name: "log10",
        f: f64::log10,
        can_overflow: false,
    },
    Unary {
        name: "log1p",
        f: f64::ln_1p,
        can_overflow: false,
    },
    Unary {
        name: "sin",
        f: f64::sin,
        can_overflow: false,
    },
    Unary {
        name: "cos",
        f: f64::cos,
        can_overflow: false,
    },
    Unary {
        name: "tan",
        f: f64::tan,
        can_overflow: false,
    },
    Unary {
        name: "asin",
        f: f64::asin,
        can_overflow: false,
    },
    Unary {
        name: "acos",
        f: f64::acos,
        can_overflow: false,
    },
    Unary {
        name: "atan",
        f: f64::atan,
        can_overflow: false,
    },
    Unary {
        name: "sinh",
        f: f64::sinh,
        can_overflow: true,
    },
    Unary {
        name: "cosh",
        f: f64::cosh,
        can_overflow: true,
    },
    Unary {
        name: "tanh",
        f: f64::tanh,
        can_overflow: false,
    },
    Unary {
        name: "asinh",
        f: f64::asinh,
        can_overflow: false,
    },
    Unary {
        name: "acosh",
        f: f64::acosh,
        can_overflow: false,
    },
    Unary {
        name: "atanh",
        f: f64::atanh,
        can_overflow: false,
    },
    Unary {
        name: "fabs",
        f: f64::abs,
        can_overflow: false,
    },
    Unary {
        name: "degrees",
        f: f64::to_degrees,
        can_overflow: false,
    },
    Unary {
        name: "radians",
        f: f64::to_radians,
        can_overflow: false,
    },
];

macro_rules! natives {
    ($($stat:ident = $name:literal),* $(,)?) => {
        $(static $stat: NativeFn = NativeFn {
            name: $name,
            call: |cx, args| call(cx, $name, args),
        };)*

        fn function(name: &str) -> Option<&'static NativeFn> {
            match name {
                $($name => Some(&$stat),)*
                _ => None,
            }
        }
    };
}

natives! {
    SQRT = "sqrt", EXP = "exp", EXPM1 = "expm1", LOG = "log", LOG2 = "log2",
    LOG10 = "log10", LOG1P = "log1p", SIN = "sin", COS = "cos", TAN = "tan", ASIN = "asin",
    ACOS = "acos", ATAN = "atan", SINH = "sinh", COSH = "cosh", TANH = "tanh",
    ASINH = "asinh", ACOSH = "acosh", ATANH = "atanh", FABS = "fabs", DEGREES = "degrees",
    RADIANS = "radians", ATAN2 = "atan2", POW = "pow", HYPOT = "hypot", COPYSIGN = "copysign",
    FMOD = "fmod", ISCLOSE = "isclose", ISFINITE = "isfinite", ISINF = "isinf",
    ISNAN = "isnan", FLOOR = "floor", CEIL = "ceil", TRUNC = "trunc",
    FACTORIAL = "factorial", GCD = "gcd", LCM = "lcm", ISQRT = "isqrt", COMB = "comb",
    PERM = "perm", PROD = "prod", FSUM = "fsum", DIST = "dist",
}

pub const MODULE: ModuleDef = ModuleDef { name: "math", attr };

/// `math.name`, for attribute access and `from math import name`.
fn attr(name: &str) -> Option<Value> {
    let constant = match name {
        "pi" => std::f64::consts::PI,
        "e" => std::f64::consts::E,
        "tau" => std::f64::consts::TAU,
        "inf" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => return function(name).map(Value::Native),
    };
    Some(Value::Float(constant))
}

fn domain_error() -> Ctrl {
    Ctrl::raise(ExcKind::ValueError, "math domain error")
}

fn range_error() -> Ctrl {
    Ctrl::raise(ExcKind::OverflowError, "math range error")
}

/// CPython's verdict on `result = f(x)`.
fn checked(x: f64, result: f64, can_overflow: bool) -> Eval {
    if result.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if result.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(Value::Float(result))
}

fn exactly<const N: usize>(name: &str, args: Args) -> Eval<[Value; N]> {
    args.no_more_kw(name)?;
    let given = args.pos.len();
    args.pos.try_into().map_err(|_| {
        let plural = if N == 1 { "" } else { "s" };
        let message = if N == 1 {
            format!("math.{name}() takes exactly one argument ({given} given)")
        } else {
            format!("{name} expected {N} argument{plural}, got {given}")
        };
        Ctrl::raise(ExcKind::TypeError, message)
    })
}

/// A float argument, refused as CPython's math functions refuse one.
fn float(v: &Value) -> Eval<f64> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => float_arg(v, ""),
        other => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!("must be real number, not {}", other.type_name()),
        )),
    }
}

fn int(v: &Value) -> Eval<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        other => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ),
        )),
    }
}

fn call(_cx: &CallCx, name: &str, args: Args) -> Eval {
    if let Some(u) = UNARY.iter().find(|u| u.name == name) {
        let [x] = exactly(name, args)?;
        let x = float(&x)?;
        return checked(x, (u.f)(x), u.can_overflow);
    }
    match name {
        "log" => log(args),
        "atan2" => {
            let [y, x] = exactly(name, args)?;
            Ok(Value::Float(float(&y)?.atan2(float(&x)?)))
        }
        "pow" => {
            let [x, y] = exactly(name, args)?;
            pow(float(&x)?, float(&y)?)
        }
        "copysign" => {
            let [x, y] = exactly(name, args)?;
            Ok(Value::Float(float(&x)?.copysign(float(&y)?)))
        }
        "fmod" => {
            let [x, y] = exactly(name, args)?;
            let (x, y) = (float(&x)?, float(&y)?);
            if y == 0.0 || x.is_infinite() {
                return Err(domain_error());
            }
            Ok(Value::Float(x % y))
        }
        "hypot" => {
            args.no_more_kw(name)?;
            let coords = args.pos.iter().map(float).collect::<Eval<Vec<_>>>()?;
            Ok(Value::Float(
                coords.iter().fold(0.0, |acc: f64, c| acc.hypot(*c)),
            ))
        }
        "dist" => dist(args),
        "isclose" => isclose(args),
        "isfinite" | "isinf" | "isnan" => {
            let [x] = exactly(name, args)?;
            let x = float(&x)?;
            Ok(Value::Bool(match name {
                "isfinite" => x.is_finite(),
                "isinf" => x.is_infinite(),
                _ => x.is_nan(),
            }))
        }
        "floor" | "ceil" | "trunc" => {
            let [x] = exactly(name, args)?;
            rounded(&x, name)
        }
        "factorial" => {
            let [n] = exactly(name, args)?;
            factorial(int(&n)?)
        }
        "gcd" | "lcm" => {
            args.no_more_kw(name)?;
            let ints = args.pos.iter().map(int).collect::<Eval<Vec<_>>>()?;
            gcd_lcm(name, &ints)
        }
        "isqrt" => {
            let [n] = exactly(name, args)?;
            let n = int(&n)?;
            if n < 0 {
                return Err(Ctrl::raise(
                    ExcKind::ValueError,
                    "isqrt() argument must be nonnegative",
                ));
            }
            Ok(Value::Int(isqrt(n as u64) as i64))
        }
        "comb" | "perm" => comb_perm(name, args),
        "prod" => prod(args),
        "fsum" => {
            let [items] = exactly(name, args)?;
            let items = ops::to_vec(&items)?;
            let floats = items.iter().map(float).collect::<Eval<Vec<_>>>()?;
            fsum(&floats)
        }
        other => unreachable!("math.{other} is listed but not written"),
    }
}

/// `log(x[, base])`.
fn log(args: Args) -> Eval {
    args.no_more_kw("log")?;
    let ln = |v: &Value| -> Eval<f64> {
        let x = float(v)?;
        if x <= 0.0 {
            return Err(domain_error());
        }
        Ok(x.ln())
    };
    match args.pos.as_slice() {
        [x] => Ok(Value::Float(ln(x)?)),
        [x, base] => {
            let (num, den) = (ln(x)?, ln(base)?);
            if den == 0.0 {
                return Err(Ctrl::raise(
                    ExcKind::ZeroDivisionError,
                    "float division by zero",
                ));
            }
            Ok(Value::Float(num / den))
        }
        other => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!("log expected at least 1 argument, got {}", other.len()),
        )),
    }
}

/// `pow(x, y)` with C99's special cases, as CPython's `math_pow`.
fn pow(x: f64, y: f64) -> Eval {
    let result = x.powf(y);
    if x.is_finite() && y.is_finite() {
        if result.is_nan() {
            return Err(domain_error());
        }
        if result.is_infinite() {
            return Err(if x == 0.0 {
                domain_error()
            } else {
                range_error()
            });
        }
    }
    Ok(Value::Float(result))
}

/// `floor`, `ceil` and `trunc`: ints stay as they are, floats become ints.
fn rounded(x: &Value, name: &str) -> Eval {
    let f = match x {
        Value::Int(_) => return Ok(x.clone()),
        Value::Bool(b) => return Ok(Value::Int(i64::from(*b))),
        other => float(other)?,
    };
    let r = match name {
        "floor" => f.floor(),
        "ceil" => f.ceil(),
        _ => f.trunc(),
    };
    if r.is_nan() {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "cannot convert float NaN to integer",
        ));
    }
    if r.is_infinite() {
        return Err(Ctrl::raise(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&r) {
        return Err(int_overflow());
    }
    Ok(Value::Int(r as i64))
}

fn factorial(n: i64) -> Eval {
    if n < 0 {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "factorial() not defined for negative values",
        ));
    }
    (1..=n)
        .try_fold(1i64, |acc, k| acc.checked_mul(k))
        .map(Value::Int)
        .ok_or_else(int_overflow)
}

fn gcd(a: i64, b: i64) -> Eval<i64> {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    i64::try_from(a).map_err(|_| int_overflow())
}

fn gcd_lcm(name: &str, ints: &[i64]) -> Eval {
    let mut acc = if name == "gcd" { 0 } else { 1 };
    for &n in ints {
        acc = if name == "gcd" {
            gcd(acc, n)?
        } else if acc == 0 || n == 0 {
            0
        } else {
            (acc / gcd(acc, n)?)
                .checked_mul(n)
                .map(i64::abs)
                .ok_or_else(int_overflow)?
        };
    }
    Ok(Value::Int(acc))
}

/// The integer square root, exactly.
fn isqrt(n: u64) -> u64 {
    let mut r = (n as f64).sqrt() as u64;
    while r.checked_mul(r).is_none_or(|sq| sq > n) {
        r -= 1;
    }
    while (r + 1).checked_mul(r + 1).is_some_and(|sq| sq <= n) {
        r += 1;
    }
    r
}

/// `comb(n, k)` and `perm(n, k=None)`.
fn comb_perm(name: &str, args: Args) -> Eval {
    args.no_more_kw(name)?;
    let (n, k) = match args.pos.as_slice() {
        [n] if name == "perm" => (int(n)?, None),
        [n, Value::None] if name == "perm" => (int(n)?, None),
        [n, k] => (int(n)?, Some(int(k)?)),
        other => {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                format!("{name} expected 2 arguments, got {}", other.len()),
            ))
        }
    };
    if n < 0 {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "n must be a non-negative integer",
        ));
    }
    let k = k.unwrap_or(n);
    if k < 0 {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "k must be a non-negative integer",
        ));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = if name == "comb" { k.min(n - k) } else { k };
    let mut acc: i128 = 1;
    for i in 0..k {
        acc *= i128::from(n - i);
        if name == "comb" {
            acc /= i128::from(i + 1);
        }
        if acc > i128::from(i64::MAX) {
            return Err(int_overflow());
        }
    }
    Ok(Value::Int(acc as i64))
}

/// `prod(iterable, *, start=1)`.
fn prod(mut args: Args) -> Eval {
    let start = args.take_kw("start").unwrap_or(Value::Int(1));
    let [items] = exactly("prod", args)?;
    let mut it = ops::iterate(&items)?;
    let mut acc = start;
    while let Some(item) = it.next_value()? {
        acc = ops::binary(crate::lang::ir::BinOp::Mul, &acc, &item)?;
    }
    Ok(acc)
}

/// `dist(p, q)`: the Euclidean distance of two points.
fn dist(args: Args) -> Eval {
    let [p, q] = exactly("dist", args)?;
    let (p, q) = (ops::to_vec(&p)?, ops::to_vec(&q)?);
    if p.len() != q.len() {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "both points must have the same number of dimensions",
        ));
    }
    let mut acc = 0.0f64;
    for (a, b) in p.iter().zip(&q) {
        acc = acc.hypot(float(a)? - float(b)?);
    }
    Ok(Value::Float(acc))
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn isclose(mut args: Args) -> Eval {
    let rel = args.take_kw("rel_tol").map_or(Ok(1e-9), |v| float(&v))?;
    let abs = args.take_kw("abs_tol").map_or(Ok(0.0), |v| float(&v))?;
    let [a, b] = exactly("isclose", args)?;
    let (a, b) = (float(&a)?, float(&b)?);
    if rel < 0.0 || abs < 0.0 {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "tolerances must be non-negative",
        ));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}

/// `fsum`: the correctly rounded sum (Shewchuk's partials, as CPython's `math_fsum`).
fn fsum(items: &[f64]) -> Eval {
    let mut partials: Vec<f64> = Vec::new();
    let (mut special, mut infinities) = (0.0, 0.0);
    for &x in items {
        if !x.is_finite() {
            special += x;
            if x.is_infinite() {
                infinities += x;
            }
            continue;
        }
        let mut x = x;
        let mut kept = 0;
        for i in 0..partials.len() {
            let mut y = partials[i];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x.is_infinite() {
            return Err(Ctrl::raise(
                ExcKind::OverflowError,
                "intermediate overflow in fsum",
            ));
        }
        partials.push(x);
    }
    if special != 0.0 {
        if f64::is_nan(infinities) {
            return Err(Ctrl::raise(ExcKind::ValueError, "-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    Ok(Value::Float(round_partials(&partials)))
}

/// Adds the partials from the top, correcting the last rounding as CPython does.
fn round_partials(partials: &[f64]) -> f64 {
    let mut n = partials.len();
    let mut hi = 0.0;
    if n == 0 {
        return hi;
    }
    n -= 1;
    hi = partials[n];
    let mut lo = 0.0;
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = partials[n];
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        let yr = x - hi;
        if y == yr {
            hi = x;
        }
    }
    hi
}
