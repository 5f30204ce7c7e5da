//! `time`: the clocks and `sleep` on the run's runtime, and the calendar (`localtime`,
//! `gmtime`, `mktime`, `strftime`, `asctime`, `ctime` and `struct_time`) through the C library
//! as CPython goes. The sandbox reads the local time zone before it closes the files it lives
//! in.

use std::ffi::CString;

use crate::exec::control::RunControl;
use crate::exec::threads::blocking;
use crate::lang::builtins::arity;
use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::function::Args;
use crate::lang::object::{downcast, object, CallCx, NativeFn, PyObject};
use crate::lang::seconds;
use crate::lang::value::{ModuleDef, Value};

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

static SLEEP: NativeFn = NativeFn {
    name: "sleep",
    call: sleep,
};
static TIME: NativeFn = NativeFn {
    name: "time",
    call: |_, args| {
        args.no_more_kw("time")?;
        arity("time", &args, 0, 0)?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        Ok(Value::Float(now))
    },
};
static PERF_COUNTER: NativeFn = NativeFn {
    name: "perf_counter",
    call: |cx, args| run_clock("perf_counter", cx, args),
};
static MONOTONIC: NativeFn = NativeFn {
    name: "monotonic",
    call: |cx, args| run_clock("monotonic", cx, args),
};
static LOCALTIME: NativeFn = NativeFn {
    name: "localtime",
    call: |_, args| broken_down("localtime", args, Zone::Local),
};
static GMTIME: NativeFn = NativeFn {
    name: "gmtime",
    call: |_, args| broken_down("gmtime", args, Zone::Utc),
};
static MKTIME: NativeFn = NativeFn {
    name: "mktime",
    call: mktime,
};
static STRFTIME: NativeFn = NativeFn {
    name: "strftime",
    call: strftime,
};
static ASCTIME: NativeFn = NativeFn {
    name: "asctime",
    call: asctime,
};
static CTIME: NativeFn = NativeFn {
    name: "ctime",
    call: ctime,
};

pub const MODULE: ModuleDef = ModuleDef { name: "time", attr };

fn attr(name: &str) -> Option<Value> {
    let f: &'static NativeFn = match name {
        "sleep" => &SLEEP,
        "time" => &TIME,
        "perf_counter" => &PERF_COUNTER,
        "monotonic" => &MONOTONIC,
        "localtime" => &LOCALTIME,
        "gmtime" => &GMTIME,
        "mktime" => &MKTIME,
        "strftime" => &STRFTIME,
        "asctime" => &ASCTIME,
        "ctime" => &CTIME,
        _ => return None,
    };
    Some(Value::Native(f))
}

/// `time.sleep(seconds)`: blocks the calling thread, with the GIL released.
fn sleep(cx: &CallCx, args: Args) -> Eval {
    args.no_more_kw("sleep")?;
    arity("sleep", &args, 1, 1)?;
    let ns = seconds::nanoseconds(&args.pos[0])?;
    if ns < 0 {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "sleep length must be non-negative",
        ));
    }
    let control = RunControl::of(&cx.ctx.interp);
    blocking(control, &cx.site.text, cx.site.line, || {
        control.sleep_blocking(seconds::duration(ns))
    })?;
    Ok(Value::None)
}

/// `perf_counter()` and `monotonic()`: seconds on the run's clock.
fn run_clock(name: &str, cx: &CallCx, args: Args) -> Eval {
    args.no_more_kw(name)?;
    arity(name, &args, 0, 0)?;
    Ok(Value::Float(cx.ctx.interp.host.now_ns() as f64 / 1e9))
}

#[derive(Clone, Copy)]
enum Zone {
    Local,
    Utc,
}

/// A broken-down time, as `time.struct_time` holds it.
#[derive(Clone)]
struct StructTime {
    /// Year, month (1-12), day, hour, minute, second, weekday (Monday 0), day of the year
    /// (1-366), daylight saving flag.
    fields: [i64; 9],
    zone: String,
    gmtoff: i64,
}

impl StructTime {
    fn from_tm(tm: &libc::tm) -> StructTime {
        // SAFETY: tm_zone is null or a NUL-terminated string owned by the C library.
        let zone = if tm.tm_zone.is_null() {
            String::new()
        } else {
            unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
                .to_string_lossy()
                .into_owned()
        };
        StructTime {
            fields: [
                i64::from(tm.tm_year) + 1900,
                i64::from(tm.tm_mon) + 1,
                i64::from(tm.tm_mday),
                i64::from(tm.tm_hour),
                i64::from(tm.tm_min),
                i64::from(tm.tm_sec),
                i64::from((tm.tm_wday + 6) % 7),
                i64::from(tm.tm_yday) + 1,
                i64::from(tm.tm_isdst),
            ],
            zone,
            gmtoff: tm.tm_gmtoff,
        }
    }

