//! The `asyncio` functions scenarios call, written as CPython 3.11 writes them (`tasks.py`), so
//! that the number of loop iterations between events, and thus the print order, is the same.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use parking_lot::Mutex;

use super::control::RunControl;
use super::event_loop::{self, current_loop, current_task, EventLoop};
use super::futures::Executor;
use super::objects::{future_of, DoneCallback, FutKind, FutureObj, Outcome};
use super::pool::ThreadPool;
use super::process::ProcessPool;
use super::threads::thread_site;
use crate::lang::error::{Ctrl, Eval, ExcKind, Exception};
use crate::lang::eval::Ctx;
use crate::lang::function::{Args, Coroutine};
use crate::lang::ir::AwaitSite;
use crate::lang::object::{downcast, CallCx, NativeFn};
use crate::lang::seconds;
use crate::lang::value::Value;

pub fn no_loop() -> Ctrl {
    Ctrl::raise(ExcKind::RuntimeError, "no running event loop")
}

pub fn running_loop() -> Eval<Rc<EventLoop>> {
    current_loop().ok_or_else(no_loop)
}

/// `await fut` from a task: returns at once if `fut` is done, otherwise suspends the task
/// until `fut` completes (the task resumes one iteration later, as CPython's `__wakeup`).
pub async fn await_future(fut: Arc<FutureObj>) -> Eval {
    AwaitFuture {
        fut,
        registered: false,
    }
    .await
}

struct AwaitFuture {
    fut: Arc<FutureObj>,
    registered: bool,
}

impl Future for AwaitFuture {
    type Output = Eval;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Eval> {
        let Some(task) = current_task() else {
            return Poll::Ready(Err(no_loop()));
        };
        if self.registered {
            if let Some(cancelled) = task.take_cancel() {
                *task.waiting_on.lock() = None;
                return Poll::Ready(Err(Ctrl::exc(cancelled)));
            }
            return match self.fut.outcome() {
                Some(outcome) => {
                    *task.waiting_on.lock() = None;
                    Poll::Ready(outcome.to_eval())
                }
                None => Poll::Pending,
            };
        }
        if let Some(outcome) = self.fut.outcome() {
            return Poll::Ready(outcome.to_eval());
        }
        if task.future.done() || Arc::ptr_eq(&task.future, &self.fut) {
            return Poll::Ready(Err(Ctrl::raise(
                ExcKind::RuntimeError,
                "Task cannot await on itself",
            )));
        }
        self.fut
            .add_callback(DoneCallback::Wake(cx.waker().clone()));
        self.fut.set_awaiter_lane(task.lane);
        *task.waiting_on.lock() = Some(self.fut.clone());
        self.registered = true;
        if task.take_cancel().is_some() {
            self.fut.cancel(task.cancel_msg.lock().clone());
        }
        Poll::Pending
    }
}

/// A bare `yield`: the task goes to the back of the ready queue (`asyncio.sleep(0)`).
struct YieldOnce {
    yielded: bool,
}

impl Future for YieldOnce {
    type Output = Eval<()>;

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Eval<()>> {
        let Some(task) = current_task() else {
            return Poll::Ready(Err(no_loop()));
        };
        if self.yielded {
            return match task.take_cancel() {
                Some(cancelled) => Poll::Ready(Err(Ctrl::exc(cancelled))),
                None => Poll::Ready(Ok(())),
            };
        }
        self.yielded = true;
        task.schedule();
        Poll::Pending
    }
}

fn native(name: &str, label: String, line: u32, body: crate::lang::function::NativeCoro) -> Value {
    Value::Coro(Arc::new(Coroutine::native(
        name,
        Arc::from(label),
        line,
        body,
    )))
}

/// `asyncio.sleep(delay, result=None)`: a coroutine.
pub fn sleep(delay: f64, result: Value, label: String, line: u32) -> Value {
    native(
        "sleep",
        label,
        line,
        Box::new(move |_ctx| Box::pin(sleep_body(delay, result))),
    )
}

async fn sleep_body(delay: f64, result: Value) -> Eval {
    if delay <= 0.0 {
        YieldOnce { yielded: false }.await?;
        return Ok(result);
    }
    let lp = running_loop()?;
    let fut = FutureObj::new(lp.shared.clone(), FutKind::Plain);
    let timer_fut = fut.clone();
    call_later(
        &lp,
        delay,
        Box::new(move || {
            timer_fut.complete(Outcome::Value(result));
        }),
    );
    AwaitFuture {
        fut,
        registered: false,
    }
    .await
}

