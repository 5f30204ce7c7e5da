//! `multiprocessing.Process` and `concurrent.futures.ProcessPoolExecutor`: child processes that
//! are this same binary re-executed as a worker ([`super::worker`]), as Python's *spawn* start
//! method starts a fresh interpreter. A child re-runs the scenario as `__mp_main__` (so a
//! `if __name__ == "__main__":` guard is skipped there), runs its job(s), and sends what it
//! records up its pipe ([`super::pipe`]); the parent files those events under the child's
//! `process` lane, on the run's one clock. Children stay in their run's process group, so the
//! supervisor's one signal stops them all; every child is killed if need be, and reaped, before
//! its run ends.

use std::collections::{HashMap, VecDeque};
use std::io::BufReader;
use std::os::unix::process::ExitStatusExt;
use std::process::{ChildStdin, ChildStdout, ExitStatus};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};
use serde_json::Value as Json;

use super::budget::{self, Refused};
use super::control::{deadline, timeout_arg, wait_while, RunControl};
use super::futures::{CFuture, Executor};
use super::marshal::{self, WireError};
use super::objects::Outcome;
use super::pipe::{Frame, FrameReader, PipeError};
use super::sandbox::LedgerSlot;
use super::supervisor::{cause_of_death, keep_tail, wait_exited, Death};
use super::threads::{self, blocking};
use super::worker::{self, Down, Job, Role, Setup};
use crate::lang::error::{Ctrl, Eval, ExcKind, Exception};
use crate::lang::eval::{Ctx, Interp};
use crate::lang::function::Args;
use crate::lang::object::{object, CallCx, NativeFn, PyObject};
use crate::lang::ops;
use crate::lang::text::Text;
use crate::lang::value::Value;
use crate::record::cores;
use crate::record::recorder::{self, RunRecording};
use crate::trace::event::{Event, EventKind, LaneIx, LaneKind, State, LOOP_LANE};

/// A child's own time limit ends this long after the run's: the run stops its children itself
/// when its limit is reached, so a child never ends first and passes for finished.
const LIMIT_GRACE: Duration = Duration::from_secs(1);
/// What a process lane shows from `start()` until the child reports its first event.
const STARTING: &str = "starting";
/// `concurrent.futures.process.BrokenProcessPool`'s message.
const BROKEN_POOL: &str = "A process in the process pool was terminated abruptly while the \
                           future was running or pending.";

// ---- the children of a run ---------------------------------------------------------------------

/// The child processes of one run (kept by its [`RunControl`]).
#[derive(Default)]
pub struct Children {
    list: Mutex<Vec<Arc<Child>>>,
    /// `multiprocessing.process._process_counter`: numbers children of every kind.
    counter: AtomicU64,
    /// This process's own identity when it is itself a child (`3` in `Process-3`).
    identity: OnceLock<String>,
}

impl Children {
    fn add(&self, child: Arc<Child>) {
        self.list.lock().push(child);
    }

    /// Names this process as the child `identity` (empty for a run's own process).
    pub fn set_identity(&self, identity: &str) {
        if !identity.is_empty() {
            let _ = self.identity.set(identity.to_string());
        }
    }

    /// The identity of the next child: `N`, or `3:N` inside `Process-3`.
    fn next_identity(&self) -> String {
        let n = self.counter.fetch_add(1, Ordering::Relaxed) + 1;
        match self.identity.get() {
            Some(mine) => format!("{mine}:{n}"),
            None => n.to_string(),
        }
    }

    /// At the end of the run: waits for the children still running, as Python joins them at
    /// exit (pool workers are told to finish first; daemons are not waited for), unless the
    /// run was cancelled, failed or runs out of time meanwhile; then kills what is left and
    /// reaps every child, with all the events it sent in the log.
    pub fn reap_all(&self, control: &RunControl) {
        let children = std::mem::take(&mut *self.list.lock());
        if children.is_empty() {
            return;
        }
        // What this thread recorded goes in before the children's last events.
        recorder::flush();
        control.gil.released(|| {
            for child in children.iter().filter(|c| c.pool) {
                child.close_stdin();
            }
            if !control.is_stopped() {
                let _ = children
                    .iter()
                    .filter(|c| !c.daemon)
                    .try_for_each(|c| c.wait_done(None, control).map(drop));
            }
            for child in &children {
                child.signal(libc::SIGKILL);
                child.join_io();
            }
        });
    }
}

