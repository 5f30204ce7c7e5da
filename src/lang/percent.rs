//! `format % values`, printf-style string formatting as CPython's `PyUnicode_Format` does it:
//! `%[(name)][flags][width][.precision]type`, each conversion written through the same
//! formatting `format()` uses.

use super::error::{Ctrl, Eval, ExcKind};
use super::format::format_value;
use super::ops;
use super::text::Text;
use super::value::Value;

fn type_error(message: impl Into<String>) -> Ctrl {
    Ctrl::raise(ExcKind::TypeError, message)
}

/// Where the conversions take their values from.
struct Source<'a> {
    values: Vec<Value>,
    next: usize,
    /// The right operand, when it is a mapping (`%(name)s` reads from it).
    mapping: Option<&'a Value>,
}

impl Source<'_> {
    fn next_value(&mut self) -> Eval<Value> {
        let v = self
            .values
            .get(self.next)
            .cloned()
            .ok_or_else(|| type_error("not enough arguments for format string"))?;
        self.next += 1;
        Ok(v)
    }

    /// A `*` width or precision.
    fn next_count(&mut self) -> Eval<i64> {
        match self.next_value()? {
            Value::Int(n) => Ok(n),
            _ => Err(type_error("* wants int")),
        }
    }
}

/// One conversion's flags, width and precision.
#[derive(Default, Clone, Copy)]
struct Conversion {
    left: bool,
    zero: bool,
    sign: Option<char>,
    alternate: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

/// `template % args`.
pub fn format(template: &str, args: &Value) -> Eval {
    // As CPython's `PyMapping_Check`: anything subscriptable but a tuple or a str counts as
    // a mapping, so leftover arguments are not an error for it.
    let mapping = match args {
        Value::Dict(_) | Value::List(_) => Some(args),
        v if super::special::method(v, "__getitem__").is_some() => Some(args),
        _ => None,
    };
    let values = match args {
        Value::Tuple(items) => items.to_vec(),
        other => vec![other.clone()],
    };
    let is_tuple = matches!(args, Value::Tuple(_));
    let mut source = Source {
        values,
        next: 0,
        mapping,
    };
    let chars: Vec<char> = template.chars().collect();
    let mut out = String::with_capacity(template.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        out.push_str(&conversion(&chars, &mut i, &mut source)?);
    }
    if source.next < source.values.len() && (is_tuple || source.mapping.is_none()) {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(Value::Str(Text::from(out)))
}

/// Reads the conversion after a `%` at `chars[*i]` and writes its text.
fn conversion(chars: &[char], i: &mut usize, source: &mut Source) -> Eval<String> {
    let at = |i: usize| chars.get(i).copied();
    let mut named = None;
    if at(*i) == Some('(') {
        let start = *i + 1;
        let mut depth = 1;
        let mut end = start;
        while depth > 0 {
            match at(end) {
                Some('(') => depth += 1,
                Some(')') => depth -= 1,
                Some(_) => {}
                None => return Err(Ctrl::raise(ExcKind::ValueError, "incomplete format key")),
            }
            end += 1;
        }
        let key: String = chars[start..end - 1].iter().collect();
        let mapping = source
            .mapping
            .ok_or_else(|| type_error("format requires a mapping"))?;
        named = Some(ops::get_item(mapping, &Value::str(&key))?);
        *i = end;
    }
    let mut c = Conversion::default();
    while let Some(flag) = at(*i) {
        match flag {
            '-' => c.left = true,
            '0' => c.zero = true,
            '+' => c.sign = Some('+'),
            ' ' => c.sign = c.sign.or(Some(' ')),
            '#' => c.alternate = true,
            _ => break,
        }
        *i += 1;
    }
    c.width = count(chars, i, source, &mut c.left)?;
    if at(*i) == Some('.') {
        *i += 1;
        let mut ignored = false;
        c.precision = Some(count(chars, i, source, &mut ignored)?.unwrap_or(0));
    }
    let kind = at(*i).ok_or_else(|| Ctrl::raise(ExcKind::ValueError, "incomplete format"))?;
    *i += 1;
    if kind == '%' {
        return Ok("%".to_string());
    }
    let value = match named {
        Some(v) => v,
        None => source.next_value()?,
    };
    convert(kind, &value, &c, *i - 1)
}

/// A width or precision: digits, or `*` taken from the values (a negative `*` width means
/// left-aligned).
fn count(
    chars: &[char],
    i: &mut usize,
    source: &mut Source,
    left: &mut bool,
) -> Eval<Option<usize>> {
    if chars.get(*i) == Some(&'*') {
        *i += 1;
        let n = source.next_count()?;
        if n < 0 {
            *left = true;
        }
        return Ok(Some(n.unsigned_abs() as usize));
    }
    let start = *i;
    while chars.get(*i).is_some_and(char::is_ascii_digit) {
        *i += 1;
    }
    if start == *i {
        return Ok(None);
    }
    let digits: String = chars[start..*i].iter().collect();
    Ok(digits.parse().ok())
}

fn convert(kind: char, value: &Value, c: &Conversion, index: usize) -> Eval<String> {
    match kind {
        's' | 'r' | 'a' => {
            let text = if kind == 's' {
                value.try_str()?
            } else {
                value.try_repr()?
            };
            let text: String = match c.precision {
                Some(p) => text.chars().take(p).collect(),
                None => text,
            };
            Ok(pad_text(text, c))
        }
        'c' => {
            let ch = match value {
                Value::Int(n) => u32::try_from(*n)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| {
                        Ctrl::raise(ExcKind::OverflowError, "%c arg not in range(0x110000)")
                    })?
                    .to_string(),
                Value::Str(s) if s.chars().count() == 1 => s.to_string(),
                _ => return Err(type_error("%c requires int or char")),
            };
            Ok(pad_text(ch, c))
        }
        'd' | 'i' | 'u' => {
            let n = match value {
                Value::Float(f) if f.is_finite() => Value::Int(f.trunc() as i64),
                Value::Int(_) | Value::Bool(_) => value.clone(),
                other => {
                    return Err(type_error(format!(
                        "%{kind} format: a real number is required, not {}",
                        other.type_name()
                    )))
                }
            };
            number(&n, 'd', c)
        }
        'x' | 'X' | 'o' => match value {
            Value::Int(_) | Value::Bool(_) => number(value, kind, c),
            other => Err(type_error(format!(
                "%{kind} format: an integer is required, not {}",
                other.type_name()
            ))),
        },
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = match value {
                Value::Float(f) => *f,
                Value::Int(i) => *i as f64,
                Value::Bool(b) => f64::from(u8::from(*b)),
                other => {
                    return Err(type_error(format!(
                        "must be real number, not {}",
                        other.type_name()
                    )))
                }
            };
            let precision = c.precision.unwrap_or(6);
            number(
                &Value::Float(f),
                kind,
                &Conversion {
                    precision: Some(precision),
                    ..*c
                },
            )
        }
        other => Err(Ctrl::raise(
            ExcKind::ValueError,
            format!(
                "unsupported format character '{other}' ({:#x}) at index {index}",
                u32::from(other)
            ),
        )),
    }
}