/// `loop.call_later(delay, action)`; a delay too long for the clock (`inf`) never comes, so
/// its timer is not set at all.
fn call_later(lp: &EventLoop, delay: f64, action: Box<dyn FnOnce() + Send>) {
    if let Some(delay_ns) = seconds::loop_delay_ns(delay) {
        lp.shared
            .call_at(lp.now_ns().saturating_add(delay_ns), action);
    }
}

/// `asyncio.ensure_future(x)`: a task for a coroutine, the future itself otherwise.
pub fn ensure_future(value: &Value, line: u32) -> Eval<(Value, Arc<FutureObj>)> {
    if let Some(fut) = future_of(value) {
        return Ok((value.clone(), fut));
    }
    match value {
        Value::Coro(c) => {
            let task = running_loop()?.create_task(c.clone(), None, false, line)?;
            Ok((task.value(), task.future.clone()))
        }
        other => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!(
                "An asyncio.Future, a coroutine or an awaitable is required, not {}",
                other.type_name()
            ),
        )),
    }
}

/// `asyncio.gather(*aws, return_exceptions=False)`: a future for all the results.
pub fn gather(aws: Vec<Value>, return_exceptions: bool, line: u32) -> Eval {
    let lp = running_loop()?;
    let children: Arc<[Arc<FutureObj>]> = aws
        .iter()
        .map(|aw| ensure_future(aw, line).map(|(_, f)| f))
        .collect::<Eval<Vec<_>>>()?
        .into();
    let outer = FutureObj::new(
        lp.shared.clone(),
        FutKind::Gather(children.clone(), AtomicBool::new(false)),
    );
    if children.is_empty() {
        outer.complete(Outcome::Value(Value::list(vec![])));
        return Ok(outer.value());
    }
    let finished = Arc::new(AtomicUsize::new(0));
    for child in children.iter() {
        let (outer, finished, all) = (outer.clone(), finished.clone(), children.clone());
        child.add_callback(DoneCallback::Call(Box::new(move |child| {
            gather_child_done(&outer, &child, &finished, &all, return_exceptions)
        })));
    }
    Ok(outer.value())
}

/// `_GatheringFuture`'s `_done_callback`, one call per finished child.
fn gather_child_done(
    outer: &Arc<FutureObj>,
    child: &Arc<FutureObj>,
    finished: &AtomicUsize,
    all: &[Arc<FutureObj>],
    return_exceptions: bool,
) {
    let n = finished.fetch_add(1, Ordering::AcqRel) + 1;
    let child_outcome = child.outcome();
    if outer.done() {
        return;
    }
    if !return_exceptions {
        let failure = match child_outcome {
            Some(Outcome::Error(e)) => Some(e),
            Some(Outcome::Cancelled(_)) => Some(super::objects::cancelled_error(None)),
            _ => None,
        };
        if let Some(exc) = failure {
            outer.complete(Outcome::Error(exc));
            return;
        }
    }
    if n < all.len() {
        return;
    }
    if let FutKind::Gather(_, cancel_requested) = &outer.kind {
        if cancel_requested.load(Ordering::Acquire) {
            outer.complete(Outcome::Cancelled(super::objects::cancelled_error(None)));
            return;
        }
    }
    let results = all
        .iter()
        .map(|f| match f.outcome() {
            Some(Outcome::Value(v)) => v,
            Some(Outcome::Error(e) | Outcome::Cancelled(e)) => Value::Exception(e),
            None => Value::None,
        })
        .collect();
    outer.complete(Outcome::Value(Value::list(results)));
}

/// `_release_waiter`: completes `waiter` unless it already is.
fn release(waiter: &Arc<FutureObj>) {
    waiter.complete(Outcome::Value(Value::None));
}

/// A done-callback that can be switched off (`remove_done_callback`).
fn releasing_callback(waiter: &Arc<FutureObj>) -> (DoneCallback, Arc<AtomicBool>) {
    let active = Arc::new(AtomicBool::new(true));
    let (flag, waiter) = (active.clone(), waiter.clone());
    let cb = DoneCallback::Call(Box::new(move |_| {
        if flag.load(Ordering::Acquire) {
            release(&waiter)
        }
    }));
    (cb, active)
}

fn plain_future() -> Eval<Arc<FutureObj>> {
    Ok(FutureObj::new(
        running_loop()?.shared.clone(),
        FutKind::Plain,
    ))
}

/// `asyncio.wait_for(aw, timeout)` (3.11): a coroutine.
pub fn wait_for(aw: Value, timeout: Option<f64>, label: String, line: u32) -> Value {
    native(
        "wait_for",
        label,
        line,
        Box::new(move |ctx| Box::pin(wait_for_body(ctx, aw, timeout, line))),
    )
}

