//! Limits and cancellation of one run, checked cheaply from the evaluator's hot loops.

use std::any::Any;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex, MutexGuard};
use tokio::sync::Notify;

use super::gil::Gil;
use super::process::Children;
use super::threads::Registry;
use super::RunOptions;
use crate::lang::error::{Abort, Ctrl, Eval};
use crate::lang::eval::Interp;
use crate::lang::host::{self, Host};
use crate::lang::ir::AwaitSite;
use crate::lang::seconds;
use crate::lang::value::Value;
use crate::record::recorder::{self, Clock};
use crate::trace::event::{DiagnosticKind, EventKind};
/// How often a thread waiting for another thread or process looks at the run's cancellation.
pub const WAIT_SLICE: Duration = Duration::from_millis(20);

/// How long a cancellable wait may sleep before it looks again: a slice, less when `until`
/// comes sooner; `None` once `until` has passed.
pub fn wait_slice(until: Option<Instant>) -> Option<Duration> {
    let Some(until) = until else {
        return Some(WAIT_SLICE);
    };
    let left = until.checked_duration_since(Instant::now())?;
    (!left.is_zero()).then(|| left.min(WAIT_SLICE))
}

/// Waits on `changed` (the caller has released the GIL) while `pending` holds for the guarded
/// state, looking at the run's cancellation every slice: `true` once it no longer holds,
/// `false` when `until` passed first, an abort when the run stops.
pub fn wait_while<T>(
    changed: &Condvar,
    guard: &mut MutexGuard<'_, T>,
    until: Option<Instant>,
    control: &RunControl,
    mut pending: impl FnMut(&T) -> bool,
) -> Eval<bool> {
    while pending(guard) {
        control.check()?;
        let Some(slice) = wait_slice(until) else {
            return Ok(false);
        };
        changed.wait_for(guard, slice);
    }
    Ok(true)
}

/// A `timeout` argument in seconds, converted as a lock converts it (`None`: wait for ever;
/// below zero: do not wait).
pub fn timeout_arg(v: Option<Value>) -> Eval<Option<Duration>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(t) => Ok(Some(seconds::duration(seconds::nanoseconds(&t)?))),
    }
}

/// When a wait of `timeout` that starts now runs out; `None` (never) when that is further away
/// than the clock can count.
pub fn deadline(timeout: Option<Duration>) -> Option<Instant> {
    timeout.and_then(|t| Instant::now().checked_add(t))
}

/// A run deadline for a time limit too long for the clock: a century is never reached.
fn far_future() -> Instant {
    const CENTURY: Duration = Duration::from_secs(100 * 365 * 24 * 3600);
    Instant::now() + CENTURY
}

/// What a run stopped by its time limit says.
pub fn time_limit_message(limit: Duration) -> String {
    format!(
        "the run reached its time limit of {} s and was stopped",
        limit.as_secs_f64()
    )
}

pub struct RunControl {
    pub options: RunOptions,
    /// The run's one clock.
    pub clock: Clock,
    pub deadline: Instant,
    /// Set once the run must stop, for the reason in `stop_reason`.
    stopped: AtomicBool,
    /// Why the run stops: cancelled from outside, or the first limit it hit.
    stop_reason: OnceLock<Abort>,
    program_done: AtomicBool,
    output_bytes: AtomicUsize,
    tasks: AtomicUsize,
    /// Wakes blocking sleeps when the run is cancelled.
    sleep_lock: Mutex<()>,
    sleep_cv: Condvar,
    /// Wakes the event loop when it is parked (cancellation, wakes from other threads).
    pub loop_notify: Notify,
    /// The process's interpreter lock.
    pub gil: Gil,
    /// The threads the program started.
    pub threads: Registry,
    /// The child processes the program started.
    pub processes: Children,
}

impl RunControl {
    /// The runtime `interp` runs on: every interpreter of a run has one.
    pub fn of(interp: &Interp) -> &RunControl {
        let host: &dyn Any = &*interp.host;
        host.downcast_ref()
            .expect("a run's interpreters run on its RunControl")
    }

    /// [`RunControl::of`], shared, for what outlives the call (a thread, a pool worker).
    pub fn shared(interp: &Interp) -> Arc<RunControl> {
        let host: Arc<dyn Any + Send + Sync> = interp.host.clone();
        host.downcast()
            .expect("a run's interpreters run on its RunControl")
    }

    pub fn new(options: RunOptions, clock: Clock) -> RunControl {
        let gil_enabled = options.gil;
        RunControl {
            clock,
            deadline: clock
                .instant(0)
                .checked_add(options.time_limit)
                .unwrap_or_else(far_future),
            options,
            stopped: AtomicBool::new(false),
            stop_reason: OnceLock::new(),
            program_done: AtomicBool::new(false),
            output_bytes: AtomicUsize::new(0),
            tasks: AtomicUsize::new(0),
            sleep_lock: Mutex::new(()),
            sleep_cv: Condvar::new(),
            loop_notify: Notify::new(),
            gil: Gil::new(gil_enabled),
            threads: Registry::default(),
            processes: Children::default(),
        }
    }

