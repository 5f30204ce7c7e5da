//! The server's side of a run: starts its worker process, files what the worker sends in the
//! run's log, enforces the deadline and cancellation from outside, and ends the run honestly
//! however the worker ends.
//!
//! The worker leads a process group of its own, which the run's child processes join, so one
//! `killpg` stops all of them. The worker ends its own run at its deadline or on cancel; if it
//! has not done so a grace period later (a builtin call that cannot be interrupted, a hang), the
//! supervisor kills the group and ends the run itself with what was recorded until then. A
//! worker that dies (panic, abort, stack overflow, signal) ends its run with status `error` and
//! a plain message, and frees its slot at once.

use std::fmt;
use std::io::{self, BufReader, Read};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, ChildStdin, ExitStatus};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use super::control::time_limit_message;
use super::pipe::{Frame, FrameReader, PipeError};
use super::worker::{self, Down, Role, Setup, CANCELLED};
use super::RunOptions;
use crate::lang::SyntaxError;
use crate::record::log::RunLog;
use crate::record::recorder::Clock;
use crate::trace::event::{
    DiagnosticKind, Event, EventKind, RunEnd, RunError, RunStatus, LOOP_LANE,
};

/// The error kind of a run whose worker died.
pub const CRASHED: &str = "Crashed";
/// How long a worker has to end its run by itself after its deadline or a cancel.
pub const KILL_GRACE: Duration = Duration::from_secs(1);
/// Events a worker may send beyond its event limit (it stops itself at the limit) before it
/// is taken for broken and killed.
const EVENT_SLACK: u64 = 100_000;
/// How much of a worker's stderr is kept to explain a crash.
const STDERR_TAIL: usize = 16 << 10;

/// Why a run could not be started.
#[derive(Debug)]
pub enum StartError {
    /// The program does not compile (or uses what Interleave does not support).
    Refused(SyntaxError),
    /// The worker process could not be started.
    Spawn(io::Error),
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::Refused(e) => write!(f, "{e}"),
            StartError::Spawn(e) => write!(f, "cannot start a worker process: {e}"),
        }
    }
}

impl std::error::Error for StartError {}

/// A run in progress in its worker process.
pub struct RunHandle {
    shared: Arc<Shared>,
    threads: Mutex<Vec<JoinHandle<()>>>,
}

struct Shared {
    /// The worker's pid, which is also its process group's id.
    pid: libc::pid_t,
    /// The run's clock: from the worker's start until the program compiles, then the clock the
    /// program's events are stamped with.
    clock: Mutex<Clock>,
    options: RunOptions,
    stdin: Mutex<Option<ChildStdin>>,
    watch: Mutex<Watch>,
    changed: Condvar,
}

#[derive(Default)]
struct Watch {
    cancel_requested: Option<Instant>,
    /// Why the supervisor killed the worker, if it did.
    killed_for: Option<Kill>,
    /// The worker has exited and been reaped: its pid may name another process now.
    reaped: bool,
    /// The run's log is finished.
    finished: bool,
}

/// Why the supervisor killed a worker.
#[derive(Debug, Clone)]
enum Kill {
    TimeLimit,
    Cancelled,
    Events,
    Damaged(String),
}

