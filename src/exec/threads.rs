//! The `threading` module: real OS threads running scenario code under the run's GIL, each on
//! its own timeline lane, plus `threading.Lock`, and the `sys`/`os` helpers threads need.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;
use std::time::Duration;

use parking_lot::{Condvar, Mutex};

use super::budget::{self, ThreadTicket};
use super::control::{deadline, timeout_arg, wait_slice, wait_while, RunControl, WAIT_SLICE};
use super::event_loop::{self, current_task, STALL_NS};
use super::gil;
use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::eval::{Ctx, Interp};
use crate::lang::function::Args;
use crate::lang::ir::{Call, Expr, ExprKind};
use crate::lang::object::{downcast, object, CallCx, NativeFn, PyObject};
use crate::lang::seconds;
use crate::lang::text::ObjRef;
use crate::lang::value::Value;
use crate::record::recorder;
use crate::trace::event::{DiagnosticKind, EventKind, LaneIx, LaneKind, State, LOOP_LANE};

/// Threads run deep Python recursion too.
pub const THREAD_STACK: usize = 256 << 20;

/// The threads of one run, for `active_count()` and for joining them when the program ends.
#[derive(Default)]
pub struct Registry {
    threads: Mutex<Vec<Arc<ThreadObj>>>,
    /// `threading._counter`: numbers `Thread-N` names.
    counter: AtomicU64,
    /// Numbers `ThreadPoolExecutor-K` pools.
    pools: AtomicU64,
}

impl Registry {
    fn add(&self, t: Arc<ThreadObj>) {
        self.threads.lock().push(t);
    }

    fn alive(&self) -> usize {
        self.threads.lock().iter().filter(|t| t.is_alive()).count()
    }

    pub fn next_pool_number(&self) -> u64 {
        self.pools.fetch_add(1, Ordering::Relaxed)
    }

    fn next_name(&self, target: &str) -> String {
        let n = self.counter.fetch_add(1, Ordering::Relaxed) + 1;
        if target.is_empty() {
            format!("Thread-{n}")
        } else {
            format!("Thread-{n} ({target})")
        }
    }

    /// Waits (without the GIL) for every started thread to finish, as the interpreter does
    /// at exit.
    pub fn join_all(&self, control: &RunControl) {
        let threads: Vec<_> = self.threads.lock().clone();
        control.gil.released(|| {
            for t in threads {
                t.wait_finished(None, control, true);
            }
        });
    }
}

#[derive(Default)]
struct Lifecycle {
    started: bool,
    running: bool,
    finished: bool,
}

/// A `threading.Thread`.
pub struct ThreadObj {
    name: Mutex<Arc<str>>,
    target: Option<Value>,
    args: Vec<Value>,
    lane: OnceLock<LaneIx>,
    life: Mutex<Lifecycle>,
    changed: Condvar,
    native_id: AtomicU64,
}

thread_local! {
    static CURRENT_THREAD: RefCell<Option<Arc<ThreadObj>>> = const { RefCell::new(None) };
}

impl ThreadObj {
    fn new(name: Arc<str>, target: Option<Value>, args: Vec<Value>) -> ThreadObj {
        ThreadObj {
            name: Mutex::new(name),
            target,
            args,
            lane: OnceLock::new(),
            life: Mutex::new(Lifecycle::default()),
            changed: Condvar::new(),
            native_id: AtomicU64::new(0),
        }
    }

    /// The object for the thread that runs the program (`MainThread`).
    pub fn install_main(lane: LaneIx) {
        let main = ThreadObj::new(Arc::from("MainThread"), None, Vec::new());
        let _ = main.lane.set(lane);
        main.native_id.store(native_thread_id(), Ordering::Relaxed);
        *main.life.lock() = Lifecycle {
            started: true,
            running: true,
            finished: false,
        };
        CURRENT_THREAD.with(|c| *c.borrow_mut() = Some(Arc::new(main)));
    }

