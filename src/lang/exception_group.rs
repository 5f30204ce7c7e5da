//! `ExceptionGroup` and `except*` (PEP 654): a group holds several exceptions; each `except*`
//! clause takes the part of the group its types match (nested groups keep their shape), and
//! what no clause took is raised again, with whatever the clauses raised.

use std::sync::Arc;

use super::error::{Ctrl, Eval, ExcKind, Exception, Signal};
use super::eval::{exception_matches, Flow};
use super::function::Args;
use super::object::{object, CallCx, PyObject};
use super::ops;
use super::special;
use super::value::Value;

fn type_error(message: &str) -> Ctrl {
    Ctrl::raise(ExcKind::TypeError, message)
}

/// `ExceptionGroup(message, exceptions)` (or `BaseExceptionGroup`, which makes an
/// `ExceptionGroup` when every member is an `Exception`), checked as CPython checks it.
pub fn new(kind: ExcKind, args: Vec<Value>) -> Eval {
    let [message, exceptions] = <[Value; 2]>::try_from(args).map_err(|given| {
        Ctrl::raise(
            ExcKind::TypeError,
            format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                given.len()
            ),
        )
    })?;
    if !matches!(message, Value::Str(_)) {
        return Err(type_error("argument 1 must be str"));
    }
    let items = ops::to_vec(&exceptions)
        .map_err(|_| type_error("second argument (exceptions) must be a sequence"))?;
    if items.is_empty() {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    if let Some(i) = items.iter().position(|v| !matches!(v, Value::Exception(_))) {
        return Err(Ctrl::raise(
            ExcKind::ValueError,
            format!("Item {i} of second argument (exceptions) is not an exception"),
        ));
    }
    let made = group(message, items);
    if made.kind == ExcKind::BaseExceptionGroup && kind == ExcKind::ExceptionGroup {
        return Err(type_error(
            "Cannot nest BaseExceptions in an ExceptionGroup",
        ));
    }
    Ok(Value::Exception(Arc::new(made)))
}

/// A group of these exceptions: an `ExceptionGroup` unless one is not an `Exception`.
fn group(message: Value, items: Vec<Value>) -> Exception {
    let all_exceptions = items
        .iter()
        .all(|v| matches!(v, Value::Exception(e) if e.kind.is_subclass_of(ExcKind::Exception)));
    let kind = if all_exceptions {
        ExcKind::ExceptionGroup
    } else {
        ExcKind::BaseExceptionGroup
    };
    Exception::with_args(kind, vec![message, Value::list(items)])
}

/// The exceptions of a group, if `e` is one.
pub fn members(e: &Exception) -> Option<Vec<Arc<Exception>>> {
    if !e.kind.is_subclass_of(ExcKind::BaseExceptionGroup) {
        return None;
    }
    let args = e.args();
    let items = ops::to_vec(args.get(1)?).ok()?;
    Some(
        items
            .into_iter()
            .filter_map(|v| match v {
                Value::Exception(e) => Some(e),
                _ => None,
            })
            .collect(),
    )
}

/// `eg.message`, `eg.exceptions`, and the methods `eg.split` and `eg.subgroup`.
pub fn attr(e: &Arc<Exception>, name: &str) -> Option<Value> {
    let members = members(e)?;
    match name {
        "split" | "subgroup" => Some(object(GroupMethod {
            group: e.clone(),
            split: name == "split",
        })),
        "message" => e.args().first().cloned(),
        "exceptions" => Some(Value::tuple(
            members.into_iter().map(Value::Exception).collect(),
        )),
        _ => None,
    }
}

/// `eg.split(condition)` or `eg.subgroup(condition)`, bound to its group.
struct GroupMethod {
    group: Arc<Exception>,
    split: bool,
}

impl PyObject for GroupMethod {
    fn type_name(&self) -> &'static str {
        "builtin_function_or_method"
    }

    fn call(&self, _cx: &CallCx, _me: &Value, args: Args) -> Eval {
        args.no_more_kw("split")?;
        let [condition] = <[Value; 1]>::try_from(args.pos)
            .map_err(|_| type_error("split() takes exactly one argument"))?;
        let (matched, rest) = split_by(&self.group, &Condition::of(condition))?;
        let part = |p: Part| p.map_or(Value::None, Value::Exception);
        Ok(if self.split {
            Value::tuple(vec![part(matched), part(rest)])
        } else {
            part(matched)
        })
    }
}

/// What a split keeps: exceptions of some types, or those a predicate accepts (it sees the
/// groups too, outermost first).
enum Condition {
    Types(Value),
    Predicate(Value),
}

impl Condition {
    fn of(v: Value) -> Condition {
        match &v {
            Value::ExcType(_) | Value::Tuple(_) => Condition::Types(v),
            Value::Class(c) if c.exception.is_some() => Condition::Types(v),
            _ => Condition::Predicate(v),
        }
    }

    fn holds(&self, e: &Arc<Exception>) -> Eval<Option<bool>> {
        match self {
            Condition::Types(types) if members(e).is_none() => {
                exception_matches(e, types).map(Some)
            }
            Condition::Types(_) => Ok(None),
            Condition::Predicate(f) => {
                let verdict = special::call(f, vec![Value::Exception(e.clone())])?;
                Ok(Some(special::truth(&verdict)?))
            }
        }
    }
}

