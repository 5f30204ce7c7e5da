//! The `operator` module: Python's operators as functions (`add`, `lt`, `getitem`...) and the
//! callables `itemgetter`, `attrgetter` and `methodcaller`, for `sorted(key=)`, `map` and
//! `functools.reduce`.

use std::sync::Arc;

use crate::lang::builtins::{self, get_attr};
use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::function::Args;
use crate::lang::ir::{BinOp, CmpOp, UnaryOp};
use crate::lang::object::{object, CallCx, NativeFn, PyObject};
use crate::lang::ops;
use crate::lang::special;
use crate::lang::text::Text;
use crate::lang::value::{ModuleDef, Value};

pub const MODULE: ModuleDef = ModuleDef {
    name: "operator",
    attr,
};

/// What an operator function computes from its operands.
#[derive(Clone, Copy)]
enum Op {
    Binary(BinOp),
    InPlace(BinOp),
    CountOf,
    IndexOf,
    Compare(CmpOp),
    Unary(UnaryOp),
    Truth,
    GetItem,
    Index,
}

const FUNCTIONS: &[(&str, Op)] = &[
    ("add", Op::Binary(BinOp::Add)),
    ("sub", Op::Binary(BinOp::Sub)),
    ("mul", Op::Binary(BinOp::Mul)),
    ("truediv", Op::Binary(BinOp::Div)),
    ("floordiv", Op::Binary(BinOp::FloorDiv)),
    ("mod", Op::Binary(BinOp::Mod)),
    ("pow", Op::Binary(BinOp::Pow)),
    ("and_", Op::Binary(BinOp::BitAnd)),
    ("or_", Op::Binary(BinOp::BitOr)),
    ("xor", Op::Binary(BinOp::BitXor)),
    ("lshift", Op::Binary(BinOp::LShift)),
    ("rshift", Op::Binary(BinOp::RShift)),
    ("concat", Op::Binary(BinOp::Add)),
    ("iadd", Op::InPlace(BinOp::Add)),
    ("isub", Op::InPlace(BinOp::Sub)),
    ("imul", Op::InPlace(BinOp::Mul)),
    ("itruediv", Op::InPlace(BinOp::Div)),
    ("ifloordiv", Op::InPlace(BinOp::FloorDiv)),
    ("imod", Op::InPlace(BinOp::Mod)),
    ("ipow", Op::InPlace(BinOp::Pow)),
    ("iand", Op::InPlace(BinOp::BitAnd)),
    ("ior", Op::InPlace(BinOp::BitOr)),
    ("ixor", Op::InPlace(BinOp::BitXor)),
    ("iconcat", Op::InPlace(BinOp::Add)),
    ("countOf", Op::CountOf),
    ("indexOf", Op::IndexOf),
    ("eq", Op::Compare(CmpOp::Eq)),
    ("ne", Op::Compare(CmpOp::NotEq)),
    ("lt", Op::Compare(CmpOp::Lt)),
    ("le", Op::Compare(CmpOp::LtE)),
    ("gt", Op::Compare(CmpOp::Gt)),
    ("ge", Op::Compare(CmpOp::GtE)),
    ("is_", Op::Compare(CmpOp::Is)),
    ("is_not", Op::Compare(CmpOp::IsNot)),
    ("neg", Op::Unary(UnaryOp::Neg)),
    ("pos", Op::Unary(UnaryOp::Pos)),
    ("invert", Op::Unary(UnaryOp::Invert)),
    ("inv", Op::Unary(UnaryOp::Invert)),
    ("not_", Op::Unary(UnaryOp::Not)),
    ("truth", Op::Truth),
    ("getitem", Op::GetItem),
    ("index", Op::Index),
];

static ITEMGETTER: NativeFn = NativeFn {
    name: "itemgetter",
    call: itemgetter,
};
static ATTRGETTER: NativeFn = NativeFn {
    name: "attrgetter",
    call: attrgetter,
};
static METHODCALLER: NativeFn = NativeFn {
    name: "methodcaller",
    call: methodcaller,
};
static CONTAINS: NativeFn = NativeFn {
    name: "contains",
    call: contains,
};
static ABS: NativeFn = NativeFn {
    name: "abs",
    call: abs,
};

