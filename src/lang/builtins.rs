//! Built-in functions and the methods of built-in types.

use std::cmp::Ordering;
use std::fmt::Write as _;
use std::sync::Arc;

use parking_lot::Mutex;

use super::alloc;
use super::class;
use super::error::{Ctrl, Eval, ExcKind, Exception};
use super::eval::Ctx;
use super::exception_group;
use super::function::{Args, BoundMethod};
use super::introspect;
use super::ir::{BinOp, Call};
use super::lazy;
use super::num;
use super::object::{object, CallCx, PyObject};
use super::ops;
use super::set;
use super::special;
use super::str_methods;
use super::text::Text;
use super::value::{Dict, Items, IterState, Key, RangeObj, Value};

macro_rules! builtins {
    ($($variant:ident = $name:literal),* $(,)?) => {
        /// A function implemented by the interpreter.
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum Builtin { $($variant),* }

        impl Builtin {
            pub fn name(self) -> &'static str {
                match self { $(Builtin::$variant => $name),* }
            }
        }
    };
}

builtins! {
    Print = "print", Len = "len", Range = "range", Sum = "sum", Min = "min", Max = "max",
    Enumerate = "enumerate", Zip = "zip", Str = "str", Int = "int", Float = "float",
    Bool = "bool", List = "list", Tuple = "tuple", Dict = "dict", IsInstance = "isinstance",
    Abs = "abs", Round = "round", Sorted = "sorted", Reversed = "reversed", Repr = "repr",
    Any = "any", All = "all", Bytes = "bytes", Divmod = "divmod", Type = "type",
    Object = "object", Super = "super", Property = "property", StaticMethod = "staticmethod",
    ClassMethod = "classmethod", IsSubclass = "issubclass", HasAttr = "hasattr",
    GetAttr = "getattr", SetAttr = "setattr", DelAttr = "delattr", Iter = "iter", Next = "next",
    Callable = "callable", Id = "id", Hash = "hash", Map = "map", Filter = "filter",
    Pow = "pow", Chr = "chr", Ord = "ord", Bin = "bin", Hex = "hex", Oct = "oct",
    Anext = "anext", Aiter = "aiter", Set = "set", FrozenSet = "frozenset", Slice = "slice",
}

/// Builtins reachable as plain names (the rest live in modules).
const GLOBAL_BUILTINS: &[Builtin] = &[
    Builtin::Print,
    Builtin::Len,
    Builtin::Range,
    Builtin::Sum,
    Builtin::Min,
    Builtin::Max,
    Builtin::Enumerate,
    Builtin::Zip,
    Builtin::Str,
    Builtin::Int,
    Builtin::Float,
    Builtin::Bool,
    Builtin::List,
    Builtin::Tuple,
    Builtin::Dict,
    Builtin::IsInstance,
    Builtin::Abs,
    Builtin::Round,
    Builtin::Sorted,
    Builtin::Reversed,
    Builtin::Repr,
    Builtin::Any,
    Builtin::All,
    Builtin::Bytes,
    Builtin::Divmod,
    Builtin::Type,
    Builtin::Object,
    Builtin::Super,
    Builtin::Property,
    Builtin::StaticMethod,
    Builtin::ClassMethod,
    Builtin::IsSubclass,
    Builtin::HasAttr,
    Builtin::GetAttr,
    Builtin::SetAttr,
    Builtin::DelAttr,
    Builtin::Iter,
    Builtin::Next,
    Builtin::Callable,
    Builtin::Id,
    Builtin::Hash,
    Builtin::Map,
    Builtin::Filter,
    Builtin::Pow,
    Builtin::Chr,
    Builtin::Ord,
    Builtin::Bin,
    Builtin::Hex,
    Builtin::Oct,
    Builtin::Anext,
    Builtin::Aiter,
    Builtin::Set,
    Builtin::FrozenSet,
    Builtin::Slice,
];

/// The builtin names that stand for a constant rather than a function or class:
/// the exception classes, `Ellipsis` and `NotImplemented`.
pub fn constant(name: &str) -> Option<Value> {
    if let Some(kind) = ExcKind::by_name(name) {
        return Some(Value::ExcType(kind));
    }
    match name {
        "Ellipsis" => Some(Value::Ellipsis),
        "NotImplemented" => Some(Value::NotImplemented),
        _ => None,
    }
}

impl Builtin {
    /// The names of the builtins reachable as plain names.
    pub fn global_names() -> impl Iterator<Item = &'static str> {
        GLOBAL_BUILTINS.iter().map(|b| b.name())
    }

    pub fn by_name(name: &str) -> Option<Builtin> {
        GLOBAL_BUILTINS.iter().copied().find(|b| b.name() == name)
    }

    /// Whether this builtin is a class (`int`, `list`, `type`...) rather than a function.
    pub fn is_type(self) -> bool {
        use Builtin as B;
        matches!(
            self,
            B::Int
                | B::Float
                | B::Str
                | B::Bytes
                | B::Bool
                | B::List
                | B::Tuple
                | B::Dict
                | B::Range
                | B::Type
                | B::Object
                | B::Super
                | B::Property
                | B::StaticMethod
                | B::ClassMethod
                | B::Map
                | B::Filter
                | B::Set
                | B::FrozenSet
                | B::Slice
        )
    }
}

/// `type(v)`: the class of `v`. Built-in classes are their constructors (`type(1) is int`);
/// the others are named type objects, one per name.
pub fn type_of(v: &Value) -> Value {
    let builtin = match v {
        Value::Int(_) => Builtin::Int,
        Value::Bool(_) => Builtin::Bool,
        Value::Float(_) => Builtin::Float,
        Value::Str(_) => Builtin::Str,
        Value::Bytes(_) => Builtin::Bytes,
        Value::List(_) => Builtin::List,
        Value::Tuple(_) => Builtin::Tuple,
        Value::Dict(d) => match d.lock().kind() {
            Some(kind) => return (kind.flavor.class)(),
            None => Builtin::Dict,
        },
        Value::Range(_) => Builtin::Range,
        Value::Set(s) if s.frozen => Builtin::FrozenSet,
        Value::Set(_) => Builtin::Set,
        Value::Exception(e) => match &e.class {
            Some(c) => return Value::Class(c.clone()),
            None => return Value::ExcType(e.kind),
        },
        Value::Instance(i) => return Value::Class(i.class.clone()),
        Value::Class(_) => Builtin::Type,
        Value::ExcType(_) => Builtin::Type,
        Value::Builtin(b) if b.is_type() => Builtin::Type,
        other => return TypeObj::named(other.type_name()),
    };
    Value::Builtin(builtin)
}

/// The class of values that have no constructor of their own in scenarios (functions,
/// coroutines, tasks...): it has a name and an identity, nothing more.
pub struct TypeObj(&'static str);

impl TypeObj {
    fn named(name: &'static str) -> Value {
        static KNOWN: Mutex<Vec<(&str, Value)>> = Mutex::new(Vec::new());
        let mut known = KNOWN.lock();
        if let Some((_, t)) = known.iter().find(|(known, _)| *known == name) {
            return t.clone();
        }
        let t = object(TypeObj(name));
        known.push((name, t.clone()));
        t
    }
}

impl PyObject for TypeObj {
    fn type_name(&self) -> &'static str {
        "type"
    }

    fn repr(&self) -> String {
        format!("<class '{}'>", self.0)
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        matches!(name, "__name__" | "__qualname__").then(|| Value::str(self.0))
    }
}

