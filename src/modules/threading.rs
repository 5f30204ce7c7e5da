//! `threading`: OS threads under the GIL (the threads themselves are `exec::threads`).

use crate::exec::threads::{ACTIVE_COUNT, CURRENT_THREAD_FN, LOCK, THREAD};
use crate::lang::object::NativeFn;
use crate::lang::value::{ModuleDef, Value};

pub const MODULE: ModuleDef = ModuleDef {
    name: "threading",
    attr,
};

fn attr(name: &str) -> Option<Value> {
    let f: &'static NativeFn = match name {
        "Thread" => &THREAD,
        "current_thread" | "main_thread" => &CURRENT_THREAD_FN,
        "active_count" => &ACTIVE_COUNT,
        "Lock" => &LOCK,
        _ => return None,
    };
    Some(Value::Native(f))
}
