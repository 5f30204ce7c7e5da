//! The `itertools` module: lazy iterators over other iterables, built as CPython's are (each
//! step pulls only what it needs, so `count()` and `cycle()` never end and `islice` stops
//! them), and the combinatoric ones in the order CPython's documentation gives.

use std::sync::Arc;

use parking_lot::Mutex;

use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::function::Args;
use crate::lang::ir::BinOp;
use crate::lang::lazy::lazy;
use crate::lang::object::{object, CallCx, NativeFn, PyObject};
use crate::lang::ops;
use crate::lang::special;
use crate::lang::value::{IterState, ModuleDef, NativeIter, Value};

pub const MODULE: ModuleDef = ModuleDef {
    name: "itertools",
    attr,
};

macro_rules! natives {
    ($($id:ident = $name:literal => $call:ident),* $(,)?) => {
        $(static $id: NativeFn = NativeFn { name: $name, call: $call };)*
        fn native(name: &str) -> Option<&'static NativeFn> {
            match name {
                $($name => Some(&$id),)*
                _ => None,
            }
        }
    };
}

natives! {
    COUNT = "count" => count,
    CYCLE = "cycle" => cycle,
    REPEAT = "repeat" => repeat,
    ISLICE = "islice" => islice,
    PRODUCT = "product" => product,
    PERMUTATIONS = "permutations" => permutations,
    COMBINATIONS = "combinations" => combinations,
    COMBINATIONS_WITH_REPLACEMENT = "combinations_with_replacement" => combinations_with_replacement,
    ACCUMULATE = "accumulate" => accumulate,
    GROUPBY = "groupby" => groupby,
    ZIP_LONGEST = "zip_longest" => zip_longest,
    STARMAP = "starmap" => starmap,
    TAKEWHILE = "takewhile" => takewhile,
    DROPWHILE = "dropwhile" => dropwhile,
    FILTERFALSE = "filterfalse" => filterfalse,
    COMPRESS = "compress" => compress,
    PAIRWISE = "pairwise" => pairwise,
    FROM_ITERABLE = "from_iterable" => chain_from_iterable,
}

fn attr(name: &str) -> Option<Value> {
    if name == "chain" {
        return Some(object(Chain));
    }
    native(name).map(Value::Native)
}

fn type_error(message: String) -> Ctrl {
    Ctrl::raise(ExcKind::TypeError, message)
}

fn value_error(message: &str) -> Ctrl {
    Ctrl::raise(ExcKind::ValueError, message)
}

