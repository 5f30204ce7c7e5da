//! `asyncio`: the event loop's Python face (the loop itself is `exec::event_loop`; its tasks,
//! futures and loop object are [`super::tasks`]).

use super::tasks;
use crate::exec::aio;
use crate::exec::event_loop::current_task;
use crate::exec::objects::LoopObj;
use crate::lang::builtins::{arity, float_arg};
use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::function::Args;
use crate::lang::object::{object, CallCx, NativeFn};
use crate::lang::ops;
use crate::lang::value::{ModuleDef, Value};

pub const MODULE: ModuleDef = ModuleDef {
    name: "asyncio",
    attr,
};

fn attr(name: &str) -> Option<Value> {
    let f: &'static NativeFn = match name {
        "run" => &RUN,
        "sleep" => &SLEEP,
        "create_task" => &CREATE_TASK,
        "gather" => &GATHER,
        "wait_for" => &WAIT_FOR,
        "wait" => &WAIT,
        "get_running_loop" => &GET_RUNNING_LOOP,
        "get_event_loop" => &GET_EVENT_LOOP,
        "current_task" => &CURRENT_TASK,
        "ensure_future" => &ENSURE_FUTURE,
        "to_thread" => &aio::TO_THREAD,
        "iscoroutinefunction" => &ISCOROUTINEFUNCTION,
        "iscoroutine" => &ISCOROUTINE,
        "CancelledError" => return Some(Value::ExcType(ExcKind::CancelledError)),
        "TimeoutError" => return Some(Value::ExcType(ExcKind::TimeoutError)),
        "InvalidStateError" => return Some(Value::ExcType(ExcKind::InvalidStateError)),
        "FIRST_COMPLETED" | "ALL_COMPLETED" | "FIRST_EXCEPTION" => return Some(Value::str(name)),
        _ => return None,
    };
    Some(Value::Native(f))
}

static RUN: NativeFn = NativeFn {
    name: "run",
    call: |cx, mut args| {
        args.take_kw("debug");
        args.no_more_kw("run")?;
        arity("run", &args, 1, 1)?;
        aio::run(cx.ctx, &args.pos[0], cx.site.line)
    },
};

static SLEEP: NativeFn = NativeFn {
    name: "sleep",
    call: |cx, mut args| {
        let result = args.take_kw("result");
        args.no_more_kw("sleep")?;
        arity("sleep", &args, 1, 2)?;
        let delay = float_arg(&args.pos[0], "sleep")?;
        let result = args.pos.get(1).cloned().or(result).unwrap_or(Value::None);
        Ok(aio::sleep(
            delay,
            result,
            cx.site.text.to_string(),
            cx.site.line,
        ))
    },
};

static CREATE_TASK: NativeFn = NativeFn {
    name: "create_task",
    call: |cx, args| tasks::create_task(args, true, cx.site.line),
};

static ENSURE_FUTURE: NativeFn = NativeFn {
    name: "ensure_future",
    call: |cx, args| {
        args.no_more_kw("ensure_future")?;
        arity("ensure_future", &args, 1, 1)?;
        Ok(aio::ensure_future(&args.pos[0], cx.site.line)?.0)
    },
};

static GATHER: NativeFn = NativeFn {
    name: "gather",
    call: |cx, mut args| {
        let return_exceptions = args
            .take_kw("return_exceptions")
            .is_some_and(|v| v.truthy());
        args.no_more_kw("gather")?;
        aio::gather(args.pos, return_exceptions, cx.site.line)
    },
};

static WAIT_FOR: NativeFn = NativeFn {
    name: "wait_for",
    call: |cx, mut args| {
        let timeout = args.take_kw("timeout");
        args.no_more_kw("wait_for")?;
        arity("wait_for", &args, 1, 2)?;
        let timeout = optional_seconds(args.pos.get(1).cloned().or(timeout), "wait_for")?;
        let aw = args.pos.swap_remove(0);
        Ok(aio::wait_for(
            aw,
            timeout,
            cx.site.text.to_string(),
            cx.site.line,
        ))
    },
};

