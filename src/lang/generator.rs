//! Generators: a function whose body contains `yield` runs on the evaluator's suspendable
//! path, the one coroutines use, and each `yield` suspends it. `next()` and `send()` step it
//! once by polling its body; nothing else ever wakes it, so no event loop is involved.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::thread::ThreadId;

use parking_lot::Mutex;

use super::builtins::no_attribute;
use super::error::{returned, Ctrl, Eval, ExcKind, Exception};
use super::eval::Ctx;
use super::function::{Args, Frame, Function};
use super::ir::{Expr, ExprKind, Stmt, StmtKind};
use super::object::{CallCx, PyObject};
use super::ops;
use super::text::Text;
use super::value::{IterState, NativeIter, Value};

thread_local! {
    /// The value the body being stepped on this thread handed out at the `yield` it just
    /// suspended at; whoever polled the body takes it as soon as the poll returns.
    static YIELDED: RefCell<Option<Value>> = const { RefCell::new(None) };
    /// What the `yield` a body is resumed at evaluates to (the value `send()` passes in, or the
    /// exception `throw()` raises there): set just before the poll that resumes the body, taken
    /// by that `yield` first thing. Steps nest (a body steps another generator) but never
    /// interleave on one thread, so one slot of each serves every generator.
    static SENT: RefCell<Option<Eval>> = const { RefCell::new(None) };
}

/// The body of a generator, suspended at a `yield` (or not started).
pub type Body = Pin<Box<dyn Future<Output = Eval>>>;

/// A generator object.
pub struct Generator {
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    state: Mutex<State>,
    /// The thread that made it: the only one that may step an async generator, whose body
    /// awaits on that thread's event loop, and the one that closes a generator dropped
    /// while suspended.
    home: ThreadId,
    /// Whether it is an async generator (stepped by awaiting, see `async_generator`).
    is_async: bool,
}

/// How far one step of a generator got.
pub enum Step {
    Yielded(Value),
    /// The body returned this value (`StopIteration.value`).
    Returned(Value),
}

enum State {
    Suspended {
        body: Body,
        started: bool,
    },
    /// A generator expression, stepped by its clauses instead of a suspended future.
    Clauses {
        clauses: Box<Clauses>,
        started: bool,
    },
    Running,
    Finished,
}

// SAFETY: a generator's body holds only its frame, its evaluator (an `Arc` of the
// interpreter) and values, all `Send + Sync`; what makes the future's type neither is the
// event loop's state held across a real `await`, which a generator body (a plain `def`)
// cannot contain, so any thread may step it (one at a time: its state says when it runs).
// An async generator's body does await on its loop: it is only ever polled on its home
// thread (`take_body` checks).
unsafe impl Send for Generator {}
unsafe impl Sync for Generator {}

thread_local! {
    /// This thread's id, read once: `thread::current()` costs a reference count each time, and
    /// every step of a generator asks.
    static THIS_THREAD: ThreadId = std::thread::current().id();
}

fn this_thread() -> ThreadId {
    THIS_THREAD.with(|id| *id)
}

impl Generator {
    /// The generator a call to `func` (with its arguments bound into `frame`) makes.
    pub fn new(ctx: &Ctx, func: Arc<Function>, mut frame: Frame) -> Generator {
        let ctx = ctx.clone();
        let name = func.name().clone();
        let qualname = func.qualname().clone();
        let is_async = func.def.is_async;
        let state = if func.def.is_genexpr {
            State::Clauses {
                clauses: Box::new(Clauses {
                    ctx,
                    func,
                    frame,
                    iters: Vec::new(),
                }),
                started: false,
            }
        } else {
            let body: Body = Box::pin(async move {
                returned(ctx.exec_block_async(&mut frame, &func.def.body).await)
            });
            State::Suspended {
                body,
                started: false,
            }
        };
        Generator {
            name,
            qualname,
            state: Mutex::new(state),
            home: this_thread(),
            is_async,
        }
    }