    fn to_tm(&self) -> Eval<libc::tm> {
        let [year, mon, mday, hour, min, sec, wday, yday, isdst] = self.fields;
        let int = |v: i64| {
            i32::try_from(v).map_err(|_| {
                Ctrl::raise(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C int",
                )
            })
        };
        // SAFETY: all-zero bytes are a valid `tm` (a null zone pointer included).
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        tm.tm_year = int(year - 1900)?;
        tm.tm_mon = int(mon - 1)?;
        tm.tm_mday = int(mday)?;
        tm.tm_hour = int(hour)?;
        tm.tm_min = int(min)?;
        tm.tm_sec = int(sec)?;
        tm.tm_wday = int((wday + 1).rem_euclid(7))?;
        tm.tm_yday = int(yday - 1)?;
        tm.tm_isdst = int(isdst)?;
        Ok(tm)
    }
}

impl PyObject for StructTime {
    fn type_name(&self) -> &'static str {
        "time.struct_time"
    }

    fn repr(&self) -> String {
        let fields: Vec<String> = FIELDS
            .iter()
            .zip(self.fields)
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        format!("time.struct_time({})", fields.join(", "))
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        match name {
            "tm_zone" => Some(Value::str(&self.zone)),
            "tm_gmtoff" => Some(Value::Int(self.gmtoff)),
            _ => FIELDS
                .iter()
                .position(|f| *f == name)
                .map(|i| Value::Int(self.fields[i])),
        }
    }

    fn subscript(&self, _me: &Value, key: &Value) -> Eval {
        let as_tuple = Value::tuple(self.fields.iter().map(|&v| Value::Int(v)).collect());
        crate::lang::ops::get_item(&as_tuple, key)
    }
}

/// `localtime([secs])` / `gmtime([secs])`.
fn broken_down(name: &str, args: Args, zone: Zone) -> Eval {
    let secs = optional_seconds(name, args)?;
    Ok(object(at(secs, zone)?))
}

/// The broken-down time of `secs` (now if `None`) in `zone`.
fn at(secs: Option<i64>, zone: Zone) -> Eval<StructTime> {
    let secs = secs.unwrap_or_else(now);
    let t: libc::time_t = secs;
    // SAFETY: all-zero bytes are a valid `tm`; the C library fills it in.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the call; the *_r forms keep no shared state.
    let done = unsafe {
        match zone {
            Zone::Local => libc::localtime_r(&t, &mut tm),
            Zone::Utc => libc::gmtime_r(&t, &mut tm),
        }
    };
    if done.is_null() {
        return Err(Ctrl::raise(
            ExcKind::OverflowError,
            "timestamp out of range for platform time_t",
        ));
    }
    Ok(StructTime::from_tm(&tm))
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// An optional `secs` argument: `None` or absent is now; floats are floored, as CPython does.
fn optional_seconds(name: &str, args: Args) -> Eval<Option<i64>> {
    args.no_more_kw(name)?;
    match args.pos.as_slice() {
        [] | [Value::None] => Ok(None),
        [Value::Int(i)] => Ok(Some(*i)),
        [Value::Bool(b)] => Ok(Some(i64::from(*b))),
        [Value::Float(f)] if f.is_nan() => Err(Ctrl::raise(
            ExcKind::ValueError,
            "Invalid value NaN (not a number)",
        )),
        [Value::Float(f)] if f.abs() < 9.2e18 => Ok(Some(f.floor() as i64)),
        [Value::Float(_)] => Err(Ctrl::raise(
            ExcKind::OverflowError,
            "timestamp out of range for platform time_t",
        )),
        [other] => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ),
        )),
        more => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!("{name} expected at most 1 argument, got {}", more.len()),
        )),
    }
}

/// A `struct_time` argument, or a 9-tuple of ints.
fn time_tuple(v: &Value, name: &str) -> Eval<StructTime> {
    if let Some(t) = downcast::<StructTime>(v) {
        return Ok((*t).clone());
    }
    let Value::Tuple(items) = v else {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            "Tuple or struct_time argument required",
        ));
    };
    if items.len() != 9 {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            format!("{name}(): illegal time tuple argument"),
        ));
    }
    let mut fields = [0; 9];
    for (slot, item) in fields.iter_mut().zip(items.iter()) {
        *slot = match item {
            Value::Int(i) => *i,
            Value::Bool(b) => i64::from(*b),
            other => {
                return Err(Ctrl::raise(
                    ExcKind::TypeError,
                    format!(
                        "'{}' object cannot be interpreted as an integer",
                        other.type_name()
                    ),
                ))
            }
        };
    }
    Ok(StructTime {
        fields,
        zone: String::new(),
        gmtoff: 0,
    })
}

