//! The worker process: `interleave worker --run|--process|--pool`, one for every run and one for
//! every child process a run starts. It reads its setup from stdin, puts its limits and sandbox
//! in place before any scenario code runs, compiles the program, runs it, and sends everything
//! it records up its stdout pipe. A panic anywhere in it ends the process at once: the process
//! that started it reports the crash, nobody else is affected.

use std::io::{self, BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::control::RunControl;
use super::marshal::{self, WireError};
use super::outbox::Outbox;
use super::pipe::{Frame, Refusal};
use super::sandbox::{self, LedgerSlot};
use super::threads;
use super::{event_loop, gil, RunOptions};
use crate::lang::error::{Abort, Ctrl, Eval, Signal};
use crate::lang::eval::{Ctx, Interp};
use crate::lang::function::{Args, Coroutine, Frame as PyFrame};
use crate::lang::ir::{Call, Expr, ExprKind};
use crate::lang::value::{ModuleDef, Value};
use crate::lang::{self, Program};
use crate::record::log::RunLog;
use crate::record::recorder::{self, Clock, RunRecording, Sink};
use crate::trace::event::{
    DiagnosticKind, EventKind, LaneKind, RunEnd, RunError, RunStatus, State, LOOP_LANE,
};

/// How often an idle pool worker looks at whether its run is stopping.
const IDLE_POLL: Duration = Duration::from_millis(50);
/// How often a child process checks that its parent is still there.
const PARENT_POLL: Duration = Duration::from_millis(50);
/// The hidden mode that checks the sandbox.
const PROBE_FLAG: &str = "--probe";
/// What a pool worker's lane shows between jobs.
const WAITING_FOR_WORK: &str = "waiting for work";

/// What a worker process is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A run: the program as `__main__`.
    Run,
    /// A `multiprocessing.Process`: the program as `__mp_main__`, then its one job.
    Process,
    /// A process pool's worker: the program as `__mp_main__`, then jobs until stdin closes.
    Pool,
}

impl Role {
    const ALL: [Role; 3] = [Role::Run, Role::Process, Role::Pool];

    fn flag(self) -> &'static str {
        match self {
            Role::Run => "--run",
            Role::Process => "--process",
            Role::Pool => "--pool",
        }
    }

    fn module_name(self) -> &'static str {
        match self {
            Role::Run => "__main__",
            Role::Process | Role::Pool => "__mp_main__",
        }
    }

    fn main_lane_name(self) -> &'static str {
        match self {
            Role::Run => "main thread · event loop",
            Role::Process | Role::Pool => "MainThread",
        }
    }
}

/// What goes down a worker's stdin, a JSON line each: the setup first, then jobs and commands.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Down {
    Setup(Box<Setup>),
    /// A job for a pool worker.
    Job(Job),
    /// Stop the run now; it ends `cancelled`.
    Cancel,
}

/// What a worker runs, and under which limits.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Setup {
    pub source: String,
    /// The process's name (`Process-3`, `SpawnProcess-1`; empty for a run).
    pub name: String,
    /// Its `multiprocessing` identity (`3`, or `3:1` for a child of `Process-3`; empty for a
    /// run).
    pub identity: String,
    /// The pid of the process that started it.
    pub parent_pid: u32,
    /// The run's start on CLOCK_MONOTONIC, in nanoseconds: every process of a run shares it.
    pub origin_ns: u64,
    pub options: RunOptions,
    /// A child process's share of its run's ledger; `None` for a run, which creates the ledger.
    pub ledger: Option<LedgerSlot>,
    /// A `Process`'s one job (`None` without a target).
    pub job: Option<Job>,
}

/// One call for a child to make: `target(*args)`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Job {
    pub id: u64,
    /// The function, encoded (by name).
    pub target: Json,
    pub args: Vec<Json>,
}

// ---- starting a worker ------------------------------------------------------------------------

static PROGRAM: OnceLock<PathBuf> = OnceLock::new();

/// Sets the program started as a worker (by default the running executable). A program that
/// embeds the library without being `interleave`, such as a test harness, points it at the
/// `interleave` binary. The first call wins.
pub fn set_program(path: impl Into<PathBuf>) {
    let _ = PROGRAM.set(path.into());
}

