//! What the interpreter core asks of whoever runs it: the runtime of a real run (`exec`), or
//! the stub host of the language's unit tests. The core knows nothing of event loops, threads
//! or processes; everything it needs from outside goes through [`Host`].

use std::any::Any;
use std::cell::Cell;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use super::error::Eval;
use super::ir::AwaitSite;
use crate::trace::event::DiagnosticKind;

/// How often (in loop iterations and calls) the evaluator asks its host whether to stop.
const CHECK_EVERY: u32 = 4096;

/// The services a program needs from its surroundings.
pub trait Host: Any + Send + Sync {
    /// CPython's eval breaker: the flag the GIL sets when another thread asks for the lock. The
    /// evaluator reads it at every checkpoint and calls [`Host::yield_gil`] once it is set.
    fn eval_breaker(&self) -> Arc<AtomicBool>;

    /// Hands the interpreter lock to the thread that asked for it, and waits to get it back.
    fn yield_gil(&self);

    /// Fails with an abort once the run must stop (cancelled, out of time); called every few
    /// thousand steps, so it may look at the clock.
    fn check(&self) -> Eval<()>;

    /// How many frames deep calls may nest before `RecursionError`.
    fn recursion_limit(&self) -> usize;

    /// Takes what `print` wrote at `line` (the limit on output applies here).
    fn write_output(&self, text: &str, line: u32) -> Eval<()>;

    /// Reports something the program did that is legal but likely a mistake (a coroutine
    /// never awaited), at `line`.
    fn diagnostic(&self, kind: DiagnosticKind, message: String, line: u32);

    /// Nanoseconds since the run started, on the run's one clock.
    fn now_ns(&self) -> u64;

    /// The task running on this thread is about to await at `site` (what its lane shows while
    /// it is suspended there).
    fn awaiting(&self, site: &AwaitSite);

    /// What `__file__` reads.
    fn script_path(&self) -> &str;
}

thread_local! {
    /// Per-thread step counter: counting must not cost an atomic operation per iteration.
    static TICKS: Cell<u32> = const { Cell::new(0) };
}

/// Counts one step of a loop; every few thousand steps asks `host` whether the run must stop.
#[inline]
pub fn count_step(host: &dyn Host) -> Eval<()> {
    let due = TICKS.with(|t| {
        let n = t.get().wrapping_add(1);
        t.set(n);
        n.is_multiple_of(CHECK_EVERY)
    });
    if due {
        return host.check();
    }
    Ok(())
}
