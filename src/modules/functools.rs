//! The `functools` module: `wraps`, `partial`, `reduce`, `lru_cache` and `cache`.

use std::sync::Arc;

use parking_lot::Mutex;

use crate::lang::class::NativeMethod;
use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::function::{Args, Wrapped};
use crate::lang::introspect;
use crate::lang::ir::CmpOp;
use crate::lang::object::{object, CallCx, NativeFn, PyObject};
use crate::lang::ops;
use crate::lang::text::Text;
use crate::lang::value::{Key, KeyMap, ModuleDef, Value};

static WRAPS: NativeFn = NativeFn {
    name: "wraps",
    call: wraps,
};
static UPDATE_WRAPPER: NativeFn = NativeFn {
    name: "update_wrapper",
    call: update_wrapper,
};
static TOTAL_ORDERING: NativeFn = NativeFn {
    name: "total_ordering",
    call: total_ordering,
};
static PARTIAL: NativeFn = NativeFn {
    name: "partial",
    call: partial,
};
static REDUCE: NativeFn = NativeFn {
    name: "reduce",
    call: reduce,
};
static LRU_CACHE: NativeFn = NativeFn {
    name: "lru_cache",
    call: lru_cache,
};
static CACHE: NativeFn = NativeFn {
    name: "cache",
    call: cache,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "functools",
    attr,
};

/// `functools.name`, for attribute access and `from functools import name`.
fn attr(name: &str) -> Option<Value> {
    let f: &'static NativeFn = match name {
        "wraps" => &WRAPS,
        "update_wrapper" => &UPDATE_WRAPPER,
        "total_ordering" => &TOTAL_ORDERING,
        "partial" => &PARTIAL,
        "reduce" => &REDUCE,
        "lru_cache" => &LRU_CACHE,
        "cache" => &CACHE,
        _ => return None,
    };
    Some(Value::Native(f))
}

fn only_positional(name: &str, args: Args, count: usize) -> Eval<Vec<Value>> {
    args.no_more_kw(name)?;
    if args.pos.len() != count {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            format!(
                "{name}() takes exactly {count} argument{} ({} given)",
                if count == 1 { "" } else { "s" },
                args.pos.len()
            ),
        ));
    }
    Ok(args.pos)
}

/// `wraps(wrapped)`: a decorator that gives the function it decorates `wrapped`'s names.
fn wraps(_: &CallCx, args: Args) -> Eval {
    let wrapped = only_positional("wraps", args, 1)?.remove(0);
    Ok(object(Wraps(wrapped)))
}

/// The decorator `wraps(wrapped)` returns.
struct Wraps(Value);

impl PyObject for Wraps {
    fn type_name(&self) -> &'static str {
        "functools.partial"
    }

    fn call(&self, _cx: &CallCx, _me: &Value, args: Args) -> Eval {
        let wrapper = only_positional("update_wrapper", args, 1)?.remove(0);
        update(wrapper, &self.0)
    }
}

/// `update_wrapper(wrapper, wrapped)`.
fn update_wrapper(_: &CallCx, args: Args) -> Eval {
    let mut pos = only_positional("update_wrapper", args, 2)?.into_iter();
    let (Some(wrapper), Some(wrapped)) = (pos.next(), pos.next()) else {
        unreachable!("two arguments checked")
    };
    update(wrapper, &wrapped)
}

/// The wrapper with the wrapped function's `__name__`, `__qualname__`, `__doc__` and
/// `__wrapped__`: a function is copied with them; an object (a class-based decorator) gets
/// them as attributes.
fn update(wrapper: Value, wrapped: &Value) -> Eval {
    let read = |attr: &str| crate::lang::builtins::get_attr(wrapped, attr).ok();
    let text = |attr: &str| match read(attr) {
        Some(Value::Str(s)) => Some(Arc::from(s)),
        _ => None,
    };
    if let Value::Func(f) = &wrapper {
        let (Some(name), Some(qualname)) = (text("__name__"), text("__qualname__")) else {
            return Ok(wrapper);
        };
        return Ok(Value::Func(Arc::new(f.wrapping(Wrapped {
            name,
            qualname,
            doc: read("__doc__").unwrap_or(Value::None),
            function: wrapped.clone(),
        }))));
    }
    for attr in ["__module__", "__name__", "__qualname__", "__doc__"] {
        if let Some(v) = read(attr) {
            introspect::set_attr(&wrapper, &Arc::from(attr), v)?;
        }
    }
    introspect::set_attr(&wrapper, &Arc::from("__wrapped__"), wrapped.clone())?;
    Ok(wrapper)
}