fn program() -> io::Result<PathBuf> {
    match PROGRAM.get() {
        Some(path) => Ok(path.clone()),
        None => std::env::current_exe(),
    }
}

/// `interleave worker <role>` with piped stdin, stdout and stderr.
pub fn command(role: Role) -> io::Result<Command> {
    let mut command = Command::new(program()?);
    command
        .arg("worker")
        .arg(role.flag())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    Ok(command)
}

/// Writes one message down a worker's stdin (a worker that is gone shows in its exit status).
pub fn send_down(stdin: &mut impl Write, message: &Down) -> io::Result<()> {
    let mut line = serde_json::to_vec(message).expect("messages serialise");
    line.push(b'\n');
    stdin.write_all(&line)?;
    stdin.flush()
}

// ---- the worker's side ------------------------------------------------------------------------

/// `interleave worker --run|--process|--pool`. Exit status 0, 1 when a child's module or job
/// failed, 2 when the arguments, the setup or the sandbox could not be had.
/// `modules` are what programs may import (the modules layer's registry).
pub fn worker_main(args: &[String], modules: &'static [ModuleDef]) -> ExitCode {
    if let [flag, port, outside] = args {
        if flag == PROBE_FLAG {
            return probe_main(port, outside);
        }
    }
    let role = match args {
        [flag] => Role::ALL.into_iter().find(|r| r.flag() == flag),
        _ => None,
    };
    let Some(role) = role else {
        eprintln!("interleave worker: expected --run, --process or --pool");
        return ExitCode::from(2);
    };
    end_on_panic();
    let mut input = BufReader::new(io::stdin());
    let setup = match read_down(&mut input) {
        Some(Down::Setup(setup)) => *setup,
        _ => {
            eprintln!("interleave worker: no setup line on stdin");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = sandbox::enter(&setup.options, setup.ledger) {
        eprintln!("interleave worker: cannot set up the sandbox: {e}");
        return ExitCode::from(2);
    }
    if role != Role::Run {
        watch_parent(setup.parent_pid);
    }
    let outbox = Outbox::new(setup.options.max_events);
    let writer = {
        let outbox = outbox.clone();
        std::thread::Builder::new()
            .name("interleave-pipe".into())
            .spawn(move || outbox.write_to(io::stdout().lock()))
            .expect("the OS can start a thread")
    };
    let program = {
        let outbox = outbox.clone();
        std::thread::Builder::new()
            .name("interleave-program".into())
            .stack_size(lang::PROGRAM_STACK)
            .spawn(move || run_program_here(&setup, modules, role, input, &outbox))
            .expect("the OS can start a thread")
    };
    let ok = program.join().unwrap_or(false);
    let _ = writer.join();
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `interleave worker --probe PORT PID`: enters a run's sandbox and reports, a line each, what
/// it refuses and what it lets through ([`sandbox::probe`]). Exit status 0 when it holds.
fn probe_main(port: &str, outside: &str) -> ExitCode {
    let (Ok(port), Ok(outside)) = (port.parse(), outside.parse()) else {
        eprintln!("interleave worker: --probe needs a TCP port and a pid");
        return ExitCode::from(2);
    };
    let enforced = match sandbox::enter(&RunOptions::default(), None) {
        Ok(enforced) => enforced,
        Err(e) => {
            eprintln!("interleave worker: cannot set up the sandbox: {e}");
            return ExitCode::from(2);
        }
    };
    println!("sandbox: {enforced}");
    let probes = sandbox::probe(port, outside);
    for probe in &probes {
        println!("{probe}");
    }
    if probes.iter().all(sandbox::Probe::holds) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Starts `interleave worker --probe` against a TCP port this process listens on and this
/// process's pid, its report going to this process's stdout; its exit status.
pub fn sandbox_check() -> io::Result<std::process::ExitStatus> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port().to_string();
    Command::new(program()?)
        .args(["worker", PROBE_FLAG, &port, &std::process::id().to_string()])
        .stdin(Stdio::null())
        .status()
}

/// Any panic ends the worker at once, with its message on stderr: half a run, with a lock held
/// by a thread that is gone, would only hang.
fn end_on_panic() {
    std::panic::set_hook(Box::new(|info| {
        let thread = std::thread::current();
        let name = thread.name().unwrap_or("unnamed");
        eprintln!("interleave worker panicked in thread '{name}': {info}");
        std::process::abort();
    }));
}

fn read_down(input: &mut impl BufRead) -> Option<Down> {
    let mut line = String::new();
    match input.read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => serde_json::from_str(&line).ok(),
    }
}

/// Reads what comes down stdin after the setup: commands take effect at once, jobs go to the
/// returned channel. When stdin closes, a run stops (whoever started it is gone) and a pool
/// worker has no more jobs.
fn listen(
    mut input: impl BufRead + Send + 'static,
    role: Role,
    control: &Arc<RunControl>,
) -> Receiver<Job> {
    let (jobs, received) = mpsc::channel();
    let control = control.clone();
    std::thread::Builder::new()
        .name("interleave-stdin".into())
        .spawn(move || {
            while let Some(message) = read_down(&mut input) {
                match message {
                    Down::Job(job) => {
                        let _ = jobs.send(job);
                    }
                    Down::Cancel => control.cancel(),
                    Down::Setup(_) => {}
                }
            }
            drop(jobs);
            if role == Role::Run {
                control.cancel();
            }
        })
        .expect("the OS can start a thread");
    received
}

/// A child does not outlive its parent by more than a poll: once the parent is gone (the child
/// has been handed to another process), so is the child, whatever it was doing.
fn watch_parent(parent: u32) {
    std::thread::Builder::new()
        .name("interleave-parent".into())
        .spawn(move || loop {
            // SAFETY: getppid has no preconditions and cannot fail.
            if u32::try_from(unsafe { libc::getppid() }) != Ok(parent) {
                std::process::exit(1);
            }
            std::thread::sleep(PARENT_POLL);
        })
        .expect("the OS can start a thread");
}

/// Compiles and runs the program in this process as the worker's `role`, sending the verdict,
/// the events and the end up the pipe, and taking commands (and a pool's jobs) from `input`.
/// A run's clock starts once its program has compiled; a child keeps its run's. Returns whether
/// it ended well.
fn run_program_here(
    setup: &Setup,
    modules: &'static [ModuleDef],
    role: Role,
    input: impl BufRead + Send + 'static,
    outbox: &Arc<Outbox>,
) -> bool {
    let program = match lang::compile(&setup.source, modules) {
        Ok(program) => program,
        Err(e) => {
            outbox.send(Frame::Refused(Refusal::from(&e)));
            outbox.close();
            return false;
        }
    };
    let clock = match role {
        Role::Run => Clock::start(),
        Role::Process | Role::Pool => Clock::from_monotonic_origin(setup.origin_ns),
    };
    let control = Arc::new(RunControl::new(setup.options.clone(), clock));
    outbox.watch(&control);
    outbox.send(Frame::Compiled {
        origin_ns: clock.monotonic_origin_ns(),
    });
    let jobs = listen(input, role, &control);
    control.processes.set_identity(&setup.identity);
    let prefix = match role {
        Role::Run => String::new(),
        Role::Process | Role::Pool => format!("Process {}: ", setup.name),
    };
    let control = &control;
    let (end, ok) = run_compiled(
        program,
        role,
        control,
        outbox.clone(),
        &prefix,
        |ctx| match role {
            Role::Run => Ok(()),
            Role::Process => run_process_job(ctx, setup.job.clone()),
            Role::Pool => run_pool_jobs(ctx, PoolJobs { jobs, control }, outbox),
        },
    );
    outbox.send(Frame::End(end));
    outbox.close();
    ok
}

/// Runs `program` on this thread with its own event loop, recording into `sink`, then
/// `after_module` (a child's jobs), then ends as a run does: threads joined, children reaped.
/// Returns the run's end and whether it ended well.
fn run_compiled(
    program: Arc<Program>,
    role: Role,
    control: &Arc<RunControl>,
    sink: Arc<dyn Sink>,
    prefix: &str,
    after_module: impl FnOnce(&Ctx) -> Eval<()>,
) -> (RunEnd, bool) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a current-thread runtime can be built");
    event_loop::init_thread(runtime);
    recorder::install(RunRecording::new(sink, control.clock), LOOP_LANE);
    recorder::new_lane(
        LaneKind::EventLoop,
        Arc::from(role.main_lane_name()),
        None,
        None,
    );
    let module: Arc<str> = Arc::from("<module>");
    recorder::state(LOOP_LANE, State::Running, Some(module.clone()), 0);
    gil::register_thread(LOOP_LANE, Some(module));
    threads::ThreadObj::install_main(LOOP_LANE);
    control.gil.take();
    let interp = Interp::new(program.clone(), control.clone(), role.module_name());
    let ctx = Ctx::new(Arc::new(interp));
    let result = run_program(&ctx, program).and_then(|()| after_module(&ctx));
    if result.is_err() && role == Role::Run {
        control.halt();
    }
    control.mark_program_done();
    control.threads.join_all(control);
    control.processes.reap_all(control);
    control.gil.release();
    let ok = result.is_ok() && control.stop_reason().is_none();
    let end = run_end(result, control, prefix);
    recorder::state(LOOP_LANE, end_state(role, &end), None, 0);
    recorder::uninstall();
    (end, ok)
}

/// Runs `program` to its end in this process, outside any sandbox, recording into `log`, which
/// it finishes: the language's tests use it, where there is no worker binary to start. The
/// program must not start child processes.
pub fn run_in_this_process(program: Arc<Program>, options: RunOptions, log: Arc<RunLog>) {
    let thread = std::thread::Builder::new()
        .name("interleave-program".into())
        .stack_size(lang::PROGRAM_STACK)
        .spawn(move || {
            let control = Arc::new(RunControl::new(options, Clock::start()));
            let (end, _) = run_compiled(program, Role::Run, &control, log.clone(), "", |_| Ok(()));
            log.finish(end);
        })
        .expect("the OS can start a thread");
    let _ = thread.join();
}

/// How the main lane ends: a run's as its status says; a child's done or failed.
fn end_state(role: Role, end: &RunEnd) -> State {
    match (role, end.status) {
        (_, RunStatus::Ok) => State::Done,
        (Role::Run, RunStatus::Cancelled) => State::Cancelled,
        _ => State::Failed,
    }
}

/// Runs the module body; with a top-level `await`, the body becomes the main task of a loop.
pub(crate) fn run_program(ctx: &Ctx, program: Arc<Program>) -> Eval<()> {
    if !program.top_level_await {
        return ctx.exec_block(&mut PyFrame::module(program.module_locals), &program.body);
    }
    let body = Coroutine::native(
        "<module>",
        Arc::from("<module>"),
        0,
        Box::new(move |ctx| {
            Box::pin(async move {
                ctx.exec_block_async(&mut PyFrame::module(program.module_locals), &program.body)
                    .await
                    .map(|()| Value::None)
            })
        }),
    );
    super::aio::run_main(ctx, Arc::new(body), 0).map(|_| ())
}

/// A pool worker's jobs, as they come down stdin, until it closes or the run stops.
struct PoolJobs<'a> {
    jobs: Receiver<Job>,
    control: &'a RunControl,
}