fn type_error(message: String) -> Ctrl {
    Ctrl::raise(ExcKind::TypeError, message)
}

fn value_error(message: String) -> Ctrl {
    Ctrl::raise(ExcKind::ValueError, message)
}

pub fn arity(name: &str, args: &Args, min: usize, max: usize) -> Eval<()> {
    let n = args.pos.len();
    if n < min || n > max {
        let expected = if min == max {
            format!("exactly {min}")
        } else if n < min {
            format!("at least {min}")
        } else {
            format!("at most {max}")
        };
        let plural = if min == max && min == 1 { "" } else { "s" };
        return Err(type_error(format!(
            "{name}() takes {expected} argument{plural} ({n} given)"
        )));
    }
    Ok(())
}

fn int_arg(v: &Value) -> Eval<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

pub fn float_arg(v: &Value, what: &str) -> Eval<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(f) => Ok(*f),
        other => Err(type_error(format!(
            "{what}: must be a real number, not {}",
            other.type_name()
        ))),
    }
}

fn str_arg<'v>(v: &'v Value, what: &str) -> Eval<&'v str> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(type_error(format!(
            "{what} must be str, not {}",
            other.type_name()
        ))),
    }
}

/// `ord(c)`: the code point of a one-character string, or the value of a one-byte `bytes`.
fn ord(v: &Value) -> Eval {
    let mut chars = match v {
        Value::Str(s) => s.chars(),
        Value::Bytes(b) if b.len() == 1 => return Ok(Value::Int(i64::from(b[0]))),
        Value::Bytes(b) => {
            return Err(type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            )))
        }
        other => {
            return Err(type_error(format!(
                "ord() expected string of length 1, but {} found",
                other.type_name()
            )))
        }
    };
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(Value::Int(i64::from(u32::from(c)))),
        (first, second) => Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            usize::from(first.is_some()) + usize::from(second.is_some()) + chars.count()
        ))),
    }
}

/// Builds a dict from key/value pairs (later keys win, first insertion keeps its place).
pub fn dict_from_pairs(pairs: Vec<(Value, Value)>) -> Eval {
    let mut map = Dict::default();
    for (k, v) in pairs {
        ops::dict_set(&mut map, k.key()?, &k, v)?;
    }
    Ok(Value::dict(map))
}

/// Calls a builtin function. Returning from most of them is a GIL checkpoint, as in CPython
/// (`len` and `isinstance` are specialised without one).
pub fn call(ctx: &Ctx, depth: u32, b: Builtin, args: Args, site: &Call) -> Eval {
    let result = call_builtin(ctx, depth, b, args, site);
    if !matches!(b, Builtin::Len | Builtin::IsInstance) {
        ctx.interp.checkpoint();
    }
    result
}

