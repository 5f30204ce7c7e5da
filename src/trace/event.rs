//! The recorded event model: what the recorder pushes on the hot path and the run log stores.
//!
//! Every event is either a lane declaration, a state transition of one lane ("from `t_ns` on,
//! this lane is `state`"), or a point event. Spans are derived from consecutive transitions of
//! a lane (see [`crate::trace::spans`]); the wire format is documented in `docs/trace-format.md`.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Index of a lane inside one run (0 is always the event loop of the main process).
pub type LaneIx = u32;

/// The lane of the main event loop.
pub const LOOP_LANE: LaneIx = 0;

/// What a lane stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LaneKind {
    EventLoop,
    Task,
    Thread,
    Process,
    Core,
}

/// The state a lane is in from the moment of a [`EventKind::State`] transition on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Executing Python code (a task step, or the loop running a task).
    Running,
    /// A task suspended on an `await` (label = what it awaits).
    Awaiting,
    /// A task that could run but waits for the loop to pick it up.
    Ready,
    /// A synchronous call blocks the lane (e.g. `time.sleep` on the loop).
    Blocked,
    /// A thread waiting for the GIL.
    WaitingGil,
    /// A thread running native code without the GIL.
    Native,
    /// The loop parked, waiting for timers or I/O.
    Idle,
    /// Terminal: the lane finished normally. Closes the open span, opens none.
    Done,
    /// Terminal: the task ended with `CancelledError`.
    Cancelled,
    /// Terminal: the task ended with another exception.
    Failed,
}

impl State {
    /// Terminal states close a lane: no span follows them.
    pub fn is_terminal(self) -> bool {
        matches!(self, State::Done | State::Cancelled | State::Failed)
    }
}

/// One recorded event. `seq` is assigned by the run log, in append order, starting at 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub seq: u64,
    pub t_ns: u64,
    pub lane: LaneIx,
    pub kind: EventKind,
}

/// What happened. Labels are shared `Arc<str>` so the hot path never formats or allocates them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    /// Declares lane `lane`. Always precedes any other event of that lane.
    Lane {
        kind: LaneKind,
        name: Arc<str>,
        /// What the lane runs, e.g. the coroutine `fetch(2)`.
        detail: Option<Arc<str>>,
        parent: Option<LaneIx>,
        pid: u32,
    },
    /// The lane enters `state` (label/line say why, e.g. `asyncio.sleep(1)` at line 7).
    State {
        state: State,
        label: Option<Arc<str>>,
        line: u32,
    },
    /// `lane` created the task/thread/process `child` at `line`.
    Spawn { child: LaneIx, line: u32 },
    /// `lane` made `target` ready (the loop lane when a timer fired).
    Wake { target: LaneIx },
    /// `lane` wrote `text` to stdout at `line`.
    Print { text: Arc<str>, line: u32 },
    /// `lane` requested the cancellation of `target` at `line`.
    Cancel { target: LaneIx, line: u32 },
    /// An exception was raised out of a task or the program on `lane`.
    Exception { message: Arc<str>, line: u32 },
    /// Something worth pointing out (see [`DiagnosticKind`]).
    Diagnostic {
        kind: DiagnosticKind,
        message: Arc<str>,
        line: u32,
    },
}

/// Diagnostics the run can produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// A synchronous call held the event loop for more than 100 ms.
    BlockingCall,
    /// One task step held the loop for more than 100 ms.
    LongStep,
    /// A coroutine object was created and never awaited.
    NeverAwaited,
    /// A task failed and nobody retrieved its exception.
    ExceptionNeverRetrieved,
    /// The run hit a limit (time, tasks, output, recursion).
    Limit,
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    Running,
    Ok,
    Error,
    Cancelled,
    Limit,
}

/// One frame of a Python-like traceback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceFrame {
    pub function: String,
    pub line: u32,
}

/// The error that ended a run (an uncaught exception, or the limit that was hit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunError {
    /// `ValueError`, `TimeoutError`, ... or `LimitExceeded` / `Cancelled`.
    pub kind: String,
    pub message: String,
    pub line: u32,
    pub traceback: Vec<TraceFrame>,
}

impl RunError {
    /// An error that is not a Python exception: a limit, a cancel, a crash.
    pub fn plain(kind: &str, message: &str) -> RunError {
        RunError {
            kind: kind.to_string(),
            message: message.to_string(),
            line: 0,
            traceback: Vec::new(),
        }
    }
}

/// What the executor reports when a run is over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunEnd {
    pub status: RunStatus,
    pub duration_ns: u64,
    pub error: Option<RunError>,
}

impl LaneKind {
    /// Every lane kind, in declaration order.
    pub const ALL: [LaneKind; 5] = [
        LaneKind::EventLoop,
        LaneKind::Task,
        LaneKind::Thread,
        LaneKind::Process,
        LaneKind::Core,
    ];

    /// The wire name (`event_loop`, `task`, ...), as serde writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            LaneKind::EventLoop => "event_loop",
            LaneKind::Task => "task",
            LaneKind::Thread => "thread",
            LaneKind::Process => "process",
            LaneKind::Core => "core",
        }
    }
}

