//! Callable objects (functions, bound methods, coroutines), frames and argument binding.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use parking_lot::Mutex;
use smallvec::SmallVec;

use super::error::{Ctrl, Eval, ExcKind};
use super::eval::Ctx;
use super::ir::{FuncDef, Var};
use super::special;
use super::trashcan;
use super::value::{Dict, Value};
use crate::trace::event::DiagnosticKind;

/// A variable shared between a function and the inner functions that capture it.
pub type CellRef = Arc<Mutex<Option<Value>>>;

/// A function object: compiled code plus its defaults and captured cells.
pub struct Function {
    pub def: Arc<FuncDef>,
    pub defaults: Vec<Value>,
    pub closure: Vec<CellRef>,
    /// Set by `functools.wraps`: the function this one wraps, whose names it shows.
    pub wraps: Option<Arc<Wrapped>>,
}

/// What `functools.wraps(f)` copies onto a wrapper: `f`'s names, and `f` as `__wrapped__`.
pub struct Wrapped {
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    pub doc: Value,
    pub function: Value,
}

impl Function {
    /// `__name__`: the `def`'s, or the wrapped function's.
    pub fn name(&self) -> &Arc<str> {
        self.wraps.as_ref().map_or(&self.def.name, |w| &w.name)
    }

    /// `__qualname__`, which reprs and argument errors show.
    pub fn qualname(&self) -> &Arc<str> {
        self.wraps
            .as_ref()
            .map_or(&self.def.qualname, |w| &w.qualname)
    }

    /// This function (same code, defaults and cells) showing the names of `wrapped`.
    pub fn wrapping(&self, wrapped: Wrapped) -> Function {
        Function {
            def: self.def.clone(),
            defaults: self.defaults.clone(),
            closure: self.closure.clone(),
            wraps: Some(Arc::new(wrapped)),
        }
    }
}

/// Functions can hold each other through defaults and cells (`f = lambda g=f: g`), so what
/// they hold is released through the trashcan.
impl Drop for Function {
    fn drop(&mut self) {
        let cells = std::mem::take(&mut self.closure);
        trashcan::bury(
            std::mem::take(&mut self.defaults)
                .into_iter()
                .chain(cells.into_iter().filter_map(unique_cell_value)),
        );
    }
}

/// The value in a cell no one else refers to.
fn unique_cell_value(cell: CellRef) -> Option<Value> {
    Arc::try_unwrap(cell).ok().and_then(Mutex::into_inner)
}

/// `obj.method` looked up but not yet called: a method of a built-in type called by name,
/// or a class's `function` called with the receiver first.
pub struct BoundMethod {
    pub receiver: Value,
    pub name: Arc<str>,
    pub function: Option<Value>,
}

/// Positional and keyword arguments of one call.
#[derive(Default)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Arc<str>, Value)>,
}

impl Args {
    pub fn positional(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }

    /// Adds keyword argument `name`. One given twice (a `**` spread can repeat one) is
    /// CPython's `TypeError`, naming `callee`.
    pub fn keyword(
        &mut self,
        name: Arc<str>,
        value: Value,
        callee: &dyn Fn() -> String,
    ) -> Eval<()> {
        if self.kw.iter().any(|(k, _)| *k == name) {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                format!(
                    "{} got multiple values for keyword argument '{name}'",
                    callee()
                ),
            ));
        }
        self.kw.push((name, value));
        Ok(())
    }

    /// Spreads `**mapping` into keyword arguments.
    pub fn spread(&mut self, mapping: &Value, callee: &dyn Fn() -> String) -> Eval<()> {
        let Value::Dict(dict) = mapping else {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                format!(
                    "{} argument after ** must be a mapping, not {}",
                    callee(),
                    mapping.type_name()
                ),
            ));
        };
        let items: Vec<(Value, Value)> = dict.lock().values().cloned().collect();
        for (key, value) in items {
            let Value::Str(name) = key else {
                return Err(Ctrl::raise(ExcKind::TypeError, "keywords must be strings"));
            };
            self.keyword(Arc::from(name), value, callee)?;
        }
        Ok(())
    }

    /// Removes and returns keyword argument `name`.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let ix = self.kw.iter().position(|(k, _)| &**k == name)?;
        Some(self.kw.remove(ix).1)
    }

    /// Fails with a `TypeError` naming the first keyword argument `function` does not take.
    pub fn no_more_kw(&self, function: &str) -> Eval<()> {
        match self.kw.first() {
            Some((k, _)) => Err(Ctrl::raise(
                ExcKind::TypeError,
                format!("{function}() got an unexpected keyword argument '{k}'"),
            )),
            None => Ok(()),
        }
    }
}

/// A frame's local slots. Most functions have a handful, which live inside the frame: a call
/// then allocates nothing for them.
pub type Locals = SmallVec<[Option<Value>; 4]>;