fn call_builtin(ctx: &Ctx, depth: u32, b: Builtin, mut args: Args, site: &Call) -> Eval {
    use Builtin as B;
    match b {
        B::Print => print(ctx, args, site),
        B::Len => {
            arity("len", &args, 1, 1)?;
            len(&args.pos[0])
        }
        B::Range => range(args),
        B::Sum => sum(ctx, args),
        B::Min | B::Max => min_max(ctx, depth, b, args, site),
        B::Enumerate => {
            let start = args.take_kw("start").map_or(Ok(0), |v| int_arg(&v))?;
            arity("enumerate", &args, 1, 2)?;
            let start = match args.pos.get(1) {
                Some(v) => int_arg(v)?,
                None => start,
            };
            let inner = ops::iterate(&args.pos[0])?;
            ops::make_iter(IterState::Enumerate {
                inner: Box::new(inner),
                count: Some(start),
            })
        }
        B::Zip => ops::make_iter(IterState::Zip(
            args.pos.iter().map(ops::iterate).collect::<Eval<_>>()?,
        )),
        B::Str => {
            arity("str", &args, 0, 1)?;
            match args.pos.first() {
                None => Ok(Value::str("")),
                Some(Value::Str(s)) => Ok(Value::Str(s.clone())),
                Some(v) => Ok(Value::Str(alloc::shared_str(v.try_str()?)?)),
            }
        }
        B::Type => match args.pos.as_slice() {
            [v] if args.kw.is_empty() => Ok(type_of(v)),
            [_, _, _] => Err(type_error(
                "type() with three arguments (making a class) is not supported in scenarios yet"
                    .into(),
            )),
            _ => Err(type_error("type() takes 1 or 3 arguments".into())),
        },
        B::Repr => {
            arity("repr", &args, 1, 1)?;
            Ok(Value::Str(alloc::shared_str(args.pos[0].try_repr()?)?))
        }
        B::Int => int(args),
        B::Bytes => bytes(args),
        B::Float => float(args),
        B::Bool => {
            arity("bool", &args, 0, 1)?;
            match args.pos.first() {
                Some(v) => Ok(Value::Bool(special::truth(v)?)),
                None => Ok(Value::Bool(false)),
            }
        }
        B::List => {
            arity("list", &args, 0, 1)?;
            Ok(Value::list(match args.pos.first() {
                Some(v) => ops::to_vec(v)?,
                None => vec![],
            }))
        }
        B::Tuple => {
            arity("tuple", &args, 0, 1)?;
            Ok(Value::tuple(match args.pos.first() {
                Some(v) => ops::to_vec(v)?,
                None => vec![],
            }))
        }
        B::Dict => dict(args),
        B::IsInstance => {
            arity("isinstance", &args, 2, 2)?;
            Ok(Value::Bool(isinstance(&args.pos[0], &args.pos[1])?))
        }
        B::Abs => {
            arity("abs", &args, 1, 1)?;
            match &args.pos[0] {
                Value::Float(f) => Ok(Value::Float(f.abs())),
                Value::Int(_) | Value::Bool(_) => int_arg(&args.pos[0])?
                    .checked_abs()
                    .map(Value::Int)
                    .ok_or_else(num::int_overflow),
                other if special::method(other, "__abs__").is_some() => {
                    special::call_method(other, "__abs__", Vec::new()).unwrap_or(Ok(Value::None))
                }
                other => Err(type_error(format!(
                    "bad operand type for abs(): '{}'",
                    other.type_name()
                ))),
            }
        }
        B::Round => round(args),
        B::Anext => {
            arity("anext", &args, 1, 2)?;
            let default = args.pos.get(1).cloned();
            crate::lang::eval_async::anext(&args.pos[0], default, site.line)
        }
        B::Aiter => {
            arity("aiter", &args, 1, 1)?;
            crate::lang::eval_async::aiter(&args.pos[0])
        }
        B::Slice => {
            args.no_more_kw("slice")?;
            ops::slice(args.pos)
        }
        B::Set | B::FrozenSet => {
            args.no_more_kw(b.name())?;
            arity(b.name(), &args, 0, 1)?;
            set::new(b == B::FrozenSet, args.pos.first())
        }
        B::Map => lazy::map(args),
        B::Filter => lazy::filter(args),
        B::Pow => {
            args.take_kw("exp")
                .into_iter()
                .for_each(|e| args.pos.push(e));
            args.no_more_kw("pow")?;
            arity("pow", &args, 2, 3)?;
            match &args.pos[..] {
                [base, exp] => ops::binary(BinOp::Pow, base, exp),
                [base, exp, modulus] => {
                    num::pow_mod(int_arg(base)?, int_arg(exp)?, int_arg(modulus)?)
                }
                _ => unreachable!("arity checked"),
            }
        }
        B::Chr => {
            arity("chr", &args, 1, 1)?;
            let code = int_arg(&args.pos[0])?;
            u32::try_from(code)
                .ok()
                .and_then(char::from_u32)
                .map(|c| Value::str(c.encode_utf8(&mut [0; 4])))
                .ok_or_else(|| value_error("chr() arg not in range(0x110000)".to_string()))
        }
        B::Ord => {
            arity("ord", &args, 1, 1)?;
            ord(&args.pos[0])
        }
        B::Bin | B::Hex | B::Oct => {
            arity(b.name(), &args, 1, 1)?;
            let i = int_arg(&args.pos[0])?;
            let (prefix, digits) = match b {
                B::Bin => ("0b", format!("{:b}", i.unsigned_abs())),
                B::Hex => ("0x", format!("{:x}", i.unsigned_abs())),
                _ => ("0o", format!("{:o}", i.unsigned_abs())),
            };
            let sign = if i < 0 { "-" } else { "" };
            Ok(Value::str(&format!("{sign}{prefix}{digits}")))
        }
        B::Divmod => {
            args.no_more_kw("divmod")?;
            arity("divmod", &args, 2, 2)?;
            ops::divmod(&args.pos[0], &args.pos[1])
        }
        B::Sorted => {
            let key = args.take_kw("key");
            let reverse = args.take_kw("reverse").is_some_and(|v| v.truthy());
            args.no_more_kw("sorted")?;
            arity("sorted", &args, 1, 1)?;
            let items = ops::to_vec(&args.pos[0])?;
            let order = sort_order(ctx, depth, &items, key, reverse, site)?;
            Ok(Value::list(permute(items, &order)))
        }
        B::Reversed => {
            arity("reversed", &args, 1, 1)?;
            let mut items = ops::to_vec(&args.pos[0])?;
            items.reverse();
            ops::make_iter(IterState::Items {
                items: Arc::new(Items::from(items)),
                pos: 0,
            })
        }
        B::Any | B::All => {
            arity(b.name(), &args, 1, 1)?;
            // Stops at the first item that decides, as CPython's does: a lazy iterable is
            // not stepped further.
            let deciding = b == B::Any;
            let mut it = ops::iterate(&args.pos[0])?;
            while let Some(v) = it.next_value()? {
                ctx.interp.count_step()?;
                if v.truthy() == deciding {
                    return Ok(Value::Bool(deciding));
                }
            }
            Ok(Value::Bool(!deciding))
        }
        B::Object => {
            arity("object", &args, 0, 0)?;
            Ok(object(introspect::Plain))
        }
        B::Super => class::make_super(args),
        B::Property => class::property(args),
        B::StaticMethod => class::staticmethod(args),
        B::ClassMethod => class::classmethod(args),
        B::IsSubclass => {
            arity("issubclass", &args, 2, 2)?;
            Ok(Value::Bool(introspect::issubclass(
                &args.pos[0],
                &args.pos[1],
            )?))
        }
        B::HasAttr | B::GetAttr | B::SetAttr | B::DelAttr | B::Callable | B::Id | B::Hash => {
            introspect::call(b, args)
        }
        B::Iter => {
            arity("iter", &args, 1, 1)?;
            introspect::iter(&args.pos[0])
        }
        B::Next => {
            arity("next", &args, 1, 2)?;
            introspect::next(&args.pos[0], args.pos.get(1))
        }
    }
}

fn print(ctx: &Ctx, mut args: Args, site: &Call) -> Eval {
    let sep = args.take_kw("sep");
    let end = args.take_kw("end");
    args.take_kw("flush");
    args.no_more_kw("print")?;
    let text_of = |v: Option<Value>, default: &str| -> Eval<String> {
        match v {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.to_string()),
            Some(other) => Err(type_error(format!(
                "sep and end must be None or a string, not {}",
                other.type_name()
            ))),
        }
    };
    let sep = text_of(sep, " ")?;
    let end = text_of(end, "\n")?;
    let mut text = String::new();
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            alloc::push_str(&mut text, &sep)?;
        }
        match v {
            Value::Str(s) => alloc::push_str(&mut text, s)?,
            other => alloc::push_str(&mut text, &other.try_str()?)?,
        }
    }
    alloc::push_str(&mut text, &end)?;
    ctx.interp.host.write_output(&text, site.line)?;
    Ok(Value::None)
}

pub fn len(v: &Value) -> Eval {
    let n = match v {
        Value::Str(s) => s.chars().count(),
        Value::Bytes(b) => b.len(),
        Value::List(l) => l.lock().len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) => d.lock().len(),
        Value::Set(s) => s.len(),
        Value::Range(r) => usize::try_from(r.len())
            .ok()
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| {
                Ctrl::raise(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C ssize_t",
                )
            })?,
        other if special::has_class(other) => {
            if let Some(n) = special::len(other) {
                return n;
            }
            return Err(type_error(format!(
                "object of type '{}' has no len()",
                other.type_name()
            )));
        }
        other => {
            return Err(type_error(format!(
                "object of type '{}' has no len()",
                other.type_name()
            )))
        }
    };
    Ok(Value::Int(n as i64))
}

fn range(args: Args) -> Eval {
    args.no_more_kw("range")?;
    arity("range", &args, 1, 3)?;
    let ints: Vec<i64> = args.pos.iter().map(int_arg).collect::<Eval<_>>()?;
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        _ => unreachable!("arity checked"),
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero".into()));
    }
    Ok(Value::Range(Arc::new(RangeObj { start, stop, step })))
}

/// `sum(iterable, start=0)`. It steps through its iterable lazily, as long as the program
/// asks (`sum(range(10**18))`), so it looks at the run's time limit as a loop does.
fn sum(ctx: &Ctx, mut args: Args) -> Eval {
    let start = args.take_kw("start");
    arity("sum", &args, 1, 2)?;
    let mut total = args.pos.get(1).cloned().or(start).unwrap_or(Value::Int(0));
    let mut it = ops::iterate(&args.pos[0])?;
    while let Some(v) = it.next_value()? {
        ctx.interp.count_step()?;
        total = ops::binary(super::ir::BinOp::Add, &total, &v)?;
    }
    Ok(total)
}

