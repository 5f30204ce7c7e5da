//! The hot-path recorder: a per-thread buffer of events that only pushes, never blocks on the
//! code it measures, and hands full batches to the run log.
//!
//! Each thread that runs scenario code installs a recorder for its run. Recording on a thread
//! without one is a no-op, so library code can record unconditionally.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Instant;

use super::cores::Cores;
use super::log::RunLog;
use crate::trace::event::{DiagnosticKind, Event, EventKind, LaneIx, LaneKind, State};

/// Where the recorders of a run hand their batches: the run's log, or, in a worker process,
/// the pipe to the process that started it. Appending never waits for a reader.
pub trait Sink: Send + Sync {
    fn append(&self, batch: Vec<Event>);
}

impl Sink for RunLog {
    fn append(&self, batch: Vec<Event>) {
        RunLog::append(self, batch);
    }
}

/// Hand a batch to the log once it holds this many events...
const BATCH_EVENTS: usize = 2048;
/// ...or once the oldest unflushed event is this old, so the live view stays close behind.
const BATCH_AGE_NS: u64 = 5_000_000;

/// The run's single clock: nanoseconds since the run started, shared by all its threads.
#[derive(Clone, Copy)]
pub struct Clock {
    start: Instant,
}

impl Clock {
    pub fn start() -> Clock {
        Clock {
            start: Instant::now(),
        }
    }

    #[inline]
    pub fn now_ns(&self) -> u64 {
        self.start.elapsed().as_nanos() as u64
    }

    pub fn instant(&self, t_ns: u64) -> Instant {
        self.start + std::time::Duration::from_nanos(t_ns)
    }

    /// The run's start as a raw CLOCK_MONOTONIC reading in nanoseconds, which every process
    /// of the machine reads alike (std's `Instant` is CLOCK_MONOTONIC on Linux).
    pub fn monotonic_origin_ns(&self) -> u64 {
        monotonic_ns().saturating_sub(self.now_ns())
    }

    /// The clock of a run that started at `origin_ns` on CLOCK_MONOTONIC (possibly in another
    /// process), so its `now_ns` agrees with that run's.
    pub fn from_monotonic_origin(origin_ns: u64) -> Clock {
        let now = Instant::now();
        let since = std::time::Duration::from_nanos(monotonic_ns().saturating_sub(origin_ns));
        Clock {
            start: now.checked_sub(since).unwrap_or(now),
        }
    }
}

fn monotonic_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to write; CLOCK_MONOTONIC always exists on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// What all recorders of one run share.
pub struct RunRecording {
    pub sink: Arc<dyn Sink>,
    pub clock: Clock,
    next_lane: AtomicU32,
    /// Which thread each CPU core is running.
    pub cores: Cores,
}

impl RunRecording {
    pub fn new(sink: Arc<dyn Sink>, clock: Clock) -> Arc<RunRecording> {
        Arc::new(RunRecording {
            sink,
            clock,
            next_lane: AtomicU32::new(0),
            cores: Cores::default(),
        })
    }

    /// A fresh lane index (lanes declared by hand, e.g. for a child process's lanes).
    pub fn alloc_lane(&self) -> LaneIx {
        self.next_lane.fetch_add(1, Ordering::Relaxed)
    }
}

struct Recorder {
    run: Arc<RunRecording>,
    buf: Vec<Event>,
    oldest_ns: u64,
    current_lane: LaneIx,
}

thread_local! {
    static RECORDER: RefCell<Option<Recorder>> = const { RefCell::new(None) };
}

/// The recording of the run this thread records into (to hand to threads it starts).
pub fn current_run() -> Option<Arc<RunRecording>> {
    RECORDER.with(|r| r.borrow().as_ref().map(|rec| rec.run.clone()))
}

/// Starts recording this thread's events into `run`, attributed to `lane` by default.
pub fn install(run: Arc<RunRecording>, lane: LaneIx) {
    RECORDER.with(|r| {
        *r.borrow_mut() = Some(Recorder {
            run,
            buf: Vec::with_capacity(BATCH_EVENTS),
            oldest_ns: 0,
            current_lane: lane,
        })
    });
}

/// Flushes and stops recording on this thread.
pub fn uninstall() {
    flush();
    RECORDER.with(|r| r.borrow_mut().take());
}

