//! Scenario values as they cross between a run and its child processes: values ↔ JSON, what
//! pickling is to `multiprocessing`, and exceptions ↔ JSON.
//!
//! Functions cross by name, as pickle sends them: only a function the other side can find under
//! its own name at module level can be sent, so lambdas and nested functions are refused.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

use crate::lang::builtins::{hex, Builtin};
use crate::lang::error::{Ctrl, ExcKind, Exception};
use crate::lang::eval::Ctx;
use crate::lang::function::Frame;
use crate::lang::ir::Var;
use crate::lang::value::{Dict, Module, RangeObj, Value};
use crate::trace::event::TraceFrame;

/// Containers nested deeper than this do not cross (it also stops a list that holds itself).
const MAX_DEPTH: usize = 200;

/// Why a value cannot cross to another process, or a message could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarshalError {
    /// The value has no cross-process form (a lock, a task, a coroutine...).
    Unpicklable(&'static str),
    /// A function the other process could not find by its name.
    NotModuleLevel(String),
    /// Nested deeper than the limit, or a container that holds itself.
    TooDeep,
    /// The other side sent something this side cannot read.
    Malformed(String),
}

impl fmt::Display for MarshalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MarshalError::Unpicklable(type_name) => write!(f, "cannot pickle '{type_name}' object"),
            MarshalError::NotModuleLevel(name) => write!(
                f,
                "Can't pickle <function {name}>: it is not found as __main__.{name}; a function \
                 sent to another process must be defined with `def` at module level"
            ),
            MarshalError::TooDeep => {
                f.write_str("maximum recursion depth exceeded while pickling an object")
            }
            MarshalError::Malformed(what) => write!(f, "unreadable message: {what}"),
        }
    }
}

impl std::error::Error for MarshalError {}

impl MarshalError {
    /// The Python exception for it (`TypeError: cannot pickle ...`).
    pub fn exception(&self) -> Exception {
        let kind = match self {
            MarshalError::Unpicklable(_) | MarshalError::NotModuleLevel(_) => ExcKind::TypeError,
            MarshalError::TooDeep => ExcKind::RecursionError,
            MarshalError::Malformed(_) => ExcKind::RuntimeError,
        };
        Exception::new(kind, self.to_string())
    }
}

impl From<MarshalError> for Ctrl {
    fn from(e: MarshalError) -> Ctrl {
        Ctrl::exc(Arc::new(e.exception()))
    }
}

type Marshal<T> = Result<T, MarshalError>;

fn malformed(what: impl fmt::Display) -> MarshalError {
    MarshalError::Malformed(what.to_string())
}

// ---- values ----------------------------------------------------------------------------------

/// The JSON form of `v`: plain JSON for `None`, booleans, ints, finite floats, strings and lists;
/// a one-key object naming the type for everything else (`{"tuple": [...]}`).
pub fn encode(ctx: &Ctx, v: &Value) -> Marshal<Json> {
    encode_at(ctx, v, 0)
}

fn encode_at(ctx: &Ctx, v: &Value, depth: usize) -> Marshal<Json> {
    if depth > MAX_DEPTH {
        return Err(MarshalError::TooDeep);
    }
    let all = |items: &[Value]| -> Marshal<Json> {
        items
            .iter()
            .map(|i| encode_at(ctx, i, depth + 1))
            .collect::<Marshal<Vec<_>>>()
            .map(Json::Array)
    };
    Ok(match v {
        Value::None => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::from(*i),
        Value::Float(f) if f.is_finite() => Json::from(*f),
        Value::Float(f) => tagged("float", Json::from(f.to_string())),
        Value::Str(s) => Json::from(&**s),
        Value::List(l) => {
            let items = l.lock().clone();
            all(&items)?
        }
        Value::Tuple(t) => tagged("tuple", all(t)?),
        Value::Dict(d) => {
            let entries = d.lock().clone();
            tagged("dict", encode_dict(ctx, &entries, depth)?)
        }
        Value::Bytes(b) => tagged("bytes", Json::from(hex(b))),
        Value::Range(r) => tagged("range", Json::from(vec![r.start, r.stop, r.step])),
        Value::Func(_) | Value::Builtin(_) | Value::Native(_) => encode_callable(ctx, v)?,
        Value::ExcType(k) => tagged("exc_type", Json::from(k.name())),
        Value::Exception(e) => tagged(
            "exception",
            serde_json::to_value(error(ctx, e)).map_err(malformed)?,
        ),
        other => return Err(MarshalError::Unpicklable(other.type_name())),
    })
}

