//! `concurrent.futures.Future`: a thread-safe result slot that pool workers (threads or
//! processes) complete and any thread can wait on, plus `as_completed` and `executor.map`,
//! iterators that wait for each item as the iteration reaches it.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Instant;

use parking_lot::{Condvar, Mutex};

use super::control::{deadline, wait_while, RunControl};
use super::objects::Outcome;
use super::threads::blocking;
use crate::lang::builtins::float_arg;
use crate::lang::error::{Ctrl, Eval, ExcKind, Exception};
use crate::lang::function::Args;
use crate::lang::object::{downcast, generator, object, CallCx, NativeFn, PyObject};
use crate::lang::ops;
use crate::lang::seconds;
use crate::lang::trashcan;
use crate::lang::value::{NativeIter, Value};

type DoneFn = Box<dyn FnOnce(&Outcome) + Send>;

#[derive(Default)]
struct Slot {
    outcome: Option<Outcome>,
    callbacks: Vec<DoneFn>,
    /// When it completed, for `as_completed` ordering.
    done_at: Option<Instant>,
}

/// A result can be another future (a job returning the future of the one before), so it is
/// released through the trashcan.
impl Drop for Slot {
    fn drop(&mut self) {
        if let Some(Outcome::Value(v)) = self.outcome.take() {
            trashcan::bury([v]);
        }
    }
}

/// The shared state of one `concurrent.futures.Future`.
#[derive(Default)]
pub struct CFuture {
    slot: Mutex<Slot>,
    done: Condvar,
}

impl CFuture {
    pub fn new() -> Arc<CFuture> {
        Arc::new(CFuture::default())
    }

    /// Sets the outcome (once), wakes waiters and runs the done callbacks on this thread.
    pub fn complete(&self, outcome: Outcome) {
        let callbacks = {
            let mut slot = self.slot.lock();
            if slot.outcome.is_some() {
                return;
            }
            slot.outcome = Some(outcome.clone());
            slot.done_at = Some(Instant::now());
            std::mem::take(&mut slot.callbacks)
        };
        self.done.notify_all();
        for cb in callbacks {
            cb(&outcome);
        }
    }

    pub fn outcome(&self) -> Option<Outcome> {
        self.slot.lock().outcome.clone()
    }

    fn done_at(&self) -> Option<Instant> {
        self.slot.lock().done_at
    }

    /// Runs `f` when the future completes (at once, here, if it already has).
    pub fn on_done(&self, f: impl FnOnce(&Outcome) + Send + 'static) {
        let mut slot = self.slot.lock();
        match slot.outcome.clone() {
            Some(outcome) => {
                drop(slot);
                f(&outcome);
            }
            None => slot.callbacks.push(Box::new(f)),
        }
    }

    /// Waits (the caller has released the GIL) until done, `until` passes, or the run stops.
    fn wait(&self, until: Option<Instant>, control: &RunControl) -> Eval<bool> {
        let mut slot = self.slot.lock();
        wait_while(&self.done, &mut slot, until, control, |slot| {
            slot.outcome.is_none()
        })
    }

    /// Blocks the calling thread (its lane shows it, the GIL is released) until the future
    /// is done or `timeout` runs out; fails with `TimeoutError` in that case. A future that is
    /// already done never looks at the timeout, as in CPython.
    pub fn wait_done(&self, site: &WaitSite, timeout: &Timeout) -> Eval<()> {
        if self.outcome().is_some() {
            return Ok(());
        }
        let until = timeout.until()?;
        if site.blocking(|| self.wait(until, &site.control))? {
            Ok(())
        } else {
            Err(Exception::with_args(ExcKind::TimeoutError, vec![]).into())
        }
    }

    /// `future.result(timeout)`.
    pub fn result(&self, site: &WaitSite, timeout: &Timeout) -> Eval {
        self.wait_done(site, timeout)?;
        self.outcome().expect("waited until done").to_eval()
    }
}

