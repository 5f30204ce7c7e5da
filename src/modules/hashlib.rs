//! `hashlib`: SHA-2 digests that release the GIL on large inputs (see `exec::hashing`).

use crate::exec::hashing::{NEW, SHA224, SHA256, SHA384, SHA512};
use crate::lang::object::NativeFn;
use crate::lang::value::{ModuleDef, Value};

pub const MODULE: ModuleDef = ModuleDef {
    name: "hashlib",
    attr,
};

fn attr(name: &str) -> Option<Value> {
    let f: &'static NativeFn = match name {
        "sha224" => &SHA224,
        "sha256" => &SHA256,
        "sha384" => &SHA384,
        "sha512" => &SHA512,
        "new" => &NEW,
        _ => return None,
    };
    Some(Value::Native(f))
}
