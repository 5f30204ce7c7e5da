//! asyncio's `Task`, `Future` and loop objects as programs see them: their methods, reprs and
//! `await` (the objects themselves and their scheduling are `exec::objects`).

use std::sync::atomic::Ordering;
use std::sync::Arc;

use crate::exec::aio;
use crate::exec::objects::{FutKind, FutureObj, LoopObj, Outcome, TaskObj};
use crate::lang::builtins::arity;
use crate::lang::error::{Ctrl, Eval, ExcKind, Exception};
use crate::lang::function::Args;
use crate::lang::object::{downcast, no_attribute, Awaiting, CallCx, PyObject};
use crate::lang::repr::{self, Style};
use crate::lang::value::Value;

const FUTURE_METHODS: &[&str] = &[
    "cancel",
    "done",
    "cancelled",
    "result",
    "exception",
    "set_result",
    "set_exception",
];
const TASK_METHODS: &[&str] = &["get_name", "set_name", "cancelling", "uncancel"];
const LOOP_METHODS: &[&str] = &["time", "create_task", "create_future", "run_in_executor"];

/// `asyncio.create_task(coro, name=None)`, and `loop.create_task`, which takes no task number
/// of its own for the name (`consume_number`).
pub fn create_task(mut args: Args, consume_number: bool, line: u32) -> Eval {
    let name = match args.take_kw("name") {
        None | Some(Value::None) => None,
        Some(v) => Some(Arc::from(v.to_str())),
    };
    args.no_more_kw("create_task")?;
    arity("create_task", &args, 1, 1)?;
    let Value::Coro(coro) = &args.pos[0] else {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            format!("a coroutine was expected, got {}", args.pos[0].repr()),
        ));
    };
    let lp = aio::running_loop()?;
    Ok(lp
        .create_task(coro.clone(), name, consume_number, line)?
        .value())
}

/// `finished result=...`, `pending`, ... as asyncio's reprs show a future's state.
fn outcome_text(f: &FutureObj) -> String {
    match f.outcome_peek() {
        None => "pending".to_string(),
        Some(Outcome::Cancelled(_)) => "cancelled".to_string(),
        Some(Outcome::Value(v)) => format!("finished result={}", repr::lenient(&v, Style::Repr)),
        Some(Outcome::Error(e)) => format!(
            "finished exception={}",
            repr::lenient(&Value::Exception(e), Style::Repr)
        ),
    }
}

fn invalid_state(message: &str) -> Ctrl {
    Ctrl::raise(ExcKind::InvalidStateError, message)
}

fn cancel_message(mut args: Args) -> Option<Value> {
    let msg = args.take_kw("msg").or_else(|| args.pos.first().cloned());
    msg.filter(|m| !matches!(m, Value::None))
}

impl PyObject for FutureObj {
    fn type_name(&self) -> &'static str {
        "Future"
    }

    fn repr(&self) -> String {
        format!("<Future {}>", outcome_text(self))
    }

    fn has_method(&self, name: &str) -> bool {
        FUTURE_METHODS.contains(&name)
    }

    fn call_method(&self, _cx: &CallCx, me: &Value, name: &str, args: Args) -> Eval {
        let fut = downcast::<FutureObj>(me).expect("a future's methods are called on it");
        future_method(&fut, me, name, args)
    }

    fn awaited(&self, me: &Value) -> Option<Awaiting> {
        let fut = downcast::<FutureObj>(me)?;
        Some(Box::pin(aio::await_future(fut)))
    }
}