/// Starts `source` in a new worker process; its events go to `log`, which is finished when the
/// run ends. Returns once the worker has compiled the program: a program that does not compile
/// is refused and starts nothing. A worker that crashes while compiling still makes a run, one
/// that has already ended with status `error`.
pub fn start(source: &str, options: RunOptions, log: Arc<RunLog>) -> Result<RunHandle, StartError> {
    let clock = Clock::start();
    let mut command = worker::command(Role::Run).map_err(StartError::Spawn)?;
    command.process_group(0);
    let mut child = command.spawn().map_err(StartError::Spawn)?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let stdout = child.stdout.take().expect("stdout is piped");
    let stderr = child.stderr.take().expect("stderr is piped");
    let setup = Setup {
        source: source.to_string(),
        name: String::new(),
        identity: String::new(),
        parent_pid: std::process::id(),
        origin_ns: clock.monotonic_origin_ns(),
        options: options.clone(),
        ledger: None,
        job: None,
    };
    // A worker that cannot read its setup dies, which the reader below reports.
    let _ = worker::send_down(&mut stdin, &Down::Setup(Box::new(setup)));
    let shared = Arc::new(Shared {
        pid: libc::pid_t::try_from(child.id()).expect("pids fit pid_t"),
        clock: Mutex::new(clock),
        options,
        stdin: Mutex::new(Some(stdin)),
        watch: Mutex::new(Watch::default()),
        changed: Condvar::new(),
    });
    let tail = spawn_thread("stderr", move || keep_tail(stderr));
    // The deadline holds from the start: compiling counts against it too.
    let watchdog = {
        let shared = shared.clone();
        spawn_thread("watchdog", move || shared.watch())
    };
    let mut reader = FrameReader::new(BufReader::with_capacity(256 << 10, stdout));
    let compiled = match reader.next_frame() {
        Ok(Some(Frame::Compiled { origin_ns })) => {
            *shared.clock.lock() = Clock::from_monotonic_origin(origin_ns);
            shared.changed.notify_all();
            true
        }
        Ok(Some(Frame::Refused(refusal))) => {
            // Nothing more to watch: the worker ends by itself, and is no longer to be killed.
            {
                let mut watch = shared.watch.lock();
                watch.finished = true;
                watch.reaped = true;
            }
            shared.changed.notify_all();
            let _ = watchdog.join();
            let _ = child.wait();
            return Err(StartError::Refused(refusal.into()));
        }
        Ok(_) => false,
        Err(e) => {
            shared.kill(Kill::Damaged(e.to_string()));
            false
        }
    };
    let follower = {
        let shared = shared.clone();
        spawn_thread("run", move || {
            let end = if compiled {
                follow(&shared, &mut reader, &log)
            } else {
                None
            };
            shared.finish(child, end, tail, &log, compiled);
        })
    };
    Ok(RunHandle {
        shared,
        threads: Mutex::new(vec![follower, watchdog]),
    })
}

fn spawn_thread<T: Send + 'static>(
    what: &str,
    body: impl FnOnce() -> T + Send + 'static,
) -> JoinHandle<T> {
    std::thread::Builder::new()
        .name(format!("interleave-{what}"))
        .spawn(body)
        .expect("the OS can start a thread")
}

impl RunHandle {
    /// Asks the run to stop; it ends with status `cancelled` within [`KILL_GRACE`].
    pub fn cancel(&self) {
        self.shared.cancel();
    }

    /// Nanoseconds since the run started, on the run's own clock.
    pub fn elapsed_ns(&self) -> u64 {
        self.shared.clock.lock().now_ns()
    }

    /// The worker's pid (the id of its process group).
    pub fn pid(&self) -> u32 {
        self.shared.pid.unsigned_abs()
    }

    pub fn is_finished(&self) -> bool {
        self.shared.watch.lock().finished
    }

    /// Waits until the run has ended and its worker has been reaped.
    pub fn join(self) {
        for thread in self.threads.lock().drain(..) {
            let _ = thread.join();
        }
    }
}

/// Files the worker's events in `log` until its pipe closes; returns the end it sent.
fn follow(shared: &Shared, reader: &mut FrameReader<impl Read>, log: &RunLog) -> Option<RunEnd> {
    let mut end = None;
    let mut events = 0u64;
    let allowed = shared.options.max_events.saturating_add(EVENT_SLACK);
    loop {
        match reader.next_frame() {
            Ok(Some(Frame::Events(batch))) => {
                events += batch.len() as u64;
                if events > allowed {
                    shared.kill(Kill::Events);
                    return end;
                }
                log.append(batch);
            }
            Ok(Some(Frame::End(sent))) => end = Some(sent),
            Ok(Some(_)) => {}
            Ok(None) | Err(PipeError::Io(_)) => return end,
            Err(e @ PipeError::Damaged(_)) => {
                shared.kill(Kill::Damaged(e.to_string()));
                return end;
            }
        }
    }
}