/// The variables of one running function.
pub struct Frame {
    pub locals: Locals,
    pub cells: Vec<CellRef>,
    /// The function's name as tracebacks show it (`<module>` at top level). `None` in the
    /// frame of a plain call, which names itself in the traceback as an exception leaves it:
    /// a name kept here would cost every call a reference count.
    pub function: Option<Arc<str>>,
    /// Call depth, for the recursion limit and for tracebacks.
    pub depth: u32,
    /// Exceptions being handled by enclosing `except` blocks (a bare `raise` re-raises the last).
    pub handling: Vec<Arc<super::error::Exception>>,
}

/// A frame that outlives its call (in a coroutine never run) can hold coroutines that hold
/// frames, so its variables are released through the trashcan.
impl Drop for Frame {
    fn drop(&mut self) {
        // The common frame holds only numbers and strings: nothing to queue.
        if self.cells.is_empty() && !self.locals.iter().flatten().any(Value::may_release_values) {
            return;
        }
        let cells = std::mem::take(&mut self.cells);
        trashcan::bury(
            std::mem::take(&mut self.locals)
                .into_iter()
                .flatten()
                .chain(cells.into_iter().filter_map(unique_cell_value)),
        );
    }
}

impl Frame {
    /// The frame a module body runs in: its names are globals, its `n_locals` slots hold the
    /// variables of its comprehensions.
    pub fn module(n_locals: u32) -> Frame {
        Frame {
            locals: Locals::from_elem(None, n_locals as usize),
            cells: Vec::new(),
            function: Some(Arc::from("<module>")),
            depth: 0,
            handling: Vec::new(),
        }
    }
}

impl Function {
    /// Creates the frame for a call, binding arguments to parameters as Python does.
    pub fn bind(&self, mut args: Args) -> Eval<Frame> {
        let def = &self.def;
        if def.positional_only_slots && args.kw.is_empty() && args.pos.len() == def.params.len() {
            return Ok(self.frame_of_arguments(args.pos));
        }
        let mut frame = Frame {
            locals: Locals::from_elem(None, def.n_locals as usize),
            cells: self.new_cells(),
            function: None,
            depth: 0,
            handling: Vec::new(),
        };
        let mut positional = def.params.iter().filter(|p| !p.kw_only);
        let mut extra = Vec::new();
        for value in args.pos.drain(..) {
            match positional.next() {
                Some(p) => store(&mut frame, p.var, value),
                None => extra.push(value),
            }
        }
        match def.varargs {
            Some(v) => store(&mut frame, v, Value::tuple(extra)),
            None if !extra.is_empty() => {
                let takes = def.params.iter().filter(|p| !p.kw_only).count();
                return Err(self.arity_error(takes, takes + extra.len()));
            }
            None => {}
        }
        let mut extra_kw = Dict::default();
        for (name, value) in args.kw.drain(..) {
            let Some(p) = def.params.iter().find(|p| p.name == name) else {
                if def.kwargs.is_none() {
                    return Err(Ctrl::raise(
                        ExcKind::TypeError,
                        format!(
                            "{}() got an unexpected keyword argument '{name}'",
                            self.qualname()
                        ),
                    ));
                }
                let key = Value::Str(name.into());
                extra_kw.insert(key.key()?, (key, value));
                continue;
            };
            if is_bound(&frame, p.var) {
                return Err(Ctrl::raise(
                    ExcKind::TypeError,
                    format!(
                        "{}() got multiple values for argument '{name}'",
                        self.qualname()
                    ),
                ));
            }
            store(&mut frame, p.var, value);
        }
        for p in &def.params {
            if is_bound(&frame, p.var) {
                continue;
            }
            match p.default {
                Some(ix) => store(&mut frame, p.var, self.defaults[ix].clone()),
                None => {
                    return Err(Ctrl::raise(
                        ExcKind::TypeError,
                        format!(
                            "{}() missing 1 required positional argument: '{}'",
                            self.qualname(),
                            p.name
                        ),
                    ))
                }
            }
        }
        if let Some(v) = def.kwargs {
            store(&mut frame, v, Value::dict(extra_kw));
        }
        Ok(frame)
    }

    /// How many positional arguments a call of this function binds by moving them into its
    /// first local slots, if it is a plain function (no generator, no coroutine) that
    /// binds so.
    #[inline]
    pub fn plain_arity(&self) -> Option<usize> {
        let def = &self.def;
        (def.positional_only_slots && !def.is_generator && !def.is_async)
            .then_some(def.params.len())
    }

    /// The frame of a call whose arguments fill the first local slots, in order.
    fn frame_of_arguments(&self, arguments: Vec<Value>) -> Frame {
        let mut locals: Locals = arguments.into_iter().map(Some).collect();
        locals.resize(self.def.n_locals as usize, None);
        self.frame_with(locals)
    }