/// A child process, as the parent sees it.
struct Child {
    pid: u32,
    lane: LaneIx,
    /// A pool worker: its stdin stays open for jobs, and closing it lets the worker finish.
    pool: bool,
    /// Killed rather than waited for when the run ends.
    daemon: bool,
    /// Its share of the run's ledger, given back when it has been reaped.
    ledger: Option<LedgerSlot>,
    name: Arc<str>,
    max_memory_bytes: u64,
    /// This process sent it a signal: its death by one is no surprise.
    killed: AtomicBool,
    stdin: Mutex<Option<ChildStdin>>,
    life: Mutex<Life>,
    changed: Condvar,
    io: Mutex<Option<JoinHandle<()>>>,
}

struct Life {
    /// The OS handle until the child is reaped: while it is here, the pid is still ours.
    handle: Option<std::process::Child>,
    status: Option<ExitStatus>,
    /// Reaped, and every event it sent is in the run's log.
    done: bool,
}

/// What happens to a child's replies other than events (a pool's job results).
trait Replies: Send {
    /// Job `id` ended with `outcome`.
    fn done(&mut self, id: u64, outcome: Result<Json, WireError>);
    /// The child has exited and its events are in.
    fn exited(&mut self);
}

/// How to start one child.
struct Launch {
    name: Arc<str>,
    detail: Arc<str>,
    pool: bool,
    daemon: bool,
    setup: Setup,
    replies: Option<Box<dyn Replies>>,
}

/// Starts a child: its `process` lane and a `spawn` event from the calling lane are recorded
/// at the moment of the call, and a thread follows what the child sends.
fn launch(cx: &CallCx, l: Launch) -> Eval<Arc<Child>> {
    let control = RunControl::of(&cx.ctx.interp);
    control.check()?;
    let t0 = recorder::now_ns();
    let role = if l.pool { Role::Pool } else { Role::Process };
    let mut setup = l.setup.clone();
    setup.ledger = take_slot(control)?;
    let spawned = worker::command(role).and_then(|mut command| command.spawn());
    let mut handle = match spawned {
        Ok(handle) => handle,
        Err(e) => {
            give_back(setup.ledger);
            return Err(Ctrl::raise(
                ExcKind::OSError,
                format!("cannot start a process: {e}"),
            ));
        }
    };
    let stdout = handle.stdout.take().expect("stdout is piped");
    let stderr = handle.stderr.take().expect("stderr is piped");
    let last_words = std::thread::Builder::new()
        .name(threads::os_thread_name(&format!("{}-stderr", l.name)))
        .spawn(move || keep_tail(stderr))
        .expect("the OS can start a thread");
    let run = recorder::current_run().expect("scenario code runs with a recorder");
    let lane = declare_lane(&run, t0, handle.id(), &l, cx.site.line);
    let child = Arc::new(Child {
        pid: handle.id(),
        lane,
        pool: l.pool,
        daemon: l.daemon,
        ledger: setup.ledger,
        name: l.name.clone(),
        max_memory_bytes: control.options.max_memory_bytes,
        killed: AtomicBool::new(false),
        stdin: Mutex::new(handle.stdin.take()),
        life: Mutex::new(Life {
            handle: Some(handle),
            status: None,
            done: false,
        }),
        changed: Condvar::new(),
        io: Mutex::new(None),
    });
    control.processes.add(child.clone());
    child.send(&Down::Setup(Box::new(setup)));
    let follower = child.clone();
    let lanes = LaneMap::new(lane, l.name.clone());
    let replies = l.replies;
    let io = std::thread::Builder::new()
        .name(threads::os_thread_name(&format!("{}-io", l.name)))
        .spawn(move || follow(follower, stdout, last_words, run, lanes, replies))
        .expect("the OS can start a thread");
    *child.io.lock() = Some(io);
    Ok(child)
}