/// `partial(func, *args, **keywords)`.
fn partial(_: &CallCx, mut args: Args) -> Eval {
    if args.pos.is_empty() {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            "type 'partial' takes at least one argument",
        ));
    }
    let func = args.pos.remove(0);
    Ok(object(Partial {
        func,
        args: args.pos,
        keywords: args.kw,
    }))
}

/// A `functools.partial` object.
struct Partial {
    func: Value,
    args: Vec<Value>,
    keywords: Vec<(Arc<str>, Value)>,
}

impl PyObject for Partial {
    fn type_name(&self) -> &'static str {
        "functools.partial"
    }

    fn repr(&self) -> String {
        let mut parts = vec![self.func.repr()];
        parts.extend(self.args.iter().map(Value::repr));
        parts.extend(
            self.keywords
                .iter()
                .map(|(k, v)| format!("{k}={}", v.repr())),
        );
        format!("functools.partial({})", parts.join(", "))
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        match name {
            "func" => Some(self.func.clone()),
            "args" => Some(Value::tuple(self.args.clone())),
            "keywords" => {
                let pairs = self
                    .keywords
                    .iter()
                    .map(|(k, v)| (Value::Str(Text::from(k)), v.clone()))
                    .collect();
                crate::lang::builtins::dict_from_pairs(pairs).ok()
            }
            _ => None,
        }
    }

    fn call(&self, cx: &CallCx, _me: &Value, args: Args) -> Eval {
        let mut pos = self.args.clone();
        pos.extend(args.pos);
        let mut kw = self.keywords.clone();
        for (name, value) in args.kw {
            match kw.iter_mut().find(|(k, _)| *k == name) {
                Some(slot) => slot.1 = value,
                None => kw.push((name, value)),
            }
        }
        cx.call(&self.func, Args { pos, kw })
    }
}

/// `reduce(function, iterable[, initial])`.
fn reduce(cx: &CallCx, args: Args) -> Eval {
    args.no_more_kw("reduce")?;
    let (function, iterable, initial) = match args.pos.as_slice() {
        [f, it] => (f, it, None),
        [f, it, init] => (f, it, Some(init.clone())),
        other => {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                format!("reduce expected at least 2 arguments, got {}", other.len()),
            ))
        }
    };
    let mut items = ops::iterate(iterable)?;
    let mut acc = match initial {
        Some(v) => v,
        None => items.next_value()?.ok_or_else(|| {
            Ctrl::raise(
                ExcKind::TypeError,
                "reduce() of empty iterable with no initial value",
            )
        })?,
    };
    while let Some(item) = items.next_value()? {
        acc = cx.call(function, Args::positional(vec![acc, item]))?;
    }
    Ok(acc)
}

/// `lru_cache(maxsize=128)` or `@lru_cache` on a function.
fn lru_cache(_: &CallCx, mut args: Args) -> Eval {
    let maxsize = args.take_kw("maxsize");
    let _typed = args.take_kw("typed");
    args.no_more_kw("lru_cache")?;
    match (args.pos.pop(), maxsize) {
        (Some(f @ (Value::Func(_) | Value::Native(_) | Value::Builtin(_))), None) => {
            Ok(cached(f, Some(128)))
        }
        (Some(size), None) | (None, Some(size)) => Ok(object(CacheDecorator(max_size(&size)?))),
        (None, None) => Ok(object(CacheDecorator(Some(128)))),
        (Some(_), Some(_)) => Err(Ctrl::raise(
            ExcKind::TypeError,
            "lru_cache() got multiple values for argument 'maxsize'",
        )),
    }
}

/// `cache(func)`: an unbounded `lru_cache`.
fn cache(_: &CallCx, args: Args) -> Eval {
    let func = only_positional("cache", args, 1)?.remove(0);
    Ok(cached(func, None))
}