fn min_max(ctx: &Ctx, depth: u32, b: Builtin, mut args: Args, site: &Call) -> Eval {
    let name = b.name();
    let key = args.take_kw("key");
    let default = args.take_kw("default");
    args.no_more_kw(name)?;
    let items = match args.pos.len() {
        0 => {
            return Err(type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        1 => ops::to_vec(&args.pos[0])?,
        _ => args.pos,
    };
    if items.is_empty() {
        return default.ok_or_else(|| value_error(format!("{name}() iterable argument is empty")));
    }
    let keys = keys_of(ctx, depth, &items, key.as_ref(), site)?;
    let mut best = 0;
    for i in 1..items.len() {
        let (op, better) = if b == Builtin::Max {
            (">", Ordering::Greater)
        } else {
            ("<", Ordering::Less)
        };
        let better = ops::order(&keys[i], &keys[best], op)? == Some(better);
        if better {
            best = i;
        }
    }
    Ok(items[best].clone())
}

fn keys_of(
    ctx: &Ctx,
    depth: u32,
    items: &[Value],
    key: Option<&Value>,
    site: &Call,
) -> Eval<Vec<Value>> {
    match key {
        None | Some(Value::None) => Ok(items.to_vec()),
        Some(f) => items
            .iter()
            .map(|v| ctx.call_value(depth, f, Args::positional(vec![v.clone()]), site))
            .collect(),
    }
}

/// The order a stable sort with Python comparisons (which can fail) puts `items` in, as
/// positions into `items`.
fn sort_order(
    ctx: &Ctx,
    depth: u32,
    items: &[Value],
    key: Option<Value>,
    reverse: bool,
    site: &Call,
) -> Eval<Vec<usize>> {
    let keys = keys_of(ctx, depth, items, key.as_ref(), site)?;
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut error = None;
    order.sort_by(|&a, &b| {
        let (x, y) = if reverse {
            (&keys[b], &keys[a])
        } else {
            (&keys[a], &keys[b])
        };
        match ops::order(x, y, "<") {
            Ok(o) => o.unwrap_or(Ordering::Equal),
            Err(e) => {
                error.get_or_insert(e);
                Ordering::Equal
            }
        }
    });
    match error {
        Some(e) => Err(e),
        None => Ok(order),
    }
}

/// `items` rearranged so that position `i` holds `items[order[i]]`.
fn permute(items: Vec<Value>, order: &[usize]) -> Vec<Value> {
    let mut slots: Vec<Option<Value>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots[i].take()).collect()
}

/// `list.sort()`. As in CPython the list is empty while it is being sorted (a key function
/// sees it so), whatever is added meanwhile is dropped with a `ValueError`, and a failed key
/// function leaves the items as they were.
fn sort_in_place(
    ctx: &Ctx,
    depth: u32,
    list: &Mutex<Items>,
    key: Option<Value>,
    reverse: bool,
    site: &Call,
) -> Eval<()> {
    let items = std::mem::take(&mut *list.lock()).into_vec();
    let (restored, result) = match sort_order(ctx, depth, &items, key, reverse, site) {
        Ok(order) => (permute(items, &order), Ok(())),
        Err(e) => (items, Err(e)),
    };
    let added = std::mem::replace(&mut *list.lock(), Items::from(restored));
    let modified = !added.is_empty();
    drop(added);
    result?;
    if modified {
        return Err(value_error("list modified during sort".into()));
    }
    Ok(())
}

fn int(mut args: Args) -> Eval {
    if let Some(base) = args.take_kw("base") {
        args.pos.push(base);
    }
    args.no_more_kw("int")?;
    arity("int", &args, 0, 2)?;
    if let [Value::Str(s), base] = args.pos.as_slice() {
        return parse_int_base(s, int_arg(base)?);
    }
    if args.pos.len() == 2 {
        return Err(type_error(
            "int() can't convert non-string with explicit base".into(),
        ));
    }
    match args.pos.first() {
        None => Ok(Value::Int(0)),
        Some(Value::Int(i)) => Ok(Value::Int(*i)),
        Some(Value::Bool(b)) => Ok(Value::Int(i64::from(*b))),
        Some(Value::Float(f)) => Ok(Value::Int(num::float_to_int(*f)?)),
        Some(Value::Str(s)) => parse_int(s),
        Some(other) => Err(type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            other.type_name()
        ))),
    }
}

/// `int(text, base)`: digits of that base (with its `0x`/`0o`/`0b` prefix allowed; base 0
/// reads the prefix).
fn parse_int_base(text: &str, base: i64) -> Eval {
    let invalid = || {
        value_error(format!(
            "invalid literal for int() with base {base}: {}",
            Value::str(text).repr()
        ))
    };
    if base != 0 && !(2..=36).contains(&base) {
        return Err(value_error(
            "int() base must be >= 2 and <= 36, or 0".into(),
        ));
    }
    let trimmed = text.trim();
    let (negative, digits) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let lower = digits.to_ascii_lowercase();
    let prefixed = |p: &str, b: i64| lower.strip_prefix(p).filter(|_| base == b || base == 0);
    let (radix, body) = match (prefixed("0x", 16), prefixed("0o", 8), prefixed("0b", 2)) {
        (Some(rest), _, _) => (16, rest.to_string()),
        (_, Some(rest), _) => (8, rest.to_string()),
        (_, _, Some(rest)) => (2, rest.to_string()),
        _ if base == 0 => (10, lower.clone()),
        _ => (base as u32, lower.clone()),
    };
    let body = body.trim_start_matches('_').replace('_', "");
    let magnitude = i64::from_str_radix(&body, radix).map_err(|_| invalid())?;
    Ok(Value::Int(if negative { -magnitude } else { magnitude }))
}

/// `int(text)` in base 10: surrounding whitespace, a sign, digits with single underscores
/// between them. Digits that make too big a number are an `OverflowError` here.
fn parse_int(text: &Text) -> Eval {
    let invalid = || {
        value_error(format!(
            "invalid literal for int() with base 10: {}",
            Value::Str(text.clone()).repr()
        ))
    };
    let t = text.trim();
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    if !underscores_between_digits(digits) || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(invalid());
    }
    if !digits.chars().all(|c| c.is_ascii_digit() || c == '_') {
        return Err(invalid());
    }
    t.replace('_', "")
        .parse()
        .map(Value::Int)
        .map_err(|_| num::int_overflow())
}

