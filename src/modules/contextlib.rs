//! The `contextlib` module: `contextmanager` (a generator as a `with` block's set-up and
//! tear-down), `suppress`, `nullcontext` and `closing`, each a library class whose
//! `__enter__` and `__exit__` the `with` statement calls as it calls a user class's.

use std::future::Future;
use std::sync::{Arc, OnceLock};

use crate::lang::async_generator::{AsyncGeneratorObj, AsyncStep};
use crate::lang::builtins::{call_method, get_attr};
use crate::lang::class::{Attrs, Class, Instance, NativeMethod};
use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::eval::{exception_matches, exception_of};
use crate::lang::function::{Args, Coroutine, NativeCoro};
use crate::lang::generator::{Generator, GeneratorObj, Step};
use crate::lang::object::{downcast, object, CallCx, NativeFn, PyObject};
use crate::lang::value::{ModuleDef, Value};

pub const MODULE: ModuleDef = ModuleDef {
    name: "contextlib",
    attr,
};

static CONTEXTMANAGER: NativeFn = NativeFn {
    name: "contextmanager",
    call: contextmanager,
};
static ASYNCCONTEXTMANAGER: NativeFn = NativeFn {
    name: "asynccontextmanager",
    call: asynccontextmanager,
};

fn attr(name: &str) -> Option<Value> {
    match name {
        "contextmanager" => Some(Value::Native(&CONTEXTMANAGER)),
        "asynccontextmanager" => Some(Value::Native(&ASYNCCONTEXTMANAGER)),
        "suppress" => Some(Value::Class(suppress_class().clone())),
        "nullcontext" => Some(Value::Class(nullcontext_class().clone())),
        "closing" => Some(Value::Class(closing_class().clone())),
        _ => None,
    }
}

fn type_error(message: impl Into<String>) -> Ctrl {
    Ctrl::raise(ExcKind::TypeError, message)
}

fn runtime_error(message: &str) -> Ctrl {
    Ctrl::raise(ExcKind::RuntimeError, message)
}

/// An attribute of a decorated function: the function's own (`__name__`, `__doc__`...), and
/// `__wrapped__`, the function itself.
fn wrapped_attr(func: &Value, name: &str) -> Option<Value> {
    match name {
        "__wrapped__" => Some(func.clone()),
        _ => get_attr(func, name).ok(),
    }
}

/// A library class with these methods, made once.
fn class_once(
    cell: &'static OnceLock<Arc<Class>>,
    name: &str,
    methods: &'static [NativeFn],
) -> &'static Arc<Class> {
    cell.get_or_init(|| {
        let mut attrs = Attrs::new();
        for f in methods {
            attrs.insert(Arc::from(f.name), object(NativeMethod(f)));
        }
        Class::library("contextlib", name, attrs)
    })
}

/// An instance of a library class that keeps `native` as its state.
fn instance(class: &Arc<Class>, native: Value) -> Value {
    Value::Instance(Arc::new(Instance {
        class: class.clone(),
        attrs: Default::default(),
        native: OnceLock::from(native),
    }))
}

/// The state of the instance a method was called on, and the method's other arguments.
fn state(args: Args) -> Eval<(Value, Vec<Value>)> {
    let mut pos = args.pos.into_iter();
    let native = match pos.next() {
        Some(Value::Instance(i)) => i.native.get().cloned(),
        _ => None,
    };
    let native = native.ok_or_else(|| type_error("a contextlib method needs its instance"))?;
    Ok((native, pos.collect()))
}

/// The exception value of an `__exit__` call (`None` when the block ended normally).
fn exit_value(rest: &[Value]) -> Value {
    rest.get(1).cloned().unwrap_or(Value::None)
}

// ---- contextmanager ---------------------------------------------------------------------------

fn contextmanager(_: &CallCx, args: Args) -> Eval {
    decorated("contextmanager", args, false)
}

fn asynccontextmanager(_: &CallCx, args: Args) -> Eval {
    decorated("asynccontextmanager", args, true)
}

