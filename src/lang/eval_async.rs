//! The asynchronous evaluator: runs statements and expressions that contain `await`, so that
//! each `await` on a pending future is a real suspension of the task's Rust future.
//!
//! Anything await-free inside them is handed to the synchronous evaluator.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use super::alloc;
use super::async_generator::{self, AsyncGeneratorObj};
use super::builtins;
use super::error::{loop_step, returned, Ctrl, Eval, ExcKind, Exception, Signal};
use super::eval::{caused, chained, format_part, push_elt, raise_value, CompAcc, Ctx, Flow};
use super::eval::{exit_args, suppressed};
use super::exception_group::StarMatch;
use super::function::{callee_str, Args, CoroBody, Coroutine, Frame, NativeCoro};
use super::generator::{Generator, GeneratorObj, Step, YieldNow};
use super::ir::*;
use super::object::downcast;
use super::ops;
use super::set;
use super::special;
use super::value::Value;

type Boxed<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

impl Ctx {
    /// Runs a coroutine's body to completion (suspending as it awaits) and returns its result.
    pub fn run_coroutine<'a>(&'a self, coro: &'a Coroutine) -> Boxed<'a, Eval> {
        Box::pin(async move {
            match coro.start()? {
                CoroBody::Python { func, mut frame } => {
                    returned(self.exec_block_async(&mut frame, &func.def.body).await)
                }
                CoroBody::Native(make) => make(self.clone()).await,
            }
        })
    }