impl Shared {
    fn cancel(&self) {
        let mut watch = self.watch.lock();
        if watch.finished || watch.cancel_requested.is_some() {
            return;
        }
        watch.cancel_requested = Some(Instant::now());
        drop(watch);
        if let Some(stdin) = self.stdin.lock().as_mut() {
            let _ = worker::send_down(stdin, &Down::Cancel);
        }
        self.changed.notify_all();
    }

    /// Kills the worker's whole process group, unless the worker has been reaped.
    fn kill(&self, why: Kill) {
        let mut watch = self.watch.lock();
        if watch.reaped {
            return;
        }
        watch.killed_for.get_or_insert(why);
        // SAFETY: a plain system call; the worker is unreaped, so its group id is still ours.
        unsafe { libc::killpg(self.pid, libc::SIGKILL) };
    }

    /// Kills the worker once it has had its deadline (or its cancel) and a grace period more.
    fn watch(&self) {
        let mut watch = self.watch.lock();
        loop {
            if watch.finished {
                return;
            }
            let started = self.clock.lock().instant(0);
            let deadline = started + self.options.time_limit + KILL_GRACE;
            let (kill_at, why) = match watch.cancel_requested {
                Some(at) if at + KILL_GRACE < deadline => (at + KILL_GRACE, Kill::Cancelled),
                _ => (deadline, Kill::TimeLimit),
            };
            if Instant::now() >= kill_at {
                drop(watch);
                self.kill(why);
                return;
            }
            self.changed.wait_until(&mut watch, kill_at);
        }
    }

    /// Reaps the worker, sweeps what is left of its process group, and finishes the log.
    fn finish(
        &self,
        mut child: Child,
        sent_end: Option<RunEnd>,
        tail: JoinHandle<String>,
        log: &RunLog,
        compiled: bool,
    ) {
        wait_exited(self.pid);
        let killed_for = {
            let mut watch = self.watch.lock();
            watch.reaped = true;
            watch.killed_for.clone()
        };
        let status = child.wait().expect("the worker is ours to reap");
        // Children the worker could not reap itself (it was killed) are in its group.
        // SAFETY: a plain system call; the group outlives its leader only while it has members,
        // and no new process can take an id that names a living group.
        unsafe { libc::killpg(self.pid, libc::SIGKILL) };
        self.stdin.lock().take();
        let stderr = tail.join().unwrap_or_default();
        let end = match sent_end {
            Some(end) => end,
            None => {
                let (end, event) = self.end_without_word(killed_for, status, &stderr, compiled);
                log.append(vec![event]);
                end
            }
        };
        log.finish(end);
        self.watch.lock().finished = true;
        self.changed.notify_all();
    }

