//! `collections.Counter`, `defaultdict` and `OrderedDict`: dicts of another kind. Their entries
//! are a plain dict's (so everything a dict does, they do); the hooks here add what each
//! subclass changes: a missing key's value, the repr, the extra methods and operators.

use std::sync::{Arc, OnceLock};

use crate::lang::builtins::{self};
use crate::lang::error::{Ctrl, Eval, ExcKind, Exception};
use crate::lang::function::{Args, BoundMethod};
use crate::lang::introspect;
use crate::lang::ir::{BinOp, CmpOp, UnaryOp};
use crate::lang::lazy::lazy;
use crate::lang::object::{object, CallCx, PyObject};
use crate::lang::ops;
use crate::lang::special;
use crate::lang::value::{Dict, DictFlavor, DictKind, Value};

pub fn attr(name: &str) -> Option<Value> {
    match name {
        "Counter" => Some(counter_class()),
        "defaultdict" => Some(defaultdict_class()),
        "OrderedDict" => Some(ordered_class()),
        _ => None,
    }
}

macro_rules! type_object {
    ($fn:ident, $flavor:ident) => {
        fn $fn() -> Value {
            static TYPE: OnceLock<Value> = OnceLock::new();
            TYPE.get_or_init(|| object(DictType(&$flavor))).clone()
        }
    };
}

type_object!(counter_class, COUNTER);
type_object!(defaultdict_class, DEFAULTDICT);
type_object!(ordered_class, ORDERED);

static COUNTER: DictFlavor = DictFlavor {
    name: "Counter",
    class: counter_class,
    missing: |_, _, _| Some(Ok(Value::Int(0))),
    repr: counter_repr,
    attr: |me, _, name| bound(me, name, COUNTER_METHODS),
    method: counter_method,
    binary: counter_binary,
    unary: counter_unary,
    set_attr: |_, _, _| false,
    ordered: false,
};

static DEFAULTDICT: DictFlavor = DictFlavor {
    name: "defaultdict",
    class: defaultdict_class,
    missing: default_missing,
    repr: |me, kind| {
        Ok(format!(
            "defaultdict({}, {})",
            kind.extra.try_repr()?,
            plain(me)?.try_repr()?
        ))
    },
    attr: |_, kind, name| (name == "default_factory").then(|| kind.extra.clone()),
    method: |_, _, _, _| None,
    binary: |_, _, _| None,
    unary: |_, _| None,
    set_attr: |kind, name, value| {
        let known = name == "default_factory";
        if known {
            kind.extra = value;
        }
        known
    },
    ordered: false,
};

static ORDERED: DictFlavor = DictFlavor {
    name: "OrderedDict",
    class: ordered_class,
    missing: |_, _, _| None,
    repr: |me, _| {
        let pairs = entries(me);
        if pairs.is_empty() {
            return Ok("OrderedDict()".to_string());
        }
        let items = pairs
            .into_iter()
            .map(|(k, v)| Value::tuple(vec![k, v]))
            .collect();
        Ok(format!("OrderedDict({})", Value::list(items).try_repr()?))
    },
    attr: |me, _, name| bound(me, name, ORDERED_METHODS),
    method: ordered_method,
    binary: |_, _, _| None,
    unary: |_, _| None,
    set_attr: |_, _, _| false,
    ordered: true,
};

const COUNTER_METHODS: &[&str] = &["most_common", "elements", "update", "subtract", "total"];
const ORDERED_METHODS: &[&str] = &["move_to_end", "popitem"];

/// `d.name` as a bound method, where `name` is one of the subclass's own methods.
fn bound(me: &Value, name: &str, methods: &[&str]) -> Option<Value> {
    methods.contains(&name).then(|| {
        Value::Method(Arc::new(BoundMethod {
            receiver: me.clone(),
            name: Arc::from(name),
            function: None,
        }))
    })
}

fn type_error(message: impl Into<String>) -> Ctrl {
    Ctrl::raise(ExcKind::TypeError, message)
}

fn key_error(key: Value) -> Ctrl {
    Ctrl::exc(Arc::new(Exception::with_args(ExcKind::KeyError, vec![key])))
}

/// The dict behind `me` (which is a dict: the hooks are only called for dicts).
fn dict_of(me: &Value) -> &Arc<parking_lot::Mutex<Dict>> {
    match me {
        Value::Dict(d) => d,
        _ => unreachable!("dict kinds are dicts"),
    }
}

fn entries(me: &Value) -> Vec<(Value, Value)> {
    dict_of(me).lock().values().cloned().collect()
}

/// A plain dict with the same entries.
fn plain(me: &Value) -> Eval {
    builtins::dict_from_pairs(entries(me))
}

fn with_kind(d: Value, flavor: &'static DictFlavor, extra: Value) -> Value {
    dict_of(&d).lock().kind = Some(DictKind { flavor, extra });
    d
}

fn empty(flavor: &'static DictFlavor) -> Value {
    with_kind(Value::dict(Dict::default()), flavor, Value::None)
}

