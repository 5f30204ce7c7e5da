//! Runtime values of the scenario language: Python objects as a cheap-to-clone enum.
//!
//! Everything a value points to is `Send + Sync` (containers behind `parking_lot::Mutex`), so
//! values can cross to other threads of the same run.

use std::fmt::Write as _;
use std::sync::Arc;

use indexmap::IndexMap;
use parking_lot::Mutex;

use super::builtins::Builtin;
use super::error::{Ctrl, Eval, ExcKind, Exception};
use super::format::float_repr;
use super::function::{BoundMethod, Coroutine, Function};
use super::num;
use super::object::{NativeFn, PyObject};
use crate::exec::objects::{FutureObj, LoopObj, TaskObj};

/// A Python object.
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Arc<str>),
    List(Arc<Mutex<Vec<Value>>>),
    Tuple(Arc<[Value]>),
    Dict(Arc<Mutex<Dict>>),
    Range(Arc<RangeObj>),
    Iter(Arc<Mutex<IterState>>),
    Func(Arc<Function>),
    Builtin(Builtin),
    Method(Arc<BoundMethod>),
    Coro(Arc<Coroutine>),
    Task(Arc<TaskObj>),
    Future(Arc<FutureObj>),
    Loop(Arc<LoopObj>),
    Exception(Arc<Exception>),
    ExcType(ExcKind),
    Module(Module),
    Bytes(Arc<[u8]>),
    Native(&'static NativeFn),
    Object(Arc<dyn PyObject>),
}

impl Clone for Value {
    /// Scalars are copied inline; only reference-counted objects take the slow path.
    #[inline]
    fn clone(&self) -> Value {
        match self {
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::Bool(b) => Value::Bool(*b),
            Value::None => Value::None,
            other => other.clone_object(),
        }
    }
}

impl Value {
    #[inline(never)]
    fn clone_object(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::Str(s) => Value::Str(s.clone()),
            Value::List(l) => Value::List(l.clone()),
            Value::Tuple(t) => Value::Tuple(t.clone()),
            Value::Dict(d) => Value::Dict(d.clone()),
            Value::Range(r) => Value::Range(r.clone()),
            Value::Iter(i) => Value::Iter(i.clone()),
            Value::Func(f) => Value::Func(f.clone()),
            Value::Builtin(b) => Value::Builtin(*b),
            Value::Method(m) => Value::Method(m.clone()),
            Value::Coro(c) => Value::Coro(c.clone()),
            Value::Task(t) => Value::Task(t.clone()),
            Value::Future(f) => Value::Future(f.clone()),
            Value::Loop(l) => Value::Loop(l.clone()),
            Value::Exception(e) => Value::Exception(e.clone()),
            Value::ExcType(k) => Value::ExcType(*k),
            Value::Module(m) => Value::Module(*m),
            Value::Bytes(b) => Value::Bytes(b.clone()),
            Value::Native(f) => Value::Native(f),
            Value::Object(o) => Value::Object(o.clone()),
        }
    }
}

/// The modules a scenario can import.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Module {
    Asyncio,
    Time,
    Threading,
    Sys,
    Os,
    Multiprocessing,
    Concurrent,
    ConcurrentFutures,
    Hashlib,
}

/// `range(start, stop, step)`.
pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many ints the range holds: up to 2^64 - 1, more than `len()` can answer.
    pub fn len(&self) -> u64 {
        let (lo, hi, step) = self.wide();
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / -step + 1
        } else {
            0
        };
        n as u64
    }

    /// The `i`-th int (`i < len()`, so it lies between start and stop and fits).
    pub fn item(&self, i: u64) -> i64 {
        let (lo, _, step) = self.wide();
        (lo + step * i128::from(i)) as i64
    }

    /// `i in range`.
    pub fn contains(&self, i: i64) -> bool {
        let (lo, hi, step) = self.wide();
        let i = i128::from(i);
        let in_bounds = if step > 0 {
            lo <= i && i < hi
        } else {
            hi < i && i <= lo
        };
        in_bounds && (i - lo) % step == 0
    }

    fn wide(&self) -> (i128, i128, i128) {
        (
            i128::from(self.start),
            i128::from(self.stop),
            i128::from(self.step),
        )
    }
}

