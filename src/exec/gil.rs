//! The global interpreter lock of one run's process, with CPython 3.11's protocol
//! (`Python/ceval_gil.h`): a waiter asks for a switch only after a full switch interval, the
//! holder gives the lock up at its next checkpoint, and a thread asked to drop cannot take it
//! straight back (FORCE_SWITCHING). Blocking calls release it.
//!
//! Every thread running scenario code knows its identity through a thread-local [`GilThread`];
//! a thread that has to wait for the lock records a `waiting_gil` span on its lane. Taking and
//! releasing the lock are also where a thread starts and stops executing on a CPU core
//! ([`cores`]).

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::{Condvar, Mutex};

use crate::record::{cores, recorder};
use crate::trace::event::{LaneIx, State};

/// CPython's default `sys.getswitchinterval()`: 5 ms.
pub const DEFAULT_INTERVAL_US: u64 = 5_000;

struct GilState {
    locked: bool,
    /// Serial of the last thread that held the lock.
    holder: u64,
    switch_number: u64,
}

pub struct Gil {
    enabled: bool,
    state: Mutex<GilState>,
    cond: Condvar,
    switch_cond: Condvar,
    /// The eval breaker: a waiter wants the lock.
    /// The eval breaker the interpreters of this process read at their checkpoints.
    drop_request: Arc<AtomicBool>,
    interval_us: AtomicU64,
}

/// Who the current thread is, for the GIL and for recording.
pub struct GilThread {
    pub serial: u64,
    pub lane: LaneIx,
    /// What the lane shows while this thread runs Python (restored after a wait).
    pub running_label: Option<Arc<str>>,
}

thread_local! {
    static THREAD: RefCell<Option<GilThread>> = const { RefCell::new(None) };
}

static NEXT_SERIAL: AtomicU64 = AtomicU64::new(1);

/// Registers the current thread as `lane`, running Python labelled `label`.
pub fn register_thread(lane: LaneIx, label: Option<Arc<str>>) {
    let serial = NEXT_SERIAL.fetch_add(1, Ordering::Relaxed);
    THREAD.with(|t| {
        *t.borrow_mut() = Some(GilThread {
            serial,
            lane,
            running_label: label,
        })
    });
}

/// The lane of the thread running this code.
pub fn current_lane() -> LaneIx {
    THREAD.with(|t| t.borrow().as_ref().map_or(0, |g| g.lane))
}

/// What this thread's lane shows while it runs Python.
pub fn current_label() -> Option<Arc<str>> {
    THREAD.with(|t| t.borrow().as_ref().and_then(|g| g.running_label.clone()))
}

/// Changes what this thread's lane shows while it runs Python (the task a loop is stepping).
pub fn set_running_label(label: Option<Arc<str>>) {
    THREAD.with(|t| {
        if let Some(g) = t.borrow_mut().as_mut() {
            g.running_label = label;
        }
    });
}

fn current() -> (u64, LaneIx, Option<Arc<str>>) {
    THREAD.with(|t| {
        t.borrow().as_ref().map_or((0, 0, None), |g| {
            (g.serial, g.lane, g.running_label.clone())
        })
    })
}

impl Gil {
    pub fn new(enabled: bool) -> Gil {
        Gil {
            enabled,
            state: Mutex::new(GilState {
                locked: false,
                holder: 0,
                switch_number: 0,
            }),
            cond: Condvar::new(),
            switch_cond: Condvar::new(),
            drop_request: Arc::new(AtomicBool::new(false)),
            interval_us: AtomicU64::new(DEFAULT_INTERVAL_US),
        }
    }

    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// `sys.getswitchinterval()` in seconds.
    pub fn interval(&self) -> f64 {
        self.interval_us.load(Ordering::Relaxed) as f64 / 1e6
    }

    /// `sys.setswitchinterval(seconds)`; the caller has checked the value is positive.
    pub fn set_interval(&self, seconds: f64) {
        let us = (seconds * 1e6) as u64;
        self.interval_us.store(us.max(1), Ordering::Relaxed);
    }

    /// Whether some thread asked the holder to let go.
    #[inline]
    pub fn drop_requested(&self) -> bool {
        self.drop_request.load(Ordering::Relaxed)
    }

    /// The flag set when some thread asks the holder to let go (the eval breaker).
    pub fn breaker(&self) -> Arc<AtomicBool> {
        self.drop_request.clone()
    }

    /// Takes the lock; from then on this thread executes on a CPU (also without a GIL).
    pub fn take(&self) {
        self.take_as(false);
    }

    /// `waiting`: the lane already shows `waiting_gil`.
    fn take_as(&self, waiting: bool) {
        let (me, lane, label) = current();
        if self.enabled {
            self.take_gil(me, lane, label, waiting);
        }
        cores::on_cpu(lane);
    }

    /// `take_gil`: waits for the lock, asking for a switch after each full interval that passed
    /// without one.
    fn take_gil(&self, me: u64, lane: LaneIx, label: Option<Arc<str>>, waiting: bool) {
        let mut st = self.state.lock();
        let waited = waiting || st.locked;
        if waited && !waiting {
            recorder::state(lane, State::WaitingGil, None, 0);
        }
        while st.locked {
            let switches = st.switch_number;
            let interval = Duration::from_micros(self.interval_us.load(Ordering::Relaxed));
            let timed_out = self.cond.wait_for(&mut st, interval).timed_out();
            if timed_out && st.locked && st.switch_number == switches {
                self.drop_request.store(true, Ordering::Relaxed);
            }
        }
        st.locked = true;
        if st.holder != me {
            st.holder = me;
            st.switch_number += 1;
            self.switch_cond.notify_all();
        }
        self.drop_request.store(false, Ordering::Relaxed);
        drop(st);
        if waited {
            recorder::state(lane, State::Running, label, 0);
        }
    }

    /// Releases the lock: this thread stops executing (it waits, blocks or ends).
    pub fn release(&self) {
        cores::off_cpu(current_lane());
        self.drop_gil();
    }

    /// `drop_gil`: releases the lock and wakes one waiter. When the release answers a drop
    /// request, waits until another thread has taken the lock.
    fn drop_gil(&self) {
        if !self.enabled {
            return;
        }
        let (me, _, _) = current();
        let mut st = self.state.lock();
        st.locked = false;
        self.cond.notify_one();
        if self.drop_request.load(Ordering::Relaxed) && st.holder == me {
            self.drop_request.store(false, Ordering::Relaxed);
            let interval = Duration::from_micros(self.interval_us.load(Ordering::Relaxed));
            self.switch_cond
                .wait_for(&mut st, interval.max(Duration::from_millis(1)));
        }
    }

    /// The eval-breaker check at a checkpoint: hand the lock over if someone asked for it. The
    /// lane shows `waiting_gil` from the hand-over on, as the thread wants the lock back at once.
    #[cold]
    pub fn yield_to_waiter(&self) {
        recorder::state(current_lane(), State::WaitingGil, None, 0);
        self.release();
        self.take_as(true);
    }

    /// Runs `call` without the lock (a blocking call), then takes it back.
    pub fn released<T>(&self, call: impl FnOnce() -> T) -> T {
        self.release();
        let result = call();
        self.take();
        result
    }

    /// Runs native work without the lock (a C extension's computation): the thread keeps
    /// executing on its CPU meanwhile.
    pub fn released_on_cpu<T>(&self, work: impl FnOnce() -> T) -> T {
        self.drop_gil();
        let result = work();
        self.take();
        result
    }
}