fn encode_dict(ctx: &Ctx, d: &Dict, depth: usize) -> Marshal<Json> {
    d.values()
        .map(|(k, v)| {
            Ok(Json::Array(vec![
                encode_at(ctx, k, depth + 1)?,
                encode_at(ctx, v, depth + 1)?,
            ]))
        })
        .collect::<Marshal<Vec<_>>>()
        .map(Json::Array)
}

/// A function by the name the other side finds it under: a module-level `def`, a builtin, or
/// a library function such as `time.sleep`.
fn encode_callable(ctx: &Ctx, v: &Value) -> Marshal<Json> {
    let name = match v {
        Value::Func(f) => {
            let found = global(ctx, f.name());
            match found {
                Some(Value::Func(g)) if Arc::ptr_eq(f, &g) => f.name().to_string(),
                _ => return Err(MarshalError::NotModuleLevel(f.name().to_string())),
            }
        }
        _ => library_name(ctx, v).ok_or(MarshalError::Unpicklable(v.type_name()))?,
    };
    let tag = if matches!(v, Value::Func(_)) {
        "function"
    } else {
        "builtin"
    };
    Ok(tagged(tag, Json::from(name)))
}

/// `print`, or `module.attr` for a function found in one of the program's modules.
fn library_name(ctx: &Ctx, v: &Value) -> Option<String> {
    let f = match v {
        Value::Builtin(b) => return Some(b.name().to_string()),
        Value::Native(f) => *f,
        _ => return None,
    };
    ctx.interp.program.modules.iter().find_map(|def| {
        let m = Module::of(def);
        let same = matches!(m.attr(f.name), Some(Value::Native(x)) if std::ptr::eq(x, f));
        same.then(|| format!("{}.{}", m.name(), f.name))
    })
}

fn tagged(tag: &str, v: Json) -> Json {
    let mut map = Map::new();
    map.insert(tag.to_string(), v);
    Json::Object(map)
}

fn unhex(text: &str) -> Marshal<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return Err(malformed("odd-length bytes"));
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).map_err(malformed))
        .collect()
}

/// The module-level variable `name` of the program `ctx` runs, if it is set.
pub fn global(ctx: &Ctx, name: &str) -> Option<Value> {
    let slot = ctx
        .interp
        .program
        .globals
        .iter()
        .position(|g| &**g == name)?;
    let slot = u32::try_from(slot).ok()?;
    ctx.load(&Frame::module(0), Var::Global(slot), name).ok()
}

/// The value `j` stands for (the inverse of [`encode`]).
pub fn decode(ctx: &Ctx, j: &Json) -> Marshal<Value> {
    Ok(match j {
        Json::Null => Value::None,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().ok_or_else(|| malformed(n))?),
        },
        Json::String(s) => Value::str(s),
        Json::Array(items) => Value::list(decode_all(ctx, items)?),
        Json::Object(map) => {
            let mut entries = map.iter();
            match (entries.next(), entries.next()) {
                (Some((tag, inner)), None) => decode_tagged(ctx, tag, inner)?,
                _ => return Err(malformed("an object with more than one key")),
            }
        }
    })
}

fn decode_all(ctx: &Ctx, items: &[Json]) -> Marshal<Vec<Value>> {
    items.iter().map(|i| decode(ctx, i)).collect()
}