/// A `timeout` as `concurrent.futures` keeps it: seconds from the call that was given it,
/// looked at afresh whenever a wait begins (CPython's `end_time - time.monotonic()`).
pub enum Timeout {
    /// Waits last as long as they must.
    Never,
    /// `secs` seconds from `start`.
    After { secs: f64, start: Instant },
}

impl Timeout {
    /// The `timeout` argument of a call made now.
    fn arg(v: Option<Value>) -> Eval<Timeout> {
        Ok(match v {
            None | Some(Value::None) => Timeout::Never,
            Some(t) => Timeout::After {
                secs: float_arg(&t, "timeout")?,
                start: Instant::now(),
            },
        })
    }

    /// Seconds left (NaN stays NaN), `None` without a timeout.
    fn left(&self) -> Option<f64> {
        match self {
            Timeout::Never => None,
            Timeout::After { secs, start } => Some(secs - start.elapsed().as_secs_f64()),
        }
    }

    /// When a wait that begins now gives up, as `Condition.wait(end_time - now)` decides.
    fn until(&self) -> Eval<Option<Instant>> {
        match self.left() {
            None => Ok(None),
            Some(left) => Ok(deadline(Some(seconds::condition_wait(left)?))),
        }
    }
}

/// Where a thread waits for futures: the call its lane shows while blocked, and the run whose
/// cancellation ends the wait. Iterators keep the site of the call that made them.
pub struct WaitSite {
    control: Arc<RunControl>,
    label: Arc<str>,
    line: u32,
}

impl WaitSite {
    pub fn of(cx: &CallCx) -> WaitSite {
        WaitSite {
            control: RunControl::shared(&cx.ctx.interp),
            label: cx.site.text.clone(),
            line: cx.site.line,
        }
    }

    fn blocking<T>(&self, wait: impl FnOnce() -> Eval<T>) -> Eval<T> {
        blocking(&self.control, &self.label, self.line, wait)
    }
}

/// What thread and process pools have in common: `submit` and `shutdown`; `map`, the
/// Python-facing methods and the `with` block are built on them once, below.
pub trait Executor {
    /// The Python class name, e.g. `ThreadPoolExecutor`.
    const TYPE_NAME: &'static str;
    fn submit(&self, cx: &CallCx, func: &Value, args: Vec<Value>) -> Eval<Arc<CFuture>>;
    fn shutdown(&self, cx: &CallCx, wait: bool) -> Eval<()>;
}

/// The executor methods scenarios call.
const EXECUTOR_METHODS: [&str; 3] = ["submit", "map", "shutdown"];

impl<E: Executor + Send + Sync + 'static> PyObject for E {
    fn type_name(&self) -> &'static str {
        E::TYPE_NAME
    }

    fn has_method(&self, name: &str) -> bool {
        EXECUTOR_METHODS.contains(&name)
    }

    fn call_method(&self, cx: &CallCx, _me: &Value, name: &str, args: Args) -> Eval {
        executor_method(self, cx, name, args)
    }

    fn enter(&self, _cx: &CallCx, me: &Value) -> Eval {
        Ok(me.clone())
    }

    /// Leaving the `with` block shuts the pool down and waits for its workers.
    fn exit(&self, cx: &CallCx) -> Eval<()> {
        self.shutdown(cx, true)
    }
}

/// `executor.submit(fn, *args)`, `executor.map(fn, *iterables, timeout=None)` and
/// `executor.shutdown(wait=True)`.
fn executor_method(ex: &impl Executor, cx: &CallCx, name: &str, mut args: Args) -> Eval {
    match name {
        "submit" => {
            if args.pos.is_empty() {
                return Err(Ctrl::raise(
                    ExcKind::TypeError,
                    "submit() missing required argument 'fn'",
                ));
            }
            let func = args.pos.remove(0);
            args.no_more_kw("submit")?;
            Ok(future_value(ex.submit(cx, &func, args.pos)?))
        }
        "map" => executor_map(ex, cx, args),
        _ => {
            let wait = args.take_kw("wait").or_else(|| args.pos.first().cloned());
            args.take_kw("cancel_futures");
            ex.shutdown(cx, wait.is_none_or(|w| w.truthy()))?;
            Ok(Value::None)
        }
    }
}