    /// Takes the body out to run one step, the suspended `yield` to evaluate to `sent`; or,
    /// where no step can run, what stepping gives (`what` names the generator in errors).
    pub fn take_body(&self, sent: Eval, what: &str) -> Result<Body, Eval<Step>> {
        if self.is_async && this_thread() != self.home {
            return Err(Err(Ctrl::raise(
                ExcKind::RuntimeError,
                "an async generator can only be stepped by the thread that created it in scenarios",
            )));
        }
        // Taken in a statement of its own: the lock is released before any arm locks again.
        let state = std::mem::replace(&mut *self.state.lock(), State::Running);
        let (body, started) = match state {
            State::Suspended { body, started } => (body, started),
            State::Running => {
                return Err(Err(Ctrl::raise(
                    ExcKind::ValueError,
                    format!("{what} already executing"),
                )))
            }
            State::Finished => {
                *self.state.lock() = State::Finished;
                return Err(sent.map(|_| Step::Returned(Value::None)));
            }
            State::Clauses { clauses, started } => {
                return Err(self.step_clauses(clauses, started, sent, what));
            }
        };
        if !started && sent.is_err() {
            *self.state.lock() = State::Finished;
            drop(body);
            return Err(sent.map(Step::Returned));
        }
        if let Some(refused) = refused_send(started, &sent, what) {
            *self.state.lock() = State::Suspended { body, started };
            return Err(Err(refused));
        }
        SENT.with_borrow_mut(|slot| *slot = Some(sent));
        Ok(body)
    }

    /// One step of a generator expression: its next element, computed in place.
    fn step_clauses(
        &self,
        mut clauses: Box<Clauses>,
        started: bool,
        sent: Eval,
        what: &str,
    ) -> Eval<Step> {
        if let Err(raised) = sent {
            // Thrown in: a generator expression catches nothing, so it ends with the exception.
            *self.state.lock() = State::Finished;
            return Err(raised);
        }
        if let Some(refused) = refused_send(started, &sent, what) {
            *self.state.lock() = State::Clauses { clauses, started };
            return Err(refused);
        }
        match clauses.next() {
            Ok(Some(item)) => {
                *self.state.lock() = State::Clauses {
                    clauses,
                    started: true,
                };
                Ok(Step::Yielded(item))
            }
            done => {
                *self.state.lock() = State::Finished;
                drop(clauses);
                done.map(|_| Step::Returned(Value::None))
            }
        }
    }

    /// The value the body's last `yield` handed out, if it has just yielded.
    pub fn take_yielded(&self) -> Option<Value> {
        YIELDED.with_borrow_mut(Option::take)
    }

    /// Puts the body back, suspended at a `yield`.
    pub fn suspend(&self, body: Body) {
        *self.state.lock() = State::Suspended {
            body,
            started: true,
        };
    }

    /// Marks the body as returned (or abandoned): stepping it again stops at once.
    pub fn finish(&self) {
        let old = std::mem::replace(&mut *self.state.lock(), State::Finished);
        drop(old);
    }

    /// Whether the body has started and waits at a `yield`, so closing it runs its code.
    pub fn is_suspended_inside(&self) -> bool {
        matches!(&*self.state.lock(), State::Suspended { started: true, .. })
    }

    /// Runs the body to its next `yield`, the suspended `yield` evaluating to `sent` (an
    /// exception is raised there).
    pub fn resume(&self, sent: Eval) -> Eval<Step> {
        let mut body = match self.take_body(sent, "generator") {
            Ok(body) => body,
            Err(done) => return done,
        };
        let mut cx = Context::from_waker(Waker::noop());
        match body.as_mut().poll(&mut cx) {
            Poll::Pending => {
                self.suspend(body);
                Ok(Step::Yielded(self.take_yielded().unwrap_or(Value::None)))
            }
            Poll::Ready(result) => {
                self.finish();
                result.map(Step::Returned)
            }
        }
    }