fn decode_tagged(ctx: &Ctx, tag: &str, inner: &Json) -> Marshal<Value> {
    let text = || {
        inner
            .as_str()
            .ok_or_else(|| malformed(format!("{tag} without text")))
    };
    let items = || {
        inner
            .as_array()
            .ok_or_else(|| malformed(format!("{tag} without items")))
    };
    Ok(match tag {
        "float" => Value::Float(text()?.parse().map_err(malformed)?),
        "tuple" => Value::tuple(decode_all(ctx, items()?)?),
        "dict" => decode_dict(ctx, items()?)?,
        "bytes" => Value::bytes(&unhex(text()?)?),
        "range" => decode_range(items()?)?,
        "function" => {
            let name = text()?;
            global(ctx, name)
                .filter(|f| matches!(f, Value::Func(_)))
                .ok_or_else(|| malformed(format!("no module-level function {name}")))?
        }
        "builtin" => decode_library(ctx, text()?)?,
        "exc_type" => Value::ExcType(exc_kind(text()?)),
        "exception" => {
            let e: WireError = serde_json::from_value(inner.clone()).map_err(malformed)?;
            Value::Exception(exception(ctx, &e))
        }
        other => return Err(malformed(format!("unknown type {other}"))),
    })
}

fn decode_dict(ctx: &Ctx, pairs: &[Json]) -> Marshal<Value> {
    let mut dict = Dict::default();
    for pair in pairs {
        let [k, v] = pair.as_array().map(Vec::as_slice).unwrap_or_default() else {
            return Err(malformed("a dict entry that is not a pair"));
        };
        let (k, v) = (decode(ctx, k)?, decode(ctx, v)?);
        let key = k
            .key()
            .map_err(|ctrl| malformed(ctrl.exception().map(|e| e.message()).unwrap_or_default()))?;
        dict.insert(key, (k, v));
    }
    Ok(Value::Dict(Arc::new(parking_lot::Mutex::new(dict))))
}

fn decode_range(items: &[Json]) -> Marshal<Value> {
    let ints: Vec<i64> = items.iter().filter_map(Json::as_i64).collect();
    let [start, stop, step] = ints[..] else {
        return Err(malformed("a range without start, stop and step"));
    };
    Ok(Value::Range(Arc::new(RangeObj { start, stop, step })))
}

fn decode_library(ctx: &Ctx, name: &str) -> Marshal<Value> {
    let found = match name.rsplit_once('.') {
        Some((module, attr)) => {
            Module::find(ctx.interp.program.modules, module).and_then(|m| m.attr(attr))
        }
        None => Builtin::by_name(name).map(Value::Builtin),
    };
    found.ok_or_else(|| malformed(format!("no library function {name}")))
}

// ---- exceptions ------------------------------------------------------------------------------

/// An exception (or the abort of a job) as it crosses between processes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireError {
    /// `ValueError`, ... or `LimitExceeded` / `Cancelled` when the job was stopped.
    pub kind: String,
    pub message: String,
    /// The exception's arguments, when they could cross (else just `message`).
    pub args: Option<Vec<Json>>,
    /// `(function, line)` frames, outermost first.
    pub traceback: Vec<(String, u32)>,
}

/// The wire form of a raised exception.
pub fn error(ctx: &Ctx, e: &Arc<Exception>) -> WireError {
    let args = e
        .args()
        .iter()
        .map(|a| encode(ctx, a))
        .collect::<Marshal<Vec<_>>>()
        .ok();
    let traceback = e
        .traceback
        .lock()
        .iter()
        .map(|f| (f.function.clone(), f.line))
        .collect();
    WireError {
        kind: e.kind.name().to_string(),
        message: e.message(),
        args,
        traceback,
    }
}