/// `map`: submits every job at once and returns an iterator over the results in input order,
/// each waited for when the iteration reaches it (CPython's `result_iterator`).
fn executor_map(ex: &impl Executor, cx: &CallCx, mut args: Args) -> Eval {
    let timeout = Timeout::arg(args.take_kw("timeout"))?;
    args.take_kw("chunksize");
    args.no_more_kw("map")?;
    let Some((func, iterables)) = args.pos.split_first() else {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            "map() missing required argument 'fn'",
        ));
    };
    let columns: Vec<Vec<Value>> = iterables.iter().map(ops::to_vec).collect::<Eval<_>>()?;
    let rows = columns.iter().map(Vec::len).min().unwrap_or(0);
    let futures = (0..rows)
        .map(|i| ex.submit(cx, func, columns.iter().map(|c| c[i].clone()).collect()))
        .collect::<Eval<_>>()?;
    Ok(generator(MapResults {
        futures: Mutex::new(futures),
        timeout,
        site: WaitSite::of(cx),
    }))
}

/// The iterator `executor.map` returns.
struct MapResults {
    /// The jobs whose results are still to come, in input order.
    futures: Mutex<VecDeque<Arc<CFuture>>>,
    timeout: Timeout,
    site: WaitSite,
}

impl NativeIter for MapResults {
    fn next_item(&self) -> Eval<Option<Value>> {
        let Some(next) = self.futures.lock().pop_front() else {
            return Ok(None);
        };
        next.result(&self.site, &self.timeout).map(Some)
    }
}

/// The value scenarios hold for a [`CFuture`].
pub struct FutureHandle(pub Arc<CFuture>);

pub fn future_value(f: Arc<CFuture>) -> Value {
    object(FutureHandle(f))
}

/// The timeout of a `result(timeout)` or `exception(timeout)` call.
fn result_timeout(args: &mut Args) -> Eval<Timeout> {
    Timeout::arg(
        args.take_kw("timeout")
            .or_else(|| args.pos.first().cloned()),
    )
}

impl PyObject for FutureHandle {
    fn type_name(&self) -> &'static str {
        "Future"
    }

    fn repr(&self) -> String {
        let state = match self.0.outcome() {
            None => "pending",
            Some(Outcome::Value(_)) => "finished returned",
            Some(Outcome::Error(_)) => "finished raised",
            Some(Outcome::Cancelled(_)) => "cancelled",
        };
        format!("<Future state={state}>")
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "result" | "done" | "exception" | "cancelled" | "running"
        )
    }

    fn call_method(&self, cx: &CallCx, _me: &Value, name: &str, mut args: Args) -> Eval {
        match name {
            "result" => {
                let timeout = result_timeout(&mut args)?;
                self.0.result(&WaitSite::of(cx), &timeout)
            }
            "done" => Ok(Value::Bool(self.0.outcome().is_some())),
            "running" => Ok(Value::Bool(self.0.outcome().is_none())),
            "cancelled" => Ok(Value::Bool(matches!(
                self.0.outcome(),
                Some(Outcome::Cancelled(_))
            ))),
            _ => {
                let timeout = result_timeout(&mut args)?;
                match self.0.result(&WaitSite::of(cx), &timeout) {
                    Ok(_) => Ok(Value::None),
                    Err(ctrl) => match ctrl.exception() {
                        Some(e) if e.kind != ExcKind::TimeoutError => {
                            Ok(Value::Exception(e.clone()))
                        }
                        _ => Err(ctrl),
                    },
                }
            }
        }
    }
}