/// A share of the run's ledger for a new child, or Python's error when the run has as many
/// processes as it may.
fn take_slot(control: &RunControl) -> Eval<Option<LedgerSlot>> {
    let Some(ledger) = budget::ledger() else {
        return Ok(None);
    };
    let max = control.options.max_processes as usize;
    match ledger.take_slot(max) {
        Some(slot) => Ok(Some(LedgerSlot {
            fd: budget::ledger_fd(),
            slot,
        })),
        None => Err(Ctrl::raise(
            ExcKind::RuntimeError,
            Refused::Processes(max).to_string(),
        )),
    }
}

fn give_back(slot: Option<LedgerSlot>) {
    if let (Some(ledger), Some(slot)) = (budget::ledger(), slot) {
        ledger.free_slot(slot.slot);
    }
}

/// Declares the child's lane (with its real pid) and the spawn arrow to it, both at `t0`, and
/// shows the lane `starting` until the child reports.
fn declare_lane(run: &RunRecording, t0: u64, pid: u32, l: &Launch, line: u32) -> LaneIx {
    let lane = run.alloc_lane();
    let lane_event = EventKind::Lane {
        kind: LaneKind::Process,
        name: l.name.clone(),
        detail: Some(l.detail.clone()),
        parent: Some(LOOP_LANE),
        pid,
    };
    recorder::record_at(t0, lane, lane_event);
    recorder::record_at(
        t0,
        recorder::current_lane(),
        EventKind::Spawn { child: lane, line },
    );
    let starting = EventKind::State {
        state: State::Native,
        label: Some(Arc::from(STARTING)),
        line: 0,
    };
    recorder::record_at(t0, lane, starting);
    recorder::flush();
    lane
}

/// The thread that reads a child's stdout: events go to the run's log under the child's lanes
/// (as `lanes` numbers them), job results to `replies`. At the end of the stream it reaps the
/// child.
fn follow(
    child: Arc<Child>,
    stdout: ChildStdout,
    last_words: JoinHandle<String>,
    run: Arc<RunRecording>,
    mut lanes: LaneMap,
    mut replies: Option<Box<dyn Replies>>,
) {
    recorder::install(run.clone(), child.lane);
    let mut reader = FrameReader::new(BufReader::new(stdout));
    loop {
        match reader.next_frame() {
            Ok(Some(Frame::Events(batch))) => run.sink.append(lanes.remap(&run, batch)),
            Ok(Some(Frame::Done { id, outcome })) => {
                if let Some(r) = replies.as_mut() {
                    r.done(id, outcome);
                }
            }
            Ok(Some(_)) => {}
            Ok(None) | Err(PipeError::Io(_)) => break,
            Err(PipeError::Damaged(_)) => {
                // Not our protocol: a child in this state can only be stopped.
                child.signal(libc::SIGKILL);
                break;
            }
        }
        recorder::flush();
    }
    lanes.leave_cores(&run);
    let status = child.reap();
    child.report_death(status, &last_words.join().unwrap_or_default());
    if !lanes.ended {
        let end = if status.success() {
            State::Done
        } else {
            State::Failed
        };
        recorder::state(child.lane, end, None, 0);
    }
    if let Some(r) = replies.as_mut() {
        r.exited();
    }
    recorder::uninstall();
    child.set_done();
}

impl Child {
    /// Writes one message to the child's stdin (a child that is gone shows in its exit status).
    fn send(&self, message: &Down) {
        if let Some(stdin) = self.stdin.lock().as_mut() {
            let _ = worker::send_down(stdin, message);
        }
    }

    fn close_stdin(&self) {
        self.stdin.lock().take();
    }

    /// Waits for the child to exit, then reaps it.
    fn reap(&self) -> ExitStatus {
        wait_exited(self.pid as libc::pid_t);
        let mut life = self.life.lock();
        let mut handle = life.handle.take().expect("a child is reaped once");
        let status = handle.wait().expect("the child is ours to reap");
        life.status = Some(status);
        drop(life);
        give_back(self.ledger);
        self.close_stdin();
        status
    }