fn max_size(v: &Value) -> Eval<Option<usize>> {
    match v {
        Value::None => Ok(None),
        Value::Int(n) => Ok(Some(usize::try_from(*n).unwrap_or(0))),
        _ => Err(Ctrl::raise(
            ExcKind::TypeError,
            "Expected first argument to be an integer, a callable, or None",
        )),
    }
}

/// `lru_cache(maxsize)`, waiting for its function.
struct CacheDecorator(Option<usize>);

impl PyObject for CacheDecorator {
    fn type_name(&self) -> &'static str {
        "function"
    }

    fn call(&self, _cx: &CallCx, _me: &Value, args: Args) -> Eval {
        let func = only_positional("decorating_function", args, 1)?.remove(0);
        Ok(cached(func, self.0))
    }
}

fn cached(func: Value, maxsize: Option<usize>) -> Value {
    object(Cached {
        func,
        maxsize,
        state: Mutex::new(CacheState::default()),
    })
}

/// A function wrapped by `lru_cache`: results by arguments, the least recently used dropped
/// past `maxsize`.
struct Cached {
    func: Value,
    maxsize: Option<usize>,
    state: Mutex<CacheState>,
}

#[derive(Default)]
struct CacheState {
    results: KeyMap<Value>,
    hits: u64,
    misses: u64,
}

impl Cached {
    /// The cache key of a call: its positional arguments, then its keywords as pairs.
    fn key(args: &Args) -> Eval<Key> {
        let mut parts = args.pos.clone();
        for (name, value) in &args.kw {
            parts.push(Value::tuple(vec![
                Value::Str(Text::from(name)),
                value.clone(),
            ]));
        }
        Value::tuple(parts).key()
    }

    fn remember(&self, key: Key, value: &Value) {
        let mut state = self.state.lock();
        match self.maxsize {
            Some(0) => {}
            Some(max) => {
                state.results.insert(key, value.clone());
                while state.results.len() > max {
                    state.results.shift_remove_index(0);
                }
            }
            None => {
                state.results.insert(key, value.clone());
            }
        }
    }
}

impl PyObject for Cached {
    fn type_name(&self) -> &'static str {
        "functools._lru_cache_wrapper"
    }

    fn binds_as_method(&self) -> bool {
        true
    }

    fn repr(&self) -> String {
        format!(
            "<functools._lru_cache_wrapper object at {:#x}>",
            self as *const Self as usize
        )
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        match name {
            "__wrapped__" => Some(self.func.clone()),
            "__name__" | "__qualname__" => crate::lang::builtins::get_attr(&self.func, name).ok(),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "cache_info" | "cache_clear")
    }

    fn call_method(&self, _cx: &CallCx, me: &Value, name: &str, args: Args) -> Eval {
        args.no_more_kw(name)?;
        let mut state = self.state.lock();
        match name {
            "cache_info" => Ok(object(CacheInfo {
                hits: state.hits,
                misses: state.misses,
                maxsize: self.maxsize,
                currsize: state.results.len(),
            })),
            "cache_clear" => {
                *state = CacheState::default();
                Ok(Value::None)
            }
            _ => Err(crate::lang::builtins::no_attribute(me, name)),
        }
    }

    fn call(&self, cx: &CallCx, _me: &Value, args: Args) -> Eval {
        let key = Self::key(&args)?;
        {
            let mut state = self.state.lock();
            if let Some(ix) = state.results.get_index_of(&key) {
                state.hits += 1;
                let last = state.results.len() - 1;
                state.results.move_index(ix, last);
                return Ok(state.results[last].clone());
            }
            state.misses += 1;
        }
        // The lock is not held while the function runs: it may call this one again.
        let value = cx.call(&self.func, args)?;
        self.remember(key, &value);
        Ok(value)
    }
}

/// What `cache_info()` answers.
struct CacheInfo {
    hits: u64,
    misses: u64,
    maxsize: Option<usize>,
    currsize: usize,
}

impl PyObject for CacheInfo {
    fn type_name(&self) -> &'static str {
        "CacheInfo"
    }

    fn repr(&self) -> String {
        let maxsize = self.maxsize.map_or("None".to_string(), |m| m.to_string());
        format!(
            "CacheInfo(hits={}, misses={}, maxsize={maxsize}, currsize={})",
            self.hits, self.misses, self.currsize
        )
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        let count = |n: u64| Some(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)));
        match name {
            "hits" => count(self.hits),
            "misses" => count(self.misses),
            "currsize" => count(self.currsize as u64),
            "maxsize" => Some(self.maxsize.map_or(Value::None, |m| Value::Int(m as i64))),
            _ => None,
        }
    }
}