/// Hands buffered events to the log now (before parking, at the end of a run).
pub fn flush() {
    RECORDER.with(|r| {
        if let Some(rec) = r.borrow_mut().as_mut() {
            rec.flush();
        }
    });
}

/// Flushes if the oldest buffered event is older than the batch age, so events recorded just
/// before a long computation reach the live view while it runs.
pub fn flush_if_stale() {
    RECORDER.with(|r| {
        if let Some(rec) = r.borrow_mut().as_mut() {
            if !rec.buf.is_empty()
                && rec.run.clock.now_ns().saturating_sub(rec.oldest_ns) >= BATCH_AGE_NS
            {
                rec.flush();
            }
        }
    });
}

impl Recorder {
    fn flush(&mut self) {
        if !self.buf.is_empty() {
            let batch = std::mem::replace(&mut self.buf, Vec::with_capacity(BATCH_EVENTS));
            self.run.sink.append(batch);
        }
    }

    #[inline]
    fn push(&mut self, t_ns: u64, lane: LaneIx, kind: EventKind) {
        if self.buf.is_empty() {
            self.oldest_ns = t_ns;
        }
        self.buf.push(Event {
            seq: 0,
            t_ns,
            lane,
            kind,
        });
        if self.buf.len() >= BATCH_EVENTS || t_ns.saturating_sub(self.oldest_ns) >= BATCH_AGE_NS {
            self.flush();
        }
    }
}

/// Records an event on `lane` now. Returns the timestamp used (0 without a recorder).
#[inline]
pub fn record(lane: LaneIx, kind: EventKind) -> u64 {
    RECORDER.with(|r| match r.borrow_mut().as_mut() {
        Some(rec) => {
            let t = rec.run.clock.now_ns();
            rec.push(t, lane, kind);
            t
        }
        None => 0,
    })
}

/// Records an event that happened at `t_ns` (not later than now) on `lane`.
pub fn record_at(t_ns: u64, lane: LaneIx, kind: EventKind) {
    RECORDER.with(|r| {
        if let Some(rec) = r.borrow_mut().as_mut() {
            rec.push(t_ns, lane, kind);
        }
    })
}

/// Records a state transition of `lane`.
#[inline]
pub fn state(lane: LaneIx, state: State, label: Option<Arc<str>>, line: u32) -> u64 {
    record(lane, EventKind::State { state, label, line })
}

/// Records an event on the lane that is running on this thread.
pub fn record_here(kind: EventKind) {
    let lane = current_lane();
    record(lane, kind);
}

/// Records a diagnostic on the lane running on this thread.
pub fn diagnostic(kind: DiagnosticKind, message: String, line: u32) {
    record_here(EventKind::Diagnostic {
        kind,
        message: Arc::from(message),
        line,
    });
}

/// The lane whose code this thread is running (a task while the loop polls it).
pub fn current_lane() -> LaneIx {
    RECORDER.with(|r| r.borrow().as_ref().map_or(0, |rec| rec.current_lane))
}

pub fn set_current_lane(lane: LaneIx) {
    RECORDER.with(|r| {
        if let Some(rec) = r.borrow_mut().as_mut() {
            rec.current_lane = lane;
        }
    });
}

/// Nanoseconds since the run started (0 without a recorder).
pub fn now_ns() -> u64 {
    RECORDER.with(|r| r.borrow().as_ref().map_or(0, |rec| rec.run.clock.now_ns()))
}

/// Declares a new lane and returns its index.
pub fn new_lane(
    kind: LaneKind,
    name: Arc<str>,
    detail: Option<Arc<str>>,
    parent: Option<LaneIx>,
) -> LaneIx {
    RECORDER.with(|r| {
        let mut r = r.borrow_mut();
        let Some(rec) = r.as_mut() else {
            return 0;
        };
        let lane = rec.run.alloc_lane();
        if matches!(kind, LaneKind::Thread | LaneKind::EventLoop) {
            rec.run.cores.name_lane(lane, &name);
        }
        let t = rec.run.clock.now_ns();
        rec.push(
            t,
            lane,
            EventKind::Lane {
                kind,
                name,
                detail,
                parent,
                pid: std::process::id(),
            },
        );
        lane
    })
}