    fn set_done(&self) {
        self.life.lock().done = true;
        self.changed.notify_all();
    }

    /// Sends `signal` to the child, unless it has been reaped and its pid may belong to another
    /// process by now. The child's own children notice within a poll that their parent is gone.
    fn signal(&self, signal: i32) {
        let life = self.life.lock();
        if life.handle.is_none() {
            return;
        }
        self.killed.store(true, Ordering::Relaxed);
        // SAFETY: a plain system call; `pid` is our unreaped child, so it names no other process.
        unsafe { libc::kill(self.pid as libc::pid_t, signal) };
    }

    /// A child that died by a signal nobody here sent it says why, on its lane: as Python
    /// reports a `MemoryError` in a child, or the crash.
    fn report_death(&self, status: ExitStatus, last_words: &str) {
        if status.signal().is_none() || self.killed.load(Ordering::Relaxed) {
            return;
        }
        let message = match cause_of_death(status, last_words) {
            Death::OverMemory => format!(
                "Process {}: MemoryError: it went over the run's memory limit of {} MiB",
                self.name,
                self.max_memory_bytes >> 20
            ),
            Death::Crashed(what) => format!("Process {} crashed: {what}", self.name),
        };
        recorder::record(
            self.lane,
            EventKind::Exception {
                message: Arc::from(message),
                line: 0,
            },
        );
    }

    fn join_io(&self) {
        if let Some(io) = self.io.lock().take() {
            let _ = io.join();
        }
    }

    /// Waits until the child has ended and its events are all in (true), `until` passes
    /// (false) or the run stops (an abort).
    fn wait_done(&self, until: Option<Instant>, control: &RunControl) -> Eval<bool> {
        let mut life = self.life.lock();
        wait_while(&self.changed, &mut life, until, control, |life| !life.done)
    }

    fn is_alive(&self) -> bool {
        self.life.lock().status.is_none()
    }

    /// `Process.exitcode`: the exit status, or minus the signal that ended the child.
    fn exitcode(&self) -> Option<i64> {
        let status = self.life.lock().status?;
        Some(match status.code() {
            Some(code) => i64::from(code),
            None => -i64::from(status.signal().unwrap_or(0)),
        })
    }
}

/// The child's lanes in the parent's numbering: the child's main thread is its process lane;
/// every other lane gets a new index on first sight, nested under the process lane, except the
/// child's core lanes: what they show goes to the run's own core lanes.
struct LaneMap {
    process: LaneIx,
    /// The process's name, which prefixes its threads' names on the run's core lanes.
    name: Arc<str>,
    lanes: Vec<Option<LaneIx>>,
    /// The child's core lanes, and the CPU each one stands for.
    cores: HashMap<LaneIx, Option<usize>>,
    /// The child's main thread reached a terminal state.
    ended: bool,
}

impl LaneMap {
    fn new(process: LaneIx, name: Arc<str>) -> LaneMap {
        LaneMap {
            process,
            name,
            lanes: Vec::new(),
            cores: HashMap::new(),
            ended: false,
        }
    }

    fn lane(&mut self, run: &RunRecording, child: LaneIx) -> LaneIx {
        if child == LOOP_LANE {
            return self.process;
        }
        let slot = child as usize;
        if self.lanes.len() <= slot {
            self.lanes.resize(slot + 1, None);
        }
        *self.lanes[slot].get_or_insert_with(|| run.alloc_lane())
    }

    fn remap(&mut self, run: &RunRecording, batch: Vec<Event>) -> Vec<Event> {
        batch
            .into_iter()
            .filter_map(|e| self.event(run, e))
            .collect()
    }

