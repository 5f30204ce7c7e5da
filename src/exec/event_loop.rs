//! The instrumented event loop: CPython's `_run_once` (ready FIFO snapshot, timers in deadline
//! order, one iteration per hop) driving each Python task as a Rust future, on the run thread's
//! current-thread tokio runtime, which parks the loop until the next timer or wake-up.
//!
//! Every step is recorded: the task's running span, the await it suspends on, who woke it, and
//! the loop's idle and blocked time.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use super::control::RunControl;
use super::futures::CFuture;
use super::gil;
use super::objects::{Callback, DoneCallback, FutKind, FutureObj, LoopShared, Outcome, TaskObj};
use super::pool::{self, ThreadPool};
use crate::lang::error::{Abort, Ctrl, Eval, ExcKind, Exception, Signal};
use crate::lang::eval::Ctx;
use crate::lang::function::Coroutine;
use crate::lang::ir::AwaitSite;
use crate::record::recorder;
use crate::trace::event::{DiagnosticKind, EventKind, LaneIx, LaneKind, State, LOOP_LANE};

/// A step or blocking call holding the loop longer than this is reported.
pub const STALL_NS: u64 = 100_000_000;

type TaskFuture = Pin<Box<dyn Future<Output = Eval>>>;

thread_local! {
    static CURRENT_LOOP: RefCell<Option<Rc<EventLoop>>> = const { RefCell::new(None) };
    static CURRENT_TASK: RefCell<Option<Arc<TaskObj>>> = const { RefCell::new(None) };
    /// The innermost `await` of the step being polled: what the task is suspended on.
    static AWAIT_SITE: RefCell<Option<AwaitSite>> = const { RefCell::new(None) };
    /// Nanoseconds the current step spent in blocking calls (reported separately).
    static BLOCKED_NS: Cell<u64> = const { Cell::new(0) };
    /// `Task-N` numbering: process-wide in CPython, so per run thread here.
    static TASK_COUNTER: Cell<u64> = const { Cell::new(0) };
    static RUNTIME: RefCell<Option<tokio::runtime::Runtime>> = const { RefCell::new(None) };
    /// While a timer's action runs: the moment the timer was due.
    static TIMER_DUE: Cell<Option<u64>> = const { Cell::new(None) };
}

/// The deadline of the timer whose action is running, if any.
pub fn timer_due_ns() -> Option<u64> {
    TIMER_DUE.with(Cell::get)
}

/// Prepares the calling thread to run a scenario's event loops.
pub fn init_thread(runtime: tokio::runtime::Runtime) {
    RUNTIME.with(|r| *r.borrow_mut() = Some(runtime));
    TASK_COUNTER.with(|c| c.set(0));
}

pub fn current_loop() -> Option<Rc<EventLoop>> {
    CURRENT_LOOP.with(|l| l.borrow().clone())
}

pub fn current_task() -> Option<Arc<TaskObj>> {
    CURRENT_TASK.with(|t| t.borrow().clone())
}

pub fn is_current_task(task: &Arc<TaskObj>) -> bool {
    CURRENT_TASK.with(|t| t.borrow().as_ref().is_some_and(|c| Arc::ptr_eq(c, task)))
}

pub fn set_await_site(site: &AwaitSite) {
    AWAIT_SITE.with(|s| *s.borrow_mut() = Some(site.clone()));
}

/// `asyncio.run`'s shutdown wraps two helper coroutines in tasks, using up two numbers.
pub fn consume_shutdown_task_numbers() {
    TASK_COUNTER.with(|c| c.set(c.get() + 2));
}

/// Accounts time the current step spent blocked (so it is not also reported as a long step).
pub fn add_blocked_ns(ns: u64) {
    BLOCKED_NS.with(|b| b.set(b.get() + ns));
}

fn next_task_number() -> u64 {
    TASK_COUNTER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    })
}

fn running(label: Option<Arc<str>>) -> EventKind {
    EventKind::State {
        state: State::Running,
        label,
        line: 0,
    }
}

pub struct EventLoop {
    pub shared: Arc<LoopShared>,
    ctx: Ctx,
    control: Arc<RunControl>,
    clock: recorder::Clock,
    futures: RefCell<HashMap<LaneIx, TaskFuture>>,
    tasks: RefCell<Vec<Arc<TaskObj>>>,
    stopping: Arc<AtomicBool>,
    abort: RefCell<Option<Abort>>,
    /// The executor `run_in_executor(None, ...)` uses, made on first use.
    default_executor: RefCell<Option<Rc<ThreadPool>>>,
}