/// `str(eg)`: `message (3 sub-exceptions)`.
pub fn text(e: &Exception) -> Option<String> {
    let members = members(e)?;
    let message = match e.args().first() {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    };
    let n = members.len();
    Some(format!(
        "{message} ({n} sub-exception{})",
        if n == 1 { "" } else { "s" }
    ))
}

/// Part of a group, or none of it.
type Part = Option<Arc<Exception>>;

/// The part of `e` whose leaves match `types`, and the rest, each a group shaped as `e` is.
fn split(e: &Arc<Exception>, types: &Value) -> Eval<(Part, Part)> {
    split_by(e, &Condition::Types(types.clone()))
}

fn split_by(e: &Arc<Exception>, condition: &Condition) -> Eval<(Part, Part)> {
    match condition.holds(e)? {
        Some(true) => return Ok((Some(e.clone()), None)),
        Some(false) if members(e).is_none() => return Ok((None, Some(e.clone()))),
        _ => {}
    }
    let members = members(e).unwrap_or_default();
    let (mut matched, mut rest) = (Vec::new(), Vec::new());
    for member in &members {
        let (m, r) = split_by(member, condition)?;
        matched.extend(m.map(Value::Exception));
        rest.extend(r.map(Value::Exception));
    }
    let message = e.args().first().cloned().unwrap_or(Value::None);
    let rebuild = |items: Vec<Value>, all: usize| -> Part {
        match items.len() {
            0 => None,
            n if n == all => Some(e.clone()),
            _ => Some(Arc::new(group(message.clone(), items))),
        }
    };
    let all = members.len();
    Ok((rebuild(matched, all), rebuild(rest, all)))
}

/// The state of a `try` with `except*` clauses while its clauses run.
pub struct StarMatch {
    original: Arc<Exception>,
    /// What no clause has taken yet.
    remaining: Option<Arc<Exception>>,
    /// What the clauses raised.
    raised: Vec<Value>,
}

impl StarMatch {
    /// A naked exception is matched as a group of one.
    pub fn new(exc: Arc<Exception>) -> StarMatch {
        let remaining = match members(&exc) {
            Some(_) => exc.clone(),
            // CPython wraps a naked exception in a group whose exceptions are a tuple.
            None => Arc::new(Exception::with_args(
                ExcKind::ExceptionGroup,
                vec![
                    Value::str(""),
                    Value::tuple(vec![Value::Exception(exc.clone())]),
                ],
            )),
        };
        StarMatch {
            original: exc,
            remaining: Some(remaining),
            raised: Vec::new(),
        }
    }

    /// The part of what is left that a clause naming `types` takes, if any.
    pub fn take(&mut self, types: &Value) -> Eval<Option<Arc<Exception>>> {
        let Some(remaining) = self.remaining.take() else {
            return Ok(None);
        };
        if is_group_type(types) {
            self.remaining = Some(remaining);
            return Err(type_error(
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            ));
        }
        let (matched, rest) = split(&remaining, types)?;
        self.remaining = rest;
        Ok(matched)
    }

    /// Records how a clause ended: an exception it raised joins the ones raised at the end.
    pub fn handled(&mut self, outcome: Flow) -> Flow {
        match outcome {
            Err(ctrl) => match ctrl.into_signal() {
                Signal::Raise(e) => {
                    self.raised.push(Value::Exception(e));
                    Ok(())
                }
                other => Err(Ctrl::new(other)),
            },
            ok => ok,
        }
    }

    /// What the `try` raises once every clause has run.
    pub fn finish(self) -> Flow {
        let unhandled = self.remaining.map(|rest| {
            if members(&self.original).is_none() {
                self.original.clone()
            } else {
                rest
            }
        });
        let mut raised = self.raised;
        match (unhandled, raised.is_empty()) {
            (None, true) => Ok(()),
            (Some(rest), true) => Err(Ctrl::exc(rest)),
            (rest, false) => {
                if let Some(rest) = rest {
                    raised.push(Value::Exception(rest));
                }
                if let [Value::Exception(only)] = raised.as_slice() {
                    return Err(Ctrl::exc(only.clone()));
                }
                Err(Ctrl::exc(Arc::new(group(Value::str(""), raised))))
            }
        }
    }
}

fn is_group_type(types: &Value) -> bool {
    match types {
        Value::ExcType(kind) => kind.is_subclass_of(ExcKind::BaseExceptionGroup),
        Value::Tuple(ts) => ts.iter().any(is_group_type),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::testing::outcome;

    #[test]
    fn except_star_splits_a_group_by_type() {
        let program = "\
try:
    raise ExceptionGroup('batch', [ValueError('a'), TypeError('b'), ValueError('c')])
except* ValueError as eg:
    print('values', eg.exceptions, eg.message)
except* TypeError as eg:
    print('types', repr(eg))
eg = ExceptionGroup('g', [KeyError(1)])
print(eg, len(eg.exceptions))
try:
    raise ExceptionGroup('left', [OSError('x'), ValueError('y')])
except* ValueError:
    print('handled the value error')
";
        assert_eq!(
            outcome(program),
            "values (ValueError('a'), ValueError('c')) batch\n\
             types ExceptionGroup('batch', [TypeError('b')])\n\
             g (1 sub-exception) 1\n\
             handled the value error\n\
             ExceptionGroup: left (1 sub-exception)"
        );
    }
}