/// Whether every `_` in `s` sits between two ASCII digits, as Python's literals require.
fn underscores_between_digits(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().all(|(i, &c)| {
        c != b'_'
            || (i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
    })
}

/// `bytes()` and `bytes(n)`: `n` zero bytes.
fn bytes(args: Args) -> Eval {
    args.no_more_kw("bytes")?;
    arity("bytes", &args, 0, 1)?;
    match args.pos.first() {
        None => Ok(Value::bytes(&[])),
        Some(Value::Int(n)) => match usize::try_from(*n) {
            Ok(n) => Ok(Value::Bytes(alloc::repeat_bytes(&[0], n)?)),
            Err(_) => Err(value_error("negative count".into())),
        },
        Some(Value::Bytes(b)) => Ok(Value::Bytes(b.clone())),
        Some(other) => Err(type_error(format!(
            "cannot convert '{}' object to bytes",
            other.type_name()
        ))),
    }
}

fn float(args: Args) -> Eval {
    args.no_more_kw("float")?;
    arity("float", &args, 0, 1)?;
    match args.pos.first() {
        None => Ok(Value::Float(0.0)),
        Some(Value::Str(s)) => {
            let t = s.trim().to_ascii_lowercase();
            let parsed = match t.as_str() {
                "inf" | "+inf" | "infinity" => Some(f64::INFINITY),
                "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
                "nan" | "+nan" | "-nan" => Some(f64::NAN),
                _ if underscores_between_digits(&t) => t.replace('_', "").parse().ok(),
                _ => None,
            };
            parsed.map(Value::Float).ok_or_else(|| {
                value_error(format!(
                    "could not convert string to float: {}",
                    Value::Str(s.clone()).repr()
                ))
            })
        }
        Some(v) => Ok(Value::Float(float_arg(v, "float()")?)),
    }
}

pub fn dict(mut args: Args) -> Eval {
    arity("dict", &args, 0, 1)?;
    let mut pairs = match args.pos.first() {
        Some(source) => pairs_of(source)?,
        None => Vec::new(),
    };
    for (k, v) in args.kw.drain(..) {
        pairs.push((Value::Str(k.into()), v));
    }
    dict_from_pairs(pairs)
}

fn isinstance(v: &Value, types: &Value) -> Eval<bool> {
    match types {
        Value::Tuple(ts) => {
            for t in ts.iter() {
                if isinstance(v, t)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::ExcType(kind) => {
            Ok(matches!(v, Value::Exception(e) if e.kind.is_subclass_of(*kind)))
        }
        Value::Builtin(b) => Ok(match b {
            Builtin::Int => matches!(v, Value::Int(_) | Value::Bool(_)),
            Builtin::Float => matches!(v, Value::Float(_)),
            Builtin::Str => matches!(v, Value::Str(_)),
            Builtin::Bytes => matches!(v, Value::Bytes(_)),
            Builtin::Bool => matches!(v, Value::Bool(_)),
            Builtin::List => matches!(v, Value::List(_)),
            Builtin::Tuple => {
                matches!(v, Value::Tuple(_))
                    || matches!(v, Value::Instance(i) if i.class.derives_from_builtin(Builtin::Tuple))
            }
            Builtin::Dict => matches!(v, Value::Dict(_)),
            Builtin::Set => matches!(v, Value::Set(s) if !s.frozen),
            Builtin::FrozenSet => matches!(v, Value::Set(s) if s.frozen),
            Builtin::Range => matches!(v, Value::Range(_)),
            Builtin::Type => matches!(type_of(v), Value::Builtin(Builtin::Type)),
            Builtin::Object => true,
            other => {
                return Err(type_error(format!(
                    "isinstance() arg 2 must be a type, not the function {}",
                    other.name()
                )))
            }
        }),
        Value::Object(o) if o.type_name() == "type" => Ok(ops::identical(&type_of(v), types)),
        Value::Class(c) => Ok(match v {
            Value::Instance(i) => i.class.derives_from(c),
            Value::Exception(e) => e.is_instance_of(c),
            _ => false,
        }),
        other => Err(type_error(format!(
            "isinstance() arg 2 must be a type, a tuple of types, or a union, not {}",
            other.type_name()
        ))),
    }
}

fn round(mut args: Args) -> Eval {
    let ndigits = args.take_kw("ndigits");
    args.no_more_kw("round")?;
    arity("round", &args, 1, 2)?;
    let ndigits = match args.pos.get(1).cloned().or(ndigits) {
        None | Some(Value::None) => None,
        Some(n) => Some(int_arg(&n)?),
    };
    match (&args.pos[0], ndigits) {
        (Value::Int(_) | Value::Bool(_), None) => Ok(Value::Int(int_arg(&args.pos[0])?)),
        (Value::Int(_) | Value::Bool(_), Some(n)) => {
            Ok(Value::Int(num::round_int(int_arg(&args.pos[0])?, n)?))
        }
        (Value::Float(f), None) => Ok(Value::Int(num::float_to_int(f.round_ties_even())?)),
        (Value::Float(f), Some(n)) => Ok(Value::Float(num::round_float(*f, n)?)),
        (other, _) => Err(type_error(format!(
            "type {} doesn't define __round__ method",
            other.type_name()
        ))),
    }
}

// ---- attributes and methods ----------------------------------------------------------------

const STR_METHODS: &[&str] = &[
    "join",
    "split",
    "upper",
    "lower",
    "strip",
    "lstrip",
    "rstrip",
    "replace",
    "startswith",
    "endswith",
    "ljust",
    "rjust",
    "center",
    "zfill",
    "count",
    "find",
    "isdigit",
    "title",
    "capitalize",
    "encode",
];
const BYTES_METHODS: &[&str] = &["decode", "hex"];
const LIST_METHODS: &[&str] = &[
    "append", "pop", "extend", "insert", "index", "remove", "sort", "count", "clear", "copy",
    "reverse",
];
const DICT_METHODS: &[&str] = &[
    "get",
    "items",
    "keys",
    "values",
    "setdefault",
    "pop",
    "update",
    "copy",
    "clear",
];
fn has_method(v: &Value, name: &str) -> bool {
    methods_of(v).contains(&name)
        || (matches!(v, Value::Str(_)) && str_methods::METHODS.contains(&name))
}

fn methods_of(v: &Value) -> &'static [&'static str] {
    match v {
        Value::Str(_) => STR_METHODS,
        Value::Bytes(_) => BYTES_METHODS,
        Value::List(_) => LIST_METHODS,
        Value::Dict(_) => DICT_METHODS,
        Value::Set(_) => set::METHODS,
        _ => &[],
    }
}

pub fn no_attribute(v: &Value, name: &str) -> Ctrl {
    match v {
        Value::Module(m) => Ctrl::raise(
            ExcKind::AttributeError,
            format!(
                "module '{}' has no attribute '{name}' (or it is not supported in scenarios yet)",
                m.name()
            ),
        ),
        other => Ctrl::raise(
            ExcKind::AttributeError,
            format!("'{}' object has no attribute '{name}'", other.type_name()),
        ),
    }
}

/// `value.name`.
pub fn get_attr(value: &Value, name: &str) -> Eval {
    match value {
        Value::Module(m) => m.attr(name).ok_or_else(|| no_attribute(value, name)),
        Value::Exception(e) if name == "args" => Ok(Value::tuple(e.args())),
        Value::Instance(i) => class::instance_attr(value, &i.class, &i.attrs, name),
        Value::Exception(e) => {
            let found = match &e.class {
                Some(c) => class::instance_attr(value, c, &e.attrs, name),
                None => e
                    .attrs
                    .lock()
                    .get(name)
                    .cloned()
                    .ok_or_else(|| no_attribute(value, name)),
            };
            found.or_else(|missing| {
                exception_group::attr(e, name)
                    .or_else(|| exception_default(name))
                    .ok_or(missing)
            })
        }
        Value::Class(c) => class::class_attr(c, name),
        Value::ExcType(k) if name == "__name__" => Ok(Value::str(k.name())),
        Value::Func(f) => match (name, &f.wraps) {
            ("__name__", _) => Ok(Value::Str(f.name().into())),
            ("__qualname__", _) => Ok(Value::Str(f.qualname().into())),
            ("__module__", _) => Ok(Value::str("__main__")),
            ("__wrapped__", Some(w)) => Ok(w.function.clone()),
            ("__doc__", Some(w)) => Ok(w.doc.clone()),
            ("__doc__", None) => Ok(f
                .def
                .doc
                .as_ref()
                .map_or(Value::None, |d| Value::Str(d.into()))),
            _ => Err(no_attribute(value, name)),
        },
        Value::Builtin(b) if b.is_type() && matches!(name, "__name__" | "__qualname__") => {
            Ok(Value::str(b.name()))
        }
        Value::Int(_) | Value::Bool(_) | Value::Float(_) if matches!(name, "real" | "imag") => {
            Ok(match (name, value) {
                ("imag", Value::Float(_)) => Value::Float(0.0),
                ("imag", _) => Value::Int(0),
                (_, Value::Bool(b)) => Value::Int(i64::from(*b)),
                _ => value.clone(),
            })
        }
        Value::Builtin(Builtin::Str) if name == "maketrans" => {
            Ok(Value::Native(&str_methods::MAKETRANS))
        }
        Value::Builtin(b) if unbound_method(*b, name) => Ok(object(UnboundMethod {
            owner: *b,
            name: Arc::from(name),
        })),
        Value::Object(o) => match o.get_attr(name) {
            Some(v) => Ok(v),
            None if o.has_method(name) => Ok(Value::Method(Arc::new(BoundMethod {
                receiver: value.clone(),
                name: Arc::from(name),
                function: None,
            }))),
            None => Err(no_attribute(value, name)),
        },
        Value::Dict(d) => {
            let kind = d.lock().kind().cloned();
            match kind.and_then(|kind| (kind.flavor.attr)(value, &kind, name)) {
                Some(v) => Ok(v),
                None if DICT_METHODS.contains(&name) => Ok(Value::Method(Arc::new(BoundMethod {
                    receiver: value.clone(),
                    name: Arc::from(name),
                    function: None,
                }))),
                None => Err(no_attribute(value, name)),
            }
        }
        v if has_method(v, name) => Ok(Value::Method(Arc::new(BoundMethod {
            receiver: v.clone(),
            name: Arc::from(name),
            function: None,
        }))),
        v => Err(no_attribute(v, name)),
    }
}

/// Whether `type.name` is a method of a built-in type, taken unbound (`str.upper`).
fn unbound_method(owner: Builtin, name: &str) -> bool {
    let sample = match owner {
        Builtin::Str => Value::str(""),
        Builtin::List => Value::list(Vec::new()),
        Builtin::Dict => Value::dict(Dict::default()),
        Builtin::Set => match set::new(false, None) {
            Ok(s) => s,
            Err(_) => return false,
        },
        _ => return false,
    };
    has_method(&sample, name)
}

/// `str.upper` and the like: called with the receiver first (`map(str.upper, words)`).
struct UnboundMethod {
    owner: Builtin,
    name: Arc<str>,
}

impl PyObject for UnboundMethod {
    fn type_name(&self) -> &'static str {
        "method_descriptor"
    }

    fn repr(&self) -> String {
        format!(
            "<method '{}' of '{}' objects>",
            self.name,
            self.owner.name()
        )
    }

    fn call(&self, cx: &CallCx, _me: &Value, mut args: Args) -> Eval {
        if args.pos.is_empty() {
            return Err(type_error(format!(
                "unbound method {}.{}() needs an argument",
                self.owner.name(),
                self.name
            )));
        }
        let receiver = args.pos.remove(0);
        if !isinstance(&receiver, &Value::Builtin(self.owner))? {
            return Err(type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                self.name,
                self.owner.name(),
                receiver.type_name()
            )));
        }
        call_method(cx.ctx, cx.depth, &receiver, &self.name, args, cx.site)
    }
}