    fn event(&mut self, run: &RunRecording, mut e: Event) -> Option<Event> {
        if self.core_event(run, &e) {
            return None;
        }
        let on_main = e.lane == LOOP_LANE;
        e.kind = match e.kind {
            EventKind::Lane { .. } if on_main => return None,
            EventKind::Lane {
                kind,
                name,
                detail,
                parent,
                pid,
            } => EventKind::Lane {
                kind,
                name,
                detail,
                parent: Some(parent.map_or(self.process, |p| self.lane(run, p))),
                pid,
            },
            EventKind::State { state, label, line } => {
                self.ended |= on_main && state.is_terminal();
                EventKind::State { state, label, line }
            }
            EventKind::Spawn { child, line } => EventKind::Spawn {
                child: self.lane(run, child),
                line,
            },
            EventKind::Wake { target } => EventKind::Wake {
                target: self.lane(run, target),
            },
            EventKind::Cancel { target, line } => EventKind::Cancel {
                target: self.lane(run, target),
                line,
            },
            other => other,
        };
        e.lane = self.lane(run, e.lane);
        Some(e)
    }

    /// Takes in an event of one of the child's core lanes (true): a declaration is noted, a
    /// state change is made on the run's core of that CPU.
    fn core_event(&mut self, run: &RunRecording, e: &Event) -> bool {
        if let EventKind::Lane {
            kind: LaneKind::Core,
            name,
            ..
        } = &e.kind
        {
            self.cores.insert(e.lane, cores::cpu_of(name));
            return true;
        }
        let Some(&cpu) = self.cores.get(&e.lane) else {
            return false;
        };
        if let (Some(cpu), EventKind::State { state, label, .. }) = (cpu, &e.kind) {
            self.show_on_core(run, e.t_ns, cpu, *state, label.as_deref());
        }
        true
    }

    /// A thread of the child, shown as `label`, started (`running`) or stopped running on `cpu`
    /// at `t_ns`. On the run's core the process stands for its thread there.
    fn show_on_core(
        &self,
        run: &RunRecording,
        t_ns: u64,
        cpu: usize,
        state: State,
        label: Option<&str>,
    ) {
        if state != State::Running {
            run.cores.leave_at(run, t_ns, cpu, self.process);
            return;
        }
        let label = match label {
            Some(thread) => Arc::from(format!("{} · {thread}", self.name)),
            None => self.name.clone(),
        };
        run.cores.enter_at(run, t_ns, cpu, self.process, label);
    }

    /// The child is gone: the cores still showing one of its threads go idle.
    fn leave_cores(&self, run: &RunRecording) {
        let t_ns = run.clock.now_ns();
        for &cpu in self.cores.values().flatten() {
            run.cores.leave_at(run, t_ns, cpu, self.process);
        }
    }
}

/// What a new child needs to run the scenario under what is left of this run's limits.
fn setup(ctx: &Ctx, name: &str, identity: &str, job: Option<Job>) -> Setup {
    let control = RunControl::of(&ctx.interp);
    let mut options = control.options.clone();
    options.time_limit += LIMIT_GRACE;
    Setup {
        source: ctx.interp.program.source.to_string(),
        name: name.to_string(),
        identity: identity.to_string(),
        parent_pid: std::process::id(),
        origin_ns: control.clock.monotonic_origin_ns(),
        options,
        ledger: None,
        job,
    }
}

/// `target(*args)` as a job for a child; fails as pickling does for what cannot cross.
fn job(ctx: &Ctx, id: u64, target: &Value, args: &[Value]) -> Eval<Job> {
    let args = args
        .iter()
        .map(|a| marshal::encode(ctx, a))
        .collect::<Result<_, _>>()?;
    Ok(Job {
        id,
        target: marshal::encode(ctx, target)?,
        args,
    })
}

// ---- multiprocessing.Process -------------------------------------------------------------------

/// A `multiprocessing.Process`.
pub struct ProcessObj {
    name: Arc<str>,
    identity: String,
    target: Option<Value>,
    args: Vec<Value>,
    daemon: bool,
    child: Mutex<Option<Arc<Child>>>,
}

impl ProcessObj {
    fn child(&self) -> Option<Arc<Child>> {
        self.child.lock().clone()
    }

