//! The `str` methods beyond the common ones in `builtins`: `format` (and `format_map`), the
//! `is...` predicates, `partition`, `rsplit`, `splitlines`, `index`, `removeprefix` and the
//! like, each as CPython's.

use std::sync::Arc;

use super::builtins::get_attr;
use super::error::{Ctrl, Eval, ExcKind};
use super::format::format_value;
use super::function::Args;
use super::object::NativeFn;
use super::ops;
use super::text::Text;
use super::value::Value;

/// The names this file adds to `str`.
pub const METHODS: &[&str] = &[
    "format",
    "format_map",
    "splitlines",
    "index",
    "rindex",
    "rfind",
    "rsplit",
    "partition",
    "rpartition",
    "isalpha",
    "isalnum",
    "isupper",
    "islower",
    "isspace",
    "isnumeric",
    "isdecimal",
    "isidentifier",
    "istitle",
    "swapcase",
    "casefold",
    "removeprefix",
    "removesuffix",
    "expandtabs",
    "translate",
];

/// `str.maketrans(x[, y[, z]])`: a table for `translate`, from code points to what replaces
/// them (`None` deletes).
pub static MAKETRANS: NativeFn = NativeFn {
    name: "maketrans",
    call: |_, args| maketrans(args),
};

fn maketrans(args: Args) -> Eval {
    args.no_more_kw("maketrans")?;
    let code = |c: char| Value::Int(i64::from(u32::from(c)));
    let mut pairs = Vec::new();
    match args.pos.as_slice() {
        [Value::Dict(d)] => {
            for (k, v) in d.lock().values() {
                let key = match k {
                    Value::Str(s) if s.chars().count() == 1 => {
                        code(s.chars().next().unwrap_or('\0'))
                    }
                    Value::Int(_) => k.clone(),
                    _ => {
                        return Err(type_error(
                            "keys in translate table must be strings or integers",
                        ))
                    }
                };
                pairs.push((key, v.clone()));
            }
        }
        [Value::Str(x), Value::Str(y), rest @ ..] => {
            if x.chars().count() != y.chars().count() {
                return Err(value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (a, b) in x.chars().zip(y.chars()) {
                pairs.push((code(a), code(b)));
            }
            match rest {
                [] => {}
                [Value::Str(z)] => pairs.extend(z.chars().map(|c| (code(c), Value::None))),
                _ => return Err(type_error("maketrans() argument 3 must be str")),
            }
        }
        _ => {
            return Err(type_error(
                "maketrans() takes a dict, or two or three strings",
            ))
        }
    }
    super::builtins::dict_from_pairs(pairs)
}

/// `s.translate(table)`: each character looked up in the table by its code point.
fn translate(text: &str, table: &Value) -> Eval {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let key = Value::Int(i64::from(u32::from(c)));
        match ops::get_item(table, &key) {
            Ok(Value::None) => {}
            Ok(Value::Str(s)) => out.push_str(&s),
            Ok(Value::Int(n)) => out.push(
                u32::try_from(n)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| value_error("character mapping must be in range(0x110000)"))?,
            ),
            Ok(_) => {
                return Err(type_error(
                    "character mapping must return integer, None or str",
                ))
            }
            Err(e)
                if e.exception()
                    .is_some_and(|e| matches!(e.kind, ExcKind::KeyError | ExcKind::IndexError)) =>
            {
                out.push(c)
            }
            Err(e) => return Err(e),
        }
    }
    Ok(Value::str(&out))
}

fn type_error(message: impl Into<String>) -> Ctrl {
    Ctrl::raise(ExcKind::TypeError, message)
}

fn value_error(message: impl Into<String>) -> Ctrl {
    Ctrl::raise(ExcKind::ValueError, message)
}

fn text_arg<'a>(args: &'a [Value], i: usize, name: &str) -> Eval<&'a str> {
    match args.get(i) {
        Some(Value::Str(s)) => Ok(s),
        Some(other) => Err(type_error(format!(
            "must be str, not {}",
            other.type_name()
        ))),
        None => Err(type_error(format!(
            "{name}() takes at least {} argument ({i} given)",
            i + 1
        ))),
    }
}