/// What an exception's chaining attributes are before anything sets them.
fn exception_default(name: &str) -> Option<Value> {
    match name {
        "__cause__" | "__context__" | "__traceback__" => Some(Value::None),
        "__suppress_context__" => Some(Value::Bool(false)),
        _ => None,
    }
}

/// `receiver.name(*args)`.
pub fn call_method(
    ctx: &Ctx,
    depth: u32,
    receiver: &Value,
    name: &str,
    args: Args,
    site: &Call,
) -> Eval {
    match receiver {
        Value::Module(m) => match m.attr(name) {
            Some(f) => ctx.call_value(depth, &f, args, site),
            None => Err(no_attribute(receiver, name)),
        },
        Value::Str(s) => str_method(s, name, args),
        Value::Bytes(b) => bytes_method(receiver, b, name, args),
        Value::List(_) => list_method(ctx, depth, receiver, name, args, site),
        Value::Dict(_) => dict_method(receiver, name, args),
        Value::Set(s) => set::method(receiver, s, name, args),
        Value::Instance(i) => match i.class.lookup(name) {
            Some(f @ Value::Func(_)) if !i.attrs.lock().contains_key(name) => {
                let mut args = args;
                args.pos.insert(0, receiver.clone());
                ctx.call_value(depth, &f, args, site)
            }
            _ => {
                let f = get_attr(receiver, name)?;
                ctx.call_value(depth, &f, args, site)
            }
        },
        Value::Object(o) if o.has_method(name) => {
            let cx = CallCx { ctx, depth, site };
            let result = o.call_method(&cx, receiver, name, args);
            ctx.interp.checkpoint();
            result
        }
        other => {
            let f = get_attr(other, name)?;
            ctx.call_value(depth, &f, args, site)
        }
    }
}