fn attr(name: &str) -> Option<Value> {
    let native: &'static NativeFn = match name {
        "itemgetter" => &ITEMGETTER,
        "attrgetter" => &ATTRGETTER,
        "methodcaller" => &METHODCALLER,
        "contains" => &CONTAINS,
        "abs" => &ABS,
        _ => {
            let &(name, op) = FUNCTIONS.iter().find(|(n, _)| *n == name)?;
            return Some(object(Function { name, op }));
        }
    };
    Some(Value::Native(native))
}

/// `operator.add` and the other plain operator functions.
struct Function {
    name: &'static str,
    op: Op,
}

impl Function {
    fn arity(&self) -> usize {
        match self.op {
            Op::Unary(_) | Op::Truth | Op::Index => 1,
            _ => 2,
        }
    }
}

impl PyObject for Function {
    fn type_name(&self) -> &'static str {
        "builtin_function_or_method"
    }

    fn repr(&self) -> String {
        format!("<built-in function {}>", self.name)
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        matches!(name, "__name__" | "__qualname__").then(|| Value::str(self.name))
    }

    fn call(&self, _cx: &CallCx, _me: &Value, args: Args) -> Eval {
        let operands = exactly(self.name, args, self.arity())?;
        let a = &operands[0];
        match self.op {
            Op::Binary(op) => ops::binary(op, a, &operands[1]),
            Op::InPlace(op) => ops::in_place(op, a, &operands[1]),
            Op::CountOf => {
                let mut n = 0;
                for item in ops::to_vec(a)? {
                    n += i64::from(ops::equal_item(&item, &operands[1])?);
                }
                Ok(Value::Int(n))
            }
            Op::IndexOf => {
                for (i, item) in ops::to_vec(a)?.iter().enumerate() {
                    if ops::equal_item(item, &operands[1])? {
                        return Ok(Value::Int(i as i64));
                    }
                }
                Err(Ctrl::raise(
                    ExcKind::ValueError,
                    "sequence.index(x): x not in sequence",
                ))
            }
            Op::Compare(op) => ops::compare(op, a, &operands[1]).map(Value::Bool),
            Op::Unary(UnaryOp::Not) => special::truth(a).map(|t| Value::Bool(!t)),
            Op::Unary(op) => ops::unary(op, a),
            Op::Truth => special::truth(a).map(Value::Bool),
            Op::GetItem => ops::get_item(a, &operands[1]),
            Op::Index => match a {
                Value::Int(_) => Ok(a.clone()),
                Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
                other => Err(Ctrl::raise(
                    ExcKind::TypeError,
                    format!(
                        "'{}' object cannot be interpreted as an integer",
                        other.type_name()
                    ),
                )),
            },
        }
    }
}

/// The positional arguments of `name`, which takes exactly `count` and no keywords.
fn exactly(name: &str, args: Args, count: usize) -> Eval<Vec<Value>> {
    args.no_more_kw(name)?;
    if args.pos.len() != count {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            format!("{name} expected {count} arguments, got {}", args.pos.len()),
        ));
    }
    Ok(args.pos)
}

fn contains(_: &CallCx, args: Args) -> Eval {
    let operands = exactly("contains", args, 2)?;
    ops::contains(&operands[0], &operands[1]).map(Value::Bool)
}

fn abs(cx: &CallCx, args: Args) -> Eval {
    let operand = exactly("abs", args, 1)?;
    builtins::call(
        cx.ctx,
        cx.depth,
        builtins::Builtin::Abs,
        Args::positional(operand),
        cx.site,
    )
}

/// At least one positional argument and no keywords, as the getters take.
fn getter_args(name: &str, args: Args) -> Eval<Vec<Value>> {
    args.no_more_kw(name)?;
    if args.pos.is_empty() {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            format!("{name} expected 1 argument, got 0"),
        ));
    }
    Ok(args.pos)
}