    pub fn exec_block_async<'a>(
        &'a self,
        frame: &'a mut Frame,
        body: &'a [Stmt],
    ) -> Boxed<'a, Flow> {
        Box::pin(self.exec_stmts(frame, body))
    }

    /// The statements of a block in turn. Await-free ones go to the synchronous evaluator,
    /// `yield value` statements run in place (the whole body of most generator loops, stepped
    /// without allocating), and only the others take a boxed future of their own.
    async fn exec_stmts(&self, frame: &mut Frame, body: &[Stmt]) -> Flow {
        for stmt in body {
            let result = match &stmt.kind {
                _ if !stmt.awaits => self.exec_block(frame, std::slice::from_ref(stmt)),
                StmtKind::Expr(e) => self.eval_yield_in_place(frame, e).await.map(drop),
                _ => Box::pin(self.exec_async(frame, stmt)).await,
            };
            if let Err(ctrl) = result {
                return Err(self.annotate(frame, stmt.line, ctrl));
            }
        }
        Ok(())
    }

    /// Evaluates `e`, suspending where it awaits or yields; a `yield` of an await-free value,
    /// the commonest such expression, without a boxed future of its own.
    async fn eval_yield_in_place(&self, frame: &mut Frame, e: &Expr) -> Eval {
        match &e.kind {
            ExprKind::Yield(value) if value.as_ref().is_none_or(|v| !v.awaits) => {
                let value = match value {
                    Some(v) => self.eval(frame, v)?,
                    None => Value::None,
                };
                YieldNow::new(value).await
            }
            _ => self.eval_async(frame, e).await,
        }
    }

    async fn exec_async(&self, frame: &mut Frame, stmt: &Stmt) -> Flow {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.eval_yield_in_place(frame, e).await?;
            }
            StmtKind::Assign(targets, value) => {
                let value = self.eval_yield_in_place(frame, value).await?;
                for t in targets {
                    self.assign(frame, t, value.clone())?;
                }
            }
            StmtKind::AugAssign(target, op, value) => {
                let rhs = self.eval_yield_in_place(frame, value).await?;
                self.aug_assign(frame, target, *op, rhs)?;
            }
            StmtKind::If(test, body, orelse) => {
                if self.eval_async(frame, test).await?.truthy() {
                    self.exec_stmts(frame, body).await?;
                } else {
                    self.exec_stmts(frame, orelse).await?;
                }
            }
            StmtKind::While(test, body, orelse) => {
                while self.eval_async(frame, test).await?.truthy() {
                    self.interp.tick()?;
                    if !loop_step(self.exec_stmts(frame, body).await)? {
                        return Ok(());
                    }
                }
                self.exec_stmts(frame, orelse).await?;
            }
            StmtKind::For(target, iter, body, orelse) => {
                let iterable = self.eval_async(frame, iter).await?;
                let mut it = ops::iterate(&iterable)?;
                while let Some(item) = it.next_value()? {
                    self.interp.tick()?;
                    self.assign(frame, target, item)?;
                    if !loop_step(self.exec_stmts(frame, body).await)? {
                        return Ok(());
                    }
                }
                self.exec_stmts(frame, orelse).await?;
            }
            StmtKind::AsyncFor(f) => return self.exec_async_for(frame, f).await,
            StmtKind::Return(Some(e)) => {
                return Err(Ctrl::new(Signal::Return(self.eval_async(frame, e).await?)))
            }
            StmtKind::Raise(exc, cause) => {
                let value = match exc {
                    Some(e) => Some(self.eval_async(frame, e).await?),
                    None => None,
                };
                let cause = match cause {
                    Some(c) => Some(self.eval_async(frame, c).await?),
                    None => None,
                };
                return Err(caused(raise_value(frame, value), cause));
            }
            StmtKind::Try(t) => return self.exec_try_async(frame, t).await,
            StmtKind::With(items, body) => return self.exec_with_async(frame, items, body).await,
            StmtKind::AsyncWith(items, body) => {
                return self.exec_async_with(frame, items, body).await
            }
            StmtKind::Assert(test, msg) => {
                if !self.eval_async(frame, test).await?.truthy() {
                    let args = match msg {
                        Some(m) => vec![self.eval_async(frame, m).await?],
                        None => vec![],
                    };
                    return Err(Exception::with_args(ExcKind::AssertionError, args).into());
                }
            }
            _ => return self.exec_block(frame, std::slice::from_ref(stmt)),
        }
        Ok(())
    }

    /// `async for`: `__aiter__()` once, then `__anext__()` awaited for each item until it
    /// raises `StopAsyncIteration`.
    async fn exec_async_for(&self, frame: &mut Frame, f: &AsyncFor) -> Eval<()> {
        let iterable = self.eval_async(frame, &f.iter).await?;
        let iterator = async_method(&iterable, "__aiter__", "an object with __aiter__ method")?;
        loop {
            self.interp.tick()?;
            let step = async_method(&iterator, "__anext__", "an iterator with __anext__")?;
            let item = match self.await_value(step, &f.site).await {
                Ok(item) => item,
                Err(e) if is_stop_async(&e) => break,
                Err(e) => return Err(e),
            };
            self.assign(frame, &f.target, item)?;
            if !loop_step(self.exec_stmts(frame, &f.body).await)? {
                return Ok(());
            }
        }
        self.exec_stmts(frame, &f.orelse).await
    }

    fn exec_with_async<'a>(
        &'a self,
        frame: &'a mut Frame,
        items: &'a [WithItem],
        body: &'a [Stmt],
    ) -> Boxed<'a, Flow> {
        Box::pin(async move {
            let Some((item, rest)) = items.split_first() else {
                return self.exec_block_async(frame, body).await;
            };
            let manager = self.eval_async(frame, &item.manager).await?;
            let guard = self.enter(frame, item, &manager)?;
            let result = self.exec_with_async(frame, rest, body).await;
            self.exit(frame.depth, item, guard, result)
        })
    }

    /// `async with`: awaits each manager's `__aenter__`, runs the body, then awaits its
    /// `__aexit__`, which may suppress the body's exception.
    fn exec_async_with<'a>(
        &'a self,
        frame: &'a mut Frame,
        items: &'a [WithItem],
        body: &'a [Stmt],
    ) -> Boxed<'a, Flow> {
        Box::pin(async move {
            let Some((item, rest)) = items.split_first() else {
                return self.exec_block_async(frame, body).await;
            };
            let site = AwaitSite {
                label: item.site.text.clone(),
                line: item.site.line,
            };
            let manager = self.eval_async(frame, &item.manager).await?;
            let entering = match special::call_method(&manager, "__aenter__", Vec::new()) {
                Some(entering) if special::method(&manager, "__aexit__").is_some() => entering?,
                _ => {
                    return Err(Ctrl::raise(
                        ExcKind::TypeError,
                        format!(
                        "'{}' object does not support the asynchronous context manager protocol",
                        manager.type_name()
                    ),
                    ))
                }
            };
            let entered = self.await_value(entering, &site).await?;
            let result = match &item.target {
                Some(target) => self.assign(frame, target, entered),
                None => Ok(()),
            };
            let result = match result {
                Ok(()) => self.exec_async_with(frame, rest, body).await,
                failed => failed,
            };
            let exiting = special::call_method(&manager, "__aexit__", exit_args(&result))
                .unwrap_or(Ok(Value::None))?;
            let suppress = special::truth(&self.await_value(exiting, &site).await?)?;
            suppressed(result, suppress)
        })
    }

    async fn exec_try_async(&self, frame: &mut Frame, t: &Try) -> Flow {
        let mut outcome = self.exec_block_async(frame, &t.body).await;
        if let Some(exc) = outcome.as_ref().err().and_then(Ctrl::exception) {
            let exc = exc.clone();
            if t.star {
                let mut star = StarMatch::new(exc);
                for h in &t.handlers {
                    let types = h
                        .types
                        .as_ref()
                        .map(|e| self.eval_pure(frame, e))
                        .transpose()?;
                    let Some(matched) = star.take(&types.unwrap_or(Value::None))? else {
                        continue;
                    };
                    star.handled(self.run_handler_async(frame, h, matched).await)?;
                }
                outcome = star.finish();
            } else if let Some(handler) = self.find_handler(frame, &t.handlers, &exc)? {
                outcome = self.run_handler_async(frame, handler, exc).await;
            }
        } else if outcome.is_ok() {
            outcome = self.exec_block_async(frame, &t.orelse).await;
        }
        if t.finally.is_empty() {
            return outcome;
        }
        self.exec_block_async(frame, &t.finally).await?;
        outcome
    }

    async fn run_handler_async(&self, frame: &mut Frame, h: &Handler, exc: Arc<Exception>) -> Flow {
        if let Some(name) = &h.name {
            self.assign(frame, name, Value::Exception(exc.clone()))?;
        }
        frame.handling.push(exc.clone());
        let outcome = chained(self.exec_block_async(frame, &h.body).await, &exc);
        frame.handling.pop();
        if let Some(Target::Var(var, _)) = &h.name {
            self.store_var(frame, *var, None);
        }
        outcome
    }

    pub fn eval_async<'a>(&'a self, frame: &'a mut Frame, e: &'a Expr) -> Boxed<'a, Eval> {
        Box::pin(async move {
            if !e.awaits {
                return self.eval(frame, e);
            }
            match &e.kind {
                ExprKind::Yield(value) => {
                    let value = match value {
                        Some(v) => self.eval_async(frame, v).await?,
                        None => Value::None,
                    };
                    YieldNow::new(value).await
                }
                ExprKind::YieldFrom(inner) => {
                    let iterable = self.eval_async(frame, inner).await?;
                    if let Some(sub) = downcast::<GeneratorObj>(&iterable) {
                        return delegate(&sub.0).await;
                    }
                    let mut items = ops::iterate(&iterable)?;
                    while let Some(item) = items.next_value()? {
                        YieldNow::new(item).await?;
                    }
                    Ok(Value::None)
                }
                ExprKind::Await(inner, site) => {
                    let value = self.eval_async(frame, inner).await?;
                    self.await_value(value, site).await
                }
                ExprKind::Binary(a, op, b) => {
                    let a = self.eval_async(frame, a).await?;
                    let b = self.eval_async(frame, b).await?;
                    ops::binary(*op, &a, &b)
                }
                ExprKind::Unary(op, a) => ops::unary(*op, &self.eval_async(frame, a).await?),
                ExprKind::BoolOp(is_and, values) => {
                    let mut last = Value::None;
                    for v in values {
                        last = self.eval_async(frame, v).await?;
                        if last.truthy() != *is_and {
                            break;
                        }
                    }
                    Ok(last)
                }
                ExprKind::Compare(first, rest) => {
                    let mut left = self.eval_async(frame, first).await?;
                    for (op, right) in rest {
                        let right = self.eval_async(frame, right).await?;
                        if !ops::compare(*op, &left, &right)? {
                            return Ok(Value::Bool(false));
                        }
                        left = right;
                    }
                    Ok(Value::Bool(true))
                }
                ExprKind::IfElse(test, a, b) => {
                    if self.eval_async(frame, test).await?.truthy() {
                        self.eval_async(frame, a).await
                    } else {
                        self.eval_async(frame, b).await
                    }
                }
                ExprKind::Call(call) => self.eval_call_async(frame, call).await,
                ExprKind::Attr(obj, name) => {
                    builtins::get_attr(&self.eval_async(frame, obj).await?, name)
                }
                ExprKind::Subscript(obj, key) => {
                    let is_slice = matches!(key.kind, ExprKind::Slice(..));
                    let obj = self.eval_async(frame, obj).await?;
                    ops::Subscript::of(self.eval_async(frame, key).await?, is_slice).get(&obj)
                }
                ExprKind::Slice(lo, hi, step) => {
                    let mut parts = Vec::with_capacity(3);
                    for p in [lo, hi, step] {
                        parts.push(match p {
                            Some(e) => self.eval_async(frame, e).await?,
                            None => Value::None,
                        });
                    }
                    Ok(Value::tuple(parts))
                }
                ExprKind::List(elts) => Ok(Value::list(self.eval_elts_async(frame, elts).await?)),
                ExprKind::Set(elts) => set::from_items(self.eval_elts_async(frame, elts).await?),
                ExprKind::Tuple(elts) => Ok(Value::tuple(self.eval_elts_async(frame, elts).await?)),
                ExprKind::Dict(items) => {
                    let mut pairs = Vec::with_capacity(items.len());
                    for item in items {
                        match item {
                            DictItem::Pair(k, v) => {
                                let k = self.eval_async(frame, k).await?;
                                pairs.push((k, self.eval_async(frame, v).await?));
                            }
                            DictItem::Unpack(m) => {
                                let mapping = self.eval_async(frame, m).await?;
                                pairs.extend(ops::mapping_items(&mapping)?);
                            }
                        }
                    }
                    builtins::dict_from_pairs(pairs)
                }
                ExprKind::Named(var, _, value) => {
                    let value = self.eval_async(frame, value).await?;
                    self.store_var(frame, *var, Some(value.clone()));
                    Ok(value)
                }
                ExprKind::Comp(c) => {
                    let mut acc = CompAcc::new(&c.kind);
                    self.comp_level_async(frame, c, 0, &mut acc).await?;
                    acc.finish()
                }
                ExprKind::FString(parts) => {
                    let mut out = String::new();
                    self.fstring_async(frame, parts, &mut out).await?;
                    Ok(Value::str(&out))
                }
                ExprKind::Const(_) | ExprKind::Name(..) | ExprKind::Lambda(_) => {
                    self.eval(frame, e)
                }
            }
        })
    }

    async fn eval_elts_async(&self, frame: &mut Frame, elts: &[Elt]) -> Eval<Vec<Value>> {
        let mut out = Vec::with_capacity(elts.len());
        for elt in elts {
            let v = self.eval_async(frame, &elt.expr).await?;
            push_elt(&mut out, v, elt.starred)?;
        }
        Ok(out)
    }

    fn fstring_async<'a>(
        &'a self,
        frame: &'a mut Frame,
        parts: &'a [FPart],
        out: &'a mut String,
    ) -> Boxed<'a, Flow> {
        Box::pin(async move {
            for part in parts {
                match part {
                    FPart::Lit(s) => alloc::push_str(out, s)?,
                    FPart::Value {
                        expr,
                        conversion,
                        spec,
                    } => {
                        let value = self.eval_async(frame, expr).await?;
                        let mut spec_text = String::new();
                        self.fstring_async(frame, spec, &mut spec_text).await?;
                        alloc::push_str(out, &format_part(&value, *conversion, &spec_text)?)?;
                    }
                }
            }
            Ok(())
        })
    }

    fn comp_level_async<'a>(
        &'a self,
        frame: &'a mut Frame,
        c: &'a Comprehension,
        level: usize,
        acc: &'a mut CompAcc,
    ) -> Boxed<'a, Flow> {
        Box::pin(async move {
            let Some(g) = c.generators.get(level) else {
                let elt = self.eval_async(frame, &c.elt).await?;
                let value = match &c.value {
                    Some(v) => Some(self.eval_async(frame, v).await?),
                    None => None,
                };
                return acc.push(elt, value);
            };
            let iterable = self.eval_async(frame, &g.iter).await?;
            if let Some(site) = &g.site {
                let iterator =
                    async_method(&iterable, "__aiter__", "an object with __aiter__ method")?;
                loop {
                    self.interp.tick()?;
                    let step = async_method(&iterator, "__anext__", "an iterator with __anext__")?;
                    match self.await_value(step, site).await {
                        Ok(item) => self.comp_item_async(frame, c, level, acc, item).await?,
                        Err(e) if is_stop_async(&e) => return Ok(()),
                        Err(e) => return Err(e),
                    }
                }
            }
            let mut it = ops::iterate(&iterable)?;
            while let Some(item) = it.next_value()? {
                self.interp.tick()?;
                self.comp_item_async(frame, c, level, acc, item).await?;
            }
            Ok(())
        })
    }

    /// One item of generator `level`: bound to its target, and if its conditions hold, the
    /// next level (or the element) computed.
    async fn comp_item_async(
        &self,
        frame: &mut Frame,
        c: &Comprehension,
        level: usize,
        acc: &mut CompAcc,
        item: Value,
    ) -> Flow {
        let g = &c.generators[level];
        self.assign(frame, &g.target, item)?;
        for cond in &g.conditions {
            if !self.eval_async(frame, cond).await?.truthy() {
                return Ok(());
            }
        }
        self.comp_level_async(frame, c, level + 1, acc).await
    }

    async fn eval_call_async(&self, frame: &mut Frame, call: &Call) -> Eval {
        let (receiver, func) = match &call.func.kind {
            ExprKind::Attr(obj, name) => (Some((self.eval_async(frame, obj).await?, name)), None),
            _ => (None, Some(self.eval_async(frame, &call.func).await?)),
        };
        let mut args = Args::default();
        for a in &call.args {
            match a {
                Arg::Pos(e) => args.pos.push(self.eval_async(frame, e).await?),
                Arg::Star(e) => args
                    .pos
                    .extend(ops::to_vec(&self.eval_async(frame, e).await?)?),
                Arg::Kw(name, e) => {
                    let value = self.eval_async(frame, e).await?;
                    args.keyword(name.clone(), value, &|| callee(&receiver, &func))?;
                }
                Arg::Unpack(e) => {
                    let mapping = self.eval_async(frame, e).await?;
                    args.spread(&mapping, &|| callee(&receiver, &func))?;
                }
            }
        }
        match (receiver, func) {
            (Some((obj, name)), _) => {
                builtins::call_method(self, frame.depth, &obj, name, args, call)
            }
            (None, Some(func)) => self.call_value(frame.depth, &func, args, call),
            (None, None) => unreachable!("a call has either a receiver or a function"),
        }
    }

    /// `await value`: a coroutine runs inline in this task; a library object (a task, a future)
    /// runs what its `awaited` hook gives, which suspends this task until it is done.
    pub async fn await_value(&self, value: Value, site: &AwaitSite) -> Eval {
        self.interp.host.awaiting(site);
        let awaiting = match &value {
            Value::Coro(coro) => return self.run_coroutine(coro).await,
            Value::Object(o) => o.awaited(&value),
            _ => None,
        };
        match awaiting {
            Some(awaiting) => awaiting.await,
            None => Err(Ctrl::raise(
                ExcKind::TypeError,
                format!(
                    "object {} can't be used in 'await' expression",
                    value.type_name()
                ),
            )),
        }
    }
}

