//! `concurrent.futures.Future`: a thread-safe result slot that pool workers (threads or
//! processes) complete and any thread can wait on, plus `as_completed`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use super::control::RunControl;
use super::objects::Outcome;
use super::threads::blocking;
use crate::lang::builtins::float_arg;
use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::function::Args;
use crate::lang::object::{downcast, object, CallCx, NativeFn, PyObject};
use crate::lang::ops;
use crate::lang::value::Value;

/// How often a waiting thread looks at the run's cancellation.
const WAIT_SLICE: Duration = Duration::from_millis(20);

type DoneFn = Box<dyn FnOnce(&Outcome) + Send>;

#[derive(Default)]
struct Slot {
    outcome: Option<Outcome>,
    callbacks: Vec<DoneFn>,
    /// When it completed, for `as_completed` ordering.
    done_at: Option<Instant>,
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
        while slot.outcome.is_none() {
            control.check()?;
            let slice = match until {
                Some(u) if Instant::now() >= u => return Ok(false),
                Some(u) => (u - Instant::now()).min(WAIT_SLICE),
                None => WAIT_SLICE,
            };
            self.done.wait_for(&mut slot, slice);
        }
        Ok(true)
    }

    /// Blocks the calling thread (its lane shows it, the GIL is released) until the future
    /// is done or `timeout` seconds pass; fails with `TimeoutError` in that case.
    pub fn wait_done(&self, cx: &CallCx, timeout: Option<f64>) -> Eval<()> {
        if self.outcome().is_some() {
            return Ok(());
        }
        let control = &cx.ctx.interp.control;
        let until = timeout.map(|t| Instant::now() + Duration::from_secs_f64(t.max(0.0)));
        if blocking(control, &cx.site.text, cx.site.line, || {
            self.wait(until, control)
        })? {
            Ok(())
        } else {
            Err(Ctrl::raise(ExcKind::TimeoutError, ""))
        }
    }

    /// `future.result(timeout)`.
    pub fn result(&self, cx: &CallCx, timeout: Option<f64>) -> Eval {
        self.wait_done(cx, timeout)?;
        self.outcome().expect("waited until done").to_eval()
    }
}

/// What thread and process pools have in common: `submit` and `shutdown`; `map` and the
/// Python-facing methods are built on them once, in [`executor_method`].
pub trait Executor {
    fn submit(&self, cx: &CallCx, func: &Value, args: Vec<Value>) -> Eval<Arc<CFuture>>;
    fn shutdown(&self, cx: &CallCx, wait: bool) -> Eval<()>;
}

/// The executor methods scenarios call.
pub const EXECUTOR_METHODS: [&str; 3] = ["submit", "map", "shutdown"];

/// `executor.submit(fn, *args)`, `executor.map(fn, *iterables, timeout=None)` and
/// `executor.shutdown(wait=True)`.
pub fn executor_method(ex: &dyn Executor, cx: &CallCx, name: &str, mut args: Args) -> Eval {
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

/// `map`: submits every job at once, then collects the results in input order.
fn executor_map(ex: &dyn Executor, cx: &CallCx, mut args: Args) -> Eval {
    let timeout = match args.take_kw("timeout") {
        None | Some(Value::None) => None,
        Some(t) => Some(float_arg(&t, "map")?),
    };
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
    let futures: Vec<Arc<CFuture>> = (0..rows)
        .map(|i| ex.submit(cx, func, columns.iter().map(|c| c[i].clone()).collect()))
        .collect::<Eval<_>>()?;
    let until = timeout.map(|t| Instant::now() + Duration::from_secs_f64(t.max(0.0)));
    let left = || until.map(|u| u.saturating_duration_since(Instant::now()).as_secs_f64());
    let results = futures
        .iter()
        .map(|f| f.result(cx, left()))
        .collect::<Eval<_>>()?;
    Ok(Value::list(results))
}

/// The value scenarios hold for a [`CFuture`].
pub struct FutureHandle(pub Arc<CFuture>);

pub fn future_value(f: Arc<CFuture>) -> Value {
    object(FutureHandle(f))
}

fn timeout_arg(args: &mut Args) -> Eval<Option<f64>> {
    match args
        .take_kw("timeout")
        .or_else(|| args.pos.first().cloned())
    {
        None | Some(Value::None) => Ok(None),
        Some(t) => Ok(Some(float_arg(&t, "timeout")?)),
    }
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
                let timeout = timeout_arg(&mut args)?;
                self.0.result(cx, timeout)
            }
            "done" => Ok(Value::Bool(self.0.outcome().is_some())),
            "running" => Ok(Value::Bool(self.0.outcome().is_none())),
            "cancelled" => Ok(Value::Bool(matches!(
                self.0.outcome(),
                Some(Outcome::Cancelled(_))
            ))),
            _ => {
                let timeout = timeout_arg(&mut args)?;
                match self.0.result(cx, timeout) {
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

/// `concurrent.futures.as_completed(fs, timeout=None)`: the futures in the order they
/// complete. Waits for all of them, then returns them in completion order.
fn as_completed(cx: &CallCx, mut args: Args) -> Eval {
    let timeout = match args.take_kw("timeout") {
        None | Some(Value::None) => None,
        Some(t) => Some(float_arg(&t, "as_completed")?),
    };
    args.no_more_kw("as_completed")?;
    let Some(fs) = args.pos.first() else {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            "as_completed() missing required argument 'fs'",
        ));
    };
    let items = ops::to_vec(fs)?;
    let futures: Vec<(Value, Arc<CFuture>)> = items
        .into_iter()
        .map(|v| match downcast::<FutureHandle>(&v) {
            Some(h) => Ok((v, h.0.clone())),
            None => Err(Ctrl::raise(
                ExcKind::TypeError,
                format!("as_completed() expects futures, got {}", v.type_name()),
            )),
        })
        .collect::<Eval<_>>()?;
    for (_, f) in &futures {
        f.wait_done(cx, timeout)?;
    }
    let mut done: Vec<_> = futures.into_iter().collect();
    done.sort_by_key(|(_, f)| f.done_at());
    Ok(Value::list(done.into_iter().map(|(v, _)| v).collect()))
}

pub static AS_COMPLETED: NativeFn = NativeFn {
    name: "as_completed",
    call: as_completed,
};