    /// The frame of a call with these local slots.
    pub fn frame_with(&self, locals: Locals) -> Frame {
        Frame {
            locals,
            cells: self.new_cells(),
            function: None,
            depth: 0,
            handling: Vec::new(),
        }
    }

    /// A call's cells: its own, empty, then the ones it closes over.
    fn new_cells(&self) -> Vec<CellRef> {
        if self.def.n_own_cells == 0 && self.closure.is_empty() {
            return Vec::new();
        }
        (0..self.def.n_own_cells)
            .map(|_| Arc::new(Mutex::new(None)))
            .chain(self.closure.iter().cloned())
            .collect()
    }

    fn arity_error(&self, takes: usize, given: usize) -> Ctrl {
        let plural = if takes == 1 { "" } else { "s" };
        let verb = if given == 1 { "was" } else { "were" };
        Ctrl::raise(
            ExcKind::TypeError,
            format!(
                "{}() takes {takes} positional argument{plural} but {given} {verb} given",
                self.qualname()
            ),
        )
    }
}

fn store(frame: &mut Frame, var: Var, value: Value) {
    match var {
        Var::Local(i) => frame.locals[i as usize] = Some(value),
        Var::Cell(i) => *frame.cells[i as usize].lock() = Some(value),
        Var::Global(_) | Var::Builtin(_) => unreachable!("parameters are always local"),
    }
}

fn is_bound(frame: &Frame, var: Var) -> bool {
    match var {
        Var::Local(i) => frame.locals[i as usize].is_some(),
        Var::Cell(i) => frame.cells[i as usize].lock().is_some(),
        Var::Global(_) | Var::Builtin(_) => false,
    }
}

/// The code a coroutine runs: a Python `async def` body, or a native asyncio coroutine
/// (`asyncio.sleep`, `asyncio.wait_for`, ...).
pub enum CoroBody {
    Python { func: Arc<Function>, frame: Frame },
    Native(NativeCoro),
}

/// Builds the future of a native coroutine when it is first awaited.
pub type NativeCoro = Box<dyn FnOnce(Ctx) -> Pin<Box<dyn Future<Output = Eval>>> + Send>;

/// A coroutine object: an `async def` called but not yet (or partly) run.
pub struct Coroutine {
    /// The function name, as warnings show it (`fetch`).
    pub name: Arc<str>,
    /// What the timeline calls it, e.g. `fetch(2)`.
    pub label: Arc<str>,
    /// Line of the call that created it.
    pub line: u32,
    /// Line of the `async def` (0 for native coroutines).
    pub def_line: u32,
    body: Mutex<Option<CoroBody>>,
    started: AtomicBool,
}

impl Coroutine {
    pub fn python(func: Arc<Function>, frame: Frame, args_repr: &str, line: u32) -> Coroutine {
        Coroutine {
            name: func.name().clone(),
            label: Arc::from(format!("{}({args_repr})", func.name())),
            line,
            def_line: func.def.line,
            body: Mutex::new(Some(CoroBody::Python { func, frame })),
            started: AtomicBool::new(false),
        }
    }

    pub fn native(name: &str, label: Arc<str>, line: u32, body: NativeCoro) -> Coroutine {
        Coroutine {
            name: Arc::from(name),
            label,
            line,
            def_line: 0,
            body: Mutex::new(Some(CoroBody::Native(body))),
            started: AtomicBool::new(false),
        }
    }

    /// Takes the body to run it; a coroutine runs at most once.
    pub fn start(&self) -> Eval<CoroBody> {
        self.started.store(true, Ordering::Relaxed);
        self.body.lock().take().ok_or_else(|| {
            Ctrl::raise(
                ExcKind::RuntimeError,
                "cannot reuse already awaited coroutine",
            )
        })
    }

    /// Marks the coroutine as handled without running it (e.g. a task cancelled before its
    /// first step), so no "never awaited" warning is reported.
    pub fn close(&self) {
        self.started.store(true, Ordering::Relaxed);
        self.body.lock().take();
    }
}

impl Drop for Coroutine {
    fn drop(&mut self) {
        if !self.started.load(Ordering::Relaxed) {
            if let Some(host) = special::host() {
                host.diagnostic(
                    DiagnosticKind::NeverAwaited,
                    format!(
                        "coroutine '{}' was created and never awaited: await it, or wrap it in asyncio.create_task()",
                        self.name
                    ),
                    self.line,
                );
            }
        }
    }
}

/// How CPython names a callable in argument errors: `__main__.f()`, `print()`.
pub fn callee_str(func: &Value) -> String {
    match func {
        Value::Func(f) => format!("__main__.{}()", f.qualname()),
        Value::Builtin(b) => format!("{}()", b.name()),
        Value::Native(n) => format!("{}()", n.name),
        Value::Method(m) => format!("{}.{}()", m.receiver.type_name(), m.name),
        other => format!("{} object", other.type_name()),
    }
}