/// How an argument error names what is called: a method by its receiver's type, as CPython
/// does, or the callable itself.
fn callee(receiver: &Option<(Value, &Arc<str>)>, func: &Option<Value>) -> String {
    match (receiver, func) {
        (Some((obj, name)), _) => format!("{}.{name}()", obj.type_name()),
        (None, Some(func)) => callee_str(func),
        (None, None) => unreachable!("a call has a receiver or a callable"),
    }
}

/// `yield from sub` for a generator `sub`: what is sent or thrown in goes on to `sub`, and the
/// expression's value is what `sub` returns.
async fn delegate(sub: &Generator) -> Eval {
    let mut sent: Eval = Ok(Value::None);
    loop {
        let closing = matches!(&sent, Err(c) if c.exception().is_some_and(|e| e.kind == ExcKind::GeneratorExit));
        if closing {
            sub.close()?;
            return sent;
        }
        match sub.resume(sent)? {
            Step::Yielded(v) => sent = YieldNow::new(v).await,
            Step::Returned(v) => return Ok(v),
        }
    }
}

/// `v.__aiter__()` or `v.__anext__()`, of an async generator or of a class that defines it;
/// `needed` says what `async for` requires, for the error.
fn async_method(v: &Value, name: &str, needed: &str) -> Eval {
    if let Some(agen) = downcast::<AsyncGeneratorObj>(v) {
        return match name {
            "__aiter__" => Ok(v.clone()),
            _ => Ok(async_generator::anext(&agen.0, Ok(Value::None), None, 0)),
        };
    }
    match special::call_method(v, name, Vec::new()) {
        Some(result) => result,
        None => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!("'async for' requires {needed}, got {}", v.type_name()),
        )),
    }
}

