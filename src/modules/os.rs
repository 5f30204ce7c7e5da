//! `os`: the process id and the number of cores, nothing of the file system.

use crate::exec::threads::{CPU_COUNT, GETPID};
use crate::lang::value::{ModuleDef, Value};

pub const MODULE: ModuleDef = ModuleDef { name: "os", attr };

fn attr(name: &str) -> Option<Value> {
    match name {
        "getpid" => Some(Value::Native(&GETPID)),
        "cpu_count" => Some(Value::Native(&CPU_COUNT)),
        _ => None,
    }
}