impl EventLoop {
    pub fn new(ctx: Ctx, clock: recorder::Clock) -> Rc<EventLoop> {
        Rc::new(EventLoop {
            shared: LoopShared::new(),
            control: RunControl::shared(&ctx.interp),
            ctx,
            clock,
            futures: RefCell::new(HashMap::new()),
            tasks: RefCell::new(Vec::new()),
            stopping: Arc::new(AtomicBool::new(false)),
            abort: RefCell::new(None),
            default_executor: RefCell::new(None),
        })
    }

    /// `loop.time()`: seconds on the run's monotonic clock.
    pub fn time(&self) -> f64 {
        self.clock.now_ns() as f64 / 1e9
    }

    pub fn now_ns(&self) -> u64 {
        self.clock.now_ns()
    }

    /// Wraps a coroutine in a task whose first step runs when the creator yields.
    /// `consume_number` mirrors `asyncio.create_task(name=...)`, which uses up a `Task-N`.
    pub fn create_task(
        &self,
        coro: Arc<Coroutine>,
        name: Option<Arc<str>>,
        consume_number: bool,
        line: u32,
    ) -> Eval<Arc<TaskObj>> {
        self.control.add_task()?;
        Ok(self.spawn_task(coro, name, consume_number, line))
    }

    /// Creates the main task of `asyncio.run`, which is the program itself and so does not
    /// count against the task limit.
    pub fn create_main_task(&self, coro: Arc<Coroutine>, line: u32) -> Arc<TaskObj> {
        self.spawn_task(coro, None, false, line)
    }

    fn spawn_task(
        &self,
        coro: Arc<Coroutine>,
        name: Option<Arc<str>>,
        consume_number: bool,
        line: u32,
    ) -> Arc<TaskObj> {
        let name = match name {
            Some(n) => {
                if consume_number {
                    next_task_number();
                }
                n
            }
            None => Arc::from(format!("Task-{}", next_task_number())),
        };
        let lane = recorder::new_lane(
            LaneKind::Task,
            name.clone(),
            Some(coro.label.clone()),
            Some(LOOP_LANE),
        );
        recorder::record_here(EventKind::Spawn { child: lane, line });
        let task = TaskObj::new(lane, name, coro, self.shared.clone());
        self.futures
            .borrow_mut()
            .insert(lane, task_future(self.ctx.clone(), task.clone()));
        self.tasks.borrow_mut().push(task.clone());
        task.scheduled.store(true, Ordering::Release);
        recorder::state(lane, State::Ready, None, 0);
        self.shared.call_soon(Callback::Step(task.clone()));
        task
    }

    pub fn default_executor(&self) -> Rc<ThreadPool> {
        self.default_executor
            .borrow_mut()
            .get_or_insert_with(|| {
                Rc::new(ThreadPool::new(
                    "asyncio".into(),
                    pool::default_max_workers(),
                ))
            })
            .clone()
    }

    /// `loop.shutdown_default_executor()`: waits for its workers, as `asyncio.run` does.
    pub fn shutdown_default_executor(&self) {
        if let Some(pool) = self.default_executor.borrow_mut().take() {
            pool.close(&self.control);
        }
    }

    /// An asyncio future that completes on this loop when `job` (run elsewhere) is done.
    pub fn wrap_future(&self, job: Arc<CFuture>) -> Arc<FutureObj> {
        let fut = FutureObj::new(self.shared.clone(), FutKind::Plain);
        self.shared.external_started();
        let (shared, done, control) = (self.shared.clone(), fut.clone(), self.control.clone());
        job.on_done(move |outcome| {
            if let Some(lane) = done.awaiter_lane() {
                recorder::record_here(EventKind::Wake { target: lane });
            }
            let outcome = outcome.clone();
            shared.call_soon(Callback::Call(Box::new(move || {
                done.complete(outcome);
            })));
            shared.external_finished();
            control.loop_notify.notify_one();
        });
        fut
    }

    /// Runs iterations until `main` is done, then one more (as `run_until_complete` does).
    pub fn run_until_complete(&self, main: &Arc<TaskObj>) -> Result<(), Abort> {
        let stopping = self.stopping.clone();
        main.future
            .add_callback(DoneCallback::Call(Box::new(move |_| {
                stopping.store(true, Ordering::Release)
            })));
        loop {
            self.run_once()?;
            if self.stopping.swap(false, Ordering::AcqRel) {
                return Ok(());
            }
        }
    }

