//! asyncio's objects as the scenario sees them: futures, tasks and the loop handle, plus the
//! ready queue and timers they schedule onto (shared, so other threads can wake the loop).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
use std::task::{Wake, Waker};

use parking_lot::Mutex;

use crate::lang::error::{Ctrl, Eval, ExcKind, Exception};
use crate::lang::function::Coroutine;
use crate::lang::object::downcast;
use crate::lang::text::ObjRef;
use crate::lang::trashcan;
use crate::lang::value::Value;
use crate::record::recorder;
use crate::trace::event::{EventKind, LaneIx, State};

/// A unit of work in the loop's ready queue.
pub enum Callback {
    /// Run the next step of a task.
    Step(Arc<TaskObj>),
    /// Run a done-callback.
    Call(Box<dyn FnOnce() + Send>),
    /// Run the action of a timer that was due at `due_ns` (possibly earlier than now, if the
    /// loop was busy).
    Timer(u64, Box<dyn FnOnce() + Send>),
}

/// A timer: fires `action` at `when_ns` (run clock); equal deadlines fire in the order set.
struct Timer {
    when_ns: u64,
    seq: u64,
    action: Box<dyn FnOnce() + Send>,
}

impl PartialEq for Timer {
    fn eq(&self, other: &Self) -> bool {
        (self.when_ns, self.seq) == (other.when_ns, other.seq)
    }
}
impl Eq for Timer {}
impl PartialOrd for Timer {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Timer {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.when_ns, self.seq).cmp(&(other.when_ns, other.seq))
    }
}

/// The scheduling state of one event loop that futures and wakers reach into.
pub struct LoopShared {
    ready: Mutex<VecDeque<Callback>>,
    timers: Mutex<BinaryHeap<Reverse<Timer>>>,
    timer_seq: AtomicU64,
    /// Jobs running elsewhere (executor threads) that will wake the loop when done.
    external: AtomicUsize,
}

impl LoopShared {
    pub fn new() -> Arc<LoopShared> {
        Arc::new(LoopShared {
            ready: Mutex::new(VecDeque::new()),
            timers: Mutex::new(BinaryHeap::new()),
            timer_seq: AtomicU64::new(0),
            external: AtomicUsize::new(0),
        })
    }

    pub fn external_started(&self) {
        self.external.fetch_add(1, Ordering::AcqRel);
    }

    pub fn external_finished(&self) {
        self.external.fetch_sub(1, Ordering::AcqRel);
    }

    pub fn has_external(&self) -> bool {
        self.external.load(Ordering::Acquire) > 0
    }

    /// `loop.call_soon`: appends to the ready queue.
    pub fn call_soon(&self, cb: Callback) {
        self.ready.lock().push_back(cb);
    }

    pub fn has_ready(&self) -> bool {
        !self.ready.lock().is_empty()
    }

    pub fn pop_ready(&self) -> Option<Callback> {
        self.ready.lock().pop_front()
    }

    pub fn ready_len(&self) -> usize {
        self.ready.lock().len()
    }

    /// `loop.call_at`.
    pub fn call_at(&self, when_ns: u64, action: Box<dyn FnOnce() + Send>) {
        let seq = self.timer_seq.fetch_add(1, Ordering::Relaxed);
        self.timers.lock().push(Reverse(Timer {
            when_ns,
            seq,
            action,
        }));
    }

    pub fn next_deadline(&self) -> Option<u64> {
        self.timers.lock().peek().map(|t| t.0.when_ns)
    }

    /// Moves every timer due by `now_ns` to the ready queue, in deadline order.
    pub fn expire_timers(&self, now_ns: u64) {
        let mut timers = self.timers.lock();
        let mut ready = self.ready.lock();
        while timers.peek().is_some_and(|t| t.0.when_ns <= now_ns) {
            let Reverse(timer) = timers.pop().expect("peeked");
            ready.push_back(Callback::Timer(timer.when_ns, timer.action));
        }
    }
}

/// How a future ended.
#[derive(Clone)]
pub enum Outcome {
    Value(Value),
    Error(Arc<Exception>),
    Cancelled(Arc<Exception>),
}

impl Outcome {
    pub fn to_eval(&self) -> Eval {
        match self {
            Outcome::Value(v) => Ok(v.clone()),
            Outcome::Error(e) | Outcome::Cancelled(e) => Err(Ctrl::exc(e.clone())),
        }
    }
}

pub enum DoneCallback {
    Wake(Waker),
    Call(Box<dyn FnOnce(Arc<FutureObj>) + Send>),
}

struct FutState {
    outcome: Option<Outcome>,
    callbacks: Vec<DoneCallback>,
    retrieved: bool,
}