fn decorated(name: &str, args: Args, is_async: bool) -> Eval {
    args.no_more_kw(name)?;
    match <[Value; 1]>::try_from(args.pos) {
        Ok([func]) => Ok(object(Factory { func, is_async })),
        Err(_) => Err(type_error(format!("{name}() takes exactly one argument"))),
    }
}

/// What `@contextmanager` (or `@asynccontextmanager`) makes of a generator function:
/// calling it makes the generator and wraps it as a context manager.
struct Factory {
    func: Value,
    is_async: bool,
}

impl PyObject for Factory {
    fn type_name(&self) -> &'static str {
        "function"
    }

    fn binds_as_method(&self) -> bool {
        true
    }

    fn repr(&self) -> String {
        self.func.repr()
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        wrapped_attr(&self.func, name)
    }

    fn call(&self, cx: &CallCx, _me: &Value, args: Args) -> Eval {
        let again = Args {
            pos: args.pos.clone(),
            kw: args.kw.clone(),
        };
        let generator = cx.call(&self.func, args)?;
        if self.is_async {
            if downcast::<AsyncGeneratorObj>(&generator).is_none() {
                return Err(type_error(format!(
                    "'{}' object is not an async iterator",
                    generator.type_name()
                )));
            }
            static CLASS: OnceLock<Arc<Class>> = OnceLock::new();
            let class = class_once(&CLASS, "_AsyncGeneratorContextManager", ASYNC_CM_METHODS);
            return Ok(instance(class, generator));
        }
        if downcast::<GeneratorObj>(&generator).is_none() {
            return Err(type_error(format!(
                "'{}' object is not an iterator",
                generator.type_name()
            )));
        }
        let state = GeneratorCm {
            generator,
            factory: self.func.clone(),
            args: again,
        };
        Ok(instance(generator_cm_class(), object(state)))
    }
}

fn generator_cm_class() -> &'static Arc<Class> {
    static CLASS: OnceLock<Arc<Class>> = OnceLock::new();
    class_once(&CLASS, "_GeneratorContextManager", GENERATOR_CM_METHODS)
}

/// A `@contextmanager` manager: its generator, and how to make another one when it decorates
/// a function (each call of the function runs in a fresh one).
struct GeneratorCm {
    generator: Value,
    factory: Value,
    args: Args,
}

impl PyObject for GeneratorCm {
    fn type_name(&self) -> &'static str {
        "_GeneratorContextManager"
    }
}

fn generator_of(native: &Value) -> Eval<Arc<GeneratorObj>> {
    downcast::<GeneratorCm>(native)
        .and_then(|cm| downcast::<GeneratorObj>(&cm.generator))
        .ok_or_else(|| type_error("not a generator"))
}

/// A function decorated with a `@contextmanager` manager: each call runs inside a new one.
struct Managed {
    factory: Value,
    pos: Vec<Value>,
    kw: Vec<(Arc<str>, Value)>,
    func: Value,
}

impl PyObject for Managed {
    fn type_name(&self) -> &'static str {
        "function"
    }

    fn repr(&self) -> String {
        self.func.repr()
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        wrapped_attr(&self.func, name)
    }

    fn binds_as_method(&self) -> bool {
        true
    }

    fn call(&self, cx: &CallCx, _me: &Value, args: Args) -> Eval {
        let made = Args {
            pos: self.pos.clone(),
            kw: self.kw.clone(),
        };
        let generator = cx.call(&self.factory, made)?;
        let state = GeneratorCm {
            generator,
            factory: self.factory.clone(),
            args: Args::default(),
        };
        let manager = instance(generator_cm_class(), object(state));
        let method = |name: &str, args: Vec<Value>| {
            call_method(
                cx.ctx,
                cx.depth,
                &manager,
                name,
                Args::positional(args),
                cx.site,
            )
        };
        method("__enter__", Vec::new())?;
        match cx.call(&self.func, args) {
            Ok(result) => {
                method("__exit__", vec![Value::None, Value::None, Value::None])?;
                Ok(result)
            }
            Err(raised) => {
                let Some(e) = raised.exception().cloned() else {
                    return Err(raised);
                };
                let kind = Value::ExcType(e.kind);
                let exc = Value::Exception(e);
                if method("__exit__", vec![kind, exc, Value::None])?.truthy() {
                    Ok(Value::None)
                } else {
                    Err(raised)
                }
            }
        }
    }
}