/// The exception to raise on this side for `w` (an unknown kind becomes a `RuntimeError`).
pub fn exception(ctx: &Ctx, w: &WireError) -> Arc<Exception> {
    let known = ExcKind::by_name(&w.kind);
    let args = match (&w.args, known) {
        (Some(args), Some(_)) => decode_all(ctx, args).ok(),
        _ => None,
    };
    let e = match (known, args) {
        (Some(kind), Some(args)) => Exception::with_args(kind, args),
        (Some(kind), None) => Exception::new(kind, w.message.clone()),
        (None, _) => Exception::new(ExcKind::RuntimeError, format!("{}: {}", w.kind, w.message)),
    };
    *e.traceback.lock() = w
        .traceback
        .iter()
        .map(|(function, line)| TraceFrame {
            function: function.clone(),
            line: *line,
        })
        .collect();
    Arc::new(e)
}

fn exc_kind(name: &str) -> ExcKind {
    ExcKind::by_name(name).unwrap_or(ExcKind::Exception)
}

/// `work()` for a function, the type name for anything else: how a job is labelled.
pub fn callable_label(v: &Value) -> String {
    match v {
        Value::Func(f) => format!("{}()", f.name()),
        Value::Builtin(b) => format!("{}()", b.name()),
        Value::Native(f) => format!("{}()", f.name),
        other => other.type_name().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::control::RunControl;
    use crate::exec::RunOptions;
    use crate::lang::eval::Interp;
    use crate::record::recorder::Clock;

    /// A context whose module body has run. The variables a test reads back are declared
    /// `global`: one that nothing but the module body names lives in a slot of its frame.
    fn module(source: &str) -> Ctx {
        let program = crate::lang::compile(source, crate::modules::REGISTRY).expect("compiles");
        let control = Arc::new(RunControl::new(RunOptions::default(), Clock::start()));
        let ctx = Ctx::new(Arc::new(Interp::new(program.clone(), control, "__main__")));
        assert!(ctx
            .exec_block(&mut Frame::module(program.module_locals), &program.body)
            .is_ok());
        ctx
    }

    fn round_trip(ctx: &Ctx, v: &Value) -> Value {
        let text = serde_json::to_string(&encode(ctx, v).expect("encodes")).expect("serialises");
        let json = serde_json::from_str(&text).expect("parses");
        decode(ctx, &json).expect("decodes")
    }

    #[test]
    fn values_come_back_as_they_left() {
        let ctx = module(
            "global v\nv = [None, True, -3, 2.0, float('inf'), 'a\"b', (1, (2,)), {'k': [1], 2: None}, \
             range(1, 9, 2), ValueError('x', 2), KeyError]\n",
        );
        let v = global(&ctx, "v").expect("v is set");
        assert_eq!(round_trip(&ctx, &v).repr(), v.repr());
    }

    #[test]
    fn functions_cross_by_name_from_module_level_only() {
        let ctx = module(
            "global g, h, lib\nimport time\n\ndef f():\n    return 1\n\ng = lambda: 2\n\ndef outer():\n    \
             def inner():\n        pass\n    return inner\n\nh = outer()\nlib = [print, time.sleep]\n",
        );
        let f = global(&ctx, "f").expect("f is set");
        match (round_trip(&ctx, &f), &f) {
            (Value::Func(back), Value::Func(sent)) => assert!(Arc::ptr_eq(&back, sent)),
            _ => panic!("a function comes back as the same function"),
        }
        let refused = |name: &str| encode(&ctx, &global(&ctx, name).expect("set"));
        assert_eq!(
            refused("g"),
            Err(MarshalError::NotModuleLevel("<lambda>".into()))
        );
        assert_eq!(
            refused("h"),
            Err(MarshalError::NotModuleLevel("inner".into()))
        );
        let lib = global(&ctx, "lib").expect("lib is set");
        assert_eq!(round_trip(&ctx, &lib).repr(), lib.repr());
        let coroutine = module("global x\nasync def c():\n    pass\n\nx = c()\n");
        assert_eq!(
            encode(&coroutine, &global(&coroutine, "x").expect("x is set")),
            Err(MarshalError::Unpicklable("coroutine"))
        );
    }
}