/// `concurrent.futures.as_completed(fs, timeout=None)`: an iterator over the futures that
/// yields each one as it completes (those already done first), waiting in between.
fn as_completed(cx: &CallCx, mut args: Args) -> Eval {
    let timeout = args.take_kw("timeout");
    args.no_more_kw("as_completed")?;
    let Some(fs) = args.pos.first() else {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            "as_completed() missing required argument 'fs'",
        ));
    };
    let mut left: Vec<(Value, Arc<CFuture>)> = Vec::new();
    for v in ops::to_vec(fs)? {
        let Some(handle) = downcast::<FutureHandle>(&v) else {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                format!("as_completed() expects futures, got {}", v.type_name()),
            ));
        };
        // A set in CPython: a future passed twice comes out once.
        if !left.iter().any(|(_, f)| Arc::ptr_eq(f, &handle.0)) {
            left.push((v, handle.0.clone()));
        }
    }
    let completions = Arc::new(Completions::default());
    for (_, f) in &left {
        let completions = completions.clone();
        f.on_done(move |_| completions.bump());
    }
    Ok(generator(AsCompleted {
        state: Mutex::new(AsCompletedState {
            total: left.len(),
            left,
            timeout: None,
        }),
        timeout,
        completions,
        site: WaitSite::of(cx),
    }))
}

/// The iterator `as_completed` returns.
struct AsCompleted {
    state: Mutex<AsCompletedState>,
    /// The `timeout` argument, whose clock starts with the first step.
    timeout: Option<Value>,
    completions: Arc<Completions>,
    site: WaitSite,
}

struct AsCompletedState {
    /// The futures not yielded yet, with the values that stand for them.
    left: Vec<(Value, Arc<CFuture>)>,
    total: usize,
    /// Set by the first step, when CPython's generator starts its clock.
    timeout: Option<Timeout>,
}

impl AsCompletedState {
    /// Takes out the future that completed first among those left, if any has.
    fn take_first_done(&mut self) -> Option<Value> {
        let (i, _) = self
            .left
            .iter()
            .enumerate()
            .filter_map(|(i, (_, f))| f.done_at().map(|at| (i, at)))
            .min_by_key(|(_, at)| *at)?;
        Some(self.left.remove(i).0)
    }
}

/// Counts the completions of a group of futures, so a thread can wait for the next one.
#[derive(Default)]
struct Completions {
    count: Mutex<u64>,
    changed: Condvar,
}

impl Completions {
    fn bump(&self) {
        *self.count.lock() += 1;
        self.changed.notify_all();
    }

    fn seen(&self) -> u64 {
        *self.count.lock()
    }

    /// Waits (the caller has released the GIL) for a completion after `seen`; `false` when
    /// `until` passed first.
    fn wait_after(&self, seen: u64, until: Option<Instant>, control: &RunControl) -> Eval<bool> {
        let mut count = self.count.lock();
        wait_while(&self.changed, &mut count, until, control, |count| {
            *count == seen
        })
    }
}

impl AsCompleted {
    fn unfinished(&self) -> Ctrl {
        let state = self.state.lock();
        Ctrl::raise(
            ExcKind::TimeoutError,
            format!(
                "{} (of {}) futures unfinished",
                state.left.len(),
                state.total
            ),
        )
    }
}

impl NativeIter for AsCompleted {
    fn next_item(&self) -> Eval<Option<Value>> {
        loop {
            let seen = self.completions.seen();
            let left = {
                let mut state = self.state.lock();
                if state.left.is_empty() {
                    return Ok(None);
                }
                if let Some(done) = state.take_first_done() {
                    return Ok(Some(done));
                }
                if state.timeout.is_none() {
                    state.timeout = Some(Timeout::arg(self.timeout.clone())?);
                }
                state.timeout.as_ref().and_then(Timeout::left)
            };
            let until = match left {
                Some(left) if left < 0.0 => return Err(self.unfinished()),
                // A NaN timeout never runs out: CPython spins on it until everything is done.
                Some(left) if !left.is_nan() => deadline(Some(seconds::condition_wait(left)?)),
                _ => None,
            };
            // The state is not held while waiting: a thread that steps this iterator meanwhile
            // finds nothing done and waits too. Whether the wait timed out is seen above.
            let control = &self.site.control;
            self.site
                .blocking(|| self.completions.wait_after(seen, until, control))?;
        }
    }
}

pub static AS_COMPLETED: NativeFn = NativeFn {
    name: "as_completed",
    call: as_completed,
};