impl Iterator for PoolJobs<'_> {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        recorder::state(LOOP_LANE, State::Idle, Some(Arc::from(WAITING_FOR_WORK)), 0);
        recorder::flush();
        self.control.gil.released(|| loop {
            match self.jobs.recv_timeout(IDLE_POLL) {
                Ok(job) => return Some(job),
                Err(RecvTimeoutError::Disconnected) => return None,
                Err(RecvTimeoutError::Timeout) if self.control.is_stopped() => return None,
                Err(RecvTimeoutError::Timeout) => {}
            }
        })
    }
}

/// A `Process`'s one job: what it raises fails the child, as in Python.
fn run_process_job(ctx: &Ctx, job: Option<Job>) -> Eval<()> {
    match job {
        Some(job) => call_job(ctx, job).map(drop),
        None => Ok(()),
    }
}

/// A pool worker's jobs, each outcome sent after the job's events: what a job raises goes to
/// its future, a stopped run stops the worker.
fn run_pool_jobs(ctx: &Ctx, jobs: impl Iterator<Item = Job>, outbox: &Outbox) -> Eval<()> {
    for job in jobs {
        let id = job.id;
        let result = call_job(ctx, job);
        recorder::flush();
        let aborted = matches!(&result, Err(ctrl) if ctrl.exception().is_none());
        outbox.send(Frame::Done {
            id,
            outcome: outcome(ctx, result),
        });
        if aborted {
            let reason = RunControl::of(&ctx.interp).stop_reason().cloned();
            return Err(Ctrl::abort(reason.unwrap_or(Abort::Cancelled)));
        }
    }
    Ok(())
}