async fn wait_for_body(ctx: Ctx, aw: Value, timeout: Option<f64>, line: u32) -> Eval {
    let Some(timeout) = timeout else {
        let site = AwaitSite {
            label: Arc::from("wait_for"),
            line,
        };
        return ctx.await_value(aw, &site).await;
    };
    if timeout <= 0.0 {
        let (_, fut) = ensure_future(&aw, line)?;
        if fut.done() {
            return fut.outcome().expect("done").to_eval();
        }
        cancel_and_wait(&fut).await?;
        return timeout_result(&fut);
    }
    let lp = running_loop()?;
    let waiter = plain_future()?;
    let timer_waiter = waiter.clone();
    let timer_active = Arc::new(AtomicBool::new(true));
    let timer_flag = timer_active.clone();
    call_later(
        &lp,
        timeout,
        Box::new(move || {
            if timer_flag.load(Ordering::Acquire) {
                release(&timer_waiter)
            }
        }),
    );
    let (_, fut) = ensure_future(&aw, line)?;
    let (cb, cb_active) = releasing_callback(&waiter);
    fut.add_callback(cb);
    let result = wait_for_outcome(&fut, &waiter, &cb_active).await;
    timer_active.store(false, Ordering::Release);
    result
}

async fn wait_for_outcome(
    fut: &Arc<FutureObj>,
    waiter: &Arc<FutureObj>,
    cb_active: &AtomicBool,
) -> Eval {
    if let Err(ctrl) = await_future(waiter.clone()).await {
        if fut.done() {
            return fut.outcome().expect("done").to_eval();
        }
        cb_active.store(false, Ordering::Release);
        cancel_and_wait(fut).await?;
        return Err(ctrl);
    }
    if fut.done() {
        return fut.outcome().expect("done").to_eval();
    }
    cb_active.store(false, Ordering::Release);
    cancel_and_wait(fut).await?;
    timeout_result(fut)
}

/// After cancelling on timeout: the child's result if it swallowed the cancellation, else
/// `TimeoutError`.
fn timeout_result(fut: &Arc<FutureObj>) -> Eval {
    match fut.outcome() {
        Some(Outcome::Cancelled(_)) => Err(Ctrl::exc(Arc::new(Exception::with_args(
            ExcKind::TimeoutError,
            vec![],
        )))),
        Some(other) => other.to_eval(),
        None => Ok(Value::None),
    }
}

/// `_cancel_and_wait`: cancels `fut` and waits until it has really finished.
async fn cancel_and_wait(fut: &Arc<FutureObj>) -> Eval<()> {
    let waiter = plain_future()?;
    let (cb, active) = releasing_callback(&waiter);
    fut.add_callback(cb);
    fut.cancel(None);
    let result = await_future(waiter).await;
    active.store(false, Ordering::Release);
    result.map(|_| ())
}

/// `asyncio.wait(fs, timeout=None, return_when=ALL_COMPLETED)`: a coroutine returning
/// `(done, pending)`, each in argument order.
pub fn wait(
    aws: Vec<Value>,
    timeout: Option<f64>,
    first_completed: bool,
    label: String,
    line: u32,
) -> Eval {
    if aws.iter().any(|a| matches!(a, Value::Coro(_))) {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            "Passing coroutines is forbidden, use tasks explicitly.",
        ));
    }
    if aws.is_empty() {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "Set of Tasks/Futures is empty.",
        ));
    }
    Ok(native(
        "wait",
        label,
        line,
        Box::new(move |_ctx| Box::pin(wait_body(aws, timeout, first_completed, line))),
    ))
}