    fn start(&self, cx: &CallCx) -> Eval {
        let mut slot = self.child.lock();
        if slot.is_some() {
            return Err(Ctrl::raise(
                ExcKind::AssertionError,
                "cannot start a process twice",
            ));
        }
        let job = match &self.target {
            Some(target) => Some(job(cx.ctx, 0, target, &self.args)?),
            None => None,
        };
        let detail = self
            .target
            .as_ref()
            .map_or("run()".into(), marshal::callable_label);
        let launched = launch(
            cx,
            Launch {
                name: self.name.clone(),
                detail: Arc::from(detail),
                pool: false,
                daemon: self.daemon,
                setup: setup(cx.ctx, &self.name, &self.identity, job),
                replies: None,
            },
        )?;
        *slot = Some(launched);
        Ok(Value::None)
    }

    fn join(&self, cx: &CallCx, mut args: Args) -> Eval {
        let Some(child) = self.child() else {
            return Err(Ctrl::raise(
                ExcKind::AssertionError,
                "can only join a started process",
            ));
        };
        let timeout = timeout_arg(args.take_kw("timeout").or_else(|| args.pos.pop()))?;
        let control = RunControl::of(&cx.ctx.interp);
        let until = deadline(timeout);
        blocking(control, &cx.site.text, cx.site.line, || {
            child.wait_done(until, control)
        })?;
        Ok(Value::None)
    }

    /// `terminate()` (SIGTERM) or `kill()` (SIGKILL), to the child alone as Python does.
    fn send_signal(&self, signal: i32) -> Eval {
        if let Some(child) = self.child() {
            child.signal(signal);
        }
        Ok(Value::None)
    }

    fn state(&self) -> String {
        match self.child() {
            None => "initial".to_string(),
            Some(c) => match c.exitcode() {
                None => "started".to_string(),
                Some(code) => format!("stopped exitcode={code}"),
            },
        }
    }
}

impl PyObject for ProcessObj {
    fn type_name(&self) -> &'static str {
        "Process"
    }

    fn repr(&self) -> String {
        format!("<Process name='{}' {}>", self.name, self.state())
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        let child = self.child();
        let or_none = |v: Option<i64>| v.map_or(Value::None, Value::Int);
        match name {
            "name" => Some(Value::Str(Text::from(&self.name))),
            "pid" | "ident" => Some(or_none(child.map(|c| i64::from(c.pid)))),
            "exitcode" => Some(or_none(child.and_then(|c| c.exitcode()))),
            "daemon" => Some(Value::Bool(self.daemon)),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "start" | "join" | "is_alive" | "terminate" | "kill")
    }

    fn call_method(&self, cx: &CallCx, _me: &Value, name: &str, args: Args) -> Eval {
        match name {
            "start" => self.start(cx),
            "join" => self.join(cx, args),
            "terminate" => self.send_signal(libc::SIGTERM),
            "kill" => self.send_signal(libc::SIGKILL),
            _ => Ok(Value::Bool(self.child().is_some_and(|c| c.is_alive()))),
        }
    }
}

fn process_new(cx: &CallCx, mut args: Args) -> Eval {
    if !args.pos.is_empty() {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            "Process() takes keyword arguments: Process(target=f, args=(...), name=...)",
        ));
    }
    let target = args.take_kw("target").filter(|t| !matches!(t, Value::None));
    let process_args = match args.take_kw("args") {
        Some(a) => ops::to_vec(&a)?,
        None => Vec::new(),
    };
    let name = args.take_kw("name").filter(|n| !matches!(n, Value::None));
    let daemon = args.take_kw("daemon").is_some_and(|d| d.truthy());
    args.no_more_kw("Process")?;
    let identity = RunControl::of(&cx.ctx.interp).processes.next_identity();
    let name = name.map_or_else(|| format!("Process-{identity}"), |n| n.to_str());
    Ok(object(ProcessObj {
        name: Arc::from(name),
        identity,
        target,
        args: process_args,
        daemon,
        child: Mutex::new(None),
    }))
}

/// The one start method: a child is a fresh interpreter that re-runs the scenario.
const START_METHOD: &str = "spawn";