/// `mktime(t)`: seconds since the epoch of a local broken-down time.
fn mktime(_: &CallCx, args: Args) -> Eval {
    args.no_more_kw("mktime")?;
    let [t] = args.pos.as_slice() else {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            format!(
                "time.mktime() takes exactly one argument ({} given)",
                args.pos.len()
            ),
        ));
    };
    let mut tm = time_tuple(t, "mktime")?.to_tm()?;
    tm.tm_wday = -1;
    // SAFETY: `tm` is a valid, initialised `tm`.
    let secs = unsafe { libc::mktime(&mut tm) };
    if secs == -1 && tm.tm_wday == -1 {
        return Err(Ctrl::raise(
            ExcKind::OverflowError,
            "mktime argument out of range",
        ));
    }
    Ok(Value::Float(secs as f64))
}

/// `strftime(format[, t])`, formatted by the C library's `strftime` as CPython's is.
fn strftime(_: &CallCx, args: Args) -> Eval {
    args.no_more_kw("strftime")?;
    let (format, t) = match args.pos.as_slice() {
        [Value::Str(f)] => (f.clone(), at(None, Zone::Local)?),
        [Value::Str(f), t] => (f.clone(), time_tuple(t, "strftime")?),
        [other, ..] if !matches!(other, Value::Str(_)) => {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                format!(
                    "strftime() argument 1 must be str, not {}",
                    other.type_name()
                ),
            ))
        }
        _ => {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                format!(
                    "strftime() takes at most 2 arguments ({} given)",
                    args.pos.len()
                ),
            ))
        }
    };
    check_ranges(&t)?;
    let c_format = CString::new(format.as_bytes())
        .map_err(|_| Ctrl::raise(ExcKind::ValueError, "embedded null character"))?;
    let mut tm = t.to_tm()?;
    let zone = CString::new(t.zone.clone()).unwrap_or_default();
    tm.tm_zone = zone.as_ptr();
    tm.tm_gmtoff = t.gmtoff;
    Ok(Value::str(&format_tm(&c_format, &tm, format.len())))
}

/// CPython's checks before `strftime`: each field in its C range.
fn check_ranges(t: &StructTime) -> Eval<()> {
    let [_, mon, mday, hour, min, sec, wday, yday, _] = t.fields;
    let checks = [
        (mon, 0, 12, "month out of range"),
        (mday, 0, 31, "day of month out of range"),
        (hour, 0, 23, "hour out of range"),
        (min, 0, 59, "minute out of range"),
        (sec, 0, 61, "seconds out of range"),
        (wday, i64::MIN, i64::MAX, "day of week out of range"),
        (yday, 0, 366, "day of year out of range"),
    ];
    for (value, low, high, message) in checks {
        if value < low || value > high {
            return Err(Ctrl::raise(ExcKind::ValueError, message));
        }
    }
    Ok(())
}

/// Runs the C `strftime`, growing the buffer until the result fits (an empty result of a
/// non-empty format can mean it did not fit).
fn format_tm(format: &CString, tm: &libc::tm, format_len: usize) -> String {
    let mut size = 256.max(format_len * 4);
    loop {
        let mut buffer = vec![0u8; size];
        // SAFETY: the buffer holds `size` bytes, the format is NUL-terminated, `tm` is valid.
        let written =
            unsafe { libc::strftime(buffer.as_mut_ptr().cast(), size, format.as_ptr(), tm) };
        if written > 0 || format_len == 0 || size > 256 * format_len.max(1) {
            buffer.truncate(written);
            return String::from_utf8_lossy(&buffer).into_owned();
        }
        size *= 4;
    }
}

/// `asctime([t])`: `Mon Dec  7 02:22:32 2026`.
fn asctime(_: &CallCx, args: Args) -> Eval {
    args.no_more_kw("asctime")?;
    let t = match args.pos.as_slice() {
        [] => at(None, Zone::Local)?,
        [t] => time_tuple(t, "asctime")?,
        more => {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                format!("asctime expected at most 1 argument, got {}", more.len()),
            ))
        }
    };
    Ok(Value::str(&asctime_text(&t)))
}

/// `ctime([secs])`: `asctime(localtime(secs))`.
fn ctime(_: &CallCx, args: Args) -> Eval {
    let secs = optional_seconds("ctime", args)?;
    Ok(Value::str(&asctime_text(&at(secs, Zone::Local)?)))
}

fn asctime_text(t: &StructTime) -> String {
    let [year, mon, mday, hour, min, sec, wday, _, _] = t.fields;
    let day = DAYS[wday.rem_euclid(7) as usize];
    let month = MONTHS[(mon - 1).clamp(0, 11) as usize];
    format!("{day} {month}{mday:>3} {hour:02}:{min:02}:{sec:02} {year}")
}