fn is_stop(ctrl: &Ctrl) -> bool {
    ctrl.exception()
        .is_some_and(|e| e.kind == ExcKind::StopIteration)
}

static GENERATOR_CM_METHODS: &[NativeFn] = &[
    NativeFn {
        name: "__enter__",
        call: |_, args| {
            let (native, _) = state(args)?;
            match generator_of(&native)?.0.send(Ok(Value::None)) {
                Err(stop) if is_stop(&stop) => Err(runtime_error("generator didn't yield")),
                result => result,
            }
        },
    },
    NativeFn {
        name: "__exit__",
        call: generator_exit,
    },
    NativeFn {
        name: "__call__",
        call: |_, args| {
            let (native, rest) = state(args)?;
            let cm = downcast::<GeneratorCm>(&native).ok_or_else(|| type_error("not a manager"))?;
            let [func] = <[Value; 1]>::try_from(rest)
                .map_err(|_| type_error("a context manager decorates one function"))?;
            Ok(object(Managed {
                factory: cm.factory.clone(),
                pos: cm.args.pos.clone(),
                kw: cm.args.kw.clone(),
                func,
            }))
        },
    },
];

/// Resumes the generator after the block: normally, or with the block's exception raised at
/// its `yield`. True suppresses the exception (the generator caught it and finished).
fn generator_exit(_: &CallCx, args: Args) -> Eval {
    let (native, rest) = state(args)?;
    let generator = generator_of(&native)?;
    let raised = exit_value(&rest);
    if matches!(raised, Value::None) {
        return match generator.0.send(Ok(Value::None)) {
            Ok(_) => Err(runtime_error("generator didn't stop")),
            Err(stop) if is_stop(&stop) => Ok(Value::Bool(false)),
            Err(other) => Err(other),
        };
    }
    match generator.0.send(Err(exception_of(raised.clone()))) {
        Ok(_) => Err(runtime_error("generator didn't stop after throw()")),
        Err(stop) if is_stop(&stop) => Ok(Value::Bool(true)),
        Err(again) => match (again.exception(), &raised) {
            (Some(e), Value::Exception(original)) if Arc::ptr_eq(e, original) => {
                Ok(Value::Bool(false))
            }
            _ => Err(again),
        },
    }
}

// ---- asynccontextmanager ----------------------------------------------------------------------

static ASYNC_CM_METHODS: &[NativeFn] = &[
    NativeFn {
        name: "__aenter__",
        call: |cx, args| {
            let (native, _) = state(args)?;
            Ok(async_step(
                cx,
                native,
                "__aenter__",
                |generator| async move {
                    match AsyncStep::new(generator, Ok(Value::None)).await? {
                        Step::Yielded(v) => Ok(v),
                        Step::Returned(_) => Err(runtime_error("generator didn't yield")),
                    }
                },
            ))
        },
    },
    NativeFn {
        name: "__aexit__",
        call: |cx, args| {
            let (native, rest) = state(args)?;
            let raised = exit_value(&rest);
            Ok(async_step(cx, native, "__aexit__", move |generator| {
                async_exit(generator, raised)
            }))
        },
    },
];

/// A native coroutine that runs `body` on the async generator behind `native`.
fn async_step<F>(
    cx: &CallCx,
    native: Value,
    name: &str,
    body: impl FnOnce(Arc<Generator>) -> F + Send + 'static,
) -> Value
where
    F: Future<Output = Eval> + 'static,
{
    let label = Arc::from(format!("{name}()"));
    let run: NativeCoro = Box::new(move |_ctx| {
        Box::pin(async move {
            let generator = downcast::<AsyncGeneratorObj>(&native)
                .ok_or_else(|| type_error("not an async generator"))?;
            body(generator.0.clone()).await
        })
    });
    Value::Coro(Arc::new(Coroutine::native(name, label, cx.site.line, run)))
}