/// The state of an iterator over a snapshot of a container (Python iterates live lists; the
/// scenarios never mutate a list while iterating it, so a snapshot is indistinguishable).
pub enum IterState {
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Items {
        items: Arc<[Value]>,
        pos: usize,
    },
    Enumerate {
        inner: Box<IterState>,
        /// The next count; `None` once it no longer fits in 64 bits.
        count: Option<i64>,
    },
    Zip(Vec<IterState>),
    /// An iterator object iterated again: stepped in place, so a loop that breaks out of it
    /// leaves the rest in it, as in Python.
    Shared(Arc<Mutex<IterState>>),
    /// Items native code produces as they become available (futures as they complete).
    Native(Arc<dyn NativeIter>),
}

/// An iterator implemented natively, whose next item may have to be waited for (its lane
/// shows the wait, without the GIL, as a generator blocked in CPython would).
pub trait NativeIter: Send + Sync {
    fn next_item(&self) -> Eval<Option<Value>>;
}

impl IterState {
    /// The next item, `None` once exhausted; waiting for a native item can fail.
    #[inline]
    pub fn next_value(&mut self) -> Eval<Option<Value>> {
        Ok(match self {
            IterState::Range { next, stop, step } => {
                let more = if *step > 0 {
                    *next < *stop
                } else {
                    *next > *stop
                };
                if !more {
                    return Ok(None);
                }
                let v = *next;
                // Past the last item the next one may not fit; the range is then over.
                *next = next.checked_add(*step).unwrap_or(*stop);
                Some(Value::Int(v))
            }
            IterState::Items { items, pos } => {
                let v = items.get(*pos).cloned();
                *pos += usize::from(v.is_some());
                v
            }
            IterState::Enumerate { inner, count } => {
                let Some(v) = inner.next_value()? else {
                    return Ok(None);
                };
                let i = count.ok_or_else(num::int_overflow)?;
                *count = i.checked_add(1);
                Some(Value::tuple(vec![Value::Int(i), v]))
            }
            IterState::Zip(iters) => {
                let mut items = Vec::with_capacity(iters.len());
                for it in iters.iter_mut() {
                    let Some(v) = it.next_value()? else {
                        return Ok(None);
                    };
                    items.push(v);
                }
                Some(Value::tuple(items))
            }
            // Only a thread stepping the same iterator while it waits for a native item can
            // find it locked: CPython refuses that with the same error for its generators.
            IterState::Shared(shared) => match shared.try_lock() {
                Some(mut state) => return state.next_value(),
                None => {
                    return Err(Ctrl::raise(
                        ExcKind::ValueError,
                        "generator already executing",
                    ))
                }
            },
            IterState::Native(native) => return native.next_item(),
        })
    }
}

/// A hashable dictionary key. Python makes `1`, `1.0` and `True` the same key; so do we.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum Key {
    None,
    Int(i64),
    FloatBits(u64),
    Str(Arc<str>),
    Bytes(Arc<[u8]>),
    Tuple(Vec<Key>),
}

