//! `sys`: the GIL's switch interval.

use crate::exec::threads::{GET_SWITCH_INTERVAL, SET_SWITCH_INTERVAL};
use crate::lang::value::{ModuleDef, Value};

pub const MODULE: ModuleDef = ModuleDef { name: "sys", attr };

fn attr(name: &str) -> Option<Value> {
    match name {
        "setswitchinterval" => Some(Value::Native(&SET_SWITCH_INTERVAL)),
        "getswitchinterval" => Some(Value::Native(&GET_SWITCH_INTERVAL)),
        _ => None,
    }
}
