//! `concurrent` and `concurrent.futures`: the thread and process pools (run by `exec::pool`
//! and `exec::process`).

use crate::exec::futures::AS_COMPLETED;
use crate::exec::pool::THREAD_POOL;
use crate::exec::process::PROCESS_POOL;
use crate::lang::error::ExcKind;
use crate::lang::value::{Module, ModuleDef, Value};

pub const MODULE: ModuleDef = ModuleDef {
    name: "concurrent",
    attr: concurrent_attr,
};

pub const FUTURES: ModuleDef = ModuleDef {
    name: "concurrent.futures",
    attr: futures_attr,
};

fn concurrent_attr(name: &str) -> Option<Value> {
    (name == "futures").then(|| Value::Module(Module::of(&FUTURES)))
}

fn futures_attr(name: &str) -> Option<Value> {
    match name {
        "ThreadPoolExecutor" => Some(Value::Native(&THREAD_POOL)),
        "ProcessPoolExecutor" => Some(Value::Native(&PROCESS_POOL)),
        "as_completed" => Some(Value::Native(&AS_COMPLETED)),
        "TimeoutError" => Some(Value::ExcType(ExcKind::TimeoutError)),
        _ => None,
    }
}
