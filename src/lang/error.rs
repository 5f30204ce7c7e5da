//! Python exceptions (kinds, hierarchy, tracebacks) and the control-flow signal of the evaluator.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use parking_lot::Mutex;

use super::class::{Attrs, Class};
use super::repr;
use super::trashcan;
use super::value::Value;
use crate::trace::event::TraceFrame;

macro_rules! exc_kinds {
    ($($kind:ident => $parent:ident),* $(,)?) => {
        /// The built-in exception classes a scenario can raise and catch.
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum ExcKind { BaseException, $($kind),* }

        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[ExcKind::BaseException, $(ExcKind::$kind),*];

            pub fn name(self) -> &'static str {
                match self { ExcKind::BaseException => "BaseException", $(ExcKind::$kind => stringify!($kind)),* }
            }

            /// The direct base class (`BaseException` is its own root).
            pub fn parent(self) -> ExcKind {
                match self { ExcKind::BaseException => ExcKind::BaseException, $(ExcKind::$kind => ExcKind::$parent),* }
            }
        }
    };
}

exc_kinds! {
    Exception => BaseException,
    KeyboardInterrupt => BaseException,
    GeneratorExit => BaseException,
    BaseExceptionGroup => BaseException,
    SystemExit => BaseException,
    CancelledError => BaseException,
    ArithmeticError => Exception,
    ZeroDivisionError => ArithmeticError,
    OverflowError => ArithmeticError,
    MemoryError => Exception,
    LookupError => Exception,
    IndexError => LookupError,
    KeyError => LookupError,
    ValueError => Exception,
    TypeError => Exception,
    NameError => Exception,
    UnboundLocalError => NameError,
    AttributeError => Exception,
    FrozenInstanceError => AttributeError,
    AssertionError => Exception,
    RuntimeError => Exception,
    RecursionError => RuntimeError,
    NotImplementedError => RuntimeError,
    StopIteration => Exception,
    StopAsyncIteration => Exception,
    OSError => Exception,
    TimeoutError => OSError,
    ConnectionError => OSError,
    BrokenPipeError => ConnectionError,
    ConnectionAbortedError => ConnectionError,
    ConnectionRefusedError => ConnectionError,
    ConnectionResetError => ConnectionError,
    FileNotFoundError => OSError,
    FileExistsError => OSError,
    PermissionError => OSError,
    IsADirectoryError => OSError,
    NotADirectoryError => OSError,
    InterruptedError => OSError,
    BlockingIOError => OSError,
    ChildProcessError => OSError,
    ProcessLookupError => OSError,
    EOFError => Exception,
    UnicodeError => ValueError,
    BufferError => Exception,
    InvalidStateError => Exception,
    ExceptionGroup => Exception,
}

impl ExcKind {
    /// `issubclass(self, other)`.
    pub fn is_subclass_of(self, other: ExcKind) -> bool {
        // `ExceptionGroup` derives from `BaseExceptionGroup` too.
        if self == ExcKind::ExceptionGroup && other == ExcKind::BaseExceptionGroup {
            return true;
        }
        let mut k = self;
        loop {
            if k == other {
                return true;
            }
            if k == ExcKind::BaseException {
                return false;
            }
            k = k.parent();
        }
    }

    /// The name as `repr(cls)` shows it (`asyncio.exceptions.CancelledError`).
    pub fn qualified_name(self) -> String {
        match self {
            ExcKind::CancelledError | ExcKind::InvalidStateError => {
                format!("asyncio.exceptions.{}", self.name())
            }
            ExcKind::FrozenInstanceError => format!("dataclasses.{}", self.name()),
            _ => self.name().to_string(),
        }
    }

    pub fn by_name(name: &str) -> Option<ExcKind> {
        ExcKind::ALL.iter().copied().find(|k| k.name() == name)
    }
}

/// A raised (or created) exception object.
pub struct Exception {
    /// The built-in class, or the built-in class a user class derives from.
    pub kind: ExcKind,
    /// The class a `class` statement made, for exceptions of user classes.
    pub class: Option<Arc<Class>>,
    /// `args`, which `BaseException.__init__` can set again.
    pub args: Mutex<Vec<Value>>,
    /// Attributes set on the exception (`self.attempts = n` in its `__init__`).
    pub attrs: Mutex<Attrs>,
    /// Frames the exception passed through, outermost first (as a traceback prints them).
    pub traceback: Mutex<Vec<TraceFrame>>,
    /// Depth of the innermost frame already in the traceback (0 = none yet).
    traced_depth: AtomicU32,
}

impl Exception {
    pub fn new(kind: ExcKind, message: impl Into<String>) -> Exception {
        Exception::with_args(kind, vec![Value::str(&message.into())])
    }

    pub fn with_args(kind: ExcKind, args: Vec<Value>) -> Exception {
        Exception {
            kind,
            class: None,
            args: Mutex::new(args),
            attrs: Mutex::new(Attrs::new()),
            traceback: Mutex::new(Vec::new()),
            traced_depth: AtomicU32::new(u32::MAX),
        }
    }

    /// An exception of a user class deriving from `kind`.
    pub fn of_class(kind: ExcKind, class: Arc<Class>, args: Vec<Value>) -> Exception {
        let mut e = Exception::with_args(kind, args);
        e.class = Some(class);
        e
    }

    /// The arguments it was created with (or set to by `__init__`).
    pub fn args(&self) -> Vec<Value> {
        self.args.lock().clone()
    }