/// What a future stands for: cancelling it means different things.
pub enum FutKind {
    Plain,
    /// The completion of a task: cancelling it cancels the task.
    Task(Weak<TaskObj>),
    /// The outer future of `gather`: cancelling it cancels the children.
    Gather(Arc<[Arc<FutureObj>]>, AtomicBool),
}

/// An `asyncio.Future`.
pub struct FutureObj {
    state: Mutex<FutState>,
    pub kind: FutKind,
    shared: Arc<LoopShared>,
    /// The lane of the task awaiting it (`u32::MAX`: none), for wake arrows from other threads.
    awaiter: AtomicU32,
}

/// Futures can hold each other as results (`f.set_result(previous)`), so a result is released
/// through the trashcan.
impl Drop for FutureObj {
    fn drop(&mut self) {
        if let Some(Outcome::Value(v)) = self.state.get_mut().outcome.take() {
            trashcan::bury([v]);
        }
    }
}

impl FutureObj {
    pub fn new(shared: Arc<LoopShared>, kind: FutKind) -> Arc<FutureObj> {
        Arc::new(FutureObj {
            state: Mutex::new(FutState {
                outcome: None,
                callbacks: Vec::new(),
                retrieved: false,
            }),
            kind,
            shared,
            awaiter: AtomicU32::new(u32::MAX),
        })
    }

    pub fn set_awaiter_lane(&self, lane: LaneIx) {
        self.awaiter.store(lane, Ordering::Relaxed);
    }

    pub fn awaiter_lane(&self) -> Option<LaneIx> {
        match self.awaiter.load(Ordering::Relaxed) {
            u32::MAX => None,
            lane => Some(lane),
        }
    }

    pub fn done(&self) -> bool {
        self.state.lock().outcome.is_some()
    }

    pub fn cancelled(&self) -> bool {
        matches!(self.state.lock().outcome, Some(Outcome::Cancelled(_)))
    }

    /// The outcome, marking any exception as retrieved.
    pub fn outcome(&self) -> Option<Outcome> {
        let mut st = self.state.lock();
        st.retrieved = true;
        st.outcome.clone()
    }

    /// A failed future whose exception nobody looked at.
    pub fn unretrieved_error(&self) -> Option<Arc<Exception>> {
        let st = self.state.lock();
        match (&st.outcome, st.retrieved) {
            (Some(Outcome::Error(e)), false) => Some(e.clone()),
            _ => None,
        }
    }

    /// Completes the future and schedules its callbacks (`call_soon`, in registration order).
    /// Returns false if it was already done.
    pub fn complete(self: &Arc<Self>, outcome: Outcome) -> bool {
        let callbacks = {
            let mut st = self.state.lock();
            if st.outcome.is_some() {
                return false;
            }
            st.outcome = Some(outcome);
            std::mem::take(&mut st.callbacks)
        };
        for cb in callbacks {
            self.schedule(cb);
        }
        true
    }

    fn schedule(self: &Arc<Self>, cb: DoneCallback) {
        match cb {
            DoneCallback::Wake(w) => w.wake(),
            DoneCallback::Call(f) => {
                let me = self.clone();
                self.shared
                    .call_soon(Callback::Call(Box::new(move || f(me))));
            }
        }
    }

    /// `add_done_callback`: on a done future the callback is scheduled at once.
    pub fn add_callback(self: &Arc<Self>, cb: DoneCallback) {
        let mut st = self.state.lock();
        if st.outcome.is_some() {
            drop(st);
            self.schedule(cb);
        } else {
            st.callbacks.push(cb);
        }
    }

    /// `fut.cancel(msg)`.
    pub fn cancel(self: &Arc<Self>, msg: Option<Value>) -> bool {
        match &self.kind {
            FutKind::Plain => self.complete(Outcome::Cancelled(cancelled_error(msg))),
            FutKind::Task(task) => task.upgrade().is_some_and(|t| t.cancel(msg)),
            FutKind::Gather(children, cancel_requested) => {
                if self.done() {
                    return false;
                }
                let mut any = false;
                for child in children.iter() {
                    any |= child.cancel(msg.clone());
                }
                if any {
                    cancel_requested.store(true, Ordering::Relaxed);
                }
                any
            }
        }
    }
}

pub fn cancelled_error(msg: Option<Value>) -> Arc<Exception> {
    Arc::new(Exception::with_args(
        ExcKind::CancelledError,
        msg.into_iter().collect(),
    ))
}