/// `aiter(v)`.
pub fn aiter(v: &Value) -> Eval {
    async_method(v, "__aiter__", "an object with __aiter__ method")
}

/// `anext(iterator[, default])`: the awaitable of its next item (`default` once it is done,
/// for an async generator).
pub fn anext(v: &Value, default: Option<Value>, line: u32) -> Eval {
    match downcast::<AsyncGeneratorObj>(v) {
        Some(agen) => Ok(async_generator::anext(
            &agen.0,
            Ok(Value::None),
            default,
            line,
        )),
        None if special::method(v, "__anext__").is_none() => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!("'{}' object is not an async iterator", v.type_name()),
        )),
        None => {
            let step = async_method(v, "__anext__", "an iterator with __anext__")?;
            let Some(default) = default else {
                return Ok(step);
            };
            let site = AwaitSite {
                label: site_label(v),
                line,
            };
            let body: NativeCoro = Box::new(move |ctx: Ctx| {
                Box::pin(async move {
                    match ctx.await_value(step, &site).await {
                        Err(e) if is_stop_async(&e) => Ok(default),
                        other => other,
                    }
                })
            });
            Ok(Value::Coro(Arc::new(Coroutine::native(
                "anext",
                site_label(v),
                line,
                body,
            ))))
        }
    }
}

fn is_stop_async(e: &Ctrl) -> bool {
    e.exception()
        .is_some_and(|e| e.kind == ExcKind::StopAsyncIteration)
}

fn site_label(v: &Value) -> Arc<str> {
    Arc::from(format!("anext({})", v.type_name()))
}
