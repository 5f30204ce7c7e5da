//! Extension points for library objects: native functions and objects with methods (threads,
//! locks, executors, processes...), so each library module lives in its own file.

use std::any::Any;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

pub use super::builtins::no_attribute;
use super::error::{Ctrl, Eval, ExcKind};
use super::eval::Ctx;
use super::function::Args;
use super::ir::Call;
use super::text::ObjRef;
use super::value::{NativeIter, Value};

/// Everything a native function needs from its call site.
pub struct CallCx<'a> {
    pub ctx: &'a Ctx,
    pub depth: u32,
    pub site: &'a Call,
}

impl CallCx<'_> {
    /// Calls a Python callable from native code (a thread target, a pool job...).
    pub fn call(&self, func: &Value, args: Args) -> Eval {
        self.ctx.call_value(self.depth, func, args, self.site)
    }
}

/// A function implemented in Rust, such as `threading.active_count`.
pub struct NativeFn {
    pub name: &'static str,
    pub call: fn(&CallCx, Args) -> Eval,
}

/// What `await obj` runs for a library object: the task awaiting suspends until it is ready.
pub type Awaiting = Pin<Box<dyn Future<Output = Eval>>>;

/// A library object with attributes and methods.
pub trait PyObject: Any + Send + Sync {
    fn type_name(&self) -> &'static str;

    fn repr(&self) -> String {
        format!("<{} object>", self.type_name())
    }

    /// A data attribute (`thread.name`); methods go through [`PyObject::call_method`].
    fn get_attr(&self, _name: &str) -> Option<Value> {
        None
    }

    /// Whether `name` is a method (so `obj.name` can be bound and called later); most objects
    /// have none.
    fn has_method(&self, _name: &str) -> bool {
        false
    }

    /// Calls method `name`; `me` is this object as a value.
    fn call_method(&self, _cx: &CallCx, me: &Value, name: &str, _args: Args) -> Eval {
        Err(no_attribute(me, name))
    }

    /// `obj(*args)`; `me` is this object as a value. Most objects cannot be called.
    fn call(&self, _cx: &CallCx, me: &Value, _args: Args) -> Eval {
        Err(Ctrl::raise(
            ExcKind::TypeError,
            format!("'{}' object is not callable", me.type_name()),
        ))
    }

    /// `obj[key]`; `me` is this object as a value. Most objects cannot be subscripted.
    fn subscript(&self, me: &Value, _key: &Value) -> Eval {
        Err(Ctrl::raise(
            ExcKind::TypeError,
            format!("'{}' object is not subscriptable", me.type_name()),
        ))
    }

    /// `with obj:` entry; the value bound by `as`.
    fn enter(&self, _cx: &CallCx, me: &Value) -> Eval {
        Err(not_a_context_manager(me))
    }

    /// `with obj:` exit (runs whether or not the body raised).
    fn exit(&self, _cx: &CallCx) -> Eval<()> {
        Ok(())
    }

    /// Whether, as a class attribute, it is bound to the instance it is read from, as a
    /// function is (a decorated function: `@contextmanager`, `@lru_cache`).
    fn binds_as_method(&self) -> bool {
        false
    }

    /// The object as an iterator, if it is one (a generator that native code drives).
    fn iterator(&self) -> Option<Arc<dyn NativeIter>> {
        None
    }

    /// `await obj` (CPython's `__await__`): what awaiting it runs, if it can be awaited.
    fn awaited(&self, _me: &Value) -> Option<Awaiting> {
        None
    }
}

pub fn not_a_context_manager(v: &Value) -> Ctrl {
    Ctrl::raise(
        ExcKind::TypeError,
        format!(
            "'{}' object does not support the context manager protocol",
            v.type_name()
        ),
    )
}

/// Wraps a library object as a value.
pub fn object(o: impl PyObject) -> Value {
    Value::Object(ObjRef::new(Arc::new(o)))
}

/// A generator that native code drives (`as_completed`, `executor.map`): it can only be
/// iterated.
struct Generator(Arc<dyn NativeIter>);

impl PyObject for Generator {
    fn type_name(&self) -> &'static str {
        "generator"
    }

    fn iterator(&self) -> Option<Arc<dyn NativeIter>> {
        Some(self.0.clone())
    }
}

/// Wraps a native iterator as a Python generator.
pub fn generator(items: impl NativeIter + 'static) -> Value {
    object(Generator(Arc::new(items)))
}

/// The object behind `v` as a concrete type, if it is one.
pub fn downcast<T: PyObject>(v: &Value) -> Option<Arc<T>> {
    match v {
        Value::Object(o) => {
            let any: Arc<dyn Any + Send + Sync> = (**o).clone();
            any.downcast::<T>().ok()
        }
        _ => None,
    }
}