    /// The end of a run whose worker never sent one, and the event that says why.
    fn end_without_word(
        &self,
        killed_for: Option<Kill>,
        status: ExitStatus,
        stderr: &str,
        compiled: bool,
    ) -> (RunEnd, Event) {
        let (status, kind, message) = match killed_for {
            Some(Kill::TimeLimit) => (
                RunStatus::Limit,
                "LimitExceeded",
                time_limit_message(self.options.time_limit),
            ),
            Some(Kill::Cancelled) => (RunStatus::Cancelled, "Cancelled", CANCELLED.to_string()),
            Some(Kill::Events) => (
                RunStatus::Limit,
                "LimitExceeded",
                format!(
                    "the run recorded more than {} events (its event limit) and was stopped",
                    self.options.max_events
                ),
            ),
            Some(Kill::Damaged(why)) => {
                (RunStatus::Error, CRASHED, format!("the run crashed: {why}"))
            }
            None => crash(status, stderr, compiled, &self.options),
        };
        if status == RunStatus::Error {
            tracing::warn!(pid = self.pid, %message, stderr, "a worker died");
        }
        let t_ns = self.clock.lock().now_ns();
        let event = Event {
            seq: 0,
            t_ns,
            lane: LOOP_LANE,
            kind: match status {
                RunStatus::Limit => EventKind::Diagnostic {
                    kind: DiagnosticKind::Limit,
                    message: Arc::from(message.as_str()),
                    line: 0,
                },
                _ => EventKind::Exception {
                    message: Arc::from(message.as_str()),
                    line: 0,
                },
            },
        };
        let end = RunEnd {
            status,
            duration_ns: t_ns,
            error: Some(RunError::plain(kind, &message)),
        };
        (end, event)
    }
}

/// Why a worker died by itself: its run's status, the error's kind and the message.
fn crash(
    status: ExitStatus,
    stderr: &str,
    compiled: bool,
    options: &RunOptions,
) -> (RunStatus, &'static str, String) {
    let phase = if compiled { "running" } else { "compiling" };
    match cause_of_death(status, stderr) {
        Death::OverMemory => (
            RunStatus::Limit,
            "MemoryError",
            format!(
                "the run went over its memory limit of {} MiB and was stopped",
                options.max_memory_bytes >> 20
            ),
        ),
        Death::Crashed(what) => (
            RunStatus::Error,
            CRASHED,
            format!("the run crashed: {what} while {phase}"),
        ),
    }
}

/// How a process of a run died by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Death {
    /// An allocation past the run's memory budget was refused where it could not fail softly.
    OverMemory,
    /// Anything else, in plain words ("stack overflow", "killed by signal 9 (SIGKILL)").
    Crashed(String),
}

/// Why a process died, from its exit status and its last words on stderr.
pub fn cause_of_death(status: ExitStatus, stderr: &str) -> Death {
    if stderr.contains("memory allocation of") {
        return Death::OverMemory;
    }
    Death::Crashed(if stderr.contains("has overflowed its stack") {
        "stack overflow".to_string()
    } else if stderr.contains("panicked") {
        "an internal error".to_string()
    } else if let Some(signal) = status.signal() {
        format!("killed by signal {signal} ({})", signal_name(signal))
    } else {
        format!("it exited with status {}", status.code().unwrap_or(-1))
    })
}

fn signal_name(signal: i32) -> &'static str {
    match signal {
        libc::SIGSEGV => "SIGSEGV",
        libc::SIGABRT => "SIGABRT",
        libc::SIGKILL => "SIGKILL",
        libc::SIGBUS => "SIGBUS",
        libc::SIGILL => "SIGILL",
        libc::SIGFPE => "SIGFPE",
        libc::SIGTERM => "SIGTERM",
        _ => "a signal",
    }
}

/// Reads the worker's stderr to its end, keeping the last `STDERR_TAIL` bytes.
pub fn keep_tail(mut stderr: impl Read) -> String {
    let mut tail = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match stderr.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                tail.extend_from_slice(&buf[..n]);
                if tail.len() > 2 * STDERR_TAIL {
                    tail.drain(..tail.len() - STDERR_TAIL);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    String::from_utf8_lossy(&tail).into_owned()
}

/// Blocks until child `pid` has exited, leaving it unreaped (so its pid stays ours).
pub fn wait_exited(pid: libc::pid_t) {
    loop {
        // SAFETY: an all-zero siginfo_t is valid for waitid to fill in.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        // SAFETY: `info` is a valid siginfo_t; WNOWAIT leaves the child to be reaped later.
        let r = unsafe {
            libc::waitid(
                libc::P_PID,
                pid as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOWAIT,
            )
        };
        if r == 0 || io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            return;
        }
    }
}