/// `Counter`, `defaultdict` and `OrderedDict` themselves: called, they make one.
struct DictType(&'static DictFlavor);

impl PyObject for DictType {
    fn type_name(&self) -> &'static str {
        "type"
    }

    fn repr(&self) -> String {
        format!("<class 'collections.{}'>", self.0.name)
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        matches!(name, "__name__" | "__qualname__").then(|| Value::str(self.0.name))
    }

    fn call(&self, _cx: &CallCx, _me: &Value, mut args: Args) -> Eval {
        match self.0.name {
            "Counter" => {
                let counter = empty(&COUNTER);
                count_into(&counter, args, 1)?;
                Ok(counter)
            }
            "defaultdict" => {
                let factory = if args.pos.is_empty() {
                    Value::None
                } else {
                    args.pos.remove(0)
                };
                if !matches!(factory, Value::None) && !special_callable(&factory) {
                    return Err(type_error("first argument must be callable or None"));
                }
                Ok(with_kind(builtins::dict(args)?, &DEFAULTDICT, factory))
            }
            _ => Ok(with_kind(builtins::dict(args)?, &ORDERED, Value::None)),
        }
    }
}

fn special_callable(v: &Value) -> bool {
    matches!(
        introspect::call(
            builtins::Builtin::Callable,
            Args::positional(vec![v.clone()])
        ),
        Ok(Value::Bool(true))
    )
}

/// `defaultdict.__missing__`: the factory's value, stored under the key.
fn default_missing(me: &Value, kind: &DictKind, key: &Value) -> Option<Eval> {
    if matches!(kind.extra, Value::None) {
        return None;
    }
    Some(special::call(&kind.extra, Vec::new()).and_then(|made| {
        ops::set_item(me, key, made.clone())?;
        Ok(made)
    }))
}

// ---- Counter ----------------------------------------------------------------------------------

