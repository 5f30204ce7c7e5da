//! Async generators: an `async def` whose body contains `yield`. Its body is a generator's
//! (see `generator`), stepped from the task that awaits `__anext__()`: polled with that task's
//! waker, so an `await` inside the body suspends the task on the event loop, while a `yield`
//! ends the step with its value.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use super::builtins::no_attribute;
use super::error::{Ctrl, Eval, ExcKind, Exception};
use super::function::{Args, Coroutine};
use super::generator::{Generator, Step};
use super::object::{CallCx, PyObject};
use super::value::Value;

/// An async generator object: `async for` steps it, as do `anext()`, `asend()`, `athrow()`
/// and `aclose()`.
pub struct AsyncGeneratorObj(pub Arc<Generator>);

impl PyObject for AsyncGeneratorObj {
    fn type_name(&self) -> &'static str {
        "async_generator"
    }

    fn repr(&self) -> String {
        self.0.repr("async_generator")
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        self.0.name_attr(name)
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "__anext__" | "__aiter__" | "asend" | "athrow" | "aclose"
        )
    }

    fn call_method(&self, cx: &CallCx, me: &Value, name: &str, args: Args) -> Eval {
        args.no_more_kw(name)?;
        let line = cx.site.line;
        match (name, args.pos.as_slice()) {
            ("__aiter__", []) => Ok(me.clone()),
            ("__anext__", []) => Ok(anext(&self.0, Ok(Value::None), None, line)),
            ("asend", [v]) => Ok(anext(&self.0, Ok(v.clone()), None, line)),
            ("athrow", [exc, ..]) => {
                let thrown = super::eval::exception_of(exc.clone());
                Ok(anext(&self.0, Err(thrown), None, line))
            }
            ("aclose", []) => Ok(aclose(&self.0, line)),
            (_, given) if self.has_method(name) => Err(Ctrl::raise(
                ExcKind::TypeError,
                format!(
                    "{name}() takes a different number of arguments ({} given)",
                    given.len()
                ),
            )),
            _ => Err(no_attribute(me, name)),
        }
    }
}

/// One step of an async generator's body, from the awaiting task: `sent` is what the
/// suspended `yield` evaluates to (or raises).
pub struct AsyncStep {
    generator: Arc<Generator>,
    sent: Option<Eval>,
    /// The body while this step runs it; the generator is `Running` meanwhile.
    body: Option<super::generator::Body>,
}

impl AsyncStep {
    pub fn new(generator: Arc<Generator>, sent: Eval) -> AsyncStep {
        AsyncStep {
            generator,
            sent: Some(sent),
            body: None,
        }
    }
}

impl Future for AsyncStep {
    type Output = Eval<Step>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Eval<Step>> {
        let this = &mut *self;
        if let Some(sent) = this.sent.take() {
            match this.generator.take_body(sent, "asynchronous generator") {
                Ok(body) => this.body = Some(body),
                Err(done) => return Poll::Ready(done),
            }
        }
        let Some(body) = this.body.as_mut() else {
            return Poll::Ready(Ok(Step::Returned(Value::None)));
        };
        match body.as_mut().poll(cx) {
            Poll::Pending => match this.generator.take_yielded() {
                Some(v) => {
                    let body = this.body.take().expect("polled above");
                    this.generator.suspend(body);
                    Poll::Ready(Ok(Step::Yielded(v)))
                }
                None => Poll::Pending,
            },
            Poll::Ready(result) => {
                this.body = None;
                this.generator.finish();
                Poll::Ready(result.map(Step::Returned))
            }
        }
    }
}

/// A step abandoned halfway (its task cancelled while the body awaited) ends the generator.
impl Drop for AsyncStep {
    fn drop(&mut self) {
        if let Some(body) = self.body.take() {
            drop(body);
            self.generator.finish();
        }
    }
}

fn stop_async_iteration() -> Ctrl {
    Ctrl::exc(Arc::new(Exception::with_args(
        ExcKind::StopAsyncIteration,
        vec![],
    )))
}

/// The coroutine `__anext__()` (or `asend`, `athrow`, `anext(agen, default)`) returns: the
/// next value yielded, or `StopAsyncIteration` (or `default`) once the body has returned.
pub fn anext(generator: &Arc<Generator>, sent: Eval, default: Option<Value>, line: u32) -> Value {
    let generator = generator.clone();
    let label = Arc::from(format!("anext({})", generator.qualname));
    let body = Box::new(move |_ctx| {
        Box::pin(async move {
            match AsyncStep::new(generator, sent).await {
                Ok(Step::Yielded(v)) => Ok(v),
                Ok(Step::Returned(_)) => default.ok_or_else(stop_async_iteration),
                Err(e) => match (default, e.exception().map(|e| e.kind)) {
                    (Some(d), Some(ExcKind::StopAsyncIteration)) => Ok(d),
                    _ => Err(e),
                },
            }
        }) as Pin<Box<dyn Future<Output = Eval>>>
    });
    Value::Coro(Arc::new(Coroutine::native("anext", label, line, body)))
}

/// The coroutine `aclose()` returns: `GeneratorExit` is raised where the body waits, so its
/// `finally` blocks run.
pub fn aclose(generator: &Arc<Generator>, line: u32) -> Value {
    let generator = generator.clone();
    let label = Arc::from(format!("aclose({})", generator.qualname));
    let body = Box::new(move |_ctx| {
        Box::pin(async move {
            if !generator.is_suspended_inside() {
                generator.finish();
                return Ok(Value::None);
            }
            let exit = Ctrl::exc(Arc::new(Exception::with_args(
                ExcKind::GeneratorExit,
                vec![],
            )));
            match AsyncStep::new(generator, Err(exit)).await {
                Ok(Step::Yielded(_)) => Err(Ctrl::raise(
                    ExcKind::RuntimeError,
                    "async generator ignored GeneratorExit",
                )),
                Ok(Step::Returned(_)) => Ok(Value::None),
                Err(e)
                    if e.exception().is_some_and(|e| {
                        matches!(e.kind, ExcKind::GeneratorExit | ExcKind::StopAsyncIteration)
                    }) =>
                {
                    Ok(Value::None)
                }
                Err(e) => Err(e),
            }
        }) as Pin<Box<dyn Future<Output = Eval>>>
    });
    Value::Coro(Arc::new(Coroutine::native("aclose", label, line, body)))
}
