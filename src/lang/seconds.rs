//! Seconds a program passes to sleeps and timeouts, converted as CPython converts them, so
//! that no float from a program reaches a `Duration` or a deadline unchecked (NaN, infinite
//! and astronomically large values all mean something in Python, and none may panic here).

use std::time::Duration;

use super::error::{Ctrl, Eval, ExcKind};
use super::value::Value;

const NS_PER_SEC: i64 = 1_000_000_000;

/// `_PyTime_FromSecondsObject` with `_PyTime_ROUND_TIMEOUT`: seconds as an int or a float, to
/// signed nanoseconds, rounded away from zero.
pub fn nanoseconds(v: &Value) -> Eval<i64> {
    match v {
        Value::Float(f) => float_nanoseconds(*f),
        Value::Int(i) => int_nanoseconds(*i),
        Value::Bool(b) => int_nanoseconds(i64::from(*b)),
        other => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ),
        )),
    }
}

fn int_nanoseconds(secs: i64) -> Eval<i64> {
    secs.checked_mul(NS_PER_SEC).ok_or_else(|| {
        Ctrl::raise(
            ExcKind::OverflowError,
            "timestamp too large to convert to C _PyTime_t",
        )
    })
}

/// The float case of [`nanoseconds`].
fn float_nanoseconds(secs: f64) -> Eval<i64> {
    if secs.is_nan() {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "Invalid value NaN (not a number)",
        ));
    }
    let ns = secs * NS_PER_SEC as f64;
    let ns = if ns >= 0.0 { ns.ceil() } else { ns.floor() };
    // `i64::MIN as f64` is exactly -2^63; everything below 2^63 fits.
    if !(i64::MIN as f64..-(i64::MIN as f64)).contains(&ns) {
        return Err(Ctrl::raise(
            ExcKind::OverflowError,
            "timestamp out of range for platform time_t",
        ));
    }
    Ok(ns as i64)
}

/// A wait of `ns` nanoseconds; a negative one is no wait at all.
pub fn duration(ns: i64) -> Duration {
    Duration::from_nanos(u64::try_from(ns).unwrap_or(0))
}

/// How long `threading.Condition.wait(timeout)` blocks, which is how `concurrent.futures`
/// waits: not at all unless `timeout > 0` (so NaN does not wait either), otherwise the
/// converted timeout, which may overflow.
pub fn condition_wait(timeout: f64) -> Eval<Duration> {
    if timeout > 0.0 {
        float_nanoseconds(timeout).map(duration)
    } else {
        Ok(Duration::ZERO)
    }
}

/// An event-loop delay in nanoseconds, as `loop.call_later` treats a float: NaN and negative
/// delays are due at once, an infinite (or unrepresentably long) one never (`None`).
pub fn loop_delay_ns(delay: f64) -> Option<u64> {
    if delay.is_nan() || delay <= 0.0 {
        return Some(0);
    }
    let ns = (delay * NS_PER_SEC as f64).ceil();
    (ns < u64::MAX as f64).then_some(ns as u64)
}

/// A positive number of seconds as a `Duration`, for limits given on the command line or in a
/// request; `None` for anything else (zero, negative, NaN, too long to represent).
pub fn positive_duration(secs: f64) -> Option<Duration> {
    Duration::try_from_secs_f64(secs)
        .ok()
        .filter(|d| !d.is_zero())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(r: Eval<i64>) -> String {
        match r {
            Ok(ns) => format!("ok {ns}"),
            Err(c) => c.exception().map_or("abort".into(), |e| e.summary_line()),
        }
    }

    #[test]
    fn conversions_fail_as_cpython_words_them() {
        let cases = [
            (
                Value::Float(f64::NAN),
                "ValueError: Invalid value NaN (not a number)",
            ),
            (
                Value::Float(1e300),
                "OverflowError: timestamp out of range for platform time_t",
            ),
            (
                Value::Float(f64::INFINITY),
                "OverflowError: timestamp out of range for platform time_t",
            ),
            (
                Value::Float(-1e300),
                "OverflowError: timestamp out of range for platform time_t",
            ),
            (
                Value::Int(10_000_000_000),
                "OverflowError: timestamp too large to convert to C _PyTime_t",
            ),
            (
                Value::str("x"),
                "TypeError: 'str' object cannot be interpreted as an integer",
            ),
            (Value::Float(1.5), "ok 1500000000"),
            (Value::Float(-0.5), "ok -500000000"),
            (Value::Float(1e-10), "ok 1"),
            (Value::Bool(true), "ok 1000000000"),
        ];
        for (v, want) in cases {
            assert_eq!(error(nanoseconds(&v)), want, "{}", v.repr());
        }
    }

    #[test]
    fn loop_delays_are_due_now_or_never() {
        assert_eq!(loop_delay_ns(f64::NAN), Some(0));
        assert_eq!(loop_delay_ns(-1.0), Some(0));
        assert_eq!(loop_delay_ns(0.25), Some(250_000_000));
        assert_eq!(loop_delay_ns(f64::INFINITY), None);
        assert_eq!(loop_delay_ns(1e300), None);
    }

    #[test]
    fn condition_waits_skip_nan_and_non_positive_timeouts() {
        assert_eq!(condition_wait(f64::NAN).ok(), Some(Duration::ZERO));
        assert_eq!(condition_wait(-3.0).ok(), Some(Duration::ZERO));
        assert_eq!(condition_wait(0.5).ok(), Some(Duration::from_millis(500)));
        assert!(condition_wait(f64::INFINITY).is_err());
    }

    #[test]
    fn limits_must_be_positive_and_representable() {
        assert_eq!(positive_duration(2.5), Some(Duration::from_millis(2_500)));
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e300] {
            assert_eq!(positive_duration(bad), None, "{bad}");
        }
    }
}
