//! Python's number formatting: `repr(float)` and the format-spec mini-language of f-strings.

use super::error::{ExcKind, Exception};
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

/// A parsed format spec: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
#[derive(Default)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn parse_spec(spec: &str) -> Result<Spec, Exception> {
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
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    s.width = chars[start..i]
        .iter()
        .collect::<String>()
        .parse()
        .unwrap_or(0);
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if start == i {
            return Err(bad_spec(spec));
        }
        s.precision = Some(
            chars[start..i]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0),
        );
    }
    if i < chars.len() {
        s.kind = Some(chars[i]);
        i += 1;
    }
    if i != chars.len() {
        return Err(bad_spec(spec));
    }
    Ok(s)
}

fn bad_spec(spec: &str) -> Exception {
    Exception::new(
        ExcKind::ValueError,
        format!("Invalid format specifier '{spec}'"),
    )
}

/// `format(value, spec)`, as f-strings call it.
pub fn format_value(value: &Value, spec: &str) -> Result<String, Exception> {
    if spec.is_empty() {
        return Ok(value.to_str());
    }
    let s = parse_spec(spec)?;
    let (body, numeric) = match value {
        Value::Int(i) => (format_int(*i, &s, spec)?, true),
        Value::Bool(b) if s.kind.is_some() => (format_int(*b as i64, &s, spec)?, true),
        Value::Float(f) => (format_float(*f, &s)?, true),
        Value::Str(text) => {
            if !matches!(s.kind, None | Some('s')) {
                return Err(unknown_code(s.kind, "str"));
            }
            let text = match s.precision {
                Some(p) => text.chars().take(p).collect(),
                None => text.to_string(),
            };
            (text, false)
        }
        other => (other.to_str(), false),
    };
    Ok(pad(body, &s, numeric))
}

fn unknown_code(kind: Option<char>, type_name: &str) -> Exception {
    Exception::new(
        ExcKind::ValueError,
        format!(
            "Unknown format code '{}' for object of type '{type_name}'",
            kind.unwrap_or(' ')
        ),
    )
}

fn format_int(i: i64, s: &Spec, spec: &str) -> Result<String, Exception> {
    let digits = match s.kind {
        None | Some('d') | Some('n') => group(&i.unsigned_abs().to_string(), s.grouping),
        Some('x') => format!("{:x}", i.unsigned_abs()),
        Some('X') => format!("{:X}", i.unsigned_abs()),
        Some('b') => format!("{:b}", i.unsigned_abs()),
        Some('o') => format!("{:o}", i.unsigned_abs()),
        Some('c') => return Err(bad_spec(spec)),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => return format_float(i as f64, s),
        Some(_) => return Err(unknown_code(s.kind, "int")),
    };
    Ok(with_sign(i < 0, digits, s.sign))
}

fn format_float(f: f64, s: &Spec) -> Result<String, Exception> {
    let precision = s.precision.unwrap_or(6);
    let magnitude = f.abs();
    let digits = match s.kind {
        Some('f' | 'F') => fixed(magnitude, precision, s.grouping),
        Some('e' | 'E') => scientific(magnitude, precision),
        Some('%') => format!("{}%", fixed(magnitude * 100.0, precision, s.grouping)),
        Some('g' | 'G') => general(magnitude, precision.max(1)),
        None if s.precision.is_some() => general(magnitude, precision.max(1)),
        None => {
            let repr = float_repr(magnitude);
            match s.grouping {
                Some(_) => group_float(&repr, s.grouping),
                None => repr,
            }
        }
        Some(_) => return Err(unknown_code(s.kind, "float")),
    };
    let digits = if matches!(s.kind, Some('E' | 'G' | 'F')) {
        digits.to_uppercase()
    } else {
        digits
    };
    Ok(with_sign(f.is_sign_negative() && f != 0.0, digits, s.sign))
}

fn fixed(f: f64, precision: usize, grouping: Option<char>) -> String {
    group_float(&format!("{f:.precision$}"), grouping)
}

fn scientific(f: f64, precision: usize) -> String {
    let s = format!("{f:.precision$e}");
    let (mantissa, exp) = s.split_once('e').expect("LowerExp always has an exponent");
    format!("{mantissa}{}", format_exponent(exp.parse().unwrap_or(0)))
}

/// The `g` presentation: significant digits, trailing zeros removed.
fn general(f: f64, precision: usize) -> String {
    if f == 0.0 {
        return "0".into();
    }
    let sci = format!("{:.*e}", precision - 1, f);
    let (_, exp) = sci
        .split_once('e')
        .expect("LowerExp always has an exponent");
    let exp: i32 = exp.parse().unwrap_or(0);
    if exp < -4 || exp >= precision as i32 {
        let (mantissa, _) = sci.split_once('e').expect("checked above");
        format!("{}{}", trim_zeros(mantissa), format_exponent(exp))
    } else {
        let decimals = (precision as i32 - 1 - exp).max(0) as usize;
        trim_zeros(&format!("{f:.decimals$}")).to_string()
    }
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
        Some((int, frac)) => format!("{}.{frac}", group(int, grouping)),
        None => group(s, grouping),
    }
}

/// Inserts a thousands separator every three digits.
fn group(digits: &str, grouping: Option<char>) -> String {
    let Some(sep) = grouping else {
        return digits.to_string();
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
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

fn pad(body: String, s: &Spec, numeric: bool) -> String {
    let len = body.chars().count();
    if len >= s.width {
        return body;
    }
    let missing = s.width - len;
    let (fill, align) = if s.zero && s.align.is_none() {
        ('0', '=')
    } else {
        (
            s.fill.unwrap_or(' '),
            s.align.unwrap_or(if numeric { '>' } else { '<' }),
        )
    };
    let fill_str = |n: usize| fill.to_string().repeat(n);
    match align {
        '<' => format!("{body}{}", fill_str(missing)),
        '^' => format!(
            "{}{body}{}",
            fill_str(missing / 2),
            fill_str(missing - missing / 2)
        ),
        '=' => {
            let sign_len = usize::from(body.starts_with(['-', '+', ' ']));
            format!(
                "{}{}{}",
                &body[..sign_len],
                fill_str(missing),
                &body[sign_len..]
            )
        }
        _ => format!("{}{body}", fill_str(missing)),
    }
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
}
