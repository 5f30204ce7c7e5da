//! `asyncio`: the event loop's Python face (the loop itself is `exec::event_loop`).

use crate::exec::aio;
use crate::lang::builtins::Builtin;
use crate::lang::error::ExcKind;
use crate::lang::object::NativeFn;
use crate::lang::value::{ModuleDef, Value};

pub const MODULE: ModuleDef = ModuleDef {
    name: "asyncio",
    attr,
};

fn attr(name: &str) -> Option<Value> {
    let builtin = match name {
        "run" => Builtin::AsyncioRun,
        "sleep" => Builtin::Sleep,
        "create_task" => Builtin::CreateTask,
        "gather" => Builtin::Gather,
        "wait_for" => Builtin::WaitFor,
        "wait" => Builtin::Wait,
        "get_running_loop" => Builtin::GetRunningLoop,
        "get_event_loop" => Builtin::GetEventLoop,
        "current_task" => Builtin::CurrentTask,
        "ensure_future" => Builtin::EnsureFuture,
        "to_thread" => return Some(Value::Native(&aio::TO_THREAD)),
        "iscoroutinefunction" => return Some(Value::Native(&ISCOROUTINEFUNCTION)),
        "iscoroutine" => return Some(Value::Native(&ISCOROUTINE)),
        "CancelledError" => return Some(Value::ExcType(ExcKind::CancelledError)),
        "TimeoutError" => return Some(Value::ExcType(ExcKind::TimeoutError)),
        "InvalidStateError" => return Some(Value::ExcType(ExcKind::InvalidStateError)),
        "FIRST_COMPLETED" | "ALL_COMPLETED" | "FIRST_EXCEPTION" => return Some(Value::str(name)),
        _ => return None,
    };
    Some(Value::Builtin(builtin))
}

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
