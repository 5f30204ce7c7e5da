//! `concurrent.futures.ThreadPoolExecutor` (and the event loop's default executor): worker OS
//! threads, each on its own lane, created on demand up to `max_workers` and reused.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use parking_lot::{Condvar, Mutex};

use super::control::RunControl;
use super::futures::{CFuture, Executor};
use super::gil;
use super::objects::Outcome;
use super::threads::{thread_site, ThreadObj};
use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::eval::{Ctx, Interp};
use crate::lang::function::Args;
use crate::lang::object::{object, CallCx, NativeFn};
use crate::lang::value::Value;
use crate::record::recorder;
use crate::trace::event::{EventKind, LaneIx, LaneKind, State, LOOP_LANE};

/// `min(32, os.cpu_count() + 4)`, CPython's default pool size.
pub fn default_max_workers() -> usize {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    (cpus + 4).min(32)
}

struct Job {
    func: Value,
    args: Vec<Value>,
    future: Arc<CFuture>,
    line: u32,
}

struct Shared {
    queue: Mutex<VecDeque<Job>>,
    work: Condvar,
    /// CPython's `_idle_semaphore`: released by a worker after each job, taken by `submit`
    /// instead of starting a new worker.
    idle: AtomicUsize,
    shutdown: AtomicBool,
}

impl Shared {
    /// Tells the workers to finish. The flag is set under the queue lock, so a worker between
    /// its check and its wait cannot miss the wake-up.
    fn stop(&self) {
        let _queue = self.queue.lock();
        self.shutdown.store(true, Ordering::Release);
        self.work.notify_all();
    }
    /// Takes one idle credit if there is one (`_idle_semaphore.acquire(timeout=0)`).
    fn take_idle(&self) -> bool {
        self.idle
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
            .is_ok()
    }
}

pub struct ThreadPool {
    prefix: String,
    max_workers: usize,
    shared: Arc<Shared>,
    workers: Mutex<Vec<JoinHandle<()>>>,
}

impl ThreadPool {
    pub fn new(prefix: String, max_workers: usize) -> ThreadPool {
        ThreadPool {
            prefix,
            max_workers,
            shared: Arc::new(Shared {
                queue: Mutex::new(VecDeque::new()),
                work: Condvar::new(),
                idle: AtomicUsize::new(0),
                shutdown: AtomicBool::new(false),
            }),
            workers: Mutex::new(Vec::new()),
        }
    }

    /// `executor.submit(fn, *args)`: queues the job, starting a worker if none is idle.
    fn submit_job(&self, cx: &CallCx, func: &Value, args: Vec<Value>) -> Eval<Arc<CFuture>> {
        if self.shared.shutdown.load(Ordering::Acquire) {
            return Err(Ctrl::raise(
                ExcKind::RuntimeError,
                "cannot schedule new futures after shutdown",
            ));
        }
        let future = CFuture::new();
        self.shared.queue.lock().push_back(Job {
            func: func.clone(),
            args,
            future: future.clone(),
            line: cx.site.line,
        });
        let needs_worker = !self.shared.take_idle();
        let mut workers = self.workers.lock();
        if needs_worker && workers.len() < self.max_workers {
            let name = format!("{}_{}", self.prefix, workers.len());
            workers.push(self.start_worker(cx, name)?);
        }
        drop(workers);
        self.shared.work.notify_one();
        Ok(future)
    }

    fn start_worker(&self, cx: &CallCx, name: String) -> Eval<JoinHandle<()>> {
        let ticket = super::threads::thread_ticket()?;
        let lane = recorder::new_lane(
            LaneKind::Thread,
            Arc::from(name.as_str()),
            Some(Arc::from(self.prefix.as_str())),
            Some(LOOP_LANE),
        );
        recorder::record_here(EventKind::Spawn {
            child: lane,
            line: cx.site.line,
        });
        // The worker records on its own: its lane must reach the log first.
        recorder::flush();
        let run = recorder::current_run().expect("scenario code runs with a recorder");
        let interp = cx.ctx.interp.clone();
        let control = RunControl::shared(&interp);
        let shared = self.shared.clone();
        let (started, on_start) = std::sync::mpsc::channel();
        let what = name.clone();
        let handle = super::threads::spawn_counted(ticket, &what, move || {
            recorder::install(run, lane);
            let me = ThreadObj::install_worker(&name, lane, &RunControl::of(&interp).threads);
            work(interp, shared, lane, started);
            me.finish();
            recorder::uninstall();
        })?;
        // Like `Thread.start()`: wait (without the GIL) until the worker runs. It takes the GIL
        // and the job just queued first, so the i-th new worker runs the i-th job, as in CPython.
        control.gil.released(|| on_start.recv().ok());
        Ok(handle)
    }