/// `s.name(*args)` for the methods in [`METHODS`]; `None` for others.
pub fn call(s: &Text, name: &str, args: Args) -> Option<Eval> {
    if name == "format" {
        return Some(format(s, &args.pos, &args.kw, None));
    }
    if let Err(e) = args.no_more_kw(name) {
        return Some(Err(e));
    }
    let p = &args.pos;
    let text: &str = s;
    let predicate = |f: fn(char) -> bool| Ok(Value::Bool(!text.is_empty() && text.chars().all(f)));
    Some(match name {
        "format_map" => match p.first() {
            Some(mapping) => format(s, &[], &[], Some(mapping)),
            None => Err(type_error(
                "format_map() takes exactly one argument (0 given)",
            )),
        },
        "splitlines" => Ok(splitlines(text, p.first().is_some_and(Value::truthy))),
        "index" | "rindex" | "rfind" => find(text, name, p),
        "rsplit" => rsplit(text, p),
        "partition" | "rpartition" => partition(text, name, p),
        "isalpha" => predicate(char::is_alphabetic),
        "isalnum" => predicate(char::is_alphanumeric),
        "isspace" => predicate(char::is_whitespace),
        "isnumeric" => predicate(char::is_numeric),
        "isdecimal" => predicate(|c| c.is_ascii_digit()),
        "isupper" | "islower" => Ok(Value::Bool(cased(text, name == "isupper"))),
        "isidentifier" => Ok(Value::Bool(
            text.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || c == '_')
                && text.chars().all(|c| c.is_alphanumeric() || c == '_'),
        )),
        "istitle" => Ok(Value::Bool(is_title(text))),
        "swapcase" => Ok(Value::str(
            &text
                .chars()
                .flat_map(|c| {
                    if c.is_uppercase() {
                        c.to_lowercase().collect::<Vec<_>>()
                    } else {
                        c.to_uppercase().collect()
                    }
                })
                .collect::<String>(),
        )),
        "casefold" => Ok(Value::str(&text.to_lowercase())),
        "removeprefix" => {
            text_arg(p, 0, name).map(|prefix| Value::str(text.strip_prefix(prefix).unwrap_or(text)))
        }
        "removesuffix" => {
            text_arg(p, 0, name).map(|suffix| Value::str(text.strip_suffix(suffix).unwrap_or(text)))
        }
        "translate" => match p.first() {
            Some(table) => translate(text, table),
            None => Err(type_error(
                "translate() takes exactly one argument (0 given)",
            )),
        },
        "expandtabs" => {
            let size = match p.first() {
                Some(Value::Int(n)) => (*n).max(0) as usize,
                _ => 8,
            };
            Ok(Value::str(&expand_tabs(text, size)))
        }
        _ => return None,
    })
}

/// Whether the cased characters are all upper (or all lower) case, and there is one.
fn cased(text: &str, upper: bool) -> bool {
    let mut any = false;
    for c in text.chars() {
        if c.is_uppercase() || c.is_lowercase() {
            if c.is_uppercase() != upper {
                return false;
            }
            any = true;
        }
    }
    any
}

fn is_title(text: &str) -> bool {
    let mut previous_cased = false;
    let mut any = false;
    for c in text.chars() {
        if c.is_uppercase() {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            any = true;
        } else {
            previous_cased = false;
        }
    }
    any
}

fn expand_tabs(text: &str, size: usize) -> String {
    let mut out = String::new();
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\t' if size > 0 => {
                let spaces = size - column % size;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\t' => {}
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// The line boundaries CPython's `splitlines` breaks at.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn splitlines(text: &str, keep_ends: bool) -> Value {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(j, '\n')) = chars.peek() {
                chars.next();
                end = j + 1;
            }
        }
        lines.push(Value::str(&text[start..if keep_ends { end } else { i }]));
        start = end;
    }
    if start < text.len() {
        lines.push(Value::str(&text[start..]));
    }
    Value::list(lines)
}

/// `index`, `rindex` and `rfind`: character positions, as `find` gives them.
fn find(text: &str, name: &str, p: &[Value]) -> Eval {
    let needle = text_arg(p, 0, name)?;
    let found = if name == "index" {
        text.find(needle)
    } else {
        text.rfind(needle)
    };
    match found {
        Some(byte) => Ok(Value::Int(text[..byte].chars().count() as i64)),
        None if name == "rfind" => Ok(Value::Int(-1)),
        None => Err(value_error("substring not found")),
    }
}

fn rsplit(text: &str, p: &[Value]) -> Eval {
    let limit = match p.get(1) {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        _ => None,
    };
    let mut parts: Vec<Value> = match p.first() {
        None | Some(Value::None) => {
            let mut parts = Vec::new();
            let mut rest = text.trim_end();
            while !rest.is_empty() && limit.is_none_or(|n| parts.len() < n) {
                match rest.rfind(char::is_whitespace) {
                    Some(i) => {
                        let width = rest[i..].chars().next().map_or(1, char::len_utf8);
                        parts.push(Value::str(&rest[i + width..]));
                        rest = rest[..i].trim_end();
                    }
                    None => break,
                }
            }
            if !rest.is_empty() {
                parts.push(Value::str(rest));
            }
            parts.reverse();
            return Ok(Value::list(parts));
        }
        Some(sep) => {
            let sep = match sep {
                Value::Str(s) if !s.is_empty() => s.to_string(),
                Value::Str(_) => return Err(value_error("empty separator")),
                other => {
                    return Err(type_error(format!(
                        "must be str or None, not {}",
                        other.type_name()
                    )))
                }
            };
            match limit {
                Some(n) => text.rsplitn(n + 1, sep.as_str()).map(Value::str).collect(),
                None => text.rsplit(sep.as_str()).map(Value::str).collect(),
            }
        }
    };
    if matches!(p.first(), Some(Value::Str(_))) {
        parts.reverse();
    }
    Ok(Value::list(parts))
}