/// Exactly `min..=max` positional arguments and no keywords besides those already taken.
fn positional(name: &str, args: Args, min: usize, max: usize) -> Eval<Vec<Value>> {
    args.no_more_kw(name)?;
    let n = args.pos.len();
    if n < min {
        return Err(type_error(format!(
            "{name} expected {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )));
    }
    if n > max {
        return Err(type_error(format!(
            "{name} expected at most {max} arguments, got {n}"
        )));
    }
    Ok(args.pos)
}

/// A non-negative count argument (`r`, `times`, `repeat`).
fn count_arg(v: &Value, what: &str) -> Eval<usize> {
    match v {
        Value::Int(n) if *n >= 0 => Ok(*n as usize),
        Value::Int(_) => Err(value_error(&format!("{what} must be non-negative"))),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

fn calls(f: &Value, args: Vec<Value>) -> Eval {
    special::call(f, args)
}

fn holds(f: &Value, x: &Value) -> Eval<bool> {
    special::truth(&calls(f, vec![x.clone()])?)
}

/// `count(start=0, step=1)`.
fn count(_: &CallCx, mut args: Args) -> Eval {
    let start = args.take_kw("start");
    let step = args.take_kw("step");
    let mut pos = positional("count", args, 0, 2)?.into_iter();
    let next = start.or_else(|| pos.next()).unwrap_or(Value::Int(0));
    let step = step.or_else(|| pos.next()).unwrap_or(Value::Int(1));
    for v in [&next, &step] {
        if !matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_)) {
            return Err(type_error("a number is required".to_string()));
        }
    }
    iterator(Count {
        next: Mutex::new(next),
        step,
    })
}

fn iterator(it: impl NativeIter + 'static) -> Eval {
    ops::make_iter(IterState::Native(Arc::new(it)))
}

/// The state of a `count`: the next number and the step.
struct Count {
    next: Mutex<Value>,
    step: Value,
}

impl NativeIter for Count {
    fn next_item(&self) -> Eval<Option<Value>> {
        let mut next = self.next.lock();
        let advanced = ops::binary(BinOp::Add, &next, &self.step)?;
        Ok(Some(std::mem::replace(&mut *next, advanced)))
    }

    fn repr(&self) -> Option<String> {
        let next = self.next.lock().repr();
        Some(match &self.step {
            Value::Int(1) => format!("count({next})"),
            step => format!("count({next}, {})", step.repr()),
        })
    }
}

/// The state of a `repeat`: the object, and how many times are left (forever if `None`).
struct Repeat {
    item: Value,
    left: Mutex<Option<u64>>,
}

impl NativeIter for Repeat {
    fn next_item(&self) -> Eval<Option<Value>> {
        let mut left = self.left.lock();
        match left.as_mut() {
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(self.item.clone()))
            }
            None => Ok(Some(self.item.clone())),
        }
    }

    fn repr(&self) -> Option<String> {
        let item = self.item.repr();
        Some(match *self.left.lock() {
            Some(n) => format!("repeat({item}, {n})"),
            None => format!("repeat({item})"),
        })
    }
}

/// `cycle(iterable)`: its items, then the same ones again, forever.
fn cycle(_: &CallCx, args: Args) -> Eval {
    let iterable = positional("cycle", args, 1, 1)?.remove(0);
    let mut source = Some(ops::iterate(&iterable)?);
    let mut saved = Vec::new();
    let mut at = 0;
    lazy(move || {
        if let Some(it) = source.as_mut() {
            if let Some(x) = it.next_value()? {
                saved.push(x.clone());
                return Ok(Some(x));
            }
            source = None;
        }
        if saved.is_empty() {
            return Ok(None);
        }
        let x = saved[at % saved.len()].clone();
        at = (at + 1) % saved.len();
        Ok(Some(x))
    })
}

/// `repeat(object, times=None)`.
fn repeat(_: &CallCx, mut args: Args) -> Eval {
    let times = args.take_kw("times");
    let mut pos = positional("repeat", args, 1, 2)?.into_iter();
    let item = pos.next().unwrap_or(Value::None);
    let left = match times.or_else(|| pos.next()) {
        None => None,
        Some(Value::Int(n)) => Some(n.max(0) as u64),
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
    };
    iterator(Repeat {
        item,
        left: Mutex::new(left),
    })
}

/// `itertools.chain`: a callable with the attribute `from_iterable`.
struct Chain;

impl PyObject for Chain {
    fn type_name(&self) -> &'static str {
        "type"
    }

    fn repr(&self) -> String {
        "<class 'itertools.chain'>".to_string()
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        match name {
            "from_iterable" => Some(Value::Native(&FROM_ITERABLE)),
            "__name__" | "__qualname__" => Some(Value::str("chain")),
            _ => None,
        }
    }

    fn call(&self, _cx: &CallCx, _me: &Value, args: Args) -> Eval {
        args.no_more_kw("chain")?;
        chained(IterState::Items {
            items: Arc::new(args.pos.into()),
            pos: 0,
        })
    }
}

fn chain_from_iterable(_: &CallCx, args: Args) -> Eval {
    let iterables = positional("from_iterable", args, 1, 1)?.remove(0);
    chained(ops::iterate(&iterables)?)
}

/// The items of each iterable `iterables` yields, one iterable after the other.
fn chained(mut iterables: IterState) -> Eval {
    let mut current: Option<IterState> = None;
    lazy(move || loop {
        if let Some(it) = current.as_mut() {
            if let Some(x) = it.next_value()? {
                return Ok(Some(x));
            }
        }
        match iterables.next_value()? {
            Some(next) => current = Some(ops::iterate(&next)?),
            None => return Ok(None),
        }
    })
}

