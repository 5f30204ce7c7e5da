//! Python's number formatting: `repr(float)` and the format-spec mini-language of f-strings.

use super::alloc;
use super::error::{Eval, ExcKind, Exception};
use super::value::Value;

/// `repr(f)`: the shortest digits that round-trip, laid out as CPython does (scientific
/// notation below 1e-4 and from 1e16 on, `inf`, `nan`, a trailing `.0` for integral values).
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    let (negative, digits, exp) = shortest_digits(f);
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if !(-4..16).contains(&exp) {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format_exponent(exp));
    } else {
        out.push_str(&place_point(&digits, exp, true));
    }
    out
}

/// Splits `f` into sign, shortest round-trip digits and decimal exponent (`d.ddd × 10^exp`).
fn shortest_digits(f: f64) -> (bool, String, i32) {
    let s = format!("{:e}", f.abs());
    let (mantissa, exp) = s.split_once('e').expect("LowerExp always has an exponent");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    (
        f < 0.0,
        digits,
        exp.parse().expect("exponent is an integer"),
    )
}

/// Lays digits `d.ddd × 10^exp` out in positional notation.
fn place_point(digits: &str, exp: i32, force_fraction: bool) -> String {
    let mut out = String::new();
    if exp < 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat((-exp - 1) as usize));
        out.push_str(digits);
    } else {
        let int_len = exp as usize + 1;
        if digits.len() <= int_len {
            out.push_str(digits);
            out.push_str(&"0".repeat(int_len - digits.len()));
            if force_fraction {
                out.push_str(".0");
            }
        } else {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        }
    }
    out
}

fn format_exponent(exp: i32) -> String {
    let sign = if exp < 0 { '-' } else { '+' };
    format!("e{sign}{:02}", exp.abs())
}

/// Digits beyond these are zeros for every `f64`: its exact decimal expansion has at most 1074
/// digits after the point and 767 significant digits. Rust's formatter also refuses
/// precisions above `u16::MAX`, so larger ones are formatted at these and padded with zeros.
const EXACT_FIXED_DIGITS: usize = 1100;
const EXACT_SIGNIFICANT_DIGITS: usize = 800;

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`.
#[derive(Default)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    /// `z`: negative zero formats as positive zero.
    no_negative_zero: bool,
    /// `#`: the alternate form (`0x` prefixes, a point that stays).
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn value_error(message: impl Into<String>) -> Exception {
    Exception::new(ExcKind::ValueError, message)
}

/// Reads a run of decimal digits at `*i`, as CPython's `get_integer` does: more digits than a
/// `Py_ssize_t` holds are an error.
fn read_number(chars: &[char], i: &mut usize) -> Result<Option<usize>, Exception> {
    let start = *i;
    let mut n: usize = 0;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
        *i += 1;
    }
    Ok((*i > start).then_some(n))
}

fn parse_spec(spec: &str, type_name: &str) -> Result<Spec, Exception> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(i) {
        s.sign = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'z') {
        s.no_negative_zero = true;
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        s.alternate = true;
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        s.zero = true;
        i += 1;
    }
    s.width = read_number(&chars, &mut i)?.unwrap_or(0);
    if let Some(&c @ (',' | '_')) = chars.get(i) {
        s.grouping = Some(c);
        i += 1;
        if matches!(chars.get(i), Some(',' | '_')) {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        s.precision = Some(
            read_number(&chars, &mut i)?
                .ok_or_else(|| value_error("Format specifier missing precision"))?,
        );
    }
    if i + 1 < chars.len() {
        return Err(value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    s.kind = chars.get(i).copied();
    Ok(s)
}

/// `format(value, spec)`, as f-strings call it.
pub fn format_value(value: &Value, spec: &str) -> Eval<String> {
    if spec.is_empty() {
        return value.try_str();
    }
    let (body, numeric, s) = match value {
        Value::Int(_) | Value::Bool(_) => {
            let i = match value {
                Value::Int(i) => *i,
                _ => i64::from(value.truthy()),
            };
            let s = parse_spec(spec, "int")?;
            (format_int(i, &s)?, true, s)
        }
        Value::Float(f) => {
            let s = parse_spec(spec, "float")?;
            (format_float(*f, &s)?, true, s)
        }
        Value::Str(text) => {
            let s = parse_spec(spec, "str")?;
            (format_str(text, &s)?, false, s)
        }
        other => {
            return Err(Exception::new(
                ExcKind::TypeError,
                format!(
                    "unsupported format string passed to {}.__format__",
                    other.type_name()
                ),
            )
            .into())
        }
    };
    pad(body, &s, numeric)
}

fn format_str(text: &str, s: &Spec) -> Eval<String> {
    if !matches!(s.kind, None | Some('s')) {
        return Err(unknown_code(s.kind, "str").into());
    }
    if s.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier").into());
    }
    if s.align == Some('=') {
        return Err(value_error("'=' alignment not allowed in string format specifier").into());
    }
    Ok(match s.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    })
}

