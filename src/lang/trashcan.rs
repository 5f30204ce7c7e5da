//! Releases values that hold other values one at a time, from a worklist, rather than by
//! recursion: dropping a list nested a million deep (or a chain of exceptions, functions or
//! coroutines holding each other) must not overflow the stack. CPython's "trashcan" does the
//! same for its containers.
//!
//! Every owner of values (the items of lists, tuples and dicts, exception arguments, function
//! defaults and cells, frames) hands them to [`bury`] when it is dropped. The outermost call
//! drops them in a loop; a nested call, made while that loop runs, only queues them.

use std::cell::RefCell;

use super::value::Value;

thread_local! {
    /// Values waiting to be dropped by the release loop running on this thread, `None` when
    /// no release loop runs.
    static PENDING: RefCell<Option<Vec<Value>>> = const { RefCell::new(None) };
}

/// Drops `values`. Values that may hold further values are released from the worklist.
pub fn bury(values: impl IntoIterator<Item = Value>) {
    // Values that cannot release others are dropped here and now; only the rest need the
    // queue.
    let mut nested: Vec<Value> = values
        .into_iter()
        .filter(Value::may_release_values)
        .collect();
    if nested.is_empty() {
        return;
    }
    let started = PENDING.try_with(|pending| {
        let mut pending = pending.borrow_mut();
        match pending.as_mut() {
            Some(queue) => {
                queue.append(&mut nested);
                false
            }
            None => {
                *pending = Some(Vec::new());
                true
            }
        }
    });
    match started {
        // The thread is shutting down and its queue is gone: release in place.
        Err(_) => drop(nested),
        Ok(false) => {}
        Ok(true) => drain(nested),
    }
}

/// The release loop: drops `first`, then whatever the drops queued, until nothing is left.
fn drain(first: Vec<Value>) {
    drop(first);
    while let Some(next) = PENDING.with(|pending| pending.borrow_mut().as_mut().and_then(Vec::pop))
    {
        drop(next);
    }
    PENDING.with(|pending| *pending.borrow_mut() = None);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on_a_small_stack(f: impl FnOnce() + Send + 'static) {
        std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(f)
            .expect("a thread")
            .join()
            .expect("no overflow");
    }

    #[test]
    fn deep_lists_tuples_and_dicts_drop_on_a_small_stack() {
        run_on_a_small_stack(|| {
            let mut v = Value::list(vec![]);
            for i in 0..1_000_000 {
                v = match i % 3 {
                    0 => Value::list(vec![v]),
                    1 => Value::tuple(vec![Value::Int(i), v]),
                    _ => {
                        let mut d = super::super::value::Dict::default();
                        d.insert(super::super::value::Key::Int(i), (Value::Int(i), v));
                        Value::dict(d)
                    }
                };
            }
            drop(v);
        });
    }

    #[test]
    fn a_release_inside_a_release_is_queued() {
        run_on_a_small_stack(|| {
            let wide: Vec<Value> = (0..1000)
                .map(|_| {
                    let mut v = Value::list(vec![]);
                    for _ in 0..1000 {
                        v = Value::list(vec![v]);
                    }
                    v
                })
                .collect();
            bury(wide);
            assert!(PENDING.with(|p| p.borrow().is_none()));
        });
    }
}