/// A `timeout` argument: seconds, or `None` (also when it is not given) for no limit.
fn optional_seconds(timeout: Option<Value>, what: &str) -> Eval<Option<f64>> {
    match timeout {
        None | Some(Value::None) => Ok(None),
        Some(t) => float_arg(&t, what).map(Some),
    }
}

static WAIT: NativeFn = NativeFn {
    name: "wait",
    call: wait,
};

/// `asyncio.wait(aws, timeout=None, return_when=ALL_COMPLETED)`.
fn wait(cx: &CallCx, mut args: Args) -> Eval {
    let timeout = args.take_kw("timeout");
    let return_when = args.take_kw("return_when");
    args.no_more_kw("wait")?;
    arity("wait", &args, 1, 1)?;
    let timeout = optional_seconds(timeout, "wait")?;
    let first_completed = match return_when {
        None => false,
        Some(Value::Str(s)) if &*s == "ALL_COMPLETED" => false,
        Some(Value::Str(s)) if &*s == "FIRST_COMPLETED" => true,
        Some(other) => {
            return Err(Ctrl::raise(
                ExcKind::ValueError,
                format!("Invalid return_when value: {}", other.to_str()),
            ))
        }
    };
    let aws = ops::to_vec(&args.pos[0])?;
    aio::wait(
        aws,
        timeout,
        first_completed,
        cx.site.text.to_string(),
        cx.site.line,
    )
}

static GET_RUNNING_LOOP: NativeFn = NativeFn {
    name: "get_running_loop",
    call: |_, args| running_loop("get_running_loop", args),
};

static GET_EVENT_LOOP: NativeFn = NativeFn {
    name: "get_event_loop",
    call: |_, args| running_loop("get_event_loop", args),
};

/// `asyncio.get_running_loop()`: the loop object of the loop running on this thread.
fn running_loop(name: &str, args: Args) -> Eval {
    args.no_more_kw(name)?;
    arity(name, &args, 0, 0)?;
    let lp = aio::running_loop()?;
    Ok(object(LoopObj {
        shared: lp.shared.clone(),
    }))
}

static CURRENT_TASK: NativeFn = NativeFn {
    name: "current_task",
    call: |_, args| {
        args.no_more_kw("current_task")?;
        arity("current_task", &args, 0, 0)?;
        Ok(current_task().map_or(Value::None, |t| t.value()))
    },
};

static ISCOROUTINEFUNCTION: NativeFn = NativeFn {
    name: "iscoroutinefunction",
    call: |_, args| {
        args.no_more_kw("iscoroutinefunction")?;
        let is_async =
            |f: &Value| matches!(f, Value::Func(f) if f.def.is_async && !f.def.is_generator);
        Ok(Value::Bool(args.pos.first().is_some_and(|f| match f {
            Value::Method(m) => m.function.as_ref().is_some_and(is_async),
            f => is_async(f),
        })))
    },
};

static ISCOROUTINE: NativeFn = NativeFn {
    name: "iscoroutine",
    call: |_, args| {
        args.no_more_kw("iscoroutine")?;
        Ok(Value::Bool(matches!(
            args.pos.first(),
            Some(Value::Coro(_))
        )))
    },
};

#[cfg(test)]
mod tests {
    use crate::exec::testing::outcome;

    #[test]
    fn async_for_steps_an_async_generator_that_awaits_between_yields() {
        let program = "\
import asyncio
async def ticks(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        print('cleanup')
async def main():
    print([t async for t in ticks(3)])
    g = ticks(5)
    async for t in g:
        if t == 1:
            break
    await g.aclose()
    print(await anext(g, 'exhausted'))
asyncio.run(main())
";
        assert_eq!(outcome(program), "cleanup\n[0, 1, 2]\ncleanup\nexhausted\n");
    }

    #[test]
    fn async_for_needs_an_async_iterable() {
        let program = "\
import asyncio
async def main():
    async for x in [1, 2]:
        pass
asyncio.run(main())
";
        assert_eq!(
            outcome(program),
            "TypeError: 'async for' requires an object with __aiter__ method, got list"
        );
    }
}