fn unknown_code(kind: Option<char>, type_name: &str) -> Exception {
    value_error(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        kind.unwrap_or(' ')
    ))
}

fn format_int(i: i64, s: &Spec) -> Eval<String> {
    if matches!(s.kind, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
        return format_float(i as f64, s);
    }
    if s.precision.is_some() {
        return Err(value_error("Precision not allowed in integer format specifier").into());
    }
    let magnitude = i.unsigned_abs();
    let (prefix, digits) = match s.kind {
        None | Some('d') | Some('n') => ("", group(&magnitude.to_string(), s.grouping, 3)),
        Some(c @ ('x' | 'X' | 'b' | 'o')) => {
            if s.grouping == Some(',') {
                return Err(value_error(format!("Cannot specify ',' with '{c}'.")).into());
            }
            let (prefix, digits) = match c {
                'x' => ("0x", format!("{magnitude:x}")),
                'X' => ("0X", format!("{magnitude:X}")),
                'b' => ("0b", format!("{magnitude:b}")),
                _ => ("0o", format!("{magnitude:o}")),
            };
            (prefix, group(&digits, s.grouping, 4))
        }
        Some('c') => {
            if s.sign.is_some() {
                return Err(
                    value_error("Sign not allowed with integer format specifier 'c'").into(),
                );
            }
            let c = u32::try_from(i)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| {
                    Exception::new(ExcKind::OverflowError, "%c arg not in range(0x110000)")
                })?;
            return Ok(c.to_string());
        }
        Some(_) => return Err(unknown_code(s.kind, "int").into()),
    };
    let prefix = if s.alternate { prefix } else { "" };
    Ok(with_sign(i < 0, format!("{prefix}{digits}"), s.sign))
}

fn format_float(f: f64, s: &Spec) -> Eval<String> {
    if s.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(value_error("precision too big").into());
    }
    let precision = s.precision.unwrap_or(6);
    let magnitude = f.abs();
    let digits = match s.kind {
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') | None if !magnitude.is_finite() => {
            let percent = if s.kind == Some('%') { "%" } else { "" };
            format!("{}{percent}", float_repr(magnitude))
        }
        Some('f' | 'F') => fixed(magnitude, precision, s)?,
        Some('e' | 'E') => scientific(magnitude, precision, s.alternate)?,
        Some('%') => fixed(magnitude * 100.0, precision, s)? + "%",
        Some('g' | 'G' | 'n') => general(magnitude, precision.max(1), s)?,
        None if s.precision.is_some() => general(magnitude, precision.max(1), s)?,
        None => {
            let repr = float_repr(magnitude);
            match s.grouping {
                Some(_) => group_float(&repr, s.grouping),
                None => repr,
            }
        }
        Some(_) => return Err(unknown_code(s.kind, "float").into()),
    };
    let digits = if matches!(s.kind, Some('E' | 'G' | 'F')) {
        digits.to_uppercase()
    } else {
        digits
    };
    let zero = digits
        .bytes()
        .all(|b| matches!(b, b'0' | b'.' | b'e' | b'E' | b'+' | b'-' | b'%'));
    let negative = f.is_sign_negative() && !f.is_nan() && !(s.no_negative_zero && zero);
    Ok(with_sign(negative, digits, s.sign))
}

/// Fixed-point digits of a finite `f` with `precision` decimals, exactly rounded.
fn fixed(f: f64, precision: usize, s: &Spec) -> Eval<String> {
    let exact = precision.min(EXACT_FIXED_DIGITS);
    let mut out = format!("{f:.exact$}");
    alloc::push_fill(&mut out, '0', precision - exact)?;
    if s.alternate && precision == 0 {
        out.push('.');
    }
    Ok(match s.grouping {
        Some(_) => group_float(&out, s.grouping),
        None => out,
    })
}