/// `@total_ordering`: a class that defines `__eq__` and one ordering method gets the other
/// three, derived from those two as CPython's are.
fn total_ordering(_: &CallCx, args: Args) -> Eval {
    let class = only_positional("total_ordering", args, 1)?.remove(0);
    let Value::Class(c) = &class else {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            "total_ordering() should be applied to a class",
        ));
    };
    let own = |name: &str| c.attrs.read().contains_key(name);
    let Some(root) = ["__lt__", "__le__", "__gt__", "__ge__"]
        .into_iter()
        .find(|name| own(name))
    else {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "must define at least one ordering operation: < > <= >=",
        ));
    };
    for (name, f) in &DERIVED {
        if !own(name) && DERIVED_FROM.iter().any(|(n, r)| n == name && *r == root) {
            c.set_attr(&Arc::from(*name), object(NativeMethod(f)));
        }
    }
    Ok(class)
}

/// Which derived method each root gives (`__lt__` gives `__gt__`, `__le__` and `__ge__`).
const DERIVED_FROM: &[(&str, &str)] = &[
    ("__gt__", "__lt__"),
    ("__le__", "__lt__"),
    ("__ge__", "__lt__"),
    ("__ge__", "__le__"),
    ("__lt__", "__le__"),
    ("__gt__", "__le__"),
    ("__le__", "__gt__"),
    ("__lt__", "__gt__"),
    ("__ge__", "__gt__"),
    ("__le__", "__ge__"),
    ("__gt__", "__ge__"),
    ("__lt__", "__ge__"),
];

/// The derived methods: each compares through `<`/`<=`/`>`/`>=` of the root and `==`.
static DERIVED: [(&str, NativeFn); 4] = [
    (
        "__lt__",
        NativeFn {
            name: "__lt__",
            call: |_, a| derived(a, CmpOp::Lt),
        },
    ),
    (
        "__le__",
        NativeFn {
            name: "__le__",
            call: |_, a| derived(a, CmpOp::LtE),
        },
    ),
    (
        "__gt__",
        NativeFn {
            name: "__gt__",
            call: |_, a| derived(a, CmpOp::Gt),
        },
    ),
    (
        "__ge__",
        NativeFn {
            name: "__ge__",
            call: |_, a| derived(a, CmpOp::GtE),
        },
    ),
];

/// `self <op> other` from the class's own ordering method and `__eq__`.
fn derived(args: Args, op: CmpOp) -> Eval {
    let [me, other] = <[Value; 2]>::try_from(only_positional("comparison", args, 2)?)
        .map_err(|_| Ctrl::raise(ExcKind::TypeError, "a comparison takes two operands"))?;
    let has = |name: &str| crate::lang::special::method(&me, name).is_some();
    let eq = || ops::compare(CmpOp::Eq, &me, &other);
    let result = if has("__lt__") && !matches!(op, CmpOp::Lt) {
        let lt = ops::compare(CmpOp::Lt, &me, &other)?;
        match op {
            CmpOp::LtE => lt || eq()?,
            CmpOp::Gt => !lt && !eq()?,
            _ => !lt,
        }
    } else if has("__le__") && !matches!(op, CmpOp::LtE) {
        let le = ops::compare(CmpOp::LtE, &me, &other)?;
        match op {
            CmpOp::Lt => le && !eq()?,
            CmpOp::Gt => !le,
            _ => !le || eq()?,
        }
    } else if has("__gt__") && !matches!(op, CmpOp::Gt) {
        let gt = ops::compare(CmpOp::Gt, &me, &other)?;
        match op {
            CmpOp::Lt => !gt && !eq()?,
            CmpOp::LtE => !gt,
            _ => gt || eq()?,
        }
    } else {
        let ge = ops::compare(CmpOp::GtE, &me, &other)?;
        match op {
            CmpOp::Lt => !ge,
            CmpOp::LtE => !ge || eq()?,
            _ => ge && !eq()?,
        }
    };
    Ok(Value::Bool(result))
}