/// `multiprocessing.set_start_method(method)`: `spawn` is accepted (so a program can ask
/// CPython for the same behaviour); the others cannot be had here.
fn set_start_method(_cx: &CallCx, mut args: Args) -> Eval {
    args.take_kw("force");
    let method = args.take_kw("method").or_else(|| args.pos.first().cloned());
    args.no_more_kw("set_start_method")?;
    match method {
        Some(Value::Str(m)) if &*m == START_METHOD => Ok(Value::None),
        Some(other) => Err(Ctrl::raise(
            ExcKind::ValueError,
            format!(
                "cannot use the start method {}: scenario processes are always started with \
                 'spawn'",
                other.repr()
            ),
        )),
        None => Err(Ctrl::raise(
            ExcKind::TypeError,
            "set_start_method() missing required argument 'method'",
        )),
    }
}

fn get_start_method(_cx: &CallCx, _args: Args) -> Eval {
    Ok(Value::str(START_METHOD))
}

pub static PROCESS: NativeFn = NativeFn {
    name: "Process",
    call: process_new,
};
pub static SET_START_METHOD: NativeFn = NativeFn {
    name: "set_start_method",
    call: set_start_method,
};
pub static GET_START_METHOD: NativeFn = NativeFn {
    name: "get_start_method",
    call: get_start_method,
};

// ---- concurrent.futures.ProcessPoolExecutor ----------------------------------------------------

/// A `concurrent.futures.ProcessPoolExecutor`: worker processes started on demand up to
/// `max_workers`, each taking job after job.
pub struct ProcessPool {
    max_workers: usize,
    shared: Arc<PoolShared>,
}

struct PoolShared {
    /// Decodes results (functions are found by name in this program).
    interp: Arc<Interp>,
    state: Mutex<PoolState>,
}

#[derive(Default)]
struct PoolState {
    queue: VecDeque<(Job, Arc<CFuture>)>,
    workers: Vec<Worker>,
    next_job: u64,
    shutdown: bool,
    broken: bool,
}

struct Worker {
    child: Arc<Child>,
    /// The job it is running.
    busy: Option<(u64, Arc<CFuture>)>,
    gone: bool,
}

impl Worker {
    fn idle(&self) -> bool {
        self.busy.is_none() && !self.gone
    }
}

impl PoolState {
    /// Hands queued jobs to idle workers; once shut down, lets idle workers go.
    fn dispatch(&mut self) {
        for worker in self.workers.iter_mut().filter(|w| w.idle()) {
            match self.queue.pop_front() {
                Some((job, future)) => {
                    worker.busy = Some((job.id, future));
                    worker.child.send(&Down::Job(job));
                }
                None if self.shutdown => worker.child.close_stdin(),
                None => {}
            }
        }
    }

    /// Marks the pool broken and takes every future that can no longer complete.
    fn break_pool(&mut self) -> Vec<Arc<CFuture>> {
        self.broken = true;
        let running = self.workers.iter_mut().filter_map(|w| w.busy.take());
        let mut lost: Vec<_> = running.map(|(_, f)| f).collect();
        lost.extend(self.queue.drain(..).map(|(_, f)| f));
        lost
    }
}

/// `BrokenProcessPool` (a `RuntimeError` in Python too).
fn broken_pool() -> Arc<Exception> {
    Arc::new(Exception::new(ExcKind::RuntimeError, BROKEN_POOL))
}

impl ProcessPool {
    /// `executor.submit(fn, *args)`: queues the job, starting a worker if none is idle.
    fn submit_job(&self, cx: &CallCx, func: &Value, args: Vec<Value>) -> Eval<Arc<CFuture>> {
        let mut st = self.shared.state.lock();
        if st.shutdown {
            return Err(Ctrl::raise(
                ExcKind::RuntimeError,
                "cannot schedule new futures after shutdown",
            ));
        }
        if st.broken {
            return Err(Ctrl::exc(broken_pool()));
        }
        let job = job(cx.ctx, st.next_job, func, &args)?;
        if !st.workers.iter().any(Worker::idle) && st.workers.len() < self.max_workers {
            let child = self.start_worker(cx, st.workers.len())?;
            st.workers.push(Worker {
                child,
                busy: None,
                gone: false,
            });
        }
        st.next_job += 1;
        let future = CFuture::new();
        st.queue.push_back((job, future.clone()));
        st.dispatch();
        Ok(future)
    }