fn partition(text: &str, name: &str, p: &[Value]) -> Eval {
    let sep = text_arg(p, 0, name)?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if name == "partition" {
        text.find(sep)
    } else {
        text.rfind(sep)
    };
    let parts = match found {
        Some(i) => [&text[..i], sep, &text[i + sep.len()..]],
        None if name == "partition" => [text, "", ""],
        None => ["", "", text],
    };
    Ok(Value::tuple(parts.iter().map(|s| Value::str(s)).collect()))
}

// ---- str.format -------------------------------------------------------------------------------

/// `template.format(*args, **kwargs)`, or `format_map(mapping)`.
fn format(
    template: &str,
    args: &[Value],
    kwargs: &[(Arc<str>, Value)],
    mapping: Option<&Value>,
) -> Eval {
    let mut out = String::with_capacity(template.len());
    let mut auto = 0usize;
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '}' => return Err(value_error("Single '}' encountered in format string")),
            '{' => {
                let field = read_field(&mut chars)?;
                let fields = Fields {
                    args,
                    kwargs,
                    mapping,
                };
                out.push_str(&replacement(&field, &fields, &mut auto)?);
            }
            c => out.push(c),
        }
    }
    Ok(Value::str(&out))
}

/// The text between `{` and its matching `}` (specs may hold nested `{width}` fields).
fn read_field(chars: &mut std::iter::Peekable<std::str::Chars>) -> Eval<String> {
    let mut field = String::new();
    let mut depth = 1;
    for c in chars.by_ref() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(field);
                }
            }
            _ => {}
        }
        field.push(c);
    }
    Err(value_error("expected '}' before end of string"))
}

/// Where a format's fields come from.
struct Fields<'a> {
    args: &'a [Value],
    kwargs: &'a [(Arc<str>, Value)],
    mapping: Option<&'a Value>,
}

impl Fields<'_> {
    fn positional(&self, i: usize) -> Eval<Value> {
        self.args.get(i).cloned().ok_or_else(|| {
            Ctrl::raise(
                ExcKind::IndexError,
                format!("Replacement index {i} out of range for positional args tuple"),
            )
        })
    }

    fn named(&self, name: &str) -> Eval<Value> {
        if let Some(mapping) = self.mapping {
            return ops::get_item(mapping, &Value::str(name));
        }
        self.kwargs
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| {
                Ctrl::exc(Arc::new(super::error::Exception::with_args(
                    ExcKind::KeyError,
                    vec![Value::str(name)],
                )))
            })
    }
}

/// One `{field!conversion:spec}`.
fn replacement(field: &str, fields: &Fields, auto: &mut usize) -> Eval<String> {
    let (name_part, spec) = match field.find(':') {
        Some(i) => (&field[..i], &field[i + 1..]),
        None => (field, ""),
    };
    let (name, conversion) = match name_part.find('!') {
        Some(i) => (&name_part[..i], name_part[i + 1..].chars().next()),
        None => (name_part, None),
    };
    let value = lookup(name, fields, auto)?;
    let value = match conversion {
        None => value,
        Some('r') | Some('a') => Value::str(&value.try_repr()?),
        Some('s') => Value::str(&value.try_str()?),
        Some(other) => return Err(value_error(format!("Unknown conversion specifier {other}"))),
    };
    let spec = if spec.contains('{') {
        match format(spec, fields.args, fields.kwargs, fields.mapping)? {
            Value::Str(s) => s.to_string(),
            _ => unreachable!("format makes a str"),
        }
    } else {
        spec.to_string()
    };
    format_value(&value, &spec)
}

/// The value a field names: `{}`, `{0}`, `{name}`, then `.attr` and `[key]` parts.
fn lookup(name: &str, fields: &Fields, auto: &mut usize) -> Eval<Value> {
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(end);
    let mut value = if first.is_empty() {
        let v = fields.positional(*auto)?;
        *auto += 1;
        v
    } else if let Ok(i) = first.parse::<usize>() {
        fields.positional(i)?
    } else {
        fields.named(first)?
    };
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            value = get_attr(&value, &after[..end])?;
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let end = after
                .find(']')
                .ok_or_else(|| value_error("Missing ']' in format string"))?;
            let key = &after[..end];
            let key = match key.parse::<i64>() {
                Ok(i) => Value::Int(i),
                Err(_) => Value::str(key),
            };
            value = ops::get_item(&value, &key)?;
            rest = &after[end + 1..];
        } else {
            return Err(value_error(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        }
    }
    Ok(value)
}