/// A number through `format()`'s specification: sign, `#`, zero padding, width, precision.
fn number(value: &Value, kind: char, c: &Conversion) -> Eval<String> {
    let mut spec = String::new();
    if c.left {
        spec.push('<');
    }
    if let Some(sign) = c.sign {
        spec.push(sign);
    }
    if c.alternate {
        spec.push('#');
    }
    if c.zero && !c.left {
        spec.push('0');
    }
    if let Some(width) = c.width {
        spec.push_str(&width.to_string());
    }
    let is_int = matches!(kind, 'd' | 'x' | 'X' | 'o');
    if let (Some(p), false) = (c.precision, is_int) {
        spec.push_str(&format!(".{p}"));
    }
    spec.push(kind);
    let text = format_value(value, &spec)?;
    match (c.precision, is_int) {
        (Some(digits), true) => Ok(min_digits(&text, digits, c)),
        _ => Ok(text),
    }
}

/// `%.3d`: at least this many digits, zero-filled after the sign.
fn min_digits(text: &str, digits: usize, c: &Conversion) -> String {
    let trimmed = text.trim();
    let (sign, body) = match trimmed.chars().next() {
        Some(s @ ('-' | '+' | ' ')) => (s.to_string(), &trimmed[1..]),
        _ => (String::new(), trimmed),
    };
    let filled = format!("{sign}{body:0>digits$}");
    pad_text(filled, &Conversion { zero: false, ..*c })
}

/// Text padded with spaces to the width: on the left unless `-` was given.
fn pad_text(text: String, c: &Conversion) -> String {
    let width = c.width.unwrap_or(0);
    let len = text.chars().count();
    if len >= width {
        return text;
    }
    let fill = " ".repeat(width - len);
    if c.left {
        text + &fill
    } else {
        fill + &text
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::testing::outcome;

    #[test]
    fn percent_formats_as_cpython() {
        let program = "\
print('%-6s|%5.2f|%03d|%x|%(k)s' % ('ab', 3.14159, 7, 255, 'no'))
";
        assert_eq!(outcome(program), "TypeError: format requires a mapping");
        assert_eq!(
            outcome("print('%-6s|%5.2f|%03d|%x|%r' % ('ab', 3.14159, 7, 255, 'q'))\n"),
            "ab    | 3.14|007|ff|'q'\n"
        );
        assert_eq!(
            outcome("print('%s %s' % ('one',))\n"),
            "TypeError: not enough arguments for format string"
        );
    }
}