/// `d.ddd` with `precision` decimals, then the exponent: `1.500e+00`.
fn scientific(f: f64, precision: usize, alternate: bool) -> Eval<String> {
    let exact = precision.min(EXACT_SIGNIFICANT_DIGITS);
    let sci = format!("{f:.exact$e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let mut out = mantissa.to_string();
    alloc::push_fill(&mut out, '0', precision - exact)?;
    if alternate && precision == 0 {
        out.push('.');
    }
    out.push_str(&format_exponent(exp.parse().unwrap_or(0)));
    Ok(out)
}

/// The `g` presentation: `precision` significant digits, trailing zeros removed (kept, with
/// the point, in the alternate form).
fn general(f: f64, precision: usize, s: &Spec) -> Eval<String> {
    let exp = if f == 0.0 {
        0
    } else {
        let exact = precision.min(EXACT_SIGNIFICANT_DIGITS);
        let sci = format!("{:.*e}", exact - 1, f);
        sci.split_once('e')
            .and_then(|(_, exp)| exp.parse().ok())
            .unwrap_or(0)
    };
    let trim = |digits: &str| -> String {
        match (s.alternate, digits.contains('.')) {
            (false, _) => trim_zeros(digits).to_string(),
            (true, true) => digits.to_string(),
            (true, false) => format!("{digits}."),
        }
    };
    // Zeros past the exact digits are trimmed away unless the alternate form keeps them.
    let cap = |digits: usize, exact: usize| {
        if s.alternate {
            digits
        } else {
            digits.min(exact)
        }
    };
    Ok(if exp < -4 || exp >= precision as i32 {
        let sci = scientific(f, cap(precision - 1, EXACT_SIGNIFICANT_DIGITS), false)?;
        let (mantissa, exponent) = sci.split_at(sci.find('e').unwrap_or(sci.len()));
        format!("{}{exponent}", trim(mantissa))
    } else {
        let decimals = (precision as i64 - 1 - i64::from(exp)).max(0) as usize;
        let fixed = fixed(f, cap(decimals, EXACT_FIXED_DIGITS), &Spec::default())?;
        group_float(&trim(&fixed), s.grouping)
    })
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

fn group_float(s: &str, grouping: Option<char>) -> String {
    match s.split_once('.') {
        Some((int, frac)) => format!("{}.{frac}", group(int, grouping, 3)),
        None => group(s, grouping, 3),
    }
}

/// Inserts a separator every `every` digits from the right (`1,234,567`, `ff_ffff`).
fn group(digits: &str, grouping: Option<char>, every: usize) -> String {
    let Some(sep) = grouping.filter(|_| {
        digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_alphabetic())
    }) else {
        return digits.to_string();
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn with_sign(negative: bool, digits: String, sign: Option<char>) -> String {
    match (negative, sign) {
        (true, _) => format!("-{digits}"),
        (false, Some('+')) => format!("+{digits}"),
        (false, Some(' ')) => format!(" {digits}"),
        _ => digits,
    }
}

/// Pads `body` to the spec's width; the padding is as big as the program asked for, so it is
/// reserved fallibly.
fn pad(body: String, s: &Spec, numeric: bool) -> Eval<String> {
    let len = body.chars().count();
    if len >= s.width {
        return Ok(body);
    }
    let missing = s.width - len;
    let (fill, align) = match (s.zero, s.align, s.fill) {
        (true, None, _) if numeric => ('0', '='),
        (true, align, None) => ('0', align.unwrap_or('<')),
        _ => (
            s.fill.unwrap_or(' '),
            s.align.unwrap_or(if numeric { '>' } else { '<' }),
        ),
    };
    let (left, prefix_len) = match align {
        '<' => (0, 0),
        '^' => (missing / 2, 0),
        '=' => (missing, sign_and_prefix_len(&body)),
        _ => (missing, 0),
    };
    let mut out = alloc::string_with_capacity(body.len())?;
    out.push_str(&body[..prefix_len]);
    alloc::push_fill(&mut out, fill, left)?;
    out.push_str(&body[prefix_len..]);
    alloc::push_fill(&mut out, fill, missing - left)?;
    Ok(out)
}

/// How much of a formatted number comes before `=` padding: its sign and `0x`-like prefix.
fn sign_and_prefix_len(body: &str) -> usize {
    let sign = usize::from(body.starts_with(['-', '+', ' ']));
    let rest = &body[sign..];
    let prefix =
        if rest.len() > 1 && rest.starts_with('0') && rest[1..].starts_with(['x', 'X', 'b', 'o']) {
            2
        } else {
            0
        };
    sign + prefix
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (0.1, "0.1"),
            (1.0, "1.0"),
            (1e16, "1e+16"),
            (123456789012345.6, "123456789012345.6"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (-2.5, "-2.5"),
            (1.5e300, "1.5e+300"),
            (0.30000000000000004, "0.30000000000000004"),
        ];
        for (f, want) in cases {
            assert_eq!(float_repr(f), want, "repr({f})");
        }
    }

    #[test]
    fn format_specs_match_python() {
        let cases: [(Value, &str, &str); 12] = [
            (Value::Float(1.23456), ".2f", "1.23"),
            (Value::Float(2.0), ".1f", "2.0"),
            (Value::Int(42), ">5", "   42"),
            (Value::Int(1234567), ",", "1,234,567"),
            (Value::Float(0.256), ".1%", "25.6%"),
            (Value::str("ab"), "<4", "ab  "),
            (Value::str("ab"), "^6", "  ab  "),
            (Value::Int(-7), "05", "-0007"),
            (Value::Float(1234.5), ".3e", "1.234e+03"),
            (Value::Float(0.00001234), ".3g", "1.23e-05"),
            (Value::Float(1.5), "8.3f", "   1.500"),
            (Value::Int(255), "x", "ff"),
        ];
        for (v, spec, want) in cases {
            assert_eq!(format_value(&v, spec).ok().as_deref(), Some(want), "{spec}");
        }
    }

    fn formatted(v: Value, spec: &str) -> String {
        match format_value(&v, spec) {
            Ok(text) if text.len() > 40 => format!("{}... ({} chars)", &text[..20], text.len()),
            Ok(text) => text,
            Err(c) => c.exception().map_or("abort".into(), |e| e.summary_line()),
        }
    }

    #[test]
    fn huge_widths_and_precisions_answer_as_cpython() {
        let cases = [
            (
                Value::Float(1.5),
                ".70000f",
                "1.500000000000000000... (70002 chars)",
            ),
            (
                Value::Float(1.5),
                ".70000e",
                "1.500000000000000000... (70006 chars)",
            ),
            (Value::Float(1.5), ".70000g", "1.5"),
            (
                Value::Float(0.1),
                ".70000g",
                "0.100000000000000005... (57 chars)",
            ),
            (
                Value::Float(1.5),
                ".2147483648f",
                "ValueError: precision too big",
            ),
            (
                Value::Float(1.5),
                ".9999999999999999999f",
                "ValueError: Too many decimal digits in format string",
            ),
            (
                Value::Int(1),
                ">99999999999999999999999",
                "ValueError: Too many decimal digits in format string",
            ),
            (Value::Int(1), ">4611686018427387904", "MemoryError"),
            (Value::Float(1.5), "4611686018427387904.2f", "MemoryError"),
            (
                Value::Int(1),
                ".4611686018427387904",
                "ValueError: Precision not allowed in integer format specifier",
            ),
            (Value::str("ab"), ".4611686018427387904", "ab"),
            (Value::Float(f64::NAN), ".2f", "nan"),
            (Value::Float(f64::NEG_INFINITY), "+.1F", "-INF"),
            (
                Value::Float(0.0001),
                ".2147483647g",
                "0.000100000000000000... (68 chars)",
            ),
            (
                Value::Float(1e-5),
                ".2147483647g",
                "1.000000000000000081... (70 chars)",
            ),
        ];
        for (v, spec, want) in cases {
            assert_eq!(formatted(v, spec), want, "{spec}");
        }
    }

    #[test]
    fn specs_beyond_the_basics() {
        let cases = [
            (Value::Int(255), "#x", "0xff"),
            (Value::Int(-12), "#010x", "-0x000000c"),
            (Value::Int(1234567), "_x", "12_d687"),
            (Value::Int(65), "c", "A"),
            (
                Value::Int(-1),
                "c",
                "OverflowError: %c arg not in range(0x110000)",
            ),
            (Value::Bool(true), ">5", "    1"),
            (Value::Bool(true), "", "True"),
            (Value::Float(10.0), "#.0f", "10."),
            (Value::Float(2.0), "#g", "2.00000"),
            (Value::Float(-0.0001), "z.1f", "0.0"),
            (Value::Float(1234.5), ",g", "1,234.5"),
            (Value::str("ab"), "08", "ab000000"),
            (
                Value::str("a"),
                "=5",
                "ValueError: '=' alignment not allowed in string format specifier",
            ),
            (
                Value::str("a"),
                "+5",
                "ValueError: Sign not allowed in string format specifier",
            ),
            (
                Value::Int(1),
                ",x",
                "ValueError: Cannot specify ',' with 'x'.",
            ),
            (
                Value::Float(1.5),
                ".f",
                "ValueError: Format specifier missing precision",
            ),
            (
                Value::Int(1),
                "xx",
                "ValueError: Invalid format specifier 'xx' for object of type 'int'",
            ),
            (
                Value::None,
                ">5",
                "TypeError: unsupported format string passed to NoneType.__format__",
            ),
        ];
        for (v, spec, want) in cases {
            assert_eq!(formatted(v, spec), want, "{spec}");
        }
    }
}
