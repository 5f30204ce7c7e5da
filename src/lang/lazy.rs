//! Iterators whose items native code computes one at a time: `map`, `filter`, and the
//! [`lazy`] constructor the library modules build theirs with (`itertools`).

use std::sync::Arc;

use parking_lot::Mutex;

use super::error::{Ctrl, Eval, ExcKind};
use super::function::Args;
use super::ops;
use super::special;
use super::value::{IterState, NativeIter, Value};

type Step = Box<dyn FnMut() -> Eval<Option<Value>> + Send>;

/// An iterator whose next item comes from a closure that owns its state.
struct Lazy(Mutex<Step>);

impl NativeIter for Lazy {
    fn next_item(&self) -> Eval<Option<Value>> {
        (self.0.lock())()
    }
}

/// An iterator object that calls `step` for each item; `Ok(None)` ends it.
pub fn lazy(step: impl FnMut() -> Eval<Option<Value>> + Send + 'static) -> Eval {
    ops::make_iter(IterState::Native(Arc::new(Lazy(Mutex::new(Box::new(
        step,
    ))))))
}

/// `map(func, *iterables)`: `func` applied to the items of the iterables side by side,
/// stopping with the shortest.
pub fn map(args: Args) -> Eval {
    args.no_more_kw("map")?;
    let mut pos = args.pos.into_iter();
    let (Some(func), true) = (pos.next(), pos.len() > 0) else {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            "map() must have at least two arguments.",
        ));
    };
    let mut iters = pos.map(|v| ops::iterate(&v)).collect::<Eval<Vec<_>>>()?;
    lazy(move || {
        let mut items = Vec::with_capacity(iters.len());
        for it in iters.iter_mut() {
            match it.next_value()? {
                Some(x) => items.push(x),
                None => return Ok(None),
            }
        }
        special::call(&func, items).map(Some)
    })
}

/// `filter(function, iterable)`; a `None` function keeps the true items.
pub fn filter(args: Args) -> Eval {
    args.no_more_kw("filter")?;
    let [func, iterable] = <[Value; 2]>::try_from(args.pos).map_err(|pos| {
        Ctrl::raise(
            ExcKind::TypeError,
            format!("filter expected 2 arguments, got {}", pos.len()),
        )
    })?;
    let mut it = ops::iterate(&iterable)?;
    lazy(move || {
        while let Some(x) = it.next_value()? {
            let keep = match &func {
                Value::None => special::truth(&x)?,
                f => special::truth(&special::call(f, vec![x.clone()])?)?,
            };
            if keep {
                return Ok(Some(x));
            }
        }
        Ok(None)
    })
}