impl State {
    /// Every state, the non-terminal ones first.
    pub const ALL: [State; 10] = [
        State::Running,
        State::Awaiting,
        State::Ready,
        State::Blocked,
        State::WaitingGil,
        State::Native,
        State::Idle,
        State::Done,
        State::Cancelled,
        State::Failed,
    ];

    /// The wire name (`running`, `waiting_gil`, ...), as serde writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            State::Running => "running",
            State::Awaiting => "awaiting",
            State::Ready => "ready",
            State::Blocked => "blocked",
            State::WaitingGil => "waiting_gil",
            State::Native => "native",
            State::Idle => "idle",
            State::Done => "done",
            State::Cancelled => "cancelled",
            State::Failed => "failed",
        }
    }
}

impl DiagnosticKind {
    /// Every diagnostic kind.
    pub const ALL: [DiagnosticKind; 5] = [
        DiagnosticKind::BlockingCall,
        DiagnosticKind::LongStep,
        DiagnosticKind::NeverAwaited,
        DiagnosticKind::ExceptionNeverRetrieved,
        DiagnosticKind::Limit,
    ];

    /// The wire name (`blocking_call`, ...), as serde writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            DiagnosticKind::BlockingCall => "blocking_call",
            DiagnosticKind::LongStep => "long_step",
            DiagnosticKind::NeverAwaited => "never_awaited",
            DiagnosticKind::ExceptionNeverRetrieved => "exception_never_retrieved",
            DiagnosticKind::Limit => "limit",
        }
    }
}

impl RunStatus {
    /// Every status a run can have.
    pub const ALL: [RunStatus; 5] = [
        RunStatus::Running,
        RunStatus::Ok,
        RunStatus::Error,
        RunStatus::Cancelled,
        RunStatus::Limit,
    ];

    /// The wire name (`running`, `ok`, ...), as serde writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            RunStatus::Running => "running",
            RunStatus::Ok => "ok",
            RunStatus::Error => "error",
            RunStatus::Cancelled => "cancelled",
            RunStatus::Limit => "limit",
        }
    }
}

/// Event kinds by number, as the in-memory and in-flight compact forms (the run log, the worker
/// pipe) write them. The snapshot codec keeps numbers of its own, which stored blobs depend on.
pub mod tag {
    pub const LANE: u8 = 0;
    pub const STATE: u8 = 1;
    pub const SPAWN: u8 = 2;
    pub const WAKE: u8 = 3;
    pub const PRINT: u8 = 4;
    pub const CANCEL: u8 = 5;
    pub const EXCEPTION: u8 = 6;
    pub const DIAGNOSTIC: u8 = 7;
}

impl EventKind {
    /// The kind's number (see [`tag`]).
    pub const fn tag(&self) -> u8 {
        match self {
            EventKind::Lane { .. } => tag::LANE,
            EventKind::State { .. } => tag::STATE,
            EventKind::Spawn { .. } => tag::SPAWN,
            EventKind::Wake { .. } => tag::WAKE,
            EventKind::Print { .. } => tag::PRINT,
            EventKind::Cancel { .. } => tag::CANCEL,
            EventKind::Exception { .. } => tag::EXCEPTION,
            EventKind::Diagnostic { .. } => tag::DIAGNOSTIC,
        }
    }

    /// The wire name of the event kind (`lane`, `state`, `spawn`, ...).
    pub const fn as_str(&self) -> &'static str {
        match self {
            EventKind::Lane { .. } => "lane",
            EventKind::State { .. } => "state",
            EventKind::Spawn { .. } => "spawn",
            EventKind::Wake { .. } => "wake",
            EventKind::Print { .. } => "print",
            EventKind::Cancel { .. } => "cancel",
            EventKind::Exception { .. } => "exception",
            EventKind::Diagnostic { .. } => "diagnostic",
        }
    }

    /// Point events are drawn as markers; lane declarations and state transitions are not.
    pub const fn is_point(&self) -> bool {
        !matches!(self, EventKind::Lane { .. } | EventKind::State { .. })
    }
}

/// The enums the trace format names by their wire names (`event_loop`, `waiting_gil`, ...).
pub trait WireName: Copy + 'static {
    /// What a value is called in an error message.
    const WHAT: &'static str;
    const ALL: &'static [Self];
    fn wire_name(self) -> &'static str;

    /// The value whose wire name is `name`.
    fn from_wire_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|x| x.wire_name() == name)
    }
}

impl WireName for LaneKind {
    const WHAT: &'static str = "lane kind";
    const ALL: &'static [Self] = &LaneKind::ALL;
    fn wire_name(self) -> &'static str {
        self.as_str()
    }
}

impl WireName for State {
    const WHAT: &'static str = "state";
    const ALL: &'static [Self] = &State::ALL;
    fn wire_name(self) -> &'static str {
        self.as_str()
    }
}

impl WireName for DiagnosticKind {
    const WHAT: &'static str = "diagnostic kind";
    const ALL: &'static [Self] = &DiagnosticKind::ALL;
    fn wire_name(self) -> &'static str {
        self.as_str()
    }
}

impl WireName for RunStatus {
    const WHAT: &'static str = "run status";
    const ALL: &'static [Self] = &RunStatus::ALL;
    fn wire_name(self) -> &'static str {
        self.as_str()
    }
}