    /// `<generator object f at 0x...>` (`kind` is `generator` or `async_generator`).
    pub fn repr(self: &Arc<Self>, kind: &str) -> String {
        format!(
            "<{kind} object {} at {:#x}>",
            self.qualname,
            Arc::as_ptr(self) as usize
        )
    }

    /// `__name__` and `__qualname__`: the function's.
    pub fn name_attr(&self, name: &str) -> Option<Value> {
        match name {
            "__name__" => Some(Value::Str(Text::from(&self.name))),
            "__qualname__" => Some(Value::Str(Text::from(&self.qualname))),
            _ => None,
        }
    }

    /// `next(g)` or `g.send(v)`: the value yielded, or `StopIteration` with the returned one.
    pub fn send(&self, sent: Eval) -> Eval {
        match self.resume(sent)? {
            Step::Yielded(v) => Ok(v),
            Step::Returned(v) => Err(stop_iteration(v)),
        }
    }

    /// `close()`: `GeneratorExit` is raised where the body is suspended, so its `finally`
    /// blocks run; a body that yields again instead is an error.
    pub fn close(&self) -> Eval<()> {
        if !self.is_suspended_inside() {
            self.finish();
            return Ok(());
        }
        let exit = Ctrl::exc(Arc::new(Exception::with_args(
            ExcKind::GeneratorExit,
            vec![],
        )));
        match self.resume(Err(exit)) {
            Ok(Step::Yielded(_)) => Err(Ctrl::raise(
                ExcKind::RuntimeError,
                "generator ignored GeneratorExit",
            )),
            Ok(Step::Returned(_)) => Ok(()),
            Err(e)
                if e.exception().is_some_and(|e| {
                    matches!(e.kind, ExcKind::GeneratorExit | ExcKind::StopIteration)
                }) =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
}

/// A generator dropped while suspended inside its body is closed first, as CPython closes one
/// it collects: its `finally` blocks run (`for x in gen(): break`). What they raise has no one
/// to go to, and is dropped.
impl Drop for Generator {
    fn drop(&mut self) {
        if !self.is_async && this_thread() == self.home {
            let _ = self.close();
        }
    }
}

/// CPython's refusal of a value other than `None` sent to a generator that has not started.
fn refused_send(started: bool, sent: &Eval, what: &str) -> Option<Ctrl> {
    (!started && !matches!(sent, Ok(Value::None))).then(|| {
        Ctrl::raise(
            ExcKind::TypeError,
            format!("can't send non-None value to a just-started {what}"),
        )
    })
}

/// A generator expression being stepped: its frame, and the iterator of each `for` clause
/// entered, outermost first. Its body is the clauses nested (`for` and `if` statements, each
/// holding the next, the innermost a `yield` of the element), so a step walks them in place
/// instead of resuming a suspended future.
pub struct Clauses {
    ctx: Ctx,
    func: Arc<Function>,
    frame: Frame,
    iters: Vec<IterState>,
}

impl Clauses {
    /// The next element, `None` once every clause has run out.
    fn next(&mut self) -> Eval<Option<Value>> {
        let Clauses {
            ctx,
            func,
            frame,
            iters,
        } = self;
        let body = &func.def.body;
        let line = body[0].line;
        next_element(ctx, frame, body, iters, iters.is_empty())
            .map_err(|ctrl| ctx.annotate(frame, line, ctrl))
    }
}

/// Steps the clauses of `body` to the next element: the innermost entered clause takes its
/// next item (the outermost is entered first when `entering`); an item that passes the `if`s
/// after it enters the next clause, or gives the element.
fn next_element(
    ctx: &Ctx,
    frame: &mut Frame,
    body: &[Stmt],
    iters: &mut Vec<IterState>,
    entering: bool,
) -> Eval<Option<Value>> {
    if entering {
        let StmtKind::For(_, iter, _, _) = &body[0].kind else {
            unreachable!("a generator expression starts with its first `for`")
        };
        iters.push(ops::iterate(&ctx.eval(frame, iter)?)?);
    }
    'items: while let Some(level) = iters.len().checked_sub(1) {
        let StmtKind::For(target, _, inner, _) = &clause(body, level).kind else {
            unreachable!("clause() finds a `for`")
        };
        let Some(item) = iters[level].next_value()? else {
            iters.pop();
            continue;
        };
        ctx.interp.tick()?;
        ctx.assign(frame, target, item)?;
        let mut stmt = &inner[0];
        loop {
            match &stmt.kind {
                StmtKind::If(test, then, _) => {
                    if !ctx.eval_cond(frame, test)? {
                        continue 'items;
                    }
                    stmt = &then[0];
                }
                StmtKind::For(_, iter, _, _) => {
                    iters.push(ops::iterate(&ctx.eval(frame, iter)?)?);
                    continue 'items;
                }
                StmtKind::Expr(Expr {
                    kind: ExprKind::Yield(Some(element)),
                    ..
                }) => return Ok(Some(ctx.eval(frame, element)?)),
                _ => unreachable!("a generator expression's body holds only its clauses"),
            }
        }
    }
    Ok(None)
}

/// The `for` statement of clause `level` (0 the outermost) of a generator expression's body.
fn clause(body: &[Stmt], level: usize) -> &Stmt {
    let mut stmt = &body[0];
    let mut depth = 0;
    loop {
        match &stmt.kind {
            StmtKind::For(..) if depth == level => return stmt,
            StmtKind::For(_, _, inner, _) => {
                depth += 1;
                stmt = &inner[0];
            }
            StmtKind::If(_, then, _) => stmt = &then[0],
            _ => unreachable!("every clause of a generator expression is a `for` or an `if`"),
        }
    }
}

/// The suspension of one `yield`: the first poll hands the value out and suspends, the next
/// (from the following `next()` or `send()`) evaluates to what was sent.
pub struct YieldNow {
    value: Option<Value>,
}

impl YieldNow {
    pub fn new(value: Value) -> YieldNow {
        YieldNow { value: Some(value) }
    }
}

impl Future for YieldNow {
    type Output = Eval;

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Eval> {
        match self.value.take() {
            Some(v) => {
                YIELDED.with_borrow_mut(|slot| *slot = Some(v));
                Poll::Pending
            }
            None => Poll::Ready(
                SENT.with_borrow_mut(Option::take)
                    .unwrap_or(Ok(Value::None)),
            ),
        }
    }
}

/// A generator as the value scenarios hold: iterable, with `send` and `close`.
pub struct GeneratorObj(pub Arc<Generator>);

impl NativeIter for Generator {
    fn next_item(&self) -> Eval<Option<Value>> {
        match self.resume(Ok(Value::None))? {
            Step::Yielded(v) => Ok(Some(v)),
            Step::Returned(_) => Ok(None),
        }
    }
}

impl PyObject for GeneratorObj {
    fn type_name(&self) -> &'static str {
        "generator"
    }