pub type Dict = IndexMap<Key, (Value, Value)>;

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Arc::from(s))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Arc::from(items))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Arc::new(Mutex::new(items)))
    }

    /// The Python type name, as `type(x).__name__` prints it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Range(_) => "range",
            Value::Iter(_) => "iterator",
            Value::Func(_) => "function",
            Value::Builtin(_) => "builtin_function_or_method",
            Value::Method(_) => "method",
            Value::Coro(_) => "coroutine",
            Value::Task(_) => "Task",
            Value::Future(_) => "Future",
            Value::Loop(_) => "_UnixSelectorEventLoop",
            Value::Exception(e) => e.kind.name(),
            Value::ExcType(_) => "type",
            Value::Module(_) => "module",
            Value::Bytes(_) => "bytes",
            Value::Native(_) => "builtin_function_or_method",
            Value::Object(o) => o.type_name(),
        }
    }

    #[inline]
    pub fn truthy(&self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.lock().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.lock().is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            _ => true,
        }
    }

    /// The dictionary key for this value, or a `TypeError` for unhashable values.
    pub fn key(&self) -> Result<Key, Exception> {
        Ok(match self {
            Value::None => Key::None,
            Value::Bool(b) => Key::Int(*b as i64),
            Value::Int(i) => Key::Int(*i),
            Value::Float(f) => match num::exact_int(*f) {
                Some(i) => Key::Int(i),
                None => Key::FloatBits(f.to_bits()),
            },
            Value::Str(s) => Key::Str(s.clone()),
            Value::Bytes(b) => Key::Bytes(b.clone()),
            Value::Tuple(t) => Key::Tuple(t.iter().map(Value::key).collect::<Result<_, _>>()?),
            other => {
                return Err(Exception::new(
                    ExcKind::TypeError,
                    format!("unhashable type: '{}'", other.type_name()),
                ))
            }
        })
    }

    /// `str(x)`.
    pub fn to_str(&self) -> String {
        match self {
            Value::Str(s) => s.to_string(),
            Value::Exception(e) => e.message(),
            _ => self.repr(),
        }
    }

    /// `repr(x)`.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    fn write_repr(&self, out: &mut String) {
        match self {
            Value::None => out.push_str("None"),
            Value::Bool(true) => out.push_str("True"),
            Value::Bool(false) => out.push_str("False"),
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::Float(f) => out.push_str(&float_repr(*f)),
            Value::Str(s) => write_str_repr(out, s),
            Value::List(l) => write_seq(out, "[", "]", &l.lock(), false),
            Value::Tuple(t) => write_seq(out, "(", ")", t, t.len() == 1),
            Value::Dict(d) => {
                out.push('{');
                for (i, (k, v)) in d.lock().values().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    k.write_repr(out);
                    out.push_str(": ");
                    v.write_repr(out);
                }
                out.push('}');
            }
            Value::Range(r) => {
                let _ = if r.step == 1 {
                    write!(out, "range({}, {})", r.start, r.stop)
                } else {
                    write!(out, "range({}, {}, {})", r.start, r.stop, r.step)
                };
            }
            Value::Func(f) => {
                let _ = write!(out, "<function {}>", f.def.name);
            }
            Value::Builtin(b) => {
                let _ = write!(out, "<built-in function {}>", b.name());
            }
            Value::Method(m) => {
                let _ = write!(out, "<bound method {}>", m.name);
            }
            Value::Coro(c) => {
                let _ = write!(out, "<coroutine object {}>", c.name);
            }
            Value::Task(t) => out.push_str(&t.repr()),
            Value::Future(f) => out.push_str(&f.repr()),
            Value::Exception(e) => out.push_str(&e.repr()),
            Value::ExcType(k) => {
                let _ = write!(out, "<class '{}'>", k.qualified_name());
            }
            Value::Module(m) => {
                let _ = write!(out, "<module '{}'>", m.name());
            }
            Value::Bytes(b) => write_bytes_repr(out, b),
            Value::Native(f) => {
                let _ = write!(out, "<built-in function {}>", f.name);
            }
            Value::Object(o) => out.push_str(&o.repr()),
            Value::Iter(_) | Value::Loop(_) => {
                let _ = write!(out, "<{} object>", self.type_name());
            }
        }
    }
}

impl Module {
    pub fn name(self) -> &'static str {
        match self {
            Module::Asyncio => "asyncio",
            Module::Time => "time",
            Module::Threading => "threading",
            Module::Sys => "sys",
            Module::Os => "os",
            Module::Multiprocessing => "multiprocessing",
            Module::Concurrent => "concurrent",
            Module::ConcurrentFutures => "concurrent.futures",
            Module::Hashlib => "hashlib",
        }
    }

    /// The module an `import` statement names, if scenarios may import it.
    pub fn by_name(name: &str) -> Option<Module> {
        [
            Module::Asyncio,
            Module::Time,
            Module::Threading,
            Module::Sys,
            Module::Os,
            Module::Multiprocessing,
            Module::Concurrent,
            Module::ConcurrentFutures,
            Module::Hashlib,
        ]
        .into_iter()
        .find(|m| m.name() == name)
    }
}

/// Python's bytes repr: `b'...'` with escapes for non-printable bytes.
fn write_bytes_repr(out: &mut String, b: &[u8]) {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote);
}

fn write_seq(out: &mut String, open: &str, close: &str, items: &[Value], trailing_comma: bool) {
    out.push_str(open);
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        v.write_repr(out);
    }
    if trailing_comma {
        out.push(',');
    }
    out.push_str(close);
}

/// Python's string repr: single quotes unless the text contains a single quote and no double.
fn write_str_repr(out: &mut String, s: &str) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}