fn future_method(fut: &Arc<FutureObj>, me: &Value, name: &str, mut args: Args) -> Eval {
    match name {
        "done" => Ok(Value::Bool(fut.done())),
        "cancelled" => Ok(Value::Bool(fut.cancelled())),
        "cancel" => Ok(Value::Bool(fut.cancel(cancel_message(args)))),
        "result" => match fut.outcome() {
            None => Err(invalid_state("Result is not set.")),
            Some(o) => o.to_eval(),
        },
        "exception" => match fut.outcome() {
            None => Err(invalid_state("Exception is not set.")),
            Some(Outcome::Cancelled(e)) => Err(Ctrl::exc(e)),
            Some(Outcome::Error(e)) => Ok(Value::Exception(e)),
            Some(Outcome::Value(_)) => Ok(Value::None),
        },
        "set_result" | "set_exception" => {
            arity(name, &args, 1, 1)?;
            if fut.done() {
                return Err(invalid_state("invalid state"));
            }
            let outcome = match (name, args.pos.swap_remove(0)) {
                ("set_result", v) => Outcome::Value(v),
                (_, Value::Exception(e)) => Outcome::Error(e),
                (_, Value::ExcType(k)) => Outcome::Error(Arc::new(Exception::with_args(k, vec![]))),
                (_, other) => {
                    return Err(Ctrl::raise(
                        ExcKind::TypeError,
                        format!("exception must be an exception, not {}", other.type_name()),
                    ))
                }
            };
            fut.complete(outcome);
            Ok(Value::None)
        }
        other => Err(no_attribute(me, other)),
    }
}

impl PyObject for TaskObj {
    fn type_name(&self) -> &'static str {
        "Task"
    }

    fn repr(&self) -> String {
        format!(
            "<Task {} name='{}' coro=<{}>>",
            outcome_text(&self.future),
            self.name(),
            self.coro.name
        )
    }

    fn has_method(&self, name: &str) -> bool {
        TASK_METHODS.contains(&name) || FUTURE_METHODS.contains(&name)
    }

    fn call_method(&self, _cx: &CallCx, me: &Value, name: &str, args: Args) -> Eval {
        let task = downcast::<TaskObj>(me).expect("a task's methods are called on it");
        task_method(&task, me, name, args)
    }

    fn awaited(&self, _me: &Value) -> Option<Awaiting> {
        Some(Box::pin(aio::await_future(self.future.clone())))
    }
}

fn task_method(task: &Arc<TaskObj>, me: &Value, name: &str, args: Args) -> Eval {
    match name {
        "cancel" => Ok(Value::Bool(task.cancel(cancel_message(args)))),
        "get_name" => Ok(Value::Str(task.name().into())),
        "set_name" => {
            arity("set_name", &args, 1, 1)?;
            *task.name.lock() = Arc::from(args.pos[0].to_str());
            Ok(Value::None)
        }
        "cancelling" => Ok(Value::Int(
            task.cancel_requests.load(Ordering::Relaxed) as i64
        )),
        "uncancel" => {
            let left = task
                .cancel_requests
                .fetch_update(Ordering::AcqRel, Ordering::Acquire, |c| {
                    Some(c.saturating_sub(1))
                })
                .map_or(0, |c| c.saturating_sub(1));
            Ok(Value::Int(left as i64))
        }
        "set_result" | "set_exception" => Err(Ctrl::raise(
            ExcKind::RuntimeError,
            format!("Task does not support {name}() operation"),
        )),
        _ => future_method(&task.future, me, name, args),
    }
}

impl PyObject for LoopObj {
    fn type_name(&self) -> &'static str {
        "_UnixSelectorEventLoop"
    }

    fn has_method(&self, name: &str) -> bool {
        LOOP_METHODS.contains(&name)
    }

    fn call_method(&self, cx: &CallCx, me: &Value, name: &str, args: Args) -> Eval {
        let lp = aio::running_loop()?;
        match name {
            "run_in_executor" => {
                args.no_more_kw("run_in_executor")?;
                let mut pos = args.pos.into_iter();
                let (Some(executor), Some(func)) = (pos.next(), pos.next()) else {
                    return Err(Ctrl::raise(
                        ExcKind::TypeError,
                        "run_in_executor() needs an executor (or None) and a function",
                    ));
                };
                aio::run_in_executor(cx, &executor, &func, pos.collect())
            }
            "time" => Ok(Value::Float(lp.time())),
            "create_task" => create_task(args, false, cx.site.line),
            "create_future" => Ok(FutureObj::new(lp.shared.clone(), FutKind::Plain).value()),
            other => Err(no_attribute(me, other)),
        }
    }
}