/// An `asyncio.Task`: a coroutine driven by the loop, step by step.
pub struct TaskObj {
    pub lane: LaneIx,
    pub name: Mutex<Arc<str>>,
    pub coro: Arc<Coroutine>,
    pub future: Arc<FutureObj>,
    /// `_must_cancel`: throw `CancelledError` in at the next step.
    pub must_cancel: AtomicBool,
    pub cancel_msg: Mutex<Option<Value>>,
    pub cancel_requests: AtomicU32,
    /// `_fut_waiter`: the future the task is suspended on.
    pub waiting_on: Mutex<Option<Arc<FutureObj>>>,
    /// A step is queued; further wakes are ignored until it runs.
    pub scheduled: AtomicBool,
    pub shared: Arc<LoopShared>,
    /// The waker every step of this task polls with (made once, not per poll).
    waker: Waker,
}

/// Wakes a task by queueing its next step. Holds the task weakly: the task owns its waker.
struct TaskWaker(Weak<TaskObj>);

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        if let Some(task) = self.0.upgrade() {
            task.schedule();
        }
    }
}

impl TaskObj {
    pub fn new(
        lane: LaneIx,
        name: Arc<str>,
        coro: Arc<Coroutine>,
        shared: Arc<LoopShared>,
    ) -> Arc<TaskObj> {
        Arc::new_cyclic(|me: &Weak<TaskObj>| TaskObj {
            lane,
            name: Mutex::new(name),
            coro,
            future: FutureObj::new(shared.clone(), FutKind::Task(me.clone())),
            must_cancel: AtomicBool::new(false),
            cancel_msg: Mutex::new(None),
            cancel_requests: AtomicU32::new(0),
            waiting_on: Mutex::new(None),
            scheduled: AtomicBool::new(false),
            shared,
            waker: Waker::from(Arc::new(TaskWaker(me.clone()))),
        })
    }

    /// The task as a value of the program.
    pub fn value(self: &Arc<Self>) -> Value {
        Value::Object(ObjRef::new(self.clone()))
    }

    pub fn waker(&self) -> &Waker {
        &self.waker
    }

    pub fn name(&self) -> Arc<str> {
        self.name.lock().clone()
    }

    /// Queues the task's next step (once), recording who woke it.
    pub fn schedule(self: &Arc<Self>) {
        if self.scheduled.swap(true, Ordering::AcqRel) {
            return;
        }
        self.shared.call_soon(Callback::Step(self.clone()));
        if super::event_loop::is_current_task(self) {
            // The task yields to the back of the queue: its step records it as ready.
            return;
        }
        // A timer that fired late made the task ready when it was due: from then on the task
        // waited for the loop, which is what the timeline should show.
        let t = super::event_loop::timer_due_ns().unwrap_or_else(recorder::now_ns);
        let waker_lane = recorder::current_lane();
        if waker_lane != self.lane {
            recorder::record_at(t, waker_lane, EventKind::Wake { target: self.lane });
        }
        recorder::record_at(
            t,
            self.lane,
            EventKind::State {
                state: State::Ready,
                label: None,
                line: 0,
            },
        );
    }

    /// `task.cancel(msg)`.
    pub fn cancel(self: &Arc<Self>, msg: Option<Value>) -> bool {
        if self.future.done() {
            return false;
        }
        self.cancel_requests.fetch_add(1, Ordering::Relaxed);
        recorder::record_here(EventKind::Cancel {
            target: self.lane,
            line: 0,
        });
        let waiting = self.waiting_on.lock().clone();
        if let Some(fut) = waiting {
            if fut.cancel(msg.clone()) {
                return true;
            }
        }
        self.must_cancel.store(true, Ordering::Release);
        *self.cancel_msg.lock() = msg;
        true
    }

    /// Takes a pending cancellation request, as the start of a step does.
    pub fn take_cancel(&self) -> Option<Arc<Exception>> {
        if self.must_cancel.swap(false, Ordering::AcqRel) {
            Some(cancelled_error(self.cancel_msg.lock().take()))
        } else {
            None
        }
    }
}

impl FutureObj {
    /// The future as a value of the program.
    pub fn value(self: &Arc<Self>) -> Value {
        Value::Object(ObjRef::new(self.clone()))
    }

    /// The outcome without marking an exception as retrieved.
    pub fn outcome_peek(&self) -> Option<Outcome> {
        self.state.lock().outcome.clone()
    }
}

/// The object `asyncio.get_running_loop()` returns.
pub struct LoopObj {
    pub shared: Arc<LoopShared>,
}

/// The future behind a task or a future value; `None` for anything else.
pub fn future_of(v: &Value) -> Option<Arc<FutureObj>> {
    if let Some(task) = downcast::<TaskObj>(v) {
        return Some(task.future.clone());
    }
    downcast::<FutureObj>(v)
}