fn str_method(s: &Text, name: &str, args: Args) -> Eval {
    if str_methods::METHODS.contains(&name) {
        return str_methods::call(s, name, args).unwrap_or_else(|| unreachable!("listed"));
    }
    args.no_more_kw(name)?;
    let p = &args.pos;
    let arg_str = |i: usize| -> Eval<&str> {
        p.get(i)
            .ok_or_else(|| type_error(format!("{name}() missing an argument")))
            .and_then(|v| str_arg(v, name))
    };
    let opt_chars = || -> Eval<Option<Vec<char>>> {
        match p.first() {
            None | Some(Value::None) => Ok(None),
            Some(v) => Ok(Some(str_arg(v, name)?.chars().collect())),
        }
    };
    let s_ref: &str = s;
    Ok(match name {
        "join" => Value::Str(join(
            s_ref,
            &ops::to_vec(p.first().unwrap_or(&Value::None))?,
        )?),
        "split" => {
            let parts: Vec<Value> = match p.first() {
                None | Some(Value::None) => s_ref.split_whitespace().map(Value::str).collect(),
                Some(sep) => {
                    let sep = str_arg(sep, "split")?;
                    if sep.is_empty() {
                        return Err(value_error("empty separator".into()));
                    }
                    s_ref.split(sep).map(Value::str).collect()
                }
            };
            Value::list(parts)
        }
        "upper" => Value::str(&s_ref.to_uppercase()),
        "lower" => Value::str(&s_ref.to_lowercase()),
        "title" => Value::str(&title(s_ref)),
        "capitalize" => {
            let mut c = s_ref.chars();
            Value::str(&match c.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect::<String>(),
                None => String::new(),
            })
        }
        "strip" | "lstrip" | "rstrip" => {
            let chars = opt_chars()?;
            let is_strip = |c: char| match &chars {
                Some(set) => set.contains(&c),
                None => c.is_whitespace(),
            };
            Value::str(match name {
                "strip" => s_ref.trim_matches(is_strip),
                "lstrip" => s_ref.trim_start_matches(is_strip),
                _ => s_ref.trim_end_matches(is_strip),
            })
        }
        "replace" => Value::Str(replace(s_ref, arg_str(0)?, arg_str(1)?)?),
        "startswith" => Value::Bool(s_ref.starts_with(arg_str(0)?)),
        "endswith" => Value::Bool(s_ref.ends_with(arg_str(0)?)),
        "count" => Value::Int(s_ref.matches(arg_str(0)?).count() as i64),
        "find" => Value::Int(
            s_ref
                .find(arg_str(0)?)
                .map_or(-1, |byte| s_ref[..byte].chars().count() as i64),
        ),
        "encode" => {
            if codec_arg(p.first(), "encode")? == Codec::Ascii && !s_ref.is_ascii() {
                return Err(value_error("'ascii' codec can't encode the string".into()));
            }
            Value::bytes(s_ref.as_bytes())
        }
        "isdigit" => Value::Bool(!s_ref.is_empty() && s_ref.chars().all(|c| c.is_ascii_digit())),
        "ljust" | "rjust" | "center" | "zfill" => {
            let width = p
                .first()
                .ok_or_else(|| type_error(format!("{name} expected at least 1 argument, got 0")))?;
            let width = usize::try_from(int_arg(width)?).unwrap_or(0);
            let fill = match p.get(1) {
                Some(v) => fill_char(v, name)?,
                None => ' ',
            };
            Value::Str(justify(s_ref, name, width, fill)?)
        }
        other => return Err(no_attribute(&Value::Str(s.clone()), other)),
    })
}

/// The fill character of `ljust`, `rjust` and `center`: a string of exactly one character.
fn fill_char(v: &Value, name: &str) -> Eval<char> {
    let text = match v {
        Value::Str(t) => t,
        other => {
            return Err(type_error(format!(
                "{name}() argument 2 must be str, not {}",
                other.type_name()
            )))
        }
    };
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(type_error(
            "The fill character must be exactly one character long".into(),
        )),
    }
}

/// `ljust`, `rjust`, `center` and `zfill` to `width` characters.
fn justify(s: &str, how: &str, width: usize, fill: char) -> Eval<Text> {
    let missing = width.saturating_sub(s.chars().count());
    let (left, fill) = match how {
        "ljust" => (0, fill),
        "rjust" => (missing, fill),
        "zfill" => (missing, '0'),
        // CPython's `pad` puts the odd character on the left only when the width is odd.
        _ => (missing / 2 + (missing & width & 1), fill),
    };
    let mut out = alloc::string_with_capacity(s.len())?;
    let (sign, body) = match s.strip_prefix(['+', '-']) {
        Some(rest) if how == "zfill" => (&s[..1], rest),
        _ => ("", s),
    };
    out.push_str(sign);
    alloc::push_fill(&mut out, fill, left)?;
    out.push_str(body);
    alloc::push_fill(&mut out, fill, missing - left)?;
    alloc::shared_str(out)
}

/// `sep.join(items)`, its size known before anything is copied.
fn join(sep: &str, items: &[Value]) -> Eval<Text> {
    let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Str(t) => total = total.saturating_add(t.len()),
            other => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    other.type_name()
                )))
            }
        }
    }
    let mut out = alloc::string_with_capacity(total)?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        if let Value::Str(t) = item {
            out.push_str(t);
        }
    }
    alloc::shared_str(out)
}

/// `s.replace(old, new)`, its size known before anything is copied.
fn replace(s: &str, old: &str, new: &str) -> Eval<Text> {
    // An empty `old` matches before every character and at the end.
    let pieces = if old.is_empty() {
        s.chars().count() + 2
    } else {
        s.matches(old).count() + 1
    };
    let total = (pieces - 1)
        .checked_mul(new.len())
        .and_then(|inserted| inserted.checked_add(s.len()))
        .ok_or_else(alloc::memory_error)?;
    let mut out = alloc::string_with_capacity(total)?;
    for (i, piece) in s.split(old).enumerate() {
        if i > 0 {
            out.push_str(new);
        }
        out.push_str(piece);
    }
    alloc::shared_str(out)
}

/// The text encodings `str.encode` and `bytes.decode` support.
#[derive(PartialEq)]
enum Codec {
    Utf8,
    Ascii,
}

/// The encoding `str.encode` / `bytes.decode` was given: UTF-8 (the default) or ASCII.
fn codec_arg(arg: Option<&Value>, what: &str) -> Eval<Codec> {
    let Some(arg) = arg else {
        return Ok(Codec::Utf8);
    };
    let name = str_arg(arg, what)?.to_lowercase().replace('_', "-");
    match name.as_str() {
        "utf-8" | "utf8" => Ok(Codec::Utf8),
        "ascii" => Ok(Codec::Ascii),
        other => Err(Ctrl::raise(
            ExcKind::LookupError,
            format!("unknown encoding: {other}"),
        )),
    }
}

fn bytes_method(receiver: &Value, b: &[u8], name: &str, args: Args) -> Eval {
    args.no_more_kw(name)?;
    match name {
        "decode" => {
            let codec = codec_arg(args.pos.first(), "decode")?;
            match std::str::from_utf8(b) {
                Ok(s) if codec == Codec::Utf8 || s.is_ascii() => Ok(Value::str(s)),
                Ok(_) => Err(value_error("'ascii' codec can't decode the bytes".into())),
                Err(e) => Err(value_error(format!(
                    "'utf-8' codec can't decode byte 0x{:02x} in position {}",
                    b[e.valid_up_to()],
                    e.valid_up_to()
                ))),
            }
        }
        "hex" => Ok(Value::str(&hex(b))),
        other => Err(no_attribute(receiver, other)),
    }
}

/// `bytes.hex()`: two lowercase hex digits per byte.
pub fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_letter = false;
    for c in s.chars() {
        if c.is_alphabetic() {
            if prev_letter {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_letter = true;
        } else {
            out.push(c);
            prev_letter = false;
        }
    }
    out
}

