//! The `typing` module: its common names exist, so annotated programs import and run. Nothing
//! is checked; a name subscripted (`Optional[int]`) is another annotation that prints as
//! CPython prints it.

use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::function::Args;
use crate::lang::object::{object, CallCx, NativeFn, PyObject};
use crate::lang::value::{ModuleDef, Value};

/// Names that are annotations, printed as `typing.Name`.
const ANNOTATIONS: &[&str] = &[
    "Any",
    "Optional",
    "Union",
    "List",
    "Dict",
    "Tuple",
    "Set",
    "FrozenSet",
    "Callable",
    "Iterable",
    "Iterator",
    "Awaitable",
    "Coroutine",
    "AsyncIterator",
    "AsyncIterable",
    "AsyncGenerator",
    "Generator",
    "Sequence",
    "Mapping",
    "MutableMapping",
    "Type",
    "NoReturn",
    "Literal",
    "Final",
    "ClassVar",
    "Deque",
    "DefaultDict",
    "Hashable",
    "Sized",
    "Collection",
];

static TYPE_VAR: NativeFn = NativeFn {
    name: "TypeVar",
    call: type_var,
};
static CAST: NativeFn = NativeFn {
    name: "cast",
    call: cast,
};
static OVERLOAD: NativeFn = NativeFn {
    name: "overload",
    call: overload,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "typing",
    attr,
};

/// `typing.name`, for attribute access and `from typing import name`.
fn attr(name: &str) -> Option<Value> {
    match name {
        "TYPE_CHECKING" => Some(Value::Bool(false)),
        "TypeVar" => Some(Value::Native(&TYPE_VAR)),
        "cast" => Some(Value::Native(&CAST)),
        "overload" | "final" => Some(Value::Native(&OVERLOAD)),
        _ => ANNOTATIONS
            .contains(&name)
            .then(|| object(Annotation(format!("typing.{name}")))),
    }
}

/// `TypeVar("T", ...)`.
fn type_var(_: &CallCx, args: Args) -> Eval {
    match args.pos.first() {
        Some(Value::Str(name)) => Ok(object(Annotation(format!("~{name}")))),
        _ => Err(Ctrl::raise(
            ExcKind::TypeError,
            "TypeVar() missing required argument 'name' (pos 1)",
        )),
    }
}

/// `cast(type, value)`: the value, unchanged.
fn cast(_: &CallCx, mut args: Args) -> Eval {
    args.no_more_kw("cast")?;
    if args.pos.len() != 2 {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            format!(
                "cast() takes 2 positional arguments but {} were given",
                args.pos.len()
            ),
        ));
    }
    Ok(args.pos.remove(1))
}

/// `@overload` / `@final`: the function, unchanged.
fn overload(_: &CallCx, mut args: Args) -> Eval {
    args.no_more_kw("overload")?;
    match args.pos.len() {
        1 => Ok(args.pos.remove(0)),
        n => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!("overload() takes 1 positional argument but {n} were given"),
        )),
    }
}

/// An annotation: `typing.List`, `typing.Optional[int]`, `~T`.
struct Annotation(String);

impl PyObject for Annotation {
    fn type_name(&self) -> &'static str {
        "_GenericAlias"
    }

    fn repr(&self) -> String {
        self.0.clone()
    }

    fn subscript(&self, _me: &Value, key: &Value) -> Eval {
        let parts = match key {
            Value::Tuple(items) => items.iter().map(argument).collect::<Vec<_>>(),
            one => vec![argument(one)],
        };
        Ok(object(Annotation(format!(
            "{}[{}]",
            self.0,
            parts.join(", ")
        ))))
    }
}

/// How an annotation's argument prints: classes by name, `None` as its class.
fn argument(v: &Value) -> String {
    match v {
        Value::None => "NoneType".to_string(),
        Value::Builtin(b) if b.is_type() => b.name().to_string(),
        Value::ExcType(k) => k.name().to_string(),
        Value::List(items) => {
            let inner: Vec<String> = items.lock().iter().map(argument).collect();
            format!("[{}]", inner.join(", "))
        }
        other => other.repr(),
    }
}
