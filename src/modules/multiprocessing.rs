//! `multiprocessing`: child processes (run by `exec::process`).

use crate::exec::process::{GET_START_METHOD, PROCESS, SET_START_METHOD};
use crate::exec::threads::CPU_COUNT;
use crate::lang::object::NativeFn;
use crate::lang::value::{ModuleDef, Value};

pub const MODULE: ModuleDef = ModuleDef {
    name: "multiprocessing",
    attr,
};

fn attr(name: &str) -> Option<Value> {
    let f: &'static NativeFn = match name {
        "Process" => &PROCESS,
        "cpu_count" => &CPU_COUNT,
        "set_start_method" => &SET_START_METHOD,
        "get_start_method" => &GET_START_METHOD,
        _ => return None,
    };
    Some(Value::Native(f))
}