    fn repr(&self) -> String {
        self.0.repr("generator")
    }

    fn get_attr(&self, name: &str) -> Option<Value> {
        self.0.name_attr(name)
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "send" | "throw" | "close" | "__next__")
    }

    fn call_method(&self, _cx: &CallCx, me: &Value, name: &str, args: Args) -> Eval {
        args.no_more_kw(name)?;
        match (name, args.pos.as_slice()) {
            ("send", [v]) => self.0.send(Ok(v.clone())),
            ("__next__", []) => self.0.send(Ok(Value::None)),
            ("throw", [exc, ..]) => self.0.send(Err(super::eval::exception_of(exc.clone()))),
            ("close", []) => self.0.close().map(|()| Value::None),
            ("send" | "throw" | "__next__" | "close", given) => Err(Ctrl::raise(
                ExcKind::TypeError,
                format!(
                    "{name}() takes a different number of arguments ({} given)",
                    given.len()
                ),
            )),
            _ => Err(no_attribute(me, name)),
        }
    }

    fn iterator(&self) -> Option<Arc<dyn NativeIter>> {
        Some(self.0.clone())
    }
}

/// `StopIteration` for a body that returned `value` (its `value` attribute).
pub fn stop_iteration(value: Value) -> Ctrl {
    let args = match value {
        Value::None => Vec::new(),
        ref v => vec![v.clone()],
    };
    let e = Exception::with_args(ExcKind::StopIteration, args);
    e.attrs.lock().insert(Arc::from("value"), value);
    Ctrl::exc(Arc::new(e))
}