    /// Cancels the tasks still pending (in creation order) and lets them finish, as
    /// `asyncio.run` does before closing the loop.
    pub fn cancel_leftovers(&self) -> Result<(), Abort> {
        let pending: Vec<Arc<TaskObj>> = self
            .tasks
            .borrow()
            .iter()
            .filter(|t| !t.future.done())
            .cloned()
            .collect();
        for task in &pending {
            task.cancel(None);
        }
        while pending.iter().any(|t| !t.future.done()) {
            self.run_once()?;
        }
        Ok(())
    }

    /// Reports failed tasks whose exception nobody retrieved.
    pub fn report_unretrieved(&self) {
        for task in self.tasks.borrow().iter() {
            if let Some(e) = task.future.unretrieved_error() {
                recorder::record(
                    task.lane,
                    EventKind::Diagnostic {
                        kind: DiagnosticKind::ExceptionNeverRetrieved,
                        message: Arc::from(format!(
                            "Task exception was never retrieved: {} failed with {} and nobody awaited it",
                            task.name(),
                            e.summary_line()
                        )),
                        line: e.traceback.lock().last().map_or(0, |f| f.line),
                    },
                );
            }
        }
    }

    /// One loop iteration: park until something is due, move expired timers to the ready
    /// queue, then run exactly the callbacks that were ready at that point.
    fn run_once(&self) -> Result<(), Abort> {
        let mut now = self.clock.now_ns();
        let timeout = if self.shared.has_ready() || self.stopping.load(Ordering::Acquire) {
            Some(0)
        } else {
            self.shared.next_deadline().map(|w| w.saturating_sub(now))
        };
        if timeout != Some(0) {
            self.park(timeout)?;
            self.control.check().map_err(abort_of)?;
            now = self.clock.now_ns();
        } else {
            self.control.tick().map_err(abort_of)?;
        }
        self.shared.expire_timers(now);
        for _ in 0..self.shared.ready_len() {
            match self.shared.pop_ready() {
                Some(Callback::Step(task)) => self.run_step(&task),
                Some(Callback::Call(action)) => action(),
                Some(Callback::Timer(due_ns, action)) => {
                    TIMER_DUE.with(|d| d.set(Some(due_ns)));
                    action();
                    TIMER_DUE.with(|d| d.set(None));
                }
                None => break,
            }
            if let Some(abort) = self.abort.borrow_mut().take() {
                return Err(abort);
            }
        }
        Ok(())
    }

    /// Waits for the next timer (or a wake-up from another thread), recording the loop idle.
    fn park(&self, timeout_ns: Option<u64>) -> Result<(), Abort> {
        recorder::state(LOOP_LANE, State::Idle, None, 0);
        if timeout_ns.is_none() && !self.shared.has_external() {
            recorder::diagnostic(
                DiagnosticKind::Limit,
                "every task is waiting and nothing is scheduled to wake any of them: the loop waits forever (as CPython does) until the time limit".into(),
                0,
            );
        }
        recorder::flush();
        let deadline = self.control.deadline;
        let wake_at = timeout_ns
            .map(|t| (Instant::now() + Duration::from_nanos(t)).min(deadline))
            .unwrap_or(deadline);
        let notify = &self.control.loop_notify;
        let _released = GilReleased::new(&self.control);
        RUNTIME.with(|r| {
            let rt = r.borrow();
            let rt = rt.as_ref().expect("the run thread has a tokio runtime");
            rt.block_on(async {
                tokio::select! {
                    _ = tokio::time::sleep_until(wake_at.into()) => {}
                    _ = notify.notified() => {}
                }
            })
        });
        Ok(())
    }