    /// Registers the calling OS thread (a pool worker) as a running `Thread` named `name`, so
    /// `current_thread()` and `active_count()` see it. Call [`ThreadObj::finish`] when it ends.
    pub fn install_worker(name: &str, lane: LaneIx, registry: &Registry) -> Arc<ThreadObj> {
        let worker = Arc::new(ThreadObj::new(Arc::from(name), None, Vec::new()));
        let _ = worker.lane.set(lane);
        worker
            .native_id
            .store(native_thread_id(), Ordering::Relaxed);
        worker.set_life(|l| {
            l.started = true;
            l.running = true;
        });
        registry.add(worker.clone());
        CURRENT_THREAD.with(|c| *c.borrow_mut() = Some(worker.clone()));
        worker
    }

    /// Marks the thread finished. Its buffered events reach the run log first: a joiner may
    /// end the run right after, and the trace must not lose the thread's last moments.
    pub fn finish(&self) {
        recorder::flush();
        self.set_life(|l| l.finished = true);
    }

    fn name(&self) -> Arc<str> {
        self.name.lock().clone()
    }

    fn is_alive(&self) -> bool {
        let life = self.life.lock();
        life.started && !life.finished
    }

    fn set_life(&self, update: impl FnOnce(&mut Lifecycle)) {
        update(&mut self.life.lock());
        self.changed.notify_all();
    }

    /// Waits until the thread finished (or `timeout` passed, or the run was cancelled).
    fn wait_finished(&self, timeout: Option<Duration>, control: &RunControl, ignore_cancel: bool) {
        let until = deadline(timeout);
        let mut life = self.life.lock();
        while life.started && !life.finished {
            if !ignore_cancel && control.is_stopped() {
                return;
            }
            let Some(slice) = wait_slice(until) else {
                return;
            };
            self.changed.wait_for(&mut life, slice);
        }
    }

    fn start(self: &Arc<Self>, cx: &CallCx) -> Eval {
        {
            let mut life = self.life.lock();
            if life.started {
                return Err(Ctrl::raise(
                    ExcKind::RuntimeError,
                    "threads can only be started once",
                ));
            }
            life.started = true;
        }
        let ticket = thread_ticket().inspect_err(|_| self.life.lock().started = false)?;
        let interp = cx.ctx.interp.clone();
        let control = RunControl::shared(&interp);
        let detail = self.target.as_ref().map(|t| Arc::from(callable_name(t)));
        let lane = recorder::new_lane(LaneKind::Thread, self.name(), detail, Some(LOOP_LANE));
        let _ = self.lane.set(lane);
        recorder::record_here(EventKind::Spawn {
            child: lane,
            line: cx.site.line,
        });
        // The new thread records on its own: its lane must reach the log first.
        recorder::flush();
        control.threads.add(self.clone());
        let run = recorder::current_run().expect("scenario code runs with a recorder");
        let me = self.clone();
        let line = cx.site.line;
        spawn_counted(ticket, &self.name(), move || {
            recorder::install(run, lane);
            me.run(interp, lane, line);
            recorder::uninstall();
        })?;
        control.gil.released(|| {
            let mut life = self.life.lock();
            while !life.running && !life.finished {
                self.changed.wait_for(&mut life, WAIT_SLICE);
            }
        });
        Ok(Value::None)
    }

    /// The body of the OS thread: take the GIL, run the target, report how it ended.
    fn run(self: Arc<Self>, interp: Arc<Interp>, lane: LaneIx, line: u32) {
        let control = RunControl::shared(&interp);
        self.native_id.store(native_thread_id(), Ordering::Relaxed);
        gil::register_thread(lane, None);
        CURRENT_THREAD.with(|c| *c.borrow_mut() = Some(self.clone()));
        control.gil.take();
        recorder::state(lane, State::Running, None, 0);
        self.set_life(|l| l.running = true);
        let result = match &self.target {
            Some(target) => {
                let site = thread_site(line);
                let ctx = Ctx::new(interp);
                ctx.call_value(0, target, Args::positional(self.args.clone()), &site)
            }
            None => Ok(Value::None),
        };
        let end = match result {
            Ok(_) => State::Done,
            Err(ctrl) => {
                self.report_failure(lane, &ctrl);
                State::Failed
            }
        };
        recorder::state(lane, end, None, 0);
        self.finish();
        control.gil.release();
    }