    /// `executor.shutdown(wait=True)`: no new jobs; waits (without the GIL) for the workers.
    fn shutdown_pool(&self, cx: &CallCx, wait: bool) -> Eval<()> {
        self.shared.stop();
        if !wait {
            return Ok(());
        }
        let workers: Vec<_> = std::mem::take(&mut *self.workers.lock());
        let control = RunControl::of(&cx.ctx.interp);
        super::threads::blocking(control, &cx.site.text, cx.site.line, || {
            for w in workers {
                let _ = w.join();
            }
            Ok(())
        })
    }

    /// Shuts down and waits for the workers without recording anything (the loop closing its
    /// default executor).
    pub fn close(&self, control: &RunControl) {
        self.shared.stop();
        let workers: Vec<_> = std::mem::take(&mut *self.workers.lock());
        control.gil.released(|| {
            for w in workers {
                let _ = w.join();
            }
        });
    }
}

/// A worker thread: holds the GIL while it runs a job, waits for jobs without it.
fn work(interp: Arc<Interp>, shared: Arc<Shared>, lane: LaneIx, started: Sender<()>) {
    gil::register_thread(lane, None);
    let control = RunControl::shared(&interp);
    let ctx = Ctx::new(interp);
    control.gil.take();
    let mut first = shared.queue.lock().pop_front();
    let _ = started.send(());
    control.gil.release();
    while let Some(job) = first.take().or_else(|| next_job(&shared, &control, lane)) {
        control.gil.take();
        recorder::state(lane, State::Running, None, job.line);
        let site = thread_site(job.line);
        let result = ctx.call_value(0, &job.func, Args::positional(job.args), &site);
        let outcome = match result {
            Ok(v) => Outcome::Value(v),
            Err(ctrl) => match ctrl.into_signal() {
                crate::lang::error::Signal::Raise(e) => Outcome::Error(e),
                _ => Outcome::Cancelled(super::objects::cancelled_error(None)),
            },
        };
        // Still holding the GIL, as CPython's worker does: a thread woken by the result
        // cannot submit again before this worker counts as idle, so it gets the job.
        job.future.complete(outcome);
        shared.idle.fetch_add(1, Ordering::AcqRel);
        recorder::state(lane, State::Idle, None, 0);
        control.gil.release();
        if control.is_stopped() {
            break;
        }
    }
    recorder::state(lane, State::Done, None, 0);
}

/// The next job; `None` once the pool is shut down (or the program has ended, as CPython's
/// exit handler shuts every pool down) and the queue is empty.
fn next_job(shared: &Shared, control: &RunControl, lane: LaneIx) -> Option<Job> {
    let mut queue = shared.queue.lock();
    loop {
        if let Some(job) = queue.pop_front() {
            return Some(job);
        }
        if shared.shutdown.load(Ordering::Acquire) || control.program_done() {
            return None;
        }
        recorder::state(lane, State::Idle, None, 0);
        recorder::flush();
        shared.work.wait_for(&mut queue, Duration::from_millis(50));
    }
}

impl Executor for ThreadPool {
    const TYPE_NAME: &'static str = "ThreadPoolExecutor";

    fn submit(&self, cx: &CallCx, func: &Value, args: Vec<Value>) -> Eval<Arc<CFuture>> {
        self.submit_job(cx, func, args)
    }

    fn shutdown(&self, cx: &CallCx, wait: bool) -> Eval<()> {
        self.shutdown_pool(cx, wait)
    }
}

fn thread_pool_new(cx: &CallCx, mut args: Args) -> Eval {
    let max_workers = args
        .take_kw("max_workers")
        .or_else(|| args.pos.first().cloned());
    let prefix = args.take_kw("thread_name_prefix");
    args.no_more_kw("ThreadPoolExecutor")?;
    let max_workers = match max_workers {
        None | Some(Value::None) => default_max_workers(),
        Some(Value::Int(n)) if n > 0 => n as usize,
        Some(_) => {
            return Err(Ctrl::raise(
                ExcKind::ValueError,
                "max_workers must be greater than 0",
            ))
        }
    };
    let number = RunControl::of(&cx.ctx.interp).threads.next_pool_number();
    let prefix = match prefix {
        Some(Value::Str(p)) => p.to_string(),
        _ => format!("ThreadPoolExecutor-{number}"),
    };
    Ok(object(ThreadPool::new(prefix, max_workers)))
}

pub static THREAD_POOL: NativeFn = NativeFn {
    name: "ThreadPoolExecutor",
    call: thread_pool_new,
};