/// One value, or a tuple of several: what the getters return.
fn one_or_tuple(mut values: Vec<Value>) -> Value {
    if values.len() == 1 {
        values.remove(0)
    } else {
        Value::tuple(values)
    }
}

fn itemgetter(_: &CallCx, args: Args) -> Eval {
    Ok(object(ItemGetter(getter_args("itemgetter", args)?)))
}

/// `itemgetter(*items)`: `f(obj)` is `obj[item]`, or a tuple of them.
struct ItemGetter(Vec<Value>);

impl PyObject for ItemGetter {
    fn type_name(&self) -> &'static str {
        "operator.itemgetter"
    }

    fn repr(&self) -> String {
        let items: Vec<String> = self.0.iter().map(Value::repr).collect();
        format!("operator.itemgetter({})", items.join(", "))
    }

    fn call(&self, _cx: &CallCx, _me: &Value, args: Args) -> Eval {
        let obj = exactly("itemgetter", args, 1)?.remove(0);
        let items = self
            .0
            .iter()
            .map(|item| ops::get_item(&obj, item))
            .collect::<Eval<Vec<Value>>>()?;
        Ok(one_or_tuple(items))
    }
}

fn attrgetter(_: &CallCx, args: Args) -> Eval {
    let names = getter_args("attrgetter", args)?
        .into_iter()
        .map(|name| match name {
            Value::Str(s) => Ok(s.into()),
            _ => Err(Ctrl::raise(
                ExcKind::TypeError,
                "attribute name must be a string",
            )),
        })
        .collect::<Eval<Vec<Arc<str>>>>()?;
    Ok(object(AttrGetter(names)))
}

/// `attrgetter(*names)`: `f(obj)` is `obj.name` (dotted names follow each part), or a tuple.
struct AttrGetter(Vec<Arc<str>>);

impl PyObject for AttrGetter {
    fn type_name(&self) -> &'static str {
        "operator.attrgetter"
    }

    fn repr(&self) -> String {
        let names: Vec<String> = self
            .0
            .iter()
            .map(|n| Value::Str(Text::from(n)).repr())
            .collect();
        format!("operator.attrgetter({})", names.join(", "))
    }

    fn call(&self, _cx: &CallCx, _me: &Value, args: Args) -> Eval {
        let obj = exactly("attrgetter", args, 1)?.remove(0);
        let values = self
            .0
            .iter()
            .map(|dotted| {
                dotted
                    .split('.')
                    .try_fold(obj.clone(), |v, part| get_attr(&v, part))
            })
            .collect::<Eval<Vec<Value>>>()?;
        Ok(one_or_tuple(values))
    }
}

fn methodcaller(_: &CallCx, mut args: Args) -> Eval {
    let name = match (!args.pos.is_empty()).then(|| args.pos.remove(0)) {
        Some(Value::Str(name)) => Arc::from(name),
        Some(_) => {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                "method name must be a string",
            ))
        }
        None => {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                "methodcaller needs at least one argument, the method name",
            ))
        }
    };
    Ok(object(MethodCaller { name, args }))
}

/// `methodcaller(name, *args, **kwargs)`: `f(obj)` is `obj.name(*args, **kwargs)`.
struct MethodCaller {
    name: Arc<str>,
    args: Args,
}

impl PyObject for MethodCaller {
    fn type_name(&self) -> &'static str {
        "operator.methodcaller"
    }

    fn repr(&self) -> String {
        let mut parts = vec![Value::Str(Text::from(&self.name)).repr()];
        parts.extend(self.args.pos.iter().map(Value::repr));
        parts.extend(
            self.args
                .kw
                .iter()
                .map(|(k, v)| format!("{k}={}", v.repr())),
        );
        format!("operator.methodcaller({})", parts.join(", "))
    }

    fn call(&self, cx: &CallCx, _me: &Value, args: Args) -> Eval {
        let obj = exactly("methodcaller", args, 1)?.remove(0);
        let args = Args {
            pos: self.args.pos.clone(),
            kw: self.args.kw.clone(),
        };
        builtins::call_method(cx.ctx, cx.depth, &obj, &self.name, args, cx.site)
    }
}