    /// An uncaught exception ends the thread (CPython prints it to stderr); the run goes on.
    fn report_failure(&self, lane: LaneIx, ctrl: &Ctrl) {
        let Some(e) = ctrl.exception() else {
            return;
        };
        let line = e.traceback.lock().last().map_or(0, |f| f.line);
        recorder::record(
            lane,
            EventKind::Exception {
                message: Arc::from(format!(
                    "Exception in thread {}: {}",
                    self.name(),
                    e.summary_line()
                )),
                line,
            },
        );
    }

    fn join(&self, cx: &CallCx, mut args: Args) -> Eval {
        if !self.life.lock().started {
            return Err(Ctrl::raise(
                ExcKind::RuntimeError,
                "cannot join thread before it is started",
            ));
        }
        let timeout = timeout_arg(
            args.take_kw("timeout")
                .or_else(|| args.pos.first().cloned()),
        )?;
        let control = RunControl::of(&cx.ctx.interp);
        blocking(control, &cx.site.text, cx.site.line, || {
            self.wait_finished(timeout, control, false);
            control.check()
        })?;
        Ok(Value::None)
    }
}

impl PyObject for ThreadObj {
    fn type_name(&self) -> &'static str {
        "Thread"
    }

    fn repr(&self) -> String {
        let state = if self.is_alive() {
            "started"
        } else if self.life.lock().finished {
            "stopped"
        } else {
            "initial"
        };
        format!("<Thread({}, {state})>", self.name())
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        match name {
            "name" => Some(Value::Str(self.name().into())),
            "daemon" => Some(Value::Bool(false)),
            "ident" | "native_id" => Some(match self.native_id.load(Ordering::Relaxed) {
                0 => Value::None,
                id => Value::Int(id as i64),
            }),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "start" | "join" | "is_alive" | "getName")
    }

    fn call_method(&self, cx: &CallCx, me: &Value, name: &str, args: Args) -> Eval {
        match name {
            "start" => me_thread(me).start(cx),
            "join" => self.join(cx, args),
            "is_alive" => Ok(Value::Bool(self.is_alive())),
            _ => Ok(Value::Str(self.name().into())),
        }
    }
}

fn me_thread(me: &Value) -> Arc<ThreadObj> {
    downcast::<ThreadObj>(me).expect("a method is called on its own type")
}

/// The call site recorded for code a thread runs on its own (its target).
/// A place for one more thread of scenario code among those the run may have alive at once,
/// or CPython's `RuntimeError` when there is none.
pub fn thread_ticket() -> Eval<ThreadTicket> {
    budget::thread_ticket().map_err(|e| Ctrl::raise(ExcKind::RuntimeError, e.to_string()))
}

/// The name of an OS thread that serves `what` (a Python thread, a child process): the
/// program chooses `what`, and an OS thread's name cannot hold a NUL byte.
pub fn os_thread_name(what: &str) -> String {
    format!("interleave-{}", what.replace('\0', ""))
}

/// Starts an OS thread for scenario code (named with [`os_thread_name`]), with room for deep
/// recursion, counted by `ticket` until it ends.
pub fn spawn_counted(
    ticket: ThreadTicket,
    what: &str,
    body: impl FnOnce() + Send + 'static,
) -> Eval<JoinHandle<()>> {
    std::thread::Builder::new()
        .name(os_thread_name(what))
        .stack_size(THREAD_STACK)
        .spawn(move || {
            let _counted = ticket;
            body();
        })
        .map_err(|e| {
            Ctrl::raise(
                ExcKind::RuntimeError,
                format!("can't start new thread: {e}"),
            )
        })
}

pub fn thread_site(line: u32) -> Call {
    Call {
        func: Expr {
            kind: ExprKind::Const(Value::None),
            awaits: false,
        },
        args: Vec::new(),
        line,
        text: Arc::from("<thread>"),
    }
}

fn callable_name(v: &Value) -> String {
    match v {
        Value::Func(f) => format!("{}()", f.name()),
        Value::Native(f) => format!("{}()", f.name),
        other => other.type_name().to_string(),
    }
}

fn native_thread_id() -> u64 {
    // SAFETY: gettid has no preconditions and cannot fail.
    unsafe { libc::gettid() as u64 }
}

