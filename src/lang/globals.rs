//! A program's module variables, and the lock-free read of the ones bound once.
//!
//! Every call of a module-level function reads its name first (`fib(n - 1)`), and under a lock
//! that read costs two atomic read-modify-writes, as much as the call's own reference count.
//! Most such names (functions, classes, imported modules) are bound once and never again, so
//! the first binding of one is also kept frozen, read with plain loads; the second binding of
//! the name switches it to its lock for good.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use parking_lot::RwLock;

use super::value::Value;

/// One module variable.
#[derive(Default)]
pub struct Global {
    /// The value of the variable's first binding, while it is the only one.
    frozen: OnceLock<Value>,
    /// Set by the second binding (or an unbinding): from then on `value` is the truth.
    rebound: AtomicBool,
    value: RwLock<Option<Value>>,
}

impl Global {
    pub fn new(value: Option<Value>) -> Global {
        let global = Global::default();
        if let Some(value) = value {
            global.store(Some(value));
        }
        global
    }

    /// The variable's value, `None` while unbound.
    #[inline]
    pub fn load(&self) -> Option<Value> {
        // A reader that sees `rebound` unset while the second binding is under way reads the
        // first value: as if it had read just before that binding.
        match self.frozen() {
            Some(v) => Some(v.clone()),
            None => self.value.read().clone(),
        }
    }

    /// The frozen first binding, while it is the variable's value. It lives as long as the
    /// variable, rebound or not, so a call can run the function it holds without counting
    /// a reference to it.
    #[inline]
    pub fn frozen(&self) -> Option<&Value> {
        if self.rebound.load(Ordering::Acquire) {
            return None;
        }
        self.frozen.get()
    }

    pub fn store(&self, value: Option<Value>) {
        let mut slot = self.value.write();
        match value {
            Some(v) if slot.is_none() && self.freezes(&v) => {
                // The frozen copy outlives the binding: see `freezes` for what may be kept.
                let _ = self.frozen.set(v.clone());
                *slot = Some(v);
            }
            value => {
                if self.frozen.get().is_some() {
                    self.rebound.store(true, Ordering::Release);
                }
                *slot = value;
            }
        }
    }

    /// Whether `value` may be kept as the frozen first binding. Only the names programs call
    /// are: functions, classes and modules, whose release nothing observes, where a list kept
    /// alive or a coroutine released late (its never-awaited warning) would show.
    fn freezes(&self, value: &Value) -> bool {
        self.frozen.get().is_none()
            && !self.rebound.load(Ordering::Relaxed)
            && matches!(
                value,
                Value::Func(_)
                    | Value::Class(_)
                    | Value::Module(_)
                    | Value::Builtin(_)
                    | Value::Native(_)
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_binding_replaces_the_frozen_first() {
        let g = Global::new(None);
        assert!(g.load().is_none());
        let len = super::super::builtins::Builtin::by_name("len").unwrap();
        g.store(Some(Value::Builtin(len)));
        assert!(matches!(g.load(), Some(Value::Builtin(b)) if b == len));
        g.store(Some(Value::Int(7)));
        assert!(matches!(g.load(), Some(Value::Int(7))));
        g.store(None);
        assert!(g.load().is_none());
    }
}
