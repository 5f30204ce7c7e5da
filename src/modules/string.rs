//! The `string` module: its character-class constants and `capwords`.

use crate::lang::builtins::no_attribute;
use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::function::Args;
use crate::lang::object::{CallCx, NativeFn};
use crate::lang::value::{ModuleDef, Value};

pub const MODULE: ModuleDef = ModuleDef {
    name: "string",
    attr,
};

const LOWERCASE: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPERCASE: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";
const PUNCTUATION: &str = r##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##;
const WHITESPACE: &str = " \t\n\r\x0b\x0c";

static CAPWORDS: NativeFn = NativeFn {
    name: "capwords",
    call: capwords,
};

fn attr(name: &str) -> Option<Value> {
    let text = match name {
        "ascii_lowercase" => LOWERCASE.to_string(),
        "ascii_uppercase" => UPPERCASE.to_string(),
        "ascii_letters" => format!("{LOWERCASE}{UPPERCASE}"),
        "digits" => DIGITS.to_string(),
        "hexdigits" => "0123456789abcdefABCDEF".to_string(),
        "octdigits" => "01234567".to_string(),
        "punctuation" => PUNCTUATION.to_string(),
        "whitespace" => WHITESPACE.to_string(),
        "printable" => format!("{DIGITS}{LOWERCASE}{UPPERCASE}{PUNCTUATION}{WHITESPACE}"),
        "capwords" => return Some(Value::Native(&CAPWORDS)),
        _ => return None,
    };
    Some(Value::str(&text))
}

/// `capwords(s, sep=None)`: each word capitalized, joined by `sep` (runs of whitespace
/// become one space when `sep` is not given).
fn capwords(_: &CallCx, mut args: Args) -> Eval {
    let sep = args.take_kw("sep");
    args.no_more_kw("capwords")?;
    let mut pos = args.pos.into_iter();
    let text = match pos.next() {
        Some(Value::Str(s)) => s,
        Some(other) => return Err(no_attribute(&other, "split")),
        None => {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                "capwords() missing 1 required positional argument: 's'",
            ))
        }
    };
    let sep = match sep.or_else(|| pos.next()) {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => Some(s),
        Some(other) => {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                format!("must be str or None, not {}", other.type_name()),
            ))
        }
    };
    let words: Vec<String> = match &sep {
        Some(sep) => text.split(&**sep).map(capitalize).collect(),
        None => text.split_whitespace().map(capitalize).collect(),
    };
    Ok(Value::str(&words.join(sep.as_deref().unwrap_or(" "))))
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}
