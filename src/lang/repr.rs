//! `repr()` and `str()` of values, written as CPython writes them. A container met again
//! inside itself is written `[...]`, `(...)` or `{...}` (CPython's `Py_ReprEnter`); nesting
//! deeper than [`MAX_NESTING`] is CPython's `RecursionError`; and the text is reserved
//! fallibly, so that a huge repr is a `MemoryError` instead of an abort.
//!
//! Containers are copied out of their locks before their items are written: writing an item
//! may need the lock of the very container being written.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::sync::Arc;

use super::alloc;
use super::error::{Ctrl, Eval, ExcKind, Exception};
use super::format::float_repr;
use super::special;
use super::value::{identity, IterState, Value, MAX_NESTING};

/// Which of the two texts of a value to write.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Repr,
    Str,
}

/// Why writing stopped.
enum Stop {
    /// Nested too deeply, while getting the `repr` or the `str` of an object.
    TooDeep(&'static str),
    NoMemory,
    /// A class's `__repr__` or `__str__` failed.
    Raised(Ctrl),
}

type Written = Result<(), Stop>;

/// The text as Python's `repr()` or `str()` computes it, failing as they do.
pub fn strict(v: &Value, style: Style) -> Eval<String> {
    let mut w = Writer::new(false);
    match w.top(v, style) {
        Ok(()) => Ok(w.out),
        Err(Stop::TooDeep(what)) => Err(Ctrl::raise(
            ExcKind::RecursionError,
            format!("maximum recursion depth exceeded while getting the {what} of an object"),
        )),
        Err(Stop::NoMemory) => Err(alloc::memory_error()),
        Err(Stop::Raised(ctrl)) => Err(ctrl),
    }
}

/// The text for messages and labels, which cannot fail: a part nested too deeply shows as
/// `...`, and a text that runs out of memory stops where it is.
pub fn lenient(v: &Value, style: Style) -> String {
    let mut w = Writer::new(true);
    let _ = w.top(v, style);
    w.out
}

/// `str(exc)`, for messages.
pub fn exception_message(e: &Arc<Exception>) -> String {
    let mut w = Writer::new(true);
    let _ = w.exception_str(e);
    w.out
}

/// `repr(exc)`, e.g. `ValueError('boom')`, for messages.
pub fn exception_repr(e: &Exception) -> String {
    let mut w = Writer::new(true);
    let _ = w.exception_repr(e);
    w.out
}

/// The identity of the object behind a pointer, for cycle detection.
fn address<T: ?Sized>(p: &T) -> usize {
    p as *const T as *const () as usize
}

thread_local! {
    /// The objects being written on this thread, outermost first (CPython's `Py_ReprEnter`
    /// list): shared by every writer, so a library object's repr that writes the values it
    /// holds still sees the objects around it.
    static ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// A library object's `__repr__` writing the values it holds (a `deque`'s items), entered as
/// CPython's `Py_ReprEnter` enters it: `None` when the same object is being written by its own
/// repr further out already (it then writes itself as `[...]`), otherwise a guard that leaves
/// when dropped. Such entries are marked in the low bit, which no object's address has, so
/// they are told apart from the objects the writer itself walks through.
pub fn enter(v: &Value) -> Option<Entered> {
    let marked = identity(v) | 1;
    if ACTIVE.with_borrow(|a| a.contains(&marked)) {
        return None;
    }
    ACTIVE.with_borrow_mut(|a| a.push(marked));
    Some(Entered(()))
}

/// The guard of [`enter`].
pub struct Entered(());

impl Drop for Entered {
    fn drop(&mut self) {
        ACTIVE.with_borrow_mut(|a| a.pop());
    }
}

struct Writer {
    out: String,
    lenient: bool,
}

impl Writer {
    fn new(lenient: bool) -> Writer {
        Writer {
            out: String::new(),
            lenient,
        }
    }

    fn put(&mut self, s: &str) -> Written {
        alloc::push_str(&mut self.out, s).map_err(|_| Stop::NoMemory)
    }

    fn top(&mut self, v: &Value, style: Style) -> Written {
        match (style, v) {
            (Style::Str, Value::Str(s)) => self.put(s),
            (Style::Str, Value::Exception(e)) => self.exception_str(e),
            (Style::Str, v @ Value::Instance(_)) => self.object(v, true),
            _ => self.value(v),
        }
    }

    /// Writes the object at `id` with `inner`, or `placeholder` if it is being written already.
    fn nested(
        &mut self,
        id: usize,
        placeholder: &str,
        what: &'static str,
        inner: impl FnOnce(&mut Self) -> Written,
    ) -> Written {
        if ACTIVE.with_borrow(|a| a.contains(&id)) {
            return self.put(placeholder);
        }
        self.deeper(id, what, inner)
    }

    /// Writes the object at `id` with `inner`, one level deeper: an object of a user class,
    /// whose `__repr__` may write it again as CPython lets it (until `RecursionError`).
    fn deeper(
        &mut self,
        id: usize,
        what: &'static str,
        inner: impl FnOnce(&mut Self) -> Written,
    ) -> Written {
        if ACTIVE.with_borrow(Vec::len) >= MAX_NESTING {
            return if self.lenient {
                self.put("...")
            } else {
                Err(Stop::TooDeep(what))
            };
        }
        ACTIVE.with_borrow_mut(|a| a.push(id));
        let written = inner(self);
        ACTIVE.with_borrow_mut(|a| a.pop());
        written
    }

    fn value(&mut self, v: &Value) -> Written {
        match v {
            Value::None => self.put("None"),
            Value::Ellipsis => self.put("Ellipsis"),
            Value::Bool(true) => self.put("True"),
            Value::Bool(false) => self.put("False"),
            Value::Int(i) => self.put(&i.to_string()),
            Value::Float(f) => self.put(&float_repr(*f)),
            Value::Str(s) => self.quoted(s),
            Value::Bytes(b) => self.bytes(b),
            Value::List(l) => {
                let items = alloc::to_vec(&l.lock()).map_err(|_| Stop::NoMemory)?;
                self.nested(address(&**l), "[...]", "repr", |w| {
                    w.sequence("[", "]", &items, false)
                })
            }
            Value::Tuple(t) => self.nested(address(&**t), "(...)", "repr", |w| {
                w.sequence("(", ")", t, t.len() == 1)
            }),
            Value::Dict(d) => {
                let kind = d.lock().kind().cloned();
                if let Some(kind) = kind {
                    return self.nested(address(&**d), "...", "repr", |w| {
                        let text = (kind.flavor.repr)(v, &kind).map_err(Stop::Raised)?;
                        w.put(&text)
                    });
                }
                let entries: Vec<(Value, Value)> = {
                    let d = d.lock();
                    let mut entries =
                        alloc::vec_with_capacity(d.len()).map_err(|_| Stop::NoMemory)?;
                    entries.extend(d.values().cloned());
                    entries
                };
                self.nested(address(&**d), "{...}", "repr", |w| w.entries(&entries))
            }
            Value::Set(s) => {
                let items = s.items();
                match (items.is_empty(), s.frozen) {
                    (true, frozen) => self.put(if frozen { "frozenset()" } else { "set()" }),
                    (false, frozen) => self.nested(address(&**s), "...", "repr", |w| {
                        w.put(if frozen { "frozenset(" } else { "" })?;
                        w.sequence("{", "}", &items, false)?;
                        w.put(if frozen { ")" } else { "" })
                    }),
                }
            }
            Value::Exception(e) => {
                self.nested(address(&**e), "...", "repr", |w| w.exception_repr(e))
            }
            Value::Range(r) => {
                let text = if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                };
                self.put(&text)
            }
            Value::Func(f) => self.put(&format!(
                "<function {} at {:#x}>",
                f.qualname(),
                Arc::as_ptr(f) as usize
            )),
            Value::Builtin(b) if b.is_type() => self.put(&format!("<class '{}'>", b.name())),
            Value::Builtin(b) => self.put(&format!("<built-in function {}>", b.name())),
            Value::Method(m) => self.put(&format!("<bound method {}>", m.name)),
            Value::Coro(c) => self.put(&format!("<coroutine object {}>", c.name)),
            Value::ExcType(k) => self.put(&format!("<class '{}'>", k.qualified_name())),
            Value::Module(m) => self.put(&format!("<module '{}'>", m.name())),
            Value::Native(f) => self.put(&format!("<built-in function {}>", f.name)),
            Value::Object(o) => self.nested(address(&***o), "...", "repr", |w| w.put(&o.repr())),
            Value::Iter(state) => {
                let own = match state.try_lock().as_deref() {
                    Some(IterState::Native(native)) => native.repr(),
                    _ => None,
                };
                self.put(&own.unwrap_or_else(|| format!("<{} object>", v.type_name())))
            }
            Value::Class(c) => self.put(&c.repr()),
            Value::Instance(i) => self.deeper(address(&**i), "repr", |w| w.object(v, false)),
            Value::NotImplemented => self.put("NotImplemented"),
        }
    }

    /// An object of a user class, through its class's `__repr__` or `__str__`. Where the text
    /// cannot fail (messages), a failing method shows as the default repr.
    fn object(&mut self, v: &Value, as_str: bool) -> Written {
        match special::text(v, as_str) {
            Ok(text) => self.put(&text),
            Err(_) if self.lenient => self.put(&special::default_repr(v)),
            Err(ctrl) => Err(Stop::Raised(ctrl)),
        }
    }

    fn sequence(
        &mut self,
        open: &str,
        close: &str,
        items: &[Value],
        trailing_comma: bool,
    ) -> Written {
        self.put(open)?;
        for (i, v) in items.iter().enumerate() {
            if i > 0 {
                self.put(", ")?;
            }
            self.value(v)?;
        }
        if trailing_comma {
            self.put(",")?;
        }
        self.put(close)
    }

    fn entries(&mut self, entries: &[(Value, Value)]) -> Written {
        self.put("{")?;
        for (i, (k, v)) in entries.iter().enumerate() {
            if i > 0 {
                self.put(", ")?;
            }
            self.value(k)?;
            self.put(": ")?;
            self.value(v)?;
        }
        self.put("}")
    }

    /// `repr(exc)`: the class name and the arguments' reprs.
    fn exception_repr(&mut self, e: &Exception) -> Written {
        self.put(e.type_name())?;
        self.sequence("(", ")", &e.args(), false)
    }

    /// `str(exc)`: nothing, the one argument's `str` (its `repr` for `KeyError`), or the
    /// arguments as a tuple.
    fn exception_str(&mut self, e: &Arc<Exception>) -> Written {
        if let Some(method) = e.class.as_ref().and_then(|c| c.lookup("__str__")) {
            return match special::call(&method, vec![Value::Exception(e.clone())]) {
                Ok(Value::Str(s)) => self.put(&s),
                Ok(other) => Err(Stop::Raised(Ctrl::raise(
                    ExcKind::TypeError,
                    format!("__str__ returned non-string (type {})", other.type_name()),
                ))),
                Err(ctrl) => Err(Stop::Raised(ctrl)),
            };
        }
        if let Some(text) = super::exception_group::text(e) {
            return self.put(&text);
        }
        match e.args().as_slice() {
            [] => Ok(()),
            [one] if e.kind == ExcKind::KeyError => self.value(one),
            [Value::Str(s)] => self.put(s),
            [Value::Exception(inner)] => {
                self.nested(address(&**inner), "...", "str", |w| w.exception_str(inner))
            }
            [one] => self.value(one),
            many => self.sequence("(", ")", many, false),
        }
    }

    /// Python's string repr: single quotes unless the text has a single quote and no double.
    fn quoted(&mut self, s: &str) -> Written {
        let quote = if s.contains('\'') && !s.contains('"') {
            '"'
        } else {
            '\''
        };
        self.out
            .try_reserve(s.len() + 2)
            .map_err(|_| Stop::NoMemory)?;
        self.out.push(quote);
        for c in s.chars() {
            match c {
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                c if c == quote => {
                    self.out.push('\\');
                    self.out.push(c);
                }
                c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                    let _ = write!(self.out, "\\x{:02x}", c as u32);
                }
                c => self.out.push(c),
            }
        }
        self.out.push(quote);
        Ok(())
    }

    /// Python's bytes repr: `b'...'` with escapes for bytes that are not printable ASCII.
    fn bytes(&mut self, b: &[u8]) -> Written {
        let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
            '"'
        } else {
            '\''
        };
        self.out
            .try_reserve(b.len() + 3)
            .map_err(|_| Stop::NoMemory)?;
        self.out.push('b');
        self.out.push(quote);
        for &c in b {
            match c {
                b'\\' => self.out.push_str("\\\\"),
                b'\n' => self.out.push_str("\\n"),
                b'\r' => self.out.push_str("\\r"),
                b'\t' => self.out.push_str("\\t"),
                c if c as char == quote => {
                    self.out.push('\\');
                    self.out.push(c as char);
                }
                0x20..=0x7e => self.out.push(c as char),
                c => {
                    let _ = write!(self.out, "\\x{c:02x}");
                }
            }
        }
        self.out.push(quote);
        Ok(())
    }
}