/// Calls the job's target, its lane labelled with it.
fn call_job(ctx: &Ctx, job: Job) -> Eval {
    let target = marshal::decode(ctx, &job.target)?;
    let args = job
        .args
        .iter()
        .map(|a| marshal::decode(ctx, a))
        .collect::<Result<Vec<_>, _>>()?;
    let label: Arc<str> = Arc::from(marshal::callable_label(&target));
    recorder::state(LOOP_LANE, State::Running, Some(label.clone()), 0);
    gil::set_running_label(Some(label));
    ctx.call_value(0, &target, Args::positional(args), &job_site())
}

/// A job's result as it crosses back: the value, or what was raised (a result that cannot
/// cross raises there, as unpicklable results do).
fn outcome(ctx: &Ctx, result: Eval) -> Result<Json, WireError> {
    match result {
        Ok(v) => {
            marshal::encode(ctx, &v).map_err(|e| marshal::error(ctx, &Arc::new(e.exception())))
        }
        Err(ctrl) => Err(match ctrl.into_signal() {
            Signal::Raise(e) => marshal::error(ctx, &e),
            Signal::Abort(Abort::Limit(message)) => stopped("LimitExceeded", &message),
            _ => stopped("Cancelled", "the run was stopped before the job finished"),
        }),
    }
}