/// `__aexit__`: the async generator resumed after the block, as `generator_exit` resumes a
/// generator.
async fn async_exit(generator: Arc<Generator>, raised: Value) -> Eval {
    if matches!(raised, Value::None) {
        return match AsyncStep::new(generator, Ok(Value::None)).await? {
            Step::Yielded(_) => Err(runtime_error("generator didn't stop")),
            Step::Returned(_) => Ok(Value::Bool(false)),
        };
    }
    match AsyncStep::new(generator, Err(exception_of(raised.clone()))).await {
        Ok(Step::Yielded(_)) => Err(runtime_error("generator didn't stop after athrow()")),
        Ok(Step::Returned(_)) => Ok(Value::Bool(true)),
        Err(again) => match (again.exception(), &raised) {
            (Some(e), Value::Exception(original)) if Arc::ptr_eq(e, original) => {
                Ok(Value::Bool(false))
            }
            _ => Err(again),
        },
    }
}

// ---- suppress, nullcontext, closing -----------------------------------------------------------

fn suppress_class() -> &'static Arc<Class> {
    static CLASS: OnceLock<Arc<Class>> = OnceLock::new();
    class_once(&CLASS, "suppress", SUPPRESS_METHODS)
}

static SUPPRESS_METHODS: &[NativeFn] = &[
    NativeFn {
        name: "__init__",
        call: |_, args| {
            args.no_more_kw("suppress")?;
            let mut pos = args.pos.into_iter();
            let Some(Value::Instance(me)) = pos.next() else {
                return Err(type_error("suppress.__init__() needs its instance"));
            };
            let _ = me.native.set(Value::tuple(pos.collect()));
            Ok(Value::None)
        },
    },
    NativeFn {
        name: "__enter__",
        call: |_, _| Ok(Value::None),
    },
    NativeFn {
        name: "__exit__",
        call: |_, args| {
            let (kinds, rest) = state(args)?;
            match exit_value(&rest) {
                Value::Exception(e) => exception_matches(&e, &kinds).map(Value::Bool),
                _ => Ok(Value::Bool(false)),
            }
        },
    },
];

fn nullcontext_class() -> &'static Arc<Class> {
    static CLASS: OnceLock<Arc<Class>> = OnceLock::new();
    class_once(&CLASS, "nullcontext", NULLCONTEXT_METHODS)
}

/// `__init__(self, thing)` for the classes that keep one value (its default `None`).
fn keep_one(args: Args) -> Eval {
    let mut pos = args.pos.into_iter();
    let Some(Value::Instance(me)) = pos.next() else {
        return Err(type_error("__init__() needs its instance"));
    };
    let kept = args.kw.into_iter().next().map(|(_, v)| v);
    let _ = me
        .native
        .set(kept.or_else(|| pos.next()).unwrap_or(Value::None));
    Ok(Value::None)
}

static NULLCONTEXT_METHODS: &[NativeFn] = &[
    NativeFn {
        name: "__init__",
        call: |_, args| keep_one(args),
    },
    NativeFn {
        name: "__enter__",
        call: |_, args| state(args).map(|(kept, _)| kept),
    },
    NativeFn {
        name: "__exit__",
        call: |_, _| Ok(Value::None),
    },
];

fn closing_class() -> &'static Arc<Class> {
    static CLASS: OnceLock<Arc<Class>> = OnceLock::new();
    class_once(&CLASS, "closing", CLOSING_METHODS)
}

static CLOSING_METHODS: &[NativeFn] = &[
    NativeFn {
        name: "__init__",
        call: |_, args| keep_one(args),
    },
    NativeFn {
        name: "__enter__",
        call: |_, args| state(args).map(|(kept, _)| kept),
    },
    NativeFn {
        name: "__exit__",
        call: |cx, args| {
            let (thing, _) = state(args)?;
            call_method(cx.ctx, cx.depth, &thing, "close", Args::default(), cx.site)?;
            Ok(Value::None)
        },
    },
];