/// Runs a blocking call on the current thread: its lane shows `blocked` (labelled with the
/// call) and the GIL is released meanwhile. On the event loop this also holds every task up,
/// which is reported when it lasts long.
pub fn blocking<T>(
    control: &RunControl,
    label: &Arc<str>,
    line: u32,
    call: impl FnOnce() -> Eval<T>,
) -> Eval<T> {
    let lane = gil::current_lane();
    let on_loop = current_task().filter(|_| lane == LOOP_LANE);
    let t0 = recorder::state(lane, State::Blocked, Some(label.clone()), line);
    recorder::flush();
    let result = control.gil.released(call);
    let resumed = on_loop
        .as_ref()
        .map(|t| t.name())
        .or_else(gil::current_label);
    let t1 = recorder::state(lane, State::Running, resumed, 0);
    let held = t1.saturating_sub(t0);
    event_loop::add_blocked_ns(held);
    if on_loop.is_some() && held > STALL_NS {
        recorder::diagnostic(
            DiagnosticKind::BlockingCall,
            format!(
                "{label} blocked the event loop for {:.2} s: no other task could run meanwhile",
                held as f64 / 1e9
            ),
            line,
        );
    }
    result
}

/// A `threading.Lock`: not re-entrant, releasable by any thread.
#[derive(Default)]
pub struct LockObj {
    locked: Mutex<bool>,
    released: Condvar,
}

impl LockObj {
    fn try_acquire(&self) -> bool {
        let mut locked = self.locked.lock();
        !std::mem::replace(&mut *locked, true)
    }

    /// Waits for the lock (the GIL released meanwhile, as a failed try does in CPython).
    fn acquire(&self, cx: &CallCx, timeout: Option<Duration>) -> Eval<bool> {
        if self.try_acquire() {
            return Ok(true);
        }
        if timeout == Some(Duration::ZERO) {
            return Ok(false);
        }
        let control = RunControl::of(&cx.ctx.interp);
        let until = deadline(timeout);
        blocking(control, &cx.site.text, cx.site.line, || {
            let mut locked = self.locked.lock();
            let free = wait_while(&self.released, &mut locked, until, control, |locked| {
                *locked
            })?;
            if free {
                *locked = true;
            }
            Ok(free)
        })
    }

    fn release(&self) -> Eval<()> {
        let mut locked = self.locked.lock();
        if !*locked {
            return Err(Ctrl::raise(ExcKind::RuntimeError, "release unlocked lock"));
        }
        *locked = false;
        self.released.notify_one();
        Ok(())
    }
}

/// How long `lock.acquire(blocking, timeout)` may wait (`None`: for ever), its arguments
/// checked as CPython checks them; `-1`, the default timeout, means no limit.
fn acquire_wait(blocking: Option<Value>, timeout: Option<Value>) -> Eval<Option<Duration>> {
    const UNSET_NS: i64 = -1_000_000_000;
    let blocking = blocking.is_none_or(|b| b.truthy());
    let ns = match timeout {
        None => UNSET_NS,
        Some(t) => seconds::nanoseconds(&t)?,
    };
    if !blocking && ns != UNSET_NS {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "can't specify a timeout for a non-blocking call",
        ));
    }
    if ns < 0 && ns != UNSET_NS {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "timeout value must be positive",
        ));
    }
    Ok(match (blocking, ns) {
        (false, _) => Some(Duration::ZERO),
        (true, UNSET_NS) => None,
        (true, ns) => Some(seconds::duration(ns)),
    })
}

impl PyObject for LockObj {
    fn type_name(&self) -> &'static str {
        "lock"
    }

    fn repr(&self) -> String {
        let state = if *self.locked.lock() {
            "locked"
        } else {
            "unlocked"
        };
        format!("<{state} _thread.lock object>")
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "acquire" | "release" | "locked")
    }

    fn call_method(&self, cx: &CallCx, _me: &Value, name: &str, mut args: Args) -> Eval {
        match name {
            "acquire" => {
                let blocking = args
                    .take_kw("blocking")
                    .or_else(|| args.pos.first().cloned());
                let timeout = args.take_kw("timeout").or_else(|| args.pos.get(1).cloned());
                let wait = acquire_wait(blocking, timeout)?;
                Ok(Value::Bool(self.acquire(cx, wait)?))
            }
            "release" => self.release().map(|()| Value::None),
            _ => Ok(Value::Bool(*self.locked.lock())),
        }
    }

    fn enter(&self, cx: &CallCx, _me: &Value) -> Eval {
        self.acquire(cx, None).map(Value::Bool)
    }

    fn exit(&self, _cx: &CallCx) -> Eval<()> {
        self.release()
    }
}