async fn wait_body(
    aws: Vec<Value>,
    timeout: Option<f64>,
    first_completed: bool,
    line: u32,
) -> Eval {
    let lp = running_loop()?;
    let futs: Vec<(Value, Arc<FutureObj>)> = aws
        .iter()
        .map(|a| ensure_future(a, line))
        .collect::<Eval<_>>()?;
    let waiter = plain_future()?;
    let timer_active = Arc::new(AtomicBool::new(true));
    if let Some(t) = timeout {
        let (w, flag) = (waiter.clone(), timer_active.clone());
        call_later(
            &lp,
            t,
            Box::new(move || {
                if flag.load(Ordering::Acquire) {
                    release(&w)
                }
            }),
        );
    }
    let remaining = Arc::new(Mutex::new(futs.len()));
    let active = Arc::new(AtomicBool::new(true));
    for (_, f) in &futs {
        let (remaining, waiter, active, timer) = (
            remaining.clone(),
            waiter.clone(),
            active.clone(),
            timer_active.clone(),
        );
        f.add_callback(DoneCallback::Call(Box::new(move |_| {
            if !active.load(Ordering::Acquire) {
                return;
            }
            let mut left = remaining.lock();
            *left -= 1;
            if *left == 0 || first_completed {
                timer.store(false, Ordering::Release);
                release(&waiter);
            }
        })));
    }
    let result = await_future(waiter).await;
    timer_active.store(false, Ordering::Release);
    active.store(false, Ordering::Release);
    result?;
    let (done, pending): (Vec<_>, Vec<_>) = futs.into_iter().partition(|(_, f)| f.done());
    let values =
        |v: Vec<(Value, Arc<FutureObj>)>| Value::list(v.into_iter().map(|(v, _)| v).collect());
    Ok(Value::tuple(vec![values(done), values(pending)]))
}

/// `loop.run_in_executor(executor, fn, *args)`: runs `fn` on a pool worker; the returned
/// asyncio future completes on the loop when the worker is done.
pub fn run_in_executor(cx: &CallCx, executor: &Value, func: &Value, args: Vec<Value>) -> Eval {
    let lp = running_loop()?;
    let job = match executor {
        Value::None => lp.default_executor().submit(cx, func, args)?,
        other => match (
            downcast::<ThreadPool>(other),
            downcast::<ProcessPool>(other),
        ) {
            (Some(pool), _) => pool.submit(cx, func, args)?,
            (_, Some(pool)) => pool.submit(cx, func, args)?,
            (None, None) => {
                return Err(Ctrl::raise(
                    ExcKind::TypeError,
                    format!(
                        "run_in_executor() needs an executor, got {}",
                        other.type_name()
                    ),
                ))
            }
        },
    };
    Ok(lp.wrap_future(job).value())
}

/// `asyncio.to_thread(fn, *args)`: a coroutine running `fn` on the loop's default executor.
fn to_thread(cx: &CallCx, args: Args) -> Eval {
    args.no_more_kw("to_thread")?;
    let Some((func, rest)) = args.pos.split_first() else {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            "to_thread() missing required argument 'func'",
        ));
    };
    let (func, rest, line) = (func.clone(), rest.to_vec(), cx.site.line);
    Ok(native(
        "to_thread",
        cx.site.text.to_string(),
        line,
        Box::new(move |ctx| {
            Box::pin(async move {
                let site = thread_site(line);
                let cx = CallCx {
                    ctx: &ctx,
                    depth: 0,
                    site: &site,
                };
                let job = run_in_executor(&cx, &Value::None, &func, rest)?;
                match future_of(&job) {
                    Some(fut) => await_future(fut).await,
                    None => Ok(job),
                }
            })
        }),
    ))
}

pub static TO_THREAD: NativeFn = NativeFn {
    name: "to_thread",
    call: to_thread,
};

/// `asyncio.run(coro)`: a fresh loop runs `coro` as its main task, then cancels what is left.
pub fn run(ctx: &Ctx, coro: &Value, line: u32) -> Eval {
    if current_loop().is_some() {
        return Err(Ctrl::raise(
            ExcKind::RuntimeError,
            "asyncio.run() cannot be called from a running event loop",
        ));
    }
    let Value::Coro(coro) = coro else {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            format!("a coroutine was expected, got {}", coro.repr()),
        ));
    };
    run_main(ctx, coro.clone(), line)
}

/// Runs `coro` as the main task of a new event loop on this thread.
pub fn run_main(ctx: &Ctx, coro: Arc<Coroutine>, line: u32) -> Eval {
    let lp = EventLoop::new(ctx.clone(), RunControl::of(&ctx.interp).clock);
    lp.enter();
    let result = run_on(&lp, coro, line);
    lp.exit();
    crate::record::recorder::state(
        crate::trace::event::LOOP_LANE,
        crate::trace::event::State::Running,
        Some(Arc::from("<module>")),
        0,
    );
    result
}

fn run_on(lp: &Rc<EventLoop>, coro: Arc<Coroutine>, line: u32) -> Eval {
    let main = lp.create_main_task(coro, line);
    lp.run_until_complete(&main).map_err(Ctrl::abort)?;
    lp.cancel_leftovers().map_err(Ctrl::abort)?;
    lp.shutdown_default_executor();
    event_loop::consume_shutdown_task_numbers();
    let result = main
        .future
        .outcome()
        .map_or(Ok(Value::None), |o| o.to_eval());
    lp.report_unretrieved();
    result
}