/// Adds `sign` times each count of `args` (an iterable of elements, a mapping of counts, or
/// keywords) to `counter`, as `update` and `subtract` do.
fn count_into(counter: &Value, mut args: Args, sign: i64) -> Eval<()> {
    let keywords = std::mem::take(&mut args.kw);
    if args.pos.len() > 1 {
        return Err(type_error(format!(
            "expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
    let mut counts: Vec<(Value, Value)> = match args.pos.pop() {
        None | Some(Value::None) => Vec::new(),
        Some(Value::Dict(d)) => d.lock().values().cloned().collect(),
        Some(iterable) => ops::to_vec(&iterable)?
            .into_iter()
            .map(|x| (x, Value::Int(1)))
            .collect(),
    };
    counts.extend(keywords.into_iter().map(|(k, v)| (Value::Str(k.into()), v)));
    let op = if sign < 0 { BinOp::Sub } else { BinOp::Add };
    for (element, n) in counts {
        let current = ops::get_item(counter, &element)?;
        ops::set_item(counter, &element, ops::binary(op, &current, &n)?)?;
    }
    Ok(())
}

/// The entries from the most common down; equal counts keep their insertion order.
fn most_common(me: &Value) -> Eval<Vec<(Value, Value)>> {
    let mut pairs = entries(me);
    let mut failure = None;
    pairs.sort_by(|(_, a), (_, b)| {
        match (ops::compare(CmpOp::Gt, a, b), ops::compare(CmpOp::Lt, a, b)) {
            (Ok(true), _) => std::cmp::Ordering::Less,
            (_, Ok(true)) => std::cmp::Ordering::Greater,
            (Err(e), _) | (_, Err(e)) => {
                failure.get_or_insert(e);
                std::cmp::Ordering::Equal
            }
            _ => std::cmp::Ordering::Equal,
        }
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(pairs),
    }
}

fn counter_repr(me: &Value, _: &DictKind) -> Eval<String> {
    if dict_of(me).lock().is_empty() {
        return Ok("Counter()".to_string());
    }
    let ordered = builtins::dict_from_pairs(most_common(me)?)?;
    Ok(format!("Counter({})", ordered.try_repr()?))
}

fn counter_method(me: &Value, _: &DictKind, name: &str, args: &mut Args) -> Option<Eval> {
    let args = std::mem::take(args);
    Some(match name {
        "update" => count_into(me, args, 1).map(|()| Value::None),
        "subtract" => count_into(me, args, -1).map(|()| Value::None),
        "most_common" => most_common_list(me, &args),
        "elements" => elements(me),
        "total" => entries(me)
            .into_iter()
            .try_fold(Value::Int(0), |sum, (_, n)| {
                ops::binary(BinOp::Add, &sum, &n)
            }),
        _ => return None,
    })
}

/// `most_common(n=None)`: `(element, count)` pairs, the `n` most common.
fn most_common_list(me: &Value, args: &Args) -> Eval {
    let limit = match args.pos.first() {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) => Some((*n).max(0) as usize),
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
    };
    let mut pairs = most_common(me)?;
    pairs.truncate(limit.unwrap_or(pairs.len()));
    let items = pairs
        .into_iter()
        .map(|(k, v)| Value::tuple(vec![k, v]))
        .collect();
    Ok(Value::list(items))
}

/// `elements()`: each element repeated as many times as its count, if positive.
fn elements(me: &Value) -> Eval {
    let mut pairs = entries(me).into_iter();
    let mut current: Option<(Value, i64)> = None;
    lazy(move || loop {
        if let Some((element, left)) = current.as_mut() {
            if *left > 0 {
                *left -= 1;
                return Ok(Some(element.clone()));
            }
        }
        match pairs.next() {
            Some((element, Value::Int(n))) => current = Some((element, n)),
            Some((_, other)) => {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                )))
            }
            None => return Ok(None),
        }
    })
}

fn is_counter(v: &Value) -> bool {
    matches!(v, Value::Dict(d) if d.lock().kind().is_some_and(|k| std::ptr::eq(k.flavor, &COUNTER)))
}

/// `+`, `-`, `|` and `&` of two counters, keeping the positive counts, in CPython's order.
fn counter_binary(op: BinOp, a: &Value, b: &Value) -> Option<Eval> {
    if !matches!(op, BinOp::Add | BinOp::Sub | BinOp::BitOr | BinOp::BitAnd) || !is_counter(b) {
        return None;
    }
    Some(combine_counters(op, a, b))
}

fn combine_counters(op: BinOp, a: &Value, b: &Value) -> Eval {
    {
        let result = empty(&COUNTER);
        let zero = Value::Int(0);
        for (element, count) in entries(a) {
            let other = ops::get_item(b, &element)?;
            let new = match op {
                BinOp::Add => ops::binary(BinOp::Add, &count, &other)?,
                BinOp::Sub => ops::binary(BinOp::Sub, &count, &other)?,
                BinOp::BitOr if ops::compare(CmpOp::Lt, &count, &other)? => other,
                BinOp::BitAnd if ops::compare(CmpOp::Lt, &other, &count)? => other,
                _ => count,
            };
            if ops::compare(CmpOp::Gt, &new, &zero)? {
                ops::set_item(&result, &element, new)?;
            }
        }
        if op == BinOp::BitAnd {
            return Ok(result);
        }
        for (element, count) in entries(b) {
            if ops::contains(a, &element)? {
                continue;
            }
            let new = match op {
                BinOp::Sub => ops::binary(BinOp::Sub, &zero, &count)?,
                _ => count,
            };
            if ops::compare(CmpOp::Gt, &new, &zero)? {
                ops::set_item(&result, &element, new)?;
            }
        }
        Ok(result)
    }
}

/// `+c` (the positive counts) and `-c` (the negated negative ones).
fn counter_unary(op: UnaryOp, c: &Value) -> Option<Eval> {
    let negate = match op {
        UnaryOp::Pos => false,
        UnaryOp::Neg => true,
        _ => return None,
    };
    Some(signed_counts(c, negate))
}

fn signed_counts(c: &Value, negate: bool) -> Eval {
    let result = empty(&COUNTER);
    let zero = Value::Int(0);
    for (element, count) in entries(c) {
        let count = if negate {
            ops::binary(BinOp::Sub, &zero, &count)?
        } else {
            count
        };
        if ops::compare(CmpOp::Gt, &count, &zero)? {
            ops::set_item(&result, &element, count)?;
        }
    }
    Ok(result)
}

// ---- OrderedDict ------------------------------------------------------------------------------

fn last_flag(args: &mut Args) -> bool {
    let last = args.take_kw("last");
    last.or_else(|| (args.pos.len() > 1).then(|| args.pos.remove(1)))
        .is_none_or(|v| v.truthy())
}

fn ordered_method(me: &Value, _: &DictKind, name: &str, args: &mut Args) -> Option<Eval> {
    Some(match name {
        "move_to_end" => move_to_end(dict_of(me), args),
        "popitem" => popitem(dict_of(me), args),
        _ => return None,
    })
}

/// `move_to_end(key, last=True)`.
fn move_to_end(d: &parking_lot::Mutex<Dict>, args: &mut Args) -> Eval {
    let last = last_flag(args);
    let key = args
        .pos
        .first()
        .cloned()
        .ok_or_else(|| type_error("move_to_end() missing required argument 'key'"))?;
    let hashed = key.key()?;
    let mut d = d.lock();
    let Some(from) = d.get_index_of(&hashed) else {
        drop(d);
        return Err(key_error(key));
    };
    let to = if last { d.len() - 1 } else { 0 };
    d.move_index(from, to);
    Ok(Value::None)
}

/// `popitem(last=True)`: the newest entry, or the oldest.
fn popitem(d: &parking_lot::Mutex<Dict>, args: &mut Args) -> Eval {
    let last = last_flag(args);
    let popped = {
        let mut d = d.lock();
        if last {
            d.pop()
        } else {
            d.shift_remove_index(0)
        }
    };
    match popped {
        Some((_, (k, v))) => Ok(Value::tuple(vec![k, v])),
        None => Err(key_error(Value::str("dictionary is empty"))),
    }
}