// ---- module functions ----------------------------------------------------------------------

fn thread_new(cx: &CallCx, mut args: Args) -> Eval {
    let target = args.take_kw("target").filter(|t| !matches!(t, Value::None));
    let thread_args = match args.take_kw("args") {
        Some(a) => crate::lang::ops::to_vec(&a)?,
        None => Vec::new(),
    };
    let name = args.take_kw("name");
    args.take_kw("daemon");
    args.no_more_kw("Thread")?;
    let name = match name {
        Some(Value::None) | None => {
            let target_name = match &target {
                Some(Value::Func(f)) => f.name().to_string(),
                _ => String::new(),
            };
            RunControl::of(&cx.ctx.interp)
                .threads
                .next_name(&target_name)
        }
        Some(n) => n.to_str(),
    };
    Ok(object(ThreadObj::new(Arc::from(name), target, thread_args)))
}

fn current_thread(_cx: &CallCx, _args: Args) -> Eval {
    CURRENT_THREAD.with(|c| {
        c.borrow()
            .clone()
            .map(|t| Value::Object(ObjRef::new(t)))
            .ok_or_else(|| Ctrl::raise(ExcKind::RuntimeError, "no current thread"))
    })
}

fn active_count(cx: &CallCx, _args: Args) -> Eval {
    Ok(Value::Int(
        1 + RunControl::of(&cx.ctx.interp).threads.alive() as i64,
    ))
}

fn lock_new(_cx: &CallCx, _args: Args) -> Eval {
    Ok(object(LockObj::default()))
}

pub static THREAD: NativeFn = NativeFn {
    name: "Thread",
    call: thread_new,
};
pub static CURRENT_THREAD_FN: NativeFn = NativeFn {
    name: "current_thread",
    call: current_thread,
};
pub static ACTIVE_COUNT: NativeFn = NativeFn {
    name: "active_count",
    call: active_count,
};
pub static LOCK: NativeFn = NativeFn {
    name: "Lock",
    call: lock_new,
};

fn set_switch_interval(cx: &CallCx, args: Args) -> Eval {
    args.no_more_kw("setswitchinterval")?;
    let seconds = match args.pos.as_slice() {
        [v] => crate::lang::builtins::float_arg(v, "setswitchinterval")?,
        _ => {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                "setswitchinterval() takes exactly one argument",
            ))
        }
    };
    if seconds <= 0.0 {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "switch interval must be strictly positive",
        ));
    }
    RunControl::of(&cx.ctx.interp).gil.set_interval(seconds);
    Ok(Value::None)
}

fn get_switch_interval(cx: &CallCx, _args: Args) -> Eval {
    Ok(Value::Float(RunControl::of(&cx.ctx.interp).gil.interval()))
}

pub static SET_SWITCH_INTERVAL: NativeFn = NativeFn {
    name: "setswitchinterval",
    call: set_switch_interval,
};
pub static GET_SWITCH_INTERVAL: NativeFn = NativeFn {
    name: "getswitchinterval",
    call: get_switch_interval,
};

fn getpid(_cx: &CallCx, _args: Args) -> Eval {
    Ok(Value::Int(std::process::id() as i64))
}

fn cpu_count(_cx: &CallCx, _args: Args) -> Eval {
    Ok(Value::Int(
        std::thread::available_parallelism().map_or(1, |n| n.get()) as i64,
    ))
}

pub static GETPID: NativeFn = NativeFn {
    name: "getpid",
    call: getpid,
};
/// `os.cpu_count()` / `multiprocessing.cpu_count()`.
pub static CPU_COUNT: NativeFn = NativeFn {
    name: "cpu_count",
    call: cpu_count,
};