fn stopped(kind: &str, message: &str) -> WireError {
    WireError {
        kind: kind.to_string(),
        message: message.to_string(),
        args: None,
        traceback: Vec::new(),
    }
}

/// The call site recorded for a job's target.
fn job_site() -> Call {
    Call {
        func: Expr {
            kind: ExprKind::Const(Value::None),
            awaits: false,
        },
        args: Vec::new(),
        line: 0,
        text: Arc::from("<process>"),
    }
}

/// Turns the program's result into the run's status, recording why it stopped (an exception
/// with `prefix`: a child says which process raised it, as Python prints `Process Process-1:`).
/// A run that was stopped (cancelled, out of time, over a limit) ends so whatever its main
/// thread did.
fn run_end(result: Eval<()>, control: &RunControl, prefix: &str) -> RunEnd {
    let result = match control.stop_reason() {
        Some(reason) => Err(Ctrl::abort(reason.clone())),
        None => result,
    };
    let (status, error) = match result.map_err(Ctrl::into_signal) {
        Ok(()) => (RunStatus::Ok, None),
        Err(Signal::Raise(e)) => {
            let traceback = e.traceback.lock().clone();
            let line = traceback.last().map_or(0, |f| f.line);
            recorder::record(
                LOOP_LANE,
                EventKind::Exception {
                    message: Arc::from(format!("{prefix}{}", e.summary_line())),
                    line,
                },
            );
            let error = RunError {
                kind: e.qualified_name(),
                message: e.message(),
                line,
                traceback,
            };
            (RunStatus::Error, Some(error))
        }
        Err(Signal::Abort(Abort::Cancelled)) => (
            RunStatus::Cancelled,
            Some(RunError::plain("Cancelled", CANCELLED)),
        ),
        Err(Signal::Abort(Abort::Limit(message))) => {
            record_limit(&message);
            (
                RunStatus::Limit,
                Some(RunError::plain("LimitExceeded", &message)),
            )
        }
        Err(Signal::Break | Signal::Continue) => (
            RunStatus::Error,
            Some(RunError::plain(
                "SyntaxError",
                "'break' or 'continue' outside loop",
            )),
        ),
        Err(Signal::Return(_)) => (
            RunStatus::Error,
            Some(RunError::plain("SyntaxError", "'return' outside function")),
        ),
    };
    RunEnd {
        status,
        duration_ns: control.clock.now_ns(),
        error,
    }
}

/// What a cancelled run says.
pub const CANCELLED: &str = "the run was stopped before it finished";

fn record_limit(message: &str) {
    recorder::record(
        LOOP_LANE,
        EventKind::Diagnostic {
            kind: DiagnosticKind::Limit,
            message: Arc::from(message),
            line: 0,
        },
    );
}