    /// Stops the run at its next check (within milliseconds): it ends with status `cancelled`.
    pub fn cancel(&self) {
        self.stop(Abort::Cancelled);
    }

    /// Stops the whole run, every thread of it, for `reason` (unless it is already stopping,
    /// for the reason given first). Returns the reason it stops for.
    pub fn stop(&self, reason: Abort) -> Abort {
        let reason = self.stop_reason.get_or_init(|| reason).clone();
        self.halt();
        reason
    }

    /// Stops every thread of the run without a reason of its own: the program failed, and the
    /// run ends with the program's error.
    pub fn halt(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        let _guard = self.sleep_lock.lock();
        self.sleep_cv.notify_all();
        self.loop_notify.notify_one();
    }

    /// Stops the run for a limit it reached; the abort to unwind with.
    pub fn limit(&self, message: String) -> Ctrl {
        Ctrl::abort(self.stop(Abort::Limit(message)))
    }

    /// Why the run is stopping, once it is.
    pub fn stop_reason(&self) -> Option<&Abort> {
        self.stop_reason.get()
    }

    /// Fails with an abort when the run was stopped or ran out of time. Also the moment a
    /// long computation hands what it recorded so far to the live view.
    pub fn check(&self) -> Eval<()> {
        recorder::flush_if_stale();
        if self.stopped.load(Ordering::Relaxed) {
            return Err(Ctrl::abort(
                self.stop_reason().cloned().unwrap_or(Abort::Cancelled),
            ));
        }
        if Instant::now() >= self.deadline {
            return Err(self.limit(time_limit_message(self.options.time_limit)));
        }
        Ok(())
    }

    /// Called once per loop iteration; looks at the clock every few thousand calls.
    #[inline]
    pub fn tick(&self) -> Eval<()> {
        self.checkpoint();
        host::count_step(self)
    }

    /// A GIL checkpoint (CPython's eval breaker): loop back-edges, function entry, and the
    /// return from most builtin calls.
    #[inline]
    pub fn checkpoint(&self) {
        if self.gil.drop_requested() {
            self.gil.yield_to_waiter();
        }
    }

    /// The main program has finished: idle pool workers may exit.
    pub fn mark_program_done(&self) {
        self.program_done.store(true, Ordering::Release);
    }

    pub fn program_done(&self) -> bool {
        self.program_done.load(Ordering::Acquire)
    }

    /// Whether the run is stopping (cancelled, out of time, or over a limit).
    pub fn is_stopped(&self) -> bool {
        self.stopped.load(Ordering::Relaxed)
    }

    /// Accounts for printed output.
    pub fn add_output(&self, bytes: usize) -> Eval<()> {
        let total = self.output_bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        if total > self.options.max_output_bytes {
            return Err(self.limit(format!(
                "the program printed more than {} bytes of output",
                self.options.max_output_bytes
            )));
        }
        Ok(())
    }

    /// Accounts for a new task.
    pub fn add_task(&self) -> Eval<()> {
        let total = self.tasks.fetch_add(1, Ordering::Relaxed) + 1;
        if total > self.options.max_tasks {
            return Err(self.limit(format!(
                "the program created more than {} tasks",
                self.options.max_tasks
            )));
        }
        Ok(())
    }

    /// Blocks the calling thread for `duration`, waking early (with an abort) on cancellation or
    /// at the run's deadline.
    pub fn sleep_blocking(&self, duration: Duration) -> Eval<()> {
        let until = deadline(Some(duration)).unwrap_or(self.deadline);
        loop {
            // Not under the sleep lock: reaching the deadline here stops the run, which takes it.
            self.check()?;
            if Instant::now() >= until {
                return Ok(());
            }
            let mut guard = self.sleep_lock.lock();
            // A stop between the check and the lock has already notified: do not wait for it.
            if !self.is_stopped() {
                self.sleep_cv
                    .wait_until(&mut guard, until.min(self.deadline));
            }
        }
    }
}

impl Host for RunControl {
    fn eval_breaker(&self) -> Arc<AtomicBool> {
        self.gil.breaker()
    }

    fn yield_gil(&self) {
        self.gil.yield_to_waiter();
    }

    fn check(&self) -> Eval<()> {
        RunControl::check(self)
    }

    fn recursion_limit(&self) -> usize {
        self.options.max_recursion
    }

    fn write_output(&self, text: &str, line: u32) -> Eval<()> {
        self.add_output(text.len())?;
        recorder::record_here(EventKind::Print {
            text: Arc::from(text),
            line,
        });
        Ok(())
    }

    fn diagnostic(&self, kind: DiagnosticKind, message: String, line: u32) {
        recorder::diagnostic(kind, message, line);
    }

    fn now_ns(&self) -> u64 {
        self.clock.now_ns()
    }

    fn awaiting(&self, site: &AwaitSite) {
        super::event_loop::set_await_site(site);
    }

    fn script_path(&self) -> &str {
        &self.options.script_path
    }
}