    /// Its class name: `ValueError`, or the user class's.
    pub fn type_name(&self) -> &'static str {
        match &self.class {
            Some(c) => c.name,
            None => self.kind.name(),
        }
    }

    /// The class name as tracebacks show it (`asyncio.exceptions.CancelledError`, `RetryError`).
    pub fn qualified_name(&self) -> String {
        match &self.class {
            Some(c) => c.qualname.to_string(),
            None => self.kind.qualified_name(),
        }
    }

    /// Whether an `except` naming user class `class` catches it.
    /// Sets attribute `name` (`__cause__`, or one a class's `__init__` sets).
    pub fn set_attr(&self, name: &str, value: Value) {
        let old = self.attrs.lock().insert(Arc::from(name), value);
        drop(old);
    }

    pub fn is_instance_of(&self, class: &Arc<Class>) -> bool {
        self.class.as_ref().is_some_and(|c| c.derives_from(class))
    }

    /// `str(exc)`.
    pub fn message(self: &Arc<Self>) -> String {
        repr::exception_message(self)
    }

    /// `repr(exc)`, e.g. `ValueError('boom')`.
    pub fn repr(&self) -> String {
        repr::exception_repr(self)
    }

    /// The last line of a traceback: `ValueError: boom`.
    pub fn summary_line(self: &Arc<Self>) -> String {
        let message = self.message();
        let name = self.qualified_name();
        if message.is_empty() {
            name
        } else {
            format!("{name}: {message}")
        }
    }

    /// Records the frame at `depth` as the exception unwinds through it. Only the innermost
    /// statement of each frame counts, so nested blocks and re-raises keep the original line.
    pub fn enter_frame(&self, depth: u32, function: &str, line: u32) {
        let traced = self.traced_depth.load(Ordering::Relaxed);
        if traced != u32::MAX && depth >= traced {
            return;
        }
        self.traced_depth.store(depth, Ordering::Relaxed);
        self.traceback.lock().insert(
            0,
            TraceFrame {
                function: function.to_string(),
                line,
            },
        );
    }

    /// Names the frame at `depth` that [`Exception::enter_frame`] recorded without a name, as
    /// the exception leaves that frame's call.
    pub fn name_frame(&self, depth: u32, function: &str) {
        if self.traced_depth.load(Ordering::Relaxed) != depth {
            return;
        }
        if let Some(entry) = self.traceback.lock().first_mut() {
            if entry.function.is_empty() {
                entry.function = function.to_string();
            }
        }
    }
}

/// Exceptions can hold each other (`ValueError(previous)`), so their arguments are released
/// through the trashcan.
impl Drop for Exception {
    fn drop(&mut self) {
        trashcan::bury(std::mem::take(self.args.get_mut()));
        trashcan::bury(std::mem::take(self.attrs.get_mut()).into_values());
    }
}

/// Why evaluation stopped early: an exception, a jump, or the run being aborted.
pub enum Signal {
    Raise(Arc<Exception>),
    Return(Value),
    Break,
    Continue,
    /// The run hit a limit or was cancelled; never catchable by the scenario.
    Abort(Abort),
}

/// A [`Signal`] behind one pointer, so `Result<Value, Ctrl>` is no bigger than a `Value`: the
/// evaluator's hot paths return one from every expression.
pub struct Ctrl(Box<Signal>);

/// Why a run was aborted from outside the program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Abort {
    Cancelled,
    Limit(String),
}

impl Ctrl {
    pub fn new(signal: Signal) -> Ctrl {
        Ctrl(Box::new(signal))
    }

    pub fn raise(kind: ExcKind, message: impl Into<String>) -> Ctrl {
        Ctrl::exc(Arc::new(Exception::new(kind, message)))
    }

    pub fn exc(e: Arc<Exception>) -> Ctrl {
        Ctrl::new(Signal::Raise(e))
    }

    pub fn abort(a: Abort) -> Ctrl {
        Ctrl::new(Signal::Abort(a))
    }

    pub fn signal(&self) -> &Signal {
        &self.0
    }

    pub fn into_signal(self) -> Signal {
        *self.0
    }

    /// The exception being raised, if this is one.
    pub fn exception(&self) -> Option<&Arc<Exception>> {
        match &*self.0 {
            Signal::Raise(e) => Some(e),
            _ => None,
        }
    }
}

/// What a loop does after running its body once.
pub fn loop_step(result: Eval<()>) -> Eval<bool> {
    match result {
        Ok(()) => Ok(true),
        Err(c) => match *c.0 {
            Signal::Break => Ok(false),
            Signal::Continue => Ok(true),
            other => Err(Ctrl::new(other)),
        },
    }
}

/// The value a function body produced: its `return` value, or `None` if it ran off the end.
pub fn returned(result: Eval<()>) -> Eval {
    match result {
        Ok(()) => Ok(Value::None),
        Err(c) if matches!(*c.0, Signal::Return(_)) => match *c.0 {
            Signal::Return(v) => Ok(v),
            _ => unreachable!("matched a return"),
        },
        Err(c) => Err(c),
    }
}

impl From<Exception> for Ctrl {
    fn from(e: Exception) -> Ctrl {
        Ctrl::exc(Arc::new(e))
    }
}

pub type Eval<T = Value> = Result<T, Ctrl>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evaluation_results_cost_no_more_than_a_value() {
        // Two words: returned in registers, and a third smaller in every container.
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
        assert_eq!(std::mem::size_of::<Eval>(), std::mem::size_of::<Value>());
        assert_eq!(std::mem::size_of::<Eval<()>>(), 8);
    }
}