fn list_method(
    ctx: &Ctx,
    depth: u32,
    receiver: &Value,
    name: &str,
    mut args: Args,
    site: &Call,
) -> Eval {
    let Value::List(list) = receiver else {
        unreachable!("called for lists only")
    };
    if name == "sort" {
        let key = args.take_kw("key");
        let reverse = args.take_kw("reverse").is_some_and(|v| v.truthy());
        args.no_more_kw("sort")?;
        sort_in_place(ctx, depth, list, key, reverse, site)?;
        return Ok(Value::None);
    }
    args.no_more_kw(name)?;
    let p = args.pos;
    let need = |n: usize| -> Eval<()> {
        if p.len() < n {
            return Err(type_error(format!(
                "{name}() expected {n} argument(s), got {}",
                p.len()
            )));
        }
        Ok(())
    };
    // The list's lock is held only while it changes: comparisons and iteration, which may
    // lock this same list, run on copies.
    Ok(match name {
        "append" => {
            need(1)?;
            alloc::push(&mut list.lock(), p[0].clone())?;
            Value::None
        }
        "extend" => {
            need(1)?;
            let extra = ops::to_vec(&p[0])?;
            let mut items = list.lock();
            alloc::reserve(&mut items, extra.len())?;
            items.extend(extra);
            Value::None
        }
        "insert" => {
            need(2)?;
            let i = int_arg(&p[0])?;
            let mut items = list.lock();
            let len = items.len() as i64;
            let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
            alloc::reserve(&mut items, 1)?;
            items.insert(i as usize, p[1].clone());
            Value::None
        }
        "pop" => {
            let i = p.first().map_or(Ok(-1), int_arg)?;
            let mut items = list.lock();
            if items.is_empty() {
                return Err(Ctrl::raise(ExcKind::IndexError, "pop from empty list"));
            }
            let len = items.len() as i64;
            let i = if i < 0 { i + len } else { i };
            if i < 0 || i >= len {
                return Err(Ctrl::raise(ExcKind::IndexError, "pop index out of range"));
            }
            items.remove(i as usize)
        }
        "index" | "remove" | "count" => {
            need(1)?;
            let items = ops::snapshot(list)?;
            let mut hits = Vec::new();
            for (i, v) in items.iter().enumerate() {
                if ops::equal_item(v, &p[0])? {
                    hits.push(i);
                    if name != "count" {
                        break;
                    }
                }
            }
            match (name, hits.first()) {
                ("count", _) => Value::Int(hits.len() as i64),
                ("index", Some(i)) => Value::Int(*i as i64),
                ("remove", Some(&i)) => {
                    let removed = {
                        let mut items = list.lock();
                        (i < items.len()).then(|| items.remove(i))
                    };
                    drop(removed);
                    Value::None
                }
                ("index", None) => {
                    return Err(value_error(format!("{} is not in list", p[0].try_repr()?)))
                }
                _ => return Err(value_error("list.remove(x): x not in list".into())),
            }
        }
        "clear" => {
            let cleared = std::mem::take(&mut *list.lock());
            drop(cleared);
            Value::None
        }
        "copy" => Value::list(ops::snapshot(list)?),
        "reverse" => {
            list.lock().reverse();
            Value::None
        }
        other => return Err(no_attribute(receiver, other)),
    })
}

/// The key/value pairs `dict(source)` and `d.update(source)` take from a dict or from an
/// iterable of pairs.
fn pairs_of(source: &Value) -> Eval<Vec<(Value, Value)>> {
    if let Value::Dict(d) = source {
        let d = d.lock();
        let mut pairs = alloc::vec_with_capacity(d.len())?;
        pairs.extend(d.values().cloned());
        return Ok(pairs);
    }
    let mut pairs = Vec::new();
    for item in ops::to_vec(source)? {
        let mut kv = ops::unpack(&item, 2, None)?.into_iter();
        if let (Some(k), Some(v)) = (kv.next(), kv.next()) {
            alloc::push(&mut pairs, (k, v))?;
        }
    }
    Ok(pairs)
}

fn missing_key(key: &Value) -> Ctrl {
    Ctrl::exc(Arc::new(Exception::with_args(
        ExcKind::KeyError,
        vec![key.clone()],
    )))
}

fn dict_method(receiver: &Value, name: &str, mut args: Args) -> Eval {
    let Value::Dict(map) = receiver else {
        unreachable!("called for dicts only")
    };
    let kind = map.lock().kind().cloned();
    if let Some(result) = kind.and_then(|k| (k.flavor.method)(receiver, &k, name, &mut args)) {
        return result;
    }
    if name == "update" {
        let mut pairs = match args.pos.first() {
            Some(source) => pairs_of(source)?,
            None => Vec::new(),
        };
        pairs.extend(args.kw.drain(..).map(|(k, v)| (Value::Str(k.into()), v)));
        let keys = pairs
            .iter()
            .map(|(k, _)| k.key())
            .collect::<Result<Vec<_>, _>>()?;
        let mut replaced = Vec::new();
        let mut d = map.lock();
        for (key, (k, v)) in keys.into_iter().zip(pairs) {
            replaced.extend(ops::dict_set(&mut d, key, &k, v)?);
        }
        drop(d);
        drop(replaced);
        return Ok(Value::None);
    }
    args.no_more_kw(name)?;
    let p = args.pos;
    let key_arg = || -> Eval<(&Value, Key)> {
        let key = p
            .first()
            .ok_or_else(|| type_error(format!("{name} expected at least 1 argument, got 0")))?;
        Ok((key, key.key()?))
    };
    Ok(match name {
        "get" => {
            let (_, k) = key_arg()?;
            let found = map.lock().get(&k).map(|(_, v)| v.clone());
            found.unwrap_or_else(|| p.get(1).cloned().unwrap_or(Value::None))
        }
        "setdefault" => {
            let (key, k) = key_arg()?;
            let default = p.get(1).cloned().unwrap_or(Value::None);
            let mut d = map.lock();
            d.try_reserve(1).map_err(|_| alloc::memory_error())?;
            d.entry(k).or_insert((key.clone(), default)).1.clone()
        }
        "pop" => {
            let (key, k) = key_arg()?;
            let removed = map.lock().shift_remove(&k);
            match (removed, p.get(1)) {
                (Some((_, v)), _) => v,
                (None, Some(default)) => default.clone(),
                (None, None) => return Err(missing_key(key)),
            }
        }
        "items" | "keys" | "values" => {
            let d = map.lock();
            let mut out = alloc::vec_with_capacity(d.len())?;
            out.extend(d.values().map(|(k, v)| match name {
                "items" => Value::tuple(vec![k.clone(), v.clone()]),
                "keys" => k.clone(),
                _ => v.clone(),
            }));
            Value::list(out)
        }
        "copy" => Value::dict(map.lock().clone()),
        "clear" => {
            let cleared = std::mem::take(&mut *map.lock());
            drop(cleared);
            Value::None
        }
        other => return Err(no_attribute(receiver, other)),
    })
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::lang::testing::outcome_within;

    #[test]
    fn a_lazy_sum_stops_at_the_time_limit() {
        assert_eq!(
            outcome_within("print(sum(range(10**18)))\n", Duration::from_millis(200)),
            "LimitExceeded: the run reached its time limit of 0.2 s and was stopped"
        );
    }
}
