//! The `hashlib` module: SHA-2 digests computed for real. As in CPython, hashing 2048 bytes or
//! more in one call releases the GIL while the digest is computed, so threads hashing big
//! buffers run in parallel; the thread's lane shows that work as `native`.

use std::sync::Arc;

use parking_lot::Mutex;
use sha2::digest::DynDigest;
use sha2::{Sha224, Sha256, Sha384, Sha512};

use super::control::RunControl;
use super::gil;
use crate::lang::builtins::hex;
use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::function::Args;
use crate::lang::object::{object, CallCx, NativeFn, PyObject};
use crate::lang::text::ByteText;
use crate::lang::value::Value;
use crate::record::{cores, recorder};
use crate::trace::event::State;

/// CPython's `HASHLIB_GIL_MINSIZE`: smaller inputs are hashed with the GIL held.
const GIL_MINSIZE: usize = 2048;
/// How much is hashed between two looks at the CPU the thread runs on (the OS may move it) and
/// at whether the run must stop.
const CPU_SAMPLE_BYTES: usize = 1 << 20;

/// Runs native work without the GIL, as a C extension does around its computation: the
/// thread's lane shows `native` (labelled `label`, at `line`) meanwhile, and its CPU stays busy.
fn native<T>(control: &RunControl, label: Arc<str>, line: u32, work: impl FnOnce() -> T) -> T {
    let lane = gil::current_lane();
    recorder::state(lane, State::Native, Some(label), line);
    recorder::flush();
    let result = control.gil.released_on_cpu(work);
    recorder::state(lane, State::Running, gil::current_label(), 0);
    result
}

/// A hash object (`hashlib.sha256()`).
struct HashObj {
    name: &'static str,
    size: usize,
    /// Locked while a thread hashes into it (maybe without the GIL).
    digest: Mutex<Box<dyn DynDigest + Send>>,
}

impl HashObj {
    /// Hashes `data` more, without the GIL when it is large; `call` names the call for the
    /// lane's label (`""` for the constructor, `".update()"`).
    fn feed(&self, cx: &CallCx, data: &Value, call: &str) -> Eval<()> {
        let data = buffer(data)?;
        if data.len() < GIL_MINSIZE {
            self.digest.lock().update(&data);
            return Ok(());
        }
        let label = Arc::from(format!("hashlib.{}(){call}", self.name));
        let lane = gil::current_lane();
        let control = RunControl::of(&cx.ctx.interp);
        // A huge buffer hashes for seconds: between chunks the run may have to stop.
        native(control, label, cx.site.line, || {
            let mut digest = self.digest.lock();
            for chunk in data.chunks(CPU_SAMPLE_BYTES) {
                control.check()?;
                digest.update(chunk);
                cores::on_cpu(lane);
            }
            Ok(())
        })
    }

    fn finish(&self) -> Box<[u8]> {
        self.digest.lock().box_clone().finalize()
    }
}

impl PyObject for HashObj {
    fn type_name(&self) -> &'static str {
        "HASH"
    }

    fn repr(&self) -> String {
        format!("<{} _hashlib.HASH object>", self.name)
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        match name {
            "name" => Some(Value::str(self.name)),
            "digest_size" => Some(Value::Int(self.size as i64)),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "update" | "digest" | "hexdigest")
    }

    fn call_method(&self, cx: &CallCx, _me: &Value, name: &str, args: Args) -> Eval {
        args.no_more_kw(name)?;
        match (name, args.pos.as_slice()) {
            ("update", [data]) => self.feed(cx, data, ".update()").map(|()| Value::None),
            ("digest", []) => Ok(Value::bytes(&self.finish())),
            ("hexdigest", []) => Ok(Value::str(&hex(&self.finish()))),
            _ => Err(Ctrl::raise(
                ExcKind::TypeError,
                format!("{name}() got {} arguments", args.pos.len()),
            )),
        }
    }
}

/// The bytes to hash, or CPython's `TypeError`.
fn buffer(data: &Value) -> Eval<ByteText> {
    match data {
        Value::Bytes(b) => Ok(b.clone()),
        Value::Str(_) => Err(Ctrl::raise(
            ExcKind::TypeError,
            "Strings must be encoded before hashing",
        )),
        _ => Err(Ctrl::raise(
            ExcKind::TypeError,
            "object supporting the buffer API required",
        )),
    }
}

/// A fresh hash object for `name`, fed `data` if given.
fn construct(cx: &CallCx, name: &str, data: Option<Value>) -> Eval {
    let (name, digest): (&'static str, Box<dyn DynDigest + Send>) = match name {
        "sha224" => ("sha224", Box::new(Sha224::default())),
        "sha256" => ("sha256", Box::new(Sha256::default())),
        "sha384" => ("sha384", Box::new(Sha384::default())),
        "sha512" => ("sha512", Box::new(Sha512::default())),
        other => {
            return Err(Ctrl::raise(
                ExcKind::ValueError,
                format!("unsupported hash type {other}"),
            ))
        }
    };
    let hash = HashObj {
        name,
        size: digest.output_size(),
        digest: Mutex::new(digest),
    };
    if let Some(data) = data {
        hash.feed(cx, &data, "")?;
    }
    Ok(object(hash))
}

/// The one optional data argument, positional or named `keyword`.
fn data_arg(function: &str, mut args: Args, keyword: &str) -> Eval<Option<Value>> {
    args.take_kw("usedforsecurity");
    let named = args.take_kw(keyword);
    args.no_more_kw(function)?;
    match (args.pos.as_slice(), named) {
        ([], data) => Ok(data),
        ([data], None) => Ok(Some(data.clone())),
        _ => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!("{function}() takes at most 1 data argument"),
        )),
    }
}

/// `hashlib.<algorithm>(string=b"")`, as CPython 3.11 names the argument.
fn constructor(cx: &CallCx, args: Args, name: &str) -> Eval {
    let data = data_arg(name, args, "string")?;
    construct(cx, name, data)
}

fn sha224(cx: &CallCx, args: Args) -> Eval {
    constructor(cx, args, "sha224")
}

fn sha256(cx: &CallCx, args: Args) -> Eval {
    constructor(cx, args, "sha256")
}

fn sha384(cx: &CallCx, args: Args) -> Eval {
    constructor(cx, args, "sha384")
}

fn sha512(cx: &CallCx, args: Args) -> Eval {
    constructor(cx, args, "sha512")
}

/// `hashlib.new(name, data=b"")`.
fn new(cx: &CallCx, mut args: Args) -> Eval {
    let name = match args.take_kw("name") {
        Some(name) => name,
        None if !args.pos.is_empty() => args.pos.remove(0),
        None => {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                "new() missing required argument 'name'",
            ))
        }
    };
    let Value::Str(name) = name else {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            "new() argument 'name' must be str",
        ));
    };
    let data = data_arg("new", args, "data")?;
    construct(cx, &name.to_lowercase(), data)
}

pub static SHA224: NativeFn = NativeFn {
    name: "openssl_sha224",
    call: sha224,
};
pub static SHA256: NativeFn = NativeFn {
    name: "openssl_sha256",
    call: sha256,
};
pub static SHA384: NativeFn = NativeFn {
    name: "openssl_sha384",
    call: sha384,
};
pub static SHA512: NativeFn = NativeFn {
    name: "openssl_sha512",
    call: sha512,
};
pub static NEW: NativeFn = NativeFn {
    name: "new",
    call: new,
};