/// A bound of `islice`: `None` or a non-negative int (`what` names it in the error).
fn slice_bound(v: &Value, what: &str) -> Eval<Option<usize>> {
    match v {
        Value::None => Ok(None),
        Value::Int(n) if *n >= 0 => Ok(Some(*n as usize)),
        _ => Err(value_error(&format!(
            "{what} for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        ))),
    }
}

/// `islice(iterable, stop)` or `islice(iterable, start, stop[, step])`.
fn islice(_: &CallCx, args: Args) -> Eval {
    let args = positional("islice", args, 2, 4)?;
    let (start, stop, step) = match &args[1..] {
        [stop] => (0, slice_bound(stop, "Stop argument")?, 1),
        [start, stop, rest @ ..] => {
            let step = match rest
                .first()
                .map(|s| slice_bound(s, "Step"))
                .transpose()?
                .flatten()
            {
                Some(0) => {
                    return Err(value_error(
                        "Step for islice() must be a positive integer or None.",
                    ))
                }
                Some(step) => step,
                None => 1,
            };
            let start = slice_bound(start, "Indices")?.unwrap_or(0);
            (start, slice_bound(stop, "Stop argument")?, step)
        }
        [] => unreachable!("positional() checked the count"),
    };
    let mut it = ops::iterate(&args[0])?;
    let mut next_index = start;
    let mut index = 0;
    lazy(move || {
        if stop.is_some_and(|stop| next_index >= stop) {
            return Ok(None);
        }
        while let Some(x) = it.next_value()? {
            index += 1;
            if index - 1 == next_index {
                next_index += step;
                return Ok(Some(x));
            }
        }
        next_index = usize::MAX;
        Ok(None)
    })
}

/// Walks the index tuples of a combinatoric iterator: `advance` moves `indices` to the next
/// one, or says there is none.
fn combinatoric(
    pool: Vec<Value>,
    mut indices: Option<Vec<usize>>,
    mut advance: impl FnMut(&mut Vec<usize>, usize) -> bool + Send + 'static,
    mut pick: impl FnMut(&[Value], &[usize]) -> Vec<Value> + Send + 'static,
) -> Eval {
    let mut first = true;
    lazy(move || {
        let Some(current) = indices.as_mut() else {
            return Ok(None);
        };
        if !first && !advance(current, pool.len()) {
            indices = None;
            return Ok(None);
        }
        first = false;
        Ok(Some(Value::tuple(pick(&pool, current))))
    })
}

fn take(pool: &[Value], indices: &[usize]) -> Vec<Value> {
    indices.iter().map(|&i| pool[i].clone()).collect()
}

/// The pool and `r` of `permutations` / `combinations`.
fn pool_and_r(name: &str, mut args: Args, r_required: bool) -> Eval<(Vec<Value>, usize)> {
    let r = args.take_kw("r");
    let mut pos = positional(name, args, 1, 2)?.into_iter();
    let pool = ops::to_vec(&pos.next().unwrap_or(Value::None))?;
    let r = match r.or_else(|| pos.next()) {
        None | Some(Value::None) if !r_required => pool.len(),
        None => {
            return Err(type_error(format!(
                "{name}() missing required argument 'r' (pos 2)"
            )))
        }
        Some(r) => count_arg(&r, "r")?,
    };
    Ok((pool, r))
}

/// `product(*iterables, repeat=1)`, the rightmost element advancing fastest.
fn product(_: &CallCx, mut args: Args) -> Eval {
    let times = match args.take_kw("repeat") {
        Some(r) => count_arg(&r, "repeat")?,
        None => 1,
    };
    args.no_more_kw("product")?;
    let pools = args
        .pos
        .iter()
        .map(ops::to_vec)
        .collect::<Eval<Vec<Vec<Value>>>>()?;
    let pools: Vec<Vec<Value>> = (0..times).flat_map(|_| pools.iter().cloned()).collect();
    let sizes: Vec<usize> = pools.iter().map(Vec::len).collect();
    let start = (!sizes.contains(&0)).then(|| vec![0; pools.len()]);
    combinatoric(
        Vec::new(),
        start,
        move |indices, _| {
            for i in (0..indices.len()).rev() {
                indices[i] += 1;
                if indices[i] < sizes[i] {
                    return true;
                }
                indices[i] = 0;
            }
            false
        },
        move |_, indices| {
            indices
                .iter()
                .enumerate()
                .map(|(pool, &i)| pools[pool][i].clone())
                .collect()
        },
    )
}

/// `permutations(iterable, r=None)`, in lexicographic order of positions.
fn permutations(_: &CallCx, args: Args) -> Eval {
    let (pool, r) = pool_and_r("permutations", args, false)?;
    let n = pool.len();
    let start = (r <= n).then(|| (0..n).collect::<Vec<usize>>());
    let mut cycles: Vec<usize> = (0..r).map(|i| n - i).collect();
    combinatoric(
        pool,
        start,
        move |indices, n| {
            for i in (0..r).rev() {
                cycles[i] -= 1;
                if cycles[i] == 0 {
                    let moved = indices.remove(i);
                    indices.push(moved);
                    cycles[i] = n - i;
                } else {
                    let j = n - cycles[i];
                    indices.swap(i, j);
                    return true;
                }
            }
            false
        },
        move |pool, indices| take(pool, &indices[..r]),
    )
}

/// `combinations(iterable, r)`: sorted by position, without repeats.
fn combinations(_: &CallCx, args: Args) -> Eval {
    let (pool, r) = pool_and_r("combinations", args, true)?;
    let start = (r <= pool.len()).then(|| (0..r).collect());
    combinatoric(
        pool,
        start,
        move |indices, n| {
            let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else {
                return false;
            };
            indices[i] += 1;
            for j in i + 1..r {
                indices[j] = indices[j - 1] + 1;
            }
            true
        },
        take,
    )
}

/// `combinations_with_replacement(iterable, r)`.
fn combinations_with_replacement(_: &CallCx, args: Args) -> Eval {
    let (pool, r) = pool_and_r("combinations_with_replacement", args, true)?;
    let start = (!pool.is_empty() || r == 0).then(|| vec![0; r]);
    combinatoric(
        pool,
        start,
        move |indices, n| {
            let Some(i) = (0..r).rev().find(|&i| indices[i] != n - 1) else {
                return false;
            };
            let next = indices[i] + 1;
            indices[i..].fill(next);
            true
        },
        take,
    )
}

/// `accumulate(iterable, func=operator.add, *, initial=None)`.
fn accumulate(_: &CallCx, mut args: Args) -> Eval {
    let initial = args
        .take_kw("initial")
        .filter(|v| !matches!(v, Value::None));
    let func = args.take_kw("func");
    let mut pos = positional("accumulate", args, 1, 2)?.into_iter();
    let mut it = ops::iterate(&pos.next().unwrap_or(Value::None))?;
    let func = func
        .or_else(|| pos.next())
        .filter(|f| !matches!(f, Value::None));
    let mut total = initial.clone();
    let mut pending_initial = initial.is_some();
    lazy(move || {
        if pending_initial {
            pending_initial = false;
            return Ok(total.clone());
        }
        let Some(x) = it.next_value()? else {
            return Ok(None);
        };
        let next = match (total.take(), &func) {
            (None, _) => x,
            (Some(acc), Some(f)) => calls(f, vec![acc, x])?,
            (Some(acc), None) => ops::binary(BinOp::Add, &acc, &x)?,
        };
        total = Some(next.clone());
        Ok(Some(next))
    })
}

/// `groupby(iterable, key=None)`: `(key, group)` for each run of items with equal keys. Each
/// run is read when its pair is produced, so a group is complete even if it is consumed after
/// the next pair (CPython's would be empty by then).
fn groupby(_: &CallCx, mut args: Args) -> Eval {
    let key_kw = args.take_kw("key");
    let mut pos = positional("groupby", args, 1, 2)?.into_iter();
    let mut it = ops::iterate(&pos.next().unwrap_or(Value::None))?;
    let key = key_kw
        .or_else(|| pos.next())
        .filter(|k| !matches!(k, Value::None));
    let key_of = move |x: &Value| match &key {
        Some(f) => calls(f, vec![x.clone()]),
        None => Ok(x.clone()),
    };
    let mut ahead: Option<(Value, Value)> = None;
    lazy(move || {
        let (group_key, first) = match ahead.take() {
            Some(pair) => pair,
            None => match it.next_value()? {
                Some(x) => (key_of(&x)?, x),
                None => return Ok(None),
            },
        };
        let mut group = vec![first];
        while let Some(x) = it.next_value()? {
            let k = key_of(&x)?;
            if !ops::equal(&k, &group_key)? {
                ahead = Some((k, x));
                break;
            }
            group.push(x);
        }
        let group = ops::make_iter(IterState::Items {
            items: Arc::new(group.into()),
            pos: 0,
        })?;
        Ok(Some(Value::tuple(vec![group_key, group])))
    })
}

/// `zip_longest(*iterables, fillvalue=None)`.
fn zip_longest(_: &CallCx, mut args: Args) -> Eval {
    let fill = args.take_kw("fillvalue").unwrap_or(Value::None);
    args.no_more_kw("zip_longest")?;
    let mut iters: Vec<Option<IterState>> = args
        .pos
        .iter()
        .map(|v| ops::iterate(v).map(Some))
        .collect::<Eval<_>>()?;
    lazy(move || {
        let mut row = Vec::with_capacity(iters.len());
        let mut live = false;
        for slot in iters.iter_mut() {
            let item = match slot.as_mut() {
                Some(it) => it.next_value()?,
                None => None,
            };
            match item {
                Some(x) => {
                    live = true;
                    row.push(x);
                }
                None => {
                    *slot = None;
                    row.push(fill.clone());
                }
            }
        }
        Ok(live.then(|| Value::tuple(row)))
    })
}

/// The function and the iterator of `starmap`, `takewhile` and friends.
fn func_and_iter(name: &str, args: Args) -> Eval<(Value, IterState)> {
    let mut args = positional(name, args, 2, 2)?.into_iter();
    let func = args.next().unwrap_or(Value::None);
    let it = ops::iterate(&args.next().unwrap_or(Value::None))?;
    Ok((func, it))
}

/// `starmap(func, iterable)`: `func(*args)` for each tuple of arguments.
fn starmap(_: &CallCx, args: Args) -> Eval {
    let (func, mut it) = func_and_iter("starmap", args)?;
    lazy(move || match it.next_value()? {
        Some(args) => calls(&func, ops::to_vec(&args)?).map(Some),
        None => Ok(None),
    })
}

/// `takewhile(predicate, iterable)`.
fn takewhile(_: &CallCx, args: Args) -> Eval {
    let (pred, mut it) = func_and_iter("takewhile", args)?;
    let mut done = false;
    lazy(move || {
        if done {
            return Ok(None);
        }
        match it.next_value()? {
            Some(x) if holds(&pred, &x)? => Ok(Some(x)),
            _ => {
                done = true;
                Ok(None)
            }
        }
    })
}

/// `dropwhile(predicate, iterable)`.
fn dropwhile(_: &CallCx, args: Args) -> Eval {
    let (pred, mut it) = func_and_iter("dropwhile", args)?;
    let mut dropping = true;
    lazy(move || {
        while let Some(x) = it.next_value()? {
            if dropping && holds(&pred, &x)? {
                continue;
            }
            dropping = false;
            return Ok(Some(x));
        }
        Ok(None)
    })
}

/// `filterfalse(predicate, iterable)`; a `None` predicate tests the items themselves.
fn filterfalse(_: &CallCx, args: Args) -> Eval {
    let (pred, mut it) = func_and_iter("filterfalse", args)?;
    lazy(move || {
        while let Some(x) = it.next_value()? {
            let keep = match &pred {
                Value::None => !special::truth(&x)?,
                f => !holds(f, &x)?,
            };
            if keep {
                return Ok(Some(x));
            }
        }
        Ok(None)
    })
}

/// `compress(data, selectors)`.
fn compress(_: &CallCx, mut args: Args) -> Eval {
    let data = args.take_kw("data");
    let selectors = args.take_kw("selectors");
    let mut pos = positional("compress", args, 0, 2)?.into_iter();
    let (Some(data), Some(selectors)) = (
        data.or_else(|| pos.next()),
        selectors.or_else(|| pos.next()),
    ) else {
        return Err(type_error(
            "compress() missing required argument".to_string(),
        ));
    };
    let mut data = ops::iterate(&data)?;
    let mut selectors = ops::iterate(&selectors)?;
    lazy(move || loop {
        let (Some(x), Some(s)) = (data.next_value()?, selectors.next_value()?) else {
            return Ok(None);
        };
        if special::truth(&s)? {
            return Ok(Some(x));
        }
    })
}

/// `pairwise(iterable)`: each item with the one after it.
fn pairwise(_: &CallCx, args: Args) -> Eval {
    let iterable = positional("pairwise", args, 1, 1)?.remove(0);
    let mut it = ops::iterate(&iterable)?;
    let mut previous: Option<Value> = None;
    lazy(move || {
        if previous.is_none() {
            previous = it.next_value()?;
        }
        let Some(first) = previous.take() else {
            return Ok(None);
        };
        let Some(second) = it.next_value()? else {
            return Ok(None);
        };
        previous = Some(second.clone());
        Ok(Some(Value::tuple(vec![first, second])))
    })
}