#[cfg(test)]
mod tests {
    use crate::lang::testing::outcome;

    #[test]
    fn generator_expressions_compute_each_item_when_it_is_asked_for() {
        let program = "\
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def noisy(x):
    print('check', x)
    return x > 1
print(any(noisy(x) for x in [0, 2, 5]))
print(next(x for x in naturals() if x * x > 50))
squares = (x * x for x in range(4))
print(next(squares), list(squares), list(squares))
def scaled(k):
    return sum(x * k for x in range(3)), list(y + k for y in range(2) if y)
print(scaled(10), squares)
";
        let out = outcome(program);
        let (head, tail) = out
            .rsplit_once(" <generator object <genexpr> at 0x")
            .expect("a repr");
        assert_eq!(
            head,
            "check 0\ncheck 2\nTrue\n8\n0 [1, 4, 9] []\n(30, [11])"
        );
        assert!(tail.ends_with(">\n"), "{tail}");
    }

    #[test]
    fn a_generator_expression_iterates_its_first_iterable_at_once() {
        assert_eq!(
            outcome("g = (x for x in 5)\n"),
            "TypeError: 'int' object is not iterable"
        );
    }

    #[test]
    fn yield_suspends_and_send_resumes_with_a_value() {
        let program = "\
def running_total():
    total = 0
    while True:
        total += yield total
g = running_total()
print(next(g), g.send(5), g.send(2))
";
        assert_eq!(outcome(program), "0 5 7\n");
    }

    #[test]
    fn a_closed_or_finished_generator_stops_every_time() {
        let program = "\
def g():
    yield 1
    yield 2
a = g()
print(next(a))
a.close()
print(next(a, 'closed'), next(a, 'closed'))
b = g()
print(list(b), list(b), next(b, 'done'))
";
        assert_eq!(outcome(program), "1\nclosed closed\n[1, 2] [] done\n");
    }

    #[test]
    fn throw_and_close_raise_where_the_body_waits() {
        let program = "\
def worker():
    try:
        while True:
            try:
                yield
            except ValueError as e:
                print('caught', e)
    finally:
        print('finally')
w = worker()
next(w)
w.throw(ValueError('bad'))
w.close()
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
s.close()
";
        assert_eq!(
            outcome(program),
            "caught bad\nfinally\nRuntimeError: generator ignored GeneratorExit"
        );
    }

    #[test]
    fn yield_from_passes_sends_on_and_returns_the_subgenerators_value() {
        let program = "\
def inner():
    got = yield 'first'
    return got * 2
def outer():
    result = yield from inner()
    yield result
g = outer()
print(next(g), g.send(21))
";
        assert_eq!(outcome(program), "first 42\n");
    }

    #[test]
    fn a_generator_dropped_while_suspended_runs_its_finally() {
        let program = "\
def lines():
    try:
        yield 1
        yield 2
    finally:
        print('closed')
for x in lines():
    break
print('after')
";
        assert_eq!(outcome(program), "closed\nafter\n");
    }

    #[test]
    fn a_generator_cannot_step_itself() {
        let program = "\
def me():
    yield next(g)
g = me()
next(g)
";
        assert_eq!(outcome(program), "ValueError: generator already executing");
    }

    #[test]
    fn yield_outside_a_function_or_inside_a_comprehension_is_refused() {
        assert_eq!(
            outcome("yield 1\n"),
            "syntax: 'yield' outside function (line 1)"
        );
        assert_eq!(
            outcome("def f():\n    return [(yield x) for x in range(3)]\n"),
            "syntax: 'yield' inside a comprehension (line 2)"
        );
    }
}