    fn start_worker(&self, cx: &CallCx, index: usize) -> Eval<Arc<Child>> {
        let identity = RunControl::of(&cx.ctx.interp).processes.next_identity();
        let name = format!("SpawnProcess-{identity}");
        let replies = WorkerReplies {
            shared: self.shared.clone(),
            index,
        };
        launch(
            cx,
            Launch {
                setup: setup(cx.ctx, &name, &identity, None),
                name: Arc::from(name),
                detail: Arc::from("ProcessPoolExecutor"),
                pool: true,
                daemon: false,
                replies: Some(Box::new(replies)),
            },
        )
    }

    /// `executor.shutdown(wait=True)`: no new jobs; the workers finish the queue and exit.
    fn shutdown_pool(&self, cx: &CallCx, wait: bool) -> Eval<()> {
        let children: Vec<Arc<Child>> = {
            let mut st = self.shared.state.lock();
            st.shutdown = true;
            st.dispatch();
            st.workers.iter().map(|w| w.child.clone()).collect()
        };
        if !wait || children.is_empty() {
            return Ok(());
        }
        let control = RunControl::of(&cx.ctx.interp);
        blocking(control, &cx.site.text, cx.site.line, || {
            children
                .iter()
                .try_for_each(|c| c.wait_done(None, control).map(drop))
        })
    }
}

/// Routes one worker's results to the futures of its jobs.
struct WorkerReplies {
    shared: Arc<PoolShared>,
    index: usize,
}

impl Replies for WorkerReplies {
    fn done(&mut self, id: u64, outcome: Result<Json, WireError>) {
        let ctx = Ctx::new(self.shared.interp.clone());
        let outcome = match outcome {
            Ok(json) => match marshal::decode(&ctx, &json) {
                Ok(v) => Outcome::Value(v),
                Err(e) => Outcome::Error(Arc::new(e.exception())),
            },
            Err(e) => Outcome::Error(marshal::exception(&ctx, &e)),
        };
        let finished = {
            let mut st = self.shared.state.lock();
            let worker = &mut st.workers[self.index];
            let finished = worker.busy.take_if(|(job, _)| *job == id);
            st.dispatch();
            finished
        };
        if let Some((_, future)) = finished {
            future.complete(outcome);
        }
    }

    fn exited(&mut self) {
        let lost = {
            let mut st = self.shared.state.lock();
            st.workers[self.index].gone = true;
            let abrupt = st.workers[self.index].busy.is_some() || !st.shutdown;
            if abrupt {
                st.break_pool()
            } else {
                Vec::new()
            }
        };
        for future in lost {
            future.complete(Outcome::Error(broken_pool()));
        }
    }
}

impl Executor for ProcessPool {
    const TYPE_NAME: &'static str = "ProcessPoolExecutor";

    fn submit(&self, cx: &CallCx, func: &Value, args: Vec<Value>) -> Eval<Arc<CFuture>> {
        self.submit_job(cx, func, args)
    }

    fn shutdown(&self, cx: &CallCx, wait: bool) -> Eval<()> {
        self.shutdown_pool(cx, wait)
    }
}

fn process_pool_new(cx: &CallCx, mut args: Args) -> Eval {
    let max_workers = args
        .take_kw("max_workers")
        .or_else(|| args.pos.first().cloned());
    args.no_more_kw("ProcessPoolExecutor")?;
    let max_workers = match max_workers {
        None | Some(Value::None) => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(Value::Int(n)) if n > 0 => n as usize,
        Some(_) => {
            return Err(Ctrl::raise(
                ExcKind::ValueError,
                "max_workers must be greater than 0",
            ))
        }
    };
    Ok(object(ProcessPool {
        max_workers,
        shared: Arc::new(PoolShared {
            interp: cx.ctx.interp.clone(),
            state: Mutex::new(PoolState::default()),
        }),
    }))
}

pub static PROCESS_POOL: NativeFn = NativeFn {
    name: "ProcessPoolExecutor",
    call: process_pool_new,
};