    fn run_step(&self, task: &Arc<TaskObj>) {
        task.scheduled.store(false, Ordering::Release);
        let Some(mut fut) = self.futures.borrow_mut().remove(&task.lane) else {
            return;
        };
        let name = task.name();
        let t0 = recorder::now_ns();
        recorder::record_at(t0, LOOP_LANE, running(Some(name.clone())));
        recorder::record_at(t0, task.lane, running(None));
        gil::set_running_label(Some(name));
        recorder::set_current_lane(task.lane);
        CURRENT_TASK.with(|t| *t.borrow_mut() = Some(task.clone()));
        BLOCKED_NS.with(|b| b.set(0));
        let poll = fut.as_mut().poll(&mut Context::from_waker(task.waker()));
        CURRENT_TASK.with(|t| t.borrow_mut().take());
        let site = AWAIT_SITE.with(|s| s.borrow_mut().take());
        let t1 = match poll {
            Poll::Pending => {
                let (label, line) = site.map_or((None, 0), |s| (Some(s.label), s.line));
                self.futures.borrow_mut().insert(task.lane, fut);
                // A task that queued itself again (`sleep(0)`) is ready, not waiting for anything.
                let state = if task.scheduled.load(Ordering::Acquire) {
                    State::Ready
                } else {
                    State::Awaiting
                };
                recorder::state(task.lane, state, label, line)
            }
            Poll::Ready(result) => self.finish_task(task, result),
        };
        self.report_long_step(task, t1.saturating_sub(t0));
        recorder::set_current_lane(LOOP_LANE);
    }

    fn report_long_step(&self, task: &TaskObj, step_ns: u64) {
        let cpu_ns = step_ns.saturating_sub(BLOCKED_NS.with(Cell::get));
        if cpu_ns > STALL_NS {
            recorder::record(
                task.lane,
                EventKind::Diagnostic {
                    kind: DiagnosticKind::LongStep,
                    message: Arc::from(format!(
                        "{} ran for {:.2} s without reaching an await: no other task could run meanwhile",
                        task.name(),
                        cpu_ns as f64 / 1e9
                    )),
                    line: task.coro.def_line,
                },
            );
        }
    }

    /// Records how a task ended and completes its future (waking whoever awaits it).
    fn finish_task(&self, task: &Arc<TaskObj>, result: Eval) -> u64 {
        let (outcome, state) = match result.map_err(Ctrl::into_signal) {
            Ok(v) => (Outcome::Value(v), State::Done),
            Err(Signal::Raise(e)) if e.kind == ExcKind::CancelledError => {
                (Outcome::Cancelled(e), State::Cancelled)
            }
            Err(Signal::Raise(e)) => {
                let line = e.traceback.lock().last().map_or(0, |f| f.line);
                recorder::record(
                    task.lane,
                    EventKind::Exception {
                        message: Arc::from(e.summary_line()),
                        line,
                    },
                );
                (Outcome::Error(e), State::Failed)
            }
            Err(Signal::Abort(abort)) => {
                *self.abort.borrow_mut() = Some(abort);
                let e = Arc::new(Exception::new(ExcKind::CancelledError, "run stopped"));
                (Outcome::Cancelled(e), State::Cancelled)
            }
            Err(Signal::Return(_) | Signal::Break | Signal::Continue) => {
                let e = Arc::new(Exception::new(
                    ExcKind::RuntimeError,
                    "'return', 'break' or 'continue' escaped a task",
                ));
                (Outcome::Error(e), State::Failed)
            }
        };
        let t = recorder::state(task.lane, state, None, 0);
        task.future.complete(outcome);
        t
    }

    /// Marks the loop closed on this thread.
    pub fn enter(self: &Rc<Self>) {
        CURRENT_LOOP.with(|l| *l.borrow_mut() = Some(self.clone()));
    }

    pub fn exit(&self) {
        CURRENT_LOOP.with(|l| l.borrow_mut().take());
        self.futures.borrow_mut().clear();
    }
}

/// Holds the GIL released for as long as it lives (the loop waiting in `select`).
struct GilReleased<'a>(&'a RunControl);

impl<'a> GilReleased<'a> {
    fn new(control: &'a RunControl) -> Self {
        control.gil.release();
        GilReleased(control)
    }
}

impl Drop for GilReleased<'_> {
    fn drop(&mut self) {
        self.0.gil.take();
    }
}

fn abort_of(ctrl: Ctrl) -> Abort {
    match ctrl.into_signal() {
        Signal::Abort(a) => a,
        _ => Abort::Cancelled,
    }
}

/// The future a task's steps poll: honours a cancellation that arrives before the first
/// step (the body never starts), then runs the coroutine.
fn task_future(ctx: Ctx, task: Arc<TaskObj>) -> TaskFuture {
    Box::pin(async move {
        if let Some(cancelled) = task.take_cancel() {
            task.coro.close();
            return Err(Ctrl::exc(cancelled));
        }
        ctx.run_coroutine(&task.coro).await
    })
}
