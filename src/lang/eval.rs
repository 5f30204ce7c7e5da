//! The synchronous evaluator: the fast path for every statement and expression without `await`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::alloc;
use super::async_generator::AsyncGeneratorObj;
use super::builtins::{self, Builtin};
use super::class::{self, Attrs, Class};
use super::error::{loop_step, returned, Ctrl, Eval, ExcKind, Exception, Signal};
use super::exception_group::{self, StarMatch};
use super::format::format_value;
use super::function::{callee_str, Args, Coroutine, Frame, Function, Locals};
use super::generator::{Generator, GeneratorObj};
use super::globals::Global;
use super::host::{self, Host};
use super::introspect;
use super::ir::*;
use super::object::{not_a_context_manager, object, CallCx, PyObject};
use super::ops;
use super::set;
use super::special;
use super::text::Text;
use super::value::{IterState, RangeCursor, Value};

/// One program's shared state: its code, its globals, and the host it runs on.
pub struct Interp {
    pub program: Arc<Program>,
    globals: Vec<Global>,
    pub host: Arc<dyn Host>,
    /// The host's eval breaker, read at every checkpoint without a call through the host.
    breaker: Arc<AtomicBool>,
    recursion_limit: usize,
}

impl Interp {
    /// `module_name` is what `__name__` reads (`__main__`, or `__mp_main__` in a child process);
    /// `__file__` reads the host's script path.
    pub fn new(program: Arc<Program>, host: Arc<dyn Host>, module_name: &str) -> Interp {
        let file = Value::str(host.script_path());
        let globals = program
            .globals
            .iter()
            .map(|g| match &**g {
                "__name__" => Global::new(Some(Value::str(module_name))),
                "__file__" => Global::new(Some(file.clone())),
                _ => Global::new(None),
            })
            .collect();
        Interp {
            program,
            globals,
            breaker: host.eval_breaker(),
            recursion_limit: host.recursion_limit(),
            host,
        }
    }

    /// A GIL checkpoint (CPython's eval breaker): loop back-edges, function entry, and the
    /// return from most builtin calls.
    #[inline]
    pub fn checkpoint(&self) {
        if self.breaker.load(Ordering::Relaxed) {
            self.host.yield_gil();
        }
    }

    /// Counts one step of a builtin's own loop (`sum` over a huge range), asking the host
    /// whether to stop as often as [`Interp::tick`] does. It is no GIL checkpoint: CPython's
    /// builtins keep the GIL through their loops.
    #[inline]
    pub fn count_step(&self) -> Eval<()> {
        host::count_step(&*self.host)
    }

    /// Called once per loop iteration and call.
    #[inline]
    pub fn tick(&self) -> Eval<()> {
        self.checkpoint();
        self.count_step()
    }

    /// CPython's `RecursionError` for a call `depth` frames deep, past the recursion limit.
    pub fn check_depth(&self, depth: u32) -> Eval<()> {
        if depth as usize > self.recursion_limit {
            return Err(Ctrl::raise(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        self.tick()
    }
}

/// A statement/expression evaluator bound to one program (cheap to clone; one per task).
#[derive(Clone)]
pub struct Ctx {
    pub interp: Arc<Interp>,
}

/// Whether a statement ran to completion.
pub type Flow = Eval<()>;

impl Ctx {
    /// An evaluator for the calling thread, which special methods called on it then use.
    pub fn new(interp: Arc<Interp>) -> Ctx {
        special::set_interp(&interp);
        Ctx { interp }
    }

    // ---- variables ---------------------------------------------------------------------------

    pub fn load(&self, frame: &Frame, var: Var, name: &str) -> Eval {
        // Each arm clones straight into the result: going through an `Option<Value>` first
        // costs a copy that the hottest path of the interpreter notices.
        match var {
            Var::Local(i) => match &frame.locals[i as usize] {
                Some(v) => Ok(v.clone()),
                None if frame.depth == 0 => builtin_fallback(name),
                None => Err(unbound_local(name)),
            },
            Var::Cell(i) => match &*frame.cells[i as usize].lock() {
                Some(v) => Ok(v.clone()),
                None => Err(unbound_local(name)),
            },
            Var::Global(i) => match self.interp.globals[i as usize].load() {
                Some(v) => Ok(v),
                None => builtin_fallback(name),
            },
            Var::Builtin(b) => Ok(Value::Builtin(b)),
        }
    }

    pub fn store_var(&self, frame: &mut Frame, var: Var, value: Option<Value>) {
        match var {
            Var::Local(i) => frame.locals[i as usize] = value,
            Var::Cell(i) => *frame.cells[i as usize].lock() = value,
            Var::Global(i) => self.interp.globals[i as usize].store(value),
            Var::Builtin(_) => unreachable!("assignments always resolve to a slot"),
        }
    }

    /// Assigns an already evaluated value to a target whose sub-expressions are await-free.
    pub fn assign(&self, frame: &mut Frame, target: &Target, value: Value) -> Flow {
        match target {
            Target::Var(var, _) => {
                self.store_var(frame, *var, Some(value));
                Ok(())
            }
            Target::Attr(obj, name) => {
                let obj = self.eval(frame, obj)?;
                introspect::set_attr(&obj, name, value)
            }
            Target::Subscript(obj, key) => {
                if let Some((container, key)) = peek_subscript(frame, obj, key) {
                    return ops::set_item(container, &key, value);
                }
                let obj = self.eval(frame, obj)?;
                self.subscript(frame, key)?.set(&obj, value)
            }
            Target::Unpack(targets, star) => {
                if star.is_none() {
                    if let Some(done) = self.unpack_in_place(frame, targets, &value) {
                        return done;
                    }
                }
                let items = ops::unpack(&value, targets.len(), *star)?;
                for (t, v) in targets.iter().zip(items) {
                    self.assign(frame, t, v)?;
                }
                Ok(())
            }
        }
    }

    /// `a, b = value` for the commonest shapes, reading the items in place instead of
    /// collecting them into a vector first: a tuple of the right length, which cannot change
    /// while its items are assigned, or a list of the right length unpacked into locals, which
    /// nothing can reach while they are stored. `None` for any other shape.
    fn unpack_in_place(
        &self,
        frame: &mut Frame,
        targets: &[Target],
        value: &Value,
    ) -> Option<Flow> {
        match value {
            Value::Tuple(items) if items.len() == targets.len() => Some(
                targets
                    .iter()
                    .zip(items.iter())
                    .try_for_each(|(t, v)| self.assign(frame, t, v.clone())),
            ),
            Value::List(list) => {
                let local = |t: &Target| match t {
                    Target::Var(Var::Local(i), _) => Some(*i as usize),
                    _ => None,
                };
                if !targets.iter().all(|t| local(t).is_some()) {
                    return None;
                }
                let items = list.lock();
                if items.len() != targets.len() {
                    return None;
                }
                for (slot, v) in targets.iter().filter_map(local).zip(items.iter()) {
                    frame.locals[slot] = Some(v.clone());
                }
                Some(Ok(()))
            }
            _ => None,
        }
    }

    fn delete(&self, frame: &mut Frame, target: &Target) -> Flow {
        match target {
            Target::Var(var, name) => {
                self.load(frame, *var, name)?;
                self.store_var(frame, *var, None);
                Ok(())
            }
            Target::Subscript(obj, key) => {
                let obj = self.eval(frame, obj)?;
                self.subscript(frame, key)?.delete(&obj)
            }
            Target::Unpack(targets, _) => targets.iter().try_for_each(|t| self.delete(frame, t)),
            Target::Attr(obj, name) => {
                let obj = self.eval(frame, obj)?;
                introspect::del_attr(&obj, name)
            }
        }
    }

    // ---- statements --------------------------------------------------------------------------

    pub fn exec_block(&self, frame: &mut Frame, body: &[Stmt]) -> Flow {
        for stmt in body {
            if let Err(ctrl) = self.exec(frame, stmt) {
                return Err(self.annotate(frame, stmt.line, ctrl));
            }
        }
        Ok(())
    }

    /// Adds this frame to the traceback of an exception leaving it.
    pub fn annotate(&self, frame: &Frame, line: u32, ctrl: Ctrl) -> Ctrl {
        if let Some(e) = ctrl.exception() {
            e.enter_frame(frame.depth, frame.function.as_deref().unwrap_or(""), line);
        }
        ctrl
    }

    fn exec(&self, frame: &mut Frame, stmt: &Stmt) -> Flow {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.eval(frame, e)?;
            }
            StmtKind::Assign(targets, value) => {
                let value = self.eval(frame, value)?;
                for t in targets {
                    self.assign(frame, t, value.clone())?;
                }
            }
            StmtKind::AugAssign(target, op, value) => {
                let rhs = self.eval(frame, value)?;
                self.aug_assign(frame, target, *op, rhs)?;
            }
            StmtKind::If(test, body, orelse) => {
                if self.eval_cond(frame, test)? {
                    self.exec_block(frame, body)?;
                } else {
                    self.exec_block(frame, orelse)?;
                }
            }
            StmtKind::While(test, body, orelse) => {
                while self.eval_cond(frame, test)? {
                    self.interp.tick()?;
                    if !loop_step(self.exec_block(frame, body))? {
                        return Ok(());
                    }
                }
                self.exec_block(frame, orelse)?;
            }
            StmtKind::For(target, iter, body, orelse) => {
                let iterable = self.eval(frame, iter)?;
                if let (Value::Range(range), Target::Var(Var::Local(i), _)) = (&iterable, target) {
                    let cursor = RangeCursor::new(range);
                    return self.for_range(frame, cursor, *i as usize, (body, orelse));
                }
                let mut it = ops::iterate(&iterable)?;
                while let Some(item) = it.next_value()? {
                    self.interp.tick()?;
                    match target {
                        Target::Var(Var::Local(i), _) => frame.locals[*i as usize] = Some(item),
                        other => self.assign(frame, other, item)?,
                    }
                    if !loop_step(self.exec_block(frame, body))? {
                        return Ok(());
                    }
                }
                self.exec_block(frame, orelse)?;
            }
            StmtKind::Break => return Err(Ctrl::new(Signal::Break)),
            StmtKind::Continue => return Err(Ctrl::new(Signal::Continue)),
            StmtKind::Return(value) => {
                let v = match value {
                    Some(e) => self.eval(frame, e)?,
                    None => Value::None,
                };
                return Err(Ctrl::new(Signal::Return(v)));
            }
            StmtKind::Raise(exc, cause) => {
                let value = exc.as_ref().map(|e| self.eval(frame, e)).transpose()?;
                let cause = cause.as_ref().map(|c| self.eval(frame, c)).transpose()?;
                return Err(caused(raise_value(frame, value), cause));
            }
            StmtKind::Try(t) => return self.exec_try(frame, t),
            StmtKind::Assert(test, msg) => {
                if !self.eval(frame, test)?.truthy() {
                    let args = match msg {
                        Some(m) => vec![self.eval(frame, m)?],
                        None => vec![],
                    };
                    return Err(Exception::with_args(ExcKind::AssertionError, args).into());
                }
            }
            StmtKind::Def(target, def, decorators) => {
                let f = self.decorated(frame, decorators, |ctx, frame| {
                    ctx.make_function(frame, def)
                })?;
                self.assign(frame, target, f)?;
            }
            StmtKind::Class(target, def, decorators) => {
                let class =
                    self.decorated(frame, decorators, |ctx, frame| ctx.make_class(frame, def))?;
                self.assign(frame, target, class)?;
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(frame, t)?;
                }
            }
            StmtKind::With(items, body) => return self.exec_with(frame, items, body),
            StmtKind::AsyncWith(..) => unreachable!("`async with` runs on the suspendable path"),
            StmtKind::AsyncFor(..) => unreachable!("`async for` runs on the suspendable path"),
            StmtKind::Pass => {}
        }
        Ok(())
    }

    pub fn aug_assign(&self, frame: &mut Frame, target: &Target, op: BinOp, rhs: Value) -> Flow {
        match target {
            Target::Var(var, name) => {
                if let (Var::Local(i), BinOp::Add, Value::Int(r)) = (var, op, &rhs) {
                    if let Some(Value::Int(l)) = &mut frame.locals[*i as usize] {
                        if let Some(sum) = l.checked_add(*r) {
                            *l = sum;
                            return Ok(());
                        }
                    }
                }
                let current = self.load(frame, *var, name)?;
                let updated = ops::in_place(op, &current, &rhs)?;
                self.store_var(frame, *var, Some(updated));
                Ok(())
            }
            Target::Subscript(obj, key) => {
                if let Some((container, key)) = peek_subscript(frame, obj, key) {
                    if let Some(done) = ops::aug_list_number(op, container, &key, &rhs) {
                        return done;
                    }
                    let current = ops::get_item(container, &key)?;
                    return ops::set_item(container, &key, ops::in_place(op, &current, &rhs)?);
                }
                let obj = self.eval(frame, obj)?;
                let key = self.subscript(frame, key)?;
                let current = key.get(&obj)?;
                key.set(&obj, ops::in_place(op, &current, &rhs)?)
            }
            Target::Attr(obj, name) => {
                let obj = self.eval(frame, obj)?;
                let current = builtins::get_attr(&obj, name)?;
                introspect::set_attr(&obj, name, ops::in_place(op, &current, &rhs)?)
            }
            other => self.assign(frame, other, rhs),
        }
    }

    fn exec_with(&self, frame: &mut Frame, items: &[WithItem], body: &[Stmt]) -> Flow {
        let Some((item, rest)) = items.split_first() else {
            return self.exec_block(frame, body);
        };
        let manager = self.eval(frame, &item.manager)?;
        let guard = self.enter(frame, item, &manager)?;
        let result = self.exec_with(frame, rest, body);
        self.exit(frame.depth, item, guard, result)
    }

    /// `with` entry: calls the manager's `__enter__` and binds the `as` target.
    pub fn enter(&self, frame: &mut Frame, item: &WithItem, manager: &Value) -> Eval<Manager> {
        let (entered, guard) = match manager {
            Value::Object(obj) => {
                let cx = CallCx {
                    ctx: self,
                    depth: frame.depth,
                    site: &item.site,
                };
                (obj.enter(&cx, manager)?, Manager::Native((**obj).clone()))
            }
            v if special::method(v, "__exit__").is_some() => {
                match special::call_method(v, "__enter__", Vec::new()) {
                    Some(entered) => (entered?, Manager::Object(v.clone())),
                    None => return Err(not_a_context_manager(v)),
                }
            }
            other => return Err(not_a_context_manager(other)),
        };
        if let Some(target) = &item.target {
            if let Err(e) = self.assign(frame, target, entered) {
                // The target failed before the body began: the manager still exits, and the
                // target's error is what the statement raises.
                self.exit(frame.depth, item, guard, Ok(()))?;
                return Err(e);
            }
        }
        Ok(guard)
    }

    /// `with` exit: runs whatever the body did. A native manager's error loses to the body's;
    /// a class's `__exit__` is told of the body's exception and may suppress it.
    pub fn exit(&self, depth: u32, item: &WithItem, guard: Manager, result: Flow) -> Flow {
        match guard {
            Manager::Native(obj) => {
                let cx = CallCx {
                    ctx: self,
                    depth,
                    site: &item.site,
                };
                let exited = obj.exit(&cx);
                result.and(exited)
            }
            Manager::Object(manager) => {
                let suppress = match special::call_method(&manager, "__exit__", exit_args(&result))
                {
                    Some(returned) => special::truth(&returned?)?,
                    None => false,
                };
                suppressed(result, suppress)
            }
        }
    }

    fn exec_try(&self, frame: &mut Frame, t: &Try) -> Flow {
        let mut outcome = self.exec_block(frame, &t.body);
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
                    star.handled(self.run_handler(frame, h, matched))?;
                }
                outcome = star.finish();
            } else if let Some(handler) = self.find_handler(frame, &t.handlers, &exc)? {
                outcome = self.run_handler(frame, handler, exc);
            }
        } else if outcome.is_ok() {
            outcome = self.exec_block(frame, &t.orelse);
        }
        if t.finally.is_empty() {
            return outcome;
        }
        self.exec_block(frame, &t.finally)?;
        outcome
    }

    pub fn find_handler<'h>(
        &self,
        frame: &Frame,
        handlers: &'h [Handler],
        exc: &Exception,
    ) -> Eval<Option<&'h Handler>> {
        for h in handlers {
            let Some(types) = &h.types else {
                return Ok(Some(h));
            };
            if exception_matches(exc, &self.eval_pure(frame, types)?)? {
                return Ok(Some(h));
            }
        }
        Ok(None)
    }

    /// Evaluates an expression that cannot assign (exception types in `except` clauses).
    pub fn eval_pure(&self, frame: &Frame, e: &Expr) -> Eval {
        match &e.kind {
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Name(var, name) => self.load(frame, *var, name),
            ExprKind::Attr(obj, name) => builtins::get_attr(&self.eval_pure(frame, obj)?, name),
            ExprKind::Tuple(elts) => Ok(Value::tuple(
                elts.iter()
                    .map(|x| self.eval_pure(frame, &x.expr))
                    .collect::<Eval<_>>()?,
            )),
            _ => Err(Ctrl::raise(
                ExcKind::TypeError,
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    fn run_handler(&self, frame: &mut Frame, h: &Handler, exc: Arc<Exception>) -> Flow {
        if let Some(name) = &h.name {
            self.assign(frame, name, Value::Exception(exc.clone()))?;
        }
        frame.handling.push(exc.clone());
        let result = chained(self.exec_block(frame, &h.body), &exc);
        frame.handling.pop();
        if let Some(Target::Var(var, _)) = &h.name {
            self.store_var(frame, *var, None);
        }
        result
    }

    /// Evaluates the decorators top first, then the `def` or `class` (`make`), then applies
    /// the decorators bottom up.
    fn decorated(
        &self,
        frame: &mut Frame,
        decorators: &[Call],
        make: impl FnOnce(&Ctx, &mut Frame) -> Eval,
    ) -> Eval {
        let applied = decorators
            .iter()
            .map(|d| Ok((self.eval(frame, &d.func)?, d)))
            .collect::<Eval<Vec<_>>>()?;
        let mut f = make(self, frame)?;
        for (decorator, site) in applied.iter().rev() {
            f = self
                .call_value(frame.depth, decorator, Args::positional(vec![f]), site)
                .map_err(|ctrl| self.annotate(frame, site.line, ctrl))?;
        }
        Ok(f)
    }

    /// Runs a class body and makes the class from the names it bound.
    fn make_class(&self, frame: &mut Frame, def: &ClassDef) -> Eval {
        let bases = def
            .bases
            .iter()
            .map(|b| self.eval(frame, b))
            .collect::<Eval<Vec<_>>>()?;
        let Value::Func(body) = self.function_value(frame, &def.body, Vec::new()) else {
            unreachable!("function_value makes a function")
        };
        let mut namespace = body.bind(Args::default())?;
        namespace.function = Some(def.body.name.clone());
        namespace.depth = frame.depth + 1;
        self.interp.check_depth(namespace.depth)?;
        returned(self.exec_block(&mut namespace, &def.body.body))?;
        let mut attrs = Attrs::new();
        if let Some(doc) = &def.body.doc {
            attrs.insert(Arc::from("__doc__"), Value::Str(Text::from(doc)));
        }
        for (name, var) in &def.namespace {
            if let Ok(v) = self.load(&namespace, *var, name) {
                attrs.insert(name.clone(), v);
            }
        }
        let class = Value::Class(Arc::new(Class::new(
            &def.body.name,
            def.body.qualname.clone(),
            bases,
            attrs,
            def.annotations.clone(),
        )?));
        if let Some(cell) = def.class_cell {
            self.store_var(&mut namespace, cell, Some(class.clone()));
        }
        Ok(class)
    }

    pub fn make_function(&self, frame: &mut Frame, def: &Arc<FuncDef>) -> Eval {
        let defaults = def
            .defaults
            .iter()
            .map(|d| self.eval(frame, d))
            .collect::<Eval<_>>()?;
        Ok(self.function_value(frame, def, defaults))
    }

    pub fn function_value(&self, frame: &Frame, def: &Arc<FuncDef>, defaults: Vec<Value>) -> Value {
        let closure = def
            .free
            .iter()
            .map(|v| match v {
                Var::Cell(i) => frame.cells[*i as usize].clone(),
                _ => unreachable!("free variables always live in cells"),
            })
            .collect();
        Value::Func(Arc::new(Function {
            def: def.clone(),
            defaults,
            closure,
            wraps: None,
        }))
    }

    // ---- expressions -------------------------------------------------------------------------

    /// Evaluates a condition (`if`, `while`): comparisons of two numbers never build a `bool`
    /// value, which keeps CPU-bound loops fast.
    #[inline]
    pub fn eval_cond(&self, frame: &mut Frame, e: &Expr) -> Eval<bool> {
        if let ExprKind::Compare(first, rest) = &e.kind {
            if let [(op, right)] = rest.as_slice() {
                if let Some(r) = peek(frame, right) {
                    if let Some(l) = peek(frame, first) {
                        return ops::compare(*op, l, r);
                    }
                }
                if let (Some(l), Some(r)) = (int_eval(frame, first), int_eval(frame, right)) {
                    if let Some(result) = ops::compare_ints(*op, l, r) {
                        return Ok(result);
                    }
                }
                let left = self.eval(frame, first)?;
                let right = self.eval(frame, right)?;
                return ops::compare(*op, &left, &right);
            }
        }
        special::truth(&self.eval(frame, e)?)
    }

    /// Evaluates an expression. Only the shapes that dominate CPU-bound loops are handled here,
    /// so this function stays small; everything else lives in [`Ctx::eval_other`].
    pub fn eval(&self, frame: &mut Frame, e: &Expr) -> Eval {
        match &e.kind {
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Name(Var::Local(i), name) => match &frame.locals[*i as usize] {
                Some(v) => Ok(v.clone()),
                None => self.load(frame, Var::Local(*i), name),
            },
            ExprKind::Binary(a, op, b) => {
                if let (Some(x), Some(y)) = (peek(frame, a), peek(frame, b)) {
                    return ops::binary(*op, x, y);
                }
                if let Some(v) = int_eval(frame, e) {
                    return Ok(Value::Int(v));
                }
                let a = self.eval(frame, a)?;
                let b = self.eval(frame, b)?;
                ops::binary(*op, &a, &b)
            }
            ExprKind::Compare(_, rest) if rest.len() == 1 => {
                Ok(Value::Bool(self.eval_cond(frame, e)?))
            }
            _ => self.eval_other(frame, e),
        }
    }

    #[inline(never)]
    fn eval_other(&self, frame: &mut Frame, e: &Expr) -> Eval {
        match &e.kind {
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Name(var, name) => self.load(frame, *var, name),
            ExprKind::Binary(a, op, b) => {
                let a = self.eval(frame, a)?;
                let b = self.eval(frame, b)?;
                ops::binary(*op, &a, &b)
            }
            ExprKind::Unary(op, a) => ops::unary(*op, &self.eval(frame, a)?),
            ExprKind::BoolOp(is_and, values) => {
                let mut last = Value::None;
                for v in values {
                    last = self.eval(frame, v)?;
                    if last.truthy() != *is_and {
                        break;
                    }
                }
                Ok(last)
            }
            ExprKind::Compare(first, rest) => {
                let mut left = self.eval(frame, first)?;
                for (op, right) in rest {
                    let right = self.eval(frame, right)?;
                    if !ops::compare(*op, &left, &right)? {
                        return Ok(Value::Bool(false));
                    }
                    left = right;
                }
                Ok(Value::Bool(true))
            }
            ExprKind::IfElse(test, a, b) => {
                if self.eval_cond(frame, test)? {
                    self.eval(frame, a)
                } else {
                    self.eval(frame, b)
                }
            }
            ExprKind::Call(call) => self.eval_call(frame, call),
            ExprKind::Attr(obj, name) => builtins::get_attr(&self.eval(frame, obj)?, name),
            ExprKind::Subscript(obj, key) => {
                if let Some(item) = peek_item(frame, obj, key) {
                    return item;
                }
                let obj = self.eval(frame, obj)?;
                self.subscript(frame, key)?.get(&obj)
            }
            ExprKind::Slice(lo, hi, step) => Ok(Value::tuple(
                self.slice_parts(frame, [lo, hi, step])?.into(),
            )),
            ExprKind::List(elts) => Ok(Value::list(self.eval_elts(frame, elts)?)),
            ExprKind::Set(elts) => set::from_items(self.eval_elts(frame, elts)?),
            ExprKind::Tuple(elts) => Ok(Value::tuple(self.eval_elts(frame, elts)?)),
            ExprKind::Dict(items) => {
                let mut pairs = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        DictItem::Pair(k, v) => {
                            pairs.push((self.eval(frame, k)?, self.eval(frame, v)?));
                        }
                        DictItem::Unpack(m) => {
                            pairs.extend(ops::mapping_items(&self.eval(frame, m)?)?)
                        }
                    }
                }
                builtins::dict_from_pairs(pairs)
            }
            ExprKind::Named(var, _, value) => {
                let value = self.eval(frame, value)?;
                self.store_var(frame, *var, Some(value.clone()));
                Ok(value)
            }
            ExprKind::Comp(c) => self.eval_comprehension(frame, c),
            ExprKind::Lambda(def) => self.make_function(frame, def),
            ExprKind::FString(parts) => {
                let mut out = String::new();
                self.eval_fstring(frame, parts, &mut out)?;
                Ok(Value::str(&out))
            }
            ExprKind::Await(..) | ExprKind::Yield(_) | ExprKind::YieldFrom(_) => {
                unreachable!("await and yield run on the suspendable path")
            }
        }
    }

    /// `for i in range(...)` into a local, the commonest loop, stepped without building an
    /// iterator object or an `Option<Value>` per item.
    fn for_range(
        &self,
        frame: &mut Frame,
        cursor: RangeCursor,
        local: usize,
        (body, orelse): (&[Stmt], &[Stmt]),
    ) -> Flow {
        for n in cursor {
            self.interp.tick()?;
            frame.locals[local] = Some(Value::Int(n));
            if !loop_step(self.exec_block(frame, body))? {
                return Ok(());
            }
        }
        self.exec_block(frame, orelse)
    }

    /// Evaluates what is inside the brackets of `obj[key]`.
    fn subscript(&self, frame: &mut Frame, key: &Expr) -> Eval<ops::Subscript> {
        let ExprKind::Slice(lo, hi, step) = &key.kind else {
            return Ok(ops::Subscript::Item(self.eval(frame, key)?));
        };
        Ok(ops::Subscript::Slice(
            self.slice_parts(frame, [lo, hi, step])?,
        ))
    }

    /// The values of a slice's `lo:hi:step`, `None` where a part is left out.
    fn slice_parts(&self, frame: &mut Frame, parts: [&Option<Box<Expr>>; 3]) -> Eval<[Value; 3]> {
        let mut values = [Value::None, Value::None, Value::None];
        for (value, part) in values.iter_mut().zip(parts) {
            if let Some(e) = part {
                *value = self.eval(frame, e)?;
            }
        }
        Ok(values)
    }

    fn eval_elts(&self, frame: &mut Frame, elts: &[Elt]) -> Eval<Vec<Value>> {
        let mut out = Vec::with_capacity(elts.len());
        for elt in elts {
            let v = self.eval(frame, &elt.expr)?;
            push_elt(&mut out, v, elt.starred)?;
        }
        Ok(out)
    }

    fn eval_fstring(&self, frame: &mut Frame, parts: &[FPart], out: &mut String) -> Flow {
        for part in parts {
            match part {
                FPart::Lit(s) => alloc::push_str(out, s)?,
                FPart::Value {
                    expr,
                    conversion,
                    spec,
                } => {
                    let value = self.eval(frame, expr)?;
                    let mut spec_text = String::new();
                    self.eval_fstring(frame, spec, &mut spec_text)?;
                    alloc::push_str(out, &format_part(&value, *conversion, &spec_text)?)?;
                }
            }
        }
        Ok(())
    }

    fn eval_comprehension(&self, frame: &mut Frame, c: &Comprehension) -> Eval {
        let mut acc = CompAcc::new(&c.kind);
        self.comp_level(frame, c, 0, &mut acc)?;
        acc.finish()
    }

    fn comp_level(
        &self,
        frame: &mut Frame,
        c: &Comprehension,
        level: usize,
        acc: &mut CompAcc,
    ) -> Flow {
        let Some(g) = c.generators.get(level) else {
            let elt = self.eval(frame, &c.elt)?;
            let value = c.value.as_ref().map(|v| self.eval(frame, v)).transpose()?;
            return acc.push(elt, value);
        };
        let iterable = self.eval(frame, &g.iter)?;
        let local = match &g.target {
            Target::Var(Var::Local(slot), _) => Some(*slot as usize),
            _ => None,
        };
        // `for x in range(...)` into a local, the commonest clause, steps without an iterator.
        if let (Value::Range(range), Some(slot)) = (&iterable, local) {
            for n in RangeCursor::new(range) {
                self.interp.tick()?;
                frame.locals[slot] = Some(Value::Int(n));
                self.comp_item(frame, c, level, acc)?;
            }
            return Ok(());
        }
        let mut it = ops::iterate(&iterable)?;
        while let Some(item) = it.next_value()? {
            self.interp.tick()?;
            match local {
                Some(slot) => frame.locals[slot] = Some(item),
                None => self.assign(frame, &g.target, item)?,
            }
            self.comp_item(frame, c, level, acc)?;
        }
        Ok(())
    }

    /// One item of the clause at `level`, its target bound: kept if it passes the clause's
    /// conditions, then taken through the clauses after it.
    fn comp_item(
        &self,
        frame: &mut Frame,
        c: &Comprehension,
        level: usize,
        acc: &mut CompAcc,
    ) -> Flow {
        for cond in &c.generators[level].conditions {
            if !self.eval_cond(frame, cond)? {
                return Ok(());
            }
        }
        self.comp_level(frame, c, level + 1, acc)
    }

    fn eval_call(&self, frame: &mut Frame, call: &Call) -> Eval {
        if let ExprKind::Attr(obj, name) = &call.func.kind {
            let receiver = self.eval(frame, obj)?;
            if let Value::Instance(i) = &receiver {
                if let Some(f) = plain_args(&call.args).and_then(|n| i.plain_method(name, n)) {
                    return self.call_plain(frame, &f, Some(receiver), &call.args);
                }
            }
            let callee = || format!("{}.{name}()", receiver.type_name());
            let args = self.eval_args(frame, &call.args, &callee)?;
            return builtins::call_method(self, frame.depth, &receiver, name, args, call);
        }
        // A module-level function bound once is called through the variable's own reference.
        let frozen = match &call.func.kind {
            ExprKind::Name(Var::Global(i), _) => self.interp.globals[*i as usize].frozen(),
            _ => None,
        };
        let loaded;
        let func = match frozen {
            Some(f) => f,
            None => {
                loaded = self.eval(frame, &call.func)?;
                &loaded
            }
        };
        if let Some(n) = plain_args(&call.args) {
            match func {
                Value::Func(f) if f.plain_arity() == Some(n) => {
                    return self.call_plain(frame, f, None, &call.args);
                }
                Value::Class(c) => {
                    if let Some(init) = c.plain_init(n) {
                        let me = c.new_instance();
                        class::init_returned(self.call_plain(
                            frame,
                            &init,
                            Some(me.clone()),
                            &call.args,
                        )?)?;
                        return Ok(me);
                    }
                }
                _ => {}
            }
        }
        let args = self.eval_args(frame, &call.args, &|| callee_str(func))?;
        self.call_value(frame.depth, func, args, call)
    }

    /// The commonest call: of a plain function, with one positional argument per parameter
    /// (after the receiver, for a method). The arguments are evaluated straight into the
    /// callee's local slots.
    fn call_plain(
        &self,
        frame: &mut Frame,
        f: &Arc<Function>,
        receiver: Option<Value>,
        args: &[Arg],
    ) -> Eval {
        let mut locals = Locals::with_capacity(f.def.n_locals as usize);
        locals.extend(receiver.map(Some));
        for a in args {
            let Arg::Pos(e) = a else {
                unreachable!("call_plain takes positional arguments only")
            };
            locals.push(Some(self.eval(frame, e)?));
        }
        locals.resize(f.def.n_locals as usize, None);
        let mut callee = f.frame_with(locals);
        callee.depth = frame.depth + 1;
        self.interp.check_depth(callee.depth)?;
        self.run_body(&mut callee, f)
    }

    /// The arguments of a call to `callee` (named in errors only).
    fn eval_args(
        &self,
        frame: &mut Frame,
        args: &[Arg],
        callee: &dyn Fn() -> String,
    ) -> Eval<Args> {
        // One spare slot: a method or class called with these arguments puts its receiver
        // first without moving them to a bigger allocation.
        let mut out = Args {
            pos: Vec::with_capacity(args.len() + 1),
            kw: Vec::new(),
        };
        for a in args {
            match a {
                Arg::Pos(e) => out.pos.push(self.eval(frame, e)?),
                Arg::Star(e) => out.pos.extend(ops::to_vec(&self.eval(frame, e)?)?),
                Arg::Kw(name, e) => out.keyword(name.clone(), self.eval(frame, e)?, callee)?,
                Arg::Unpack(e) => out.spread(&self.eval(frame, e)?, callee)?,
            }
        }
        Ok(out)
    }

    /// Calls any callable value synchronously. Calling an `async def` creates a coroutine.
    pub fn call_value(&self, depth: u32, func: &Value, args: Args, site: &Call) -> Eval {
        match func {
            Value::Func(f) => self.call_function(depth, f, args, site),
            Value::Builtin(b) => builtins::call(self, depth, *b, args, site),
            Value::Native(f) => (f.call)(
                &CallCx {
                    ctx: self,
                    depth,
                    site,
                },
                args,
            ),
            Value::Object(o) => o.call(
                &CallCx {
                    ctx: self,
                    depth,
                    site,
                },
                func,
                args,
            ),
            Value::Method(m) => match &m.function {
                Some(f) => {
                    let mut args = args;
                    args.pos.insert(0, m.receiver.clone());
                    self.call_value(depth, f, args, site)
                }
                None => builtins::call_method(self, depth, &m.receiver, &m.name, args, site),
            },
            Value::Class(class) => class::instantiate(
                &CallCx {
                    ctx: self,
                    depth,
                    site,
                },
                class,
                args,
            ),
            Value::Instance(_) => match special::method(func, "__call__") {
                Some(call) => {
                    let mut args = args;
                    args.pos.insert(0, func.clone());
                    self.call_value(depth, &call, args, site)
                }
                None => Err(Ctrl::raise(
                    ExcKind::TypeError,
                    format!("'{}' object is not callable", func.type_name()),
                )),
            },
            Value::ExcType(kind) => {
                args.no_more_kw(kind.name())?;
                if matches!(kind, ExcKind::ExceptionGroup | ExcKind::BaseExceptionGroup) {
                    return exception_group::new(*kind, args.pos);
                }
                Ok(Value::Exception(Arc::new(Exception::with_args(
                    *kind, args.pos,
                ))))
            }
            other => Err(Ctrl::raise(
                ExcKind::TypeError,
                format!("'{}' object is not callable", other.type_name()),
            )),
        }
    }

    fn call_function(&self, depth: u32, f: &Arc<Function>, args: Args, site: &Call) -> Eval {
        let args_repr = if f.def.is_async {
            short_args(&args)
        } else {
            String::new()
        };
        let mut frame = f.bind(args)?;
        frame.depth = depth + 1;
        self.interp.check_depth(frame.depth)?;
        if f.def.is_generator || f.def.is_async {
            frame.function = Some(f.def.name.clone());
        }
        if f.def.is_generator {
            let generator = Arc::new(Generator::new(self, f.clone(), frame));
            return Ok(if f.def.is_async {
                object(AsyncGeneratorObj(generator))
            } else {
                object(GeneratorObj(generator))
            });
        }
        if f.def.is_async {
            return Ok(Value::Coro(Arc::new(Coroutine::python(
                f.clone(),
                frame,
                &args_repr,
                site.line,
            ))));
        }
        self.run_body(&mut frame, f)
    }

    /// Runs the body of `f`, called synchronously, in `frame`.
    fn run_body(&self, frame: &mut Frame, f: &Function) -> Eval {
        let outer = special::enter_depth(frame.depth);
        let result = self.exec_body(frame, &f.def.body);
        special::leave_depth(outer);
        result.inspect_err(|ctrl| {
            if let Some(e) = ctrl.exception() {
                e.name_frame(frame.depth, &f.def.name);
            }
        })
    }

    /// Runs a function body to its value. A `return` in the body itself or in the branches of
    /// its `if` statements, the common cases, gives its value in place instead of travelling
    /// out as a boxed signal.
    fn exec_body(&self, frame: &mut Frame, body: &[Stmt]) -> Eval {
        match self.exec_returning(frame, body) {
            Ok(value) => Ok(value.unwrap_or(Value::None)),
            Err(ctrl) => returned(Err(ctrl)),
        }
    }

    /// Runs `body` up to a `return` it or one of its `if` branches holds: that return's value,
    /// or `None` when the block ran to its end.
    fn exec_returning(&self, frame: &mut Frame, body: &[Stmt]) -> Eval<Option<Value>> {
        for stmt in body {
            let found = match &stmt.kind {
                StmtKind::Return(value) => match value {
                    Some(e) => self.eval(frame, e).map(Some),
                    None => Ok(Some(Value::None)),
                },
                StmtKind::If(test, then, orelse) => match self.eval_cond(frame, test) {
                    Ok(true) => self.exec_returning(frame, then),
                    Ok(false) => self.exec_returning(frame, orelse),
                    Err(ctrl) => Err(ctrl),
                },
                _ => self.exec(frame, stmt).map(|()| None),
            };
            match found {
                Ok(None) => {}
                Ok(Some(value)) => return Ok(Some(value)),
                // Within an `if`, the statement that failed has named its own line already,
                // and a frame names only its first.
                Err(ctrl) => return Err(self.annotate(frame, stmt.line, ctrl)),
            }
        }
        Ok(None)
    }
}

/// A module variable read while unbound: the builtin of that name, which the variable was
/// shadowing (`ValueError = 3; del ValueError`), or CPython's `NameError`.
fn builtin_fallback(name: &str) -> Eval {
    if let Some(b) = Builtin::by_name(name) {
        return Ok(Value::Builtin(b));
    }
    builtins::constant(name)
        .ok_or_else(|| Ctrl::raise(ExcKind::NameError, format!("name '{name}' is not defined")))
}

fn unbound_local(name: &str) -> Ctrl {
    Ctrl::raise(
        ExcKind::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

/// Integer arithmetic on locals and constants (`(total + step * step) % 1_000_003`) computed
/// without building intermediate values. `None` as soon as any part is not a plain integer or
/// an operation could fail; the caller then evaluates the expression the general way, which is
/// safe because this reads variables and never changes anything.
fn int_eval(frame: &Frame, e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Binary(a, op, b) => ops::int_fast(*op, int_eval(frame, a)?, int_eval(frame, b)?),
        _ => match peek(frame, e)? {
            Value::Int(i) => Some(*i),
            _ => None,
        },
    }
}

/// A constant or a bound local, by reference: lets hot operators skip a clone and a call.
#[inline]
fn peek<'a>(frame: &'a Frame, e: &'a Expr) -> Option<&'a Value> {
    match &e.kind {
        ExprKind::Const(v) => Some(v),
        ExprKind::Name(Var::Local(i), _) => frame.locals[*i as usize].as_ref(),
        _ => None,
    }
}

/// `obj[key]` for a container that is a local or a constant and a key computed without side
/// effects (a constant, a local, integer arithmetic on them): the container is read in place
/// instead of being cloned. `None` when the subscription is not of that shape.
#[inline]
fn peek_subscript<'a>(frame: &'a Frame, obj: &'a Expr, key: &Expr) -> Option<(&'a Value, Value)> {
    if matches!(key.kind, ExprKind::Slice(..)) {
        return None;
    }
    let container = peek(frame, obj)?;
    let key = match int_eval(frame, key) {
        Some(i) => Value::Int(i),
        None => peek(frame, key)?.clone(),
    };
    Some((container, key))
}

/// [`peek_subscript`]'s item, read.
#[inline]
fn peek_item(frame: &Frame, obj: &Expr, key: &Expr) -> Option<Eval> {
    let (container, key) = peek_subscript(frame, obj, key)?;
    Some(ops::get_item(container, &key))
}

/// The arguments of a coroutine call as its label shows them: `fetch(2, 'a')`.
fn short_args(args: &Args) -> String {
    let mut parts: Vec<String> = args.pos.iter().map(Value::repr).collect();
    parts.extend(args.kw.iter().map(|(k, v)| format!("{k}={}", v.repr())));
    let joined = parts.join(", ");
    if joined.chars().count() > 40 {
        let cut: String = joined.chars().take(37).collect();
        format!("{cut}...")
    } else {
        joined
    }
}

/// Formats one f-string replacement field.
pub fn format_part(value: &Value, conversion: Option<char>, spec: &str) -> Eval<String> {
    let converted = match conversion {
        Some('r') | Some('a') => Value::Str(alloc::shared_str(value.try_repr()?)?),
        Some('s') => Value::Str(alloc::shared_str(value.try_str()?)?),
        _ => value.clone(),
    };
    format_value(&converted, spec)
}

pub fn push_elt(out: &mut Vec<Value>, v: Value, starred: bool) -> Flow {
    if starred {
        out.extend(ops::to_vec(&v)?);
    } else {
        out.push(v);
    }
    Ok(())
}

/// How many arguments a call passes, if it passes them all by position, one expression each.
fn plain_args(args: &[Arg]) -> Option<usize> {
    args.iter()
        .all(|a| matches!(a, Arg::Pos(_)))
        .then_some(args.len())
}

/// The exception a `raise` statement raises: a class is instantiated, a bare `raise`
/// re-raises the exception being handled.
pub fn raise_value(frame: &Frame, value: Option<Value>) -> Ctrl {
    match value {
        Some(value) => exception_of(value),
        None => match frame.handling.last() {
            Some(e) => Ctrl::exc(e.clone()),
            None => Ctrl::raise(ExcKind::RuntimeError, "No active exception to reraise"),
        },
    }
}

/// `raise ... from cause`: the exception's `__cause__` is the cause (`None` too) and its
/// context is no longer shown.
pub fn caused(raised: Ctrl, cause: Option<Value>) -> Ctrl {
    let (Some(cause), Some(e)) = (cause, raised.exception()) else {
        return raised;
    };
    let cause = match cause {
        Value::None => Value::None,
        other => match exception_of(other).exception() {
            Some(c) => Value::Exception(c.clone()),
            None => {
                return Ctrl::raise(
                    ExcKind::TypeError,
                    "exception causes must derive from BaseException",
                )
            }
        },
    };
    e.set_attr("__cause__", cause);
    e.set_attr("__suppress_context__", Value::Bool(true));
    raised
}

/// An exception that escapes an `except` block has the one being handled as its
/// `__context__`, as CPython records it.
pub fn chained(outcome: Flow, handled: &Arc<Exception>) -> Flow {
    if let Some(e) = outcome.as_ref().err().and_then(Ctrl::exception) {
        if !Arc::ptr_eq(e, handled) && e.attrs.lock().get("__context__").is_none() {
            e.set_attr("__context__", Value::Exception(handled.clone()));
        }
    }
    outcome
}

/// What raising `value` raises: an exception, or a new instance of an exception class.
pub fn exception_of(value: Value) -> Ctrl {
    match value {
        Value::Exception(e) => Ctrl::exc(e),
        Value::ExcType(kind) => Ctrl::exc(Arc::new(Exception::with_args(kind, vec![]))),
        Value::Class(class) if class.exception.is_some() => {
            match special::call(&Value::Class(class), Vec::new()) {
                Ok(Value::Exception(e)) => Ctrl::exc(e),
                Ok(_) => Ctrl::raise(
                    ExcKind::TypeError,
                    "exceptions must derive from BaseException",
                ),
                Err(ctrl) => ctrl,
            }
        }
        _ => Ctrl::raise(
            ExcKind::TypeError,
            "exceptions must derive from BaseException",
        ),
    }
}

/// Whether `exc` is caught by an `except` clause naming `types`.
pub fn exception_matches(exc: &Exception, types: &Value) -> Eval<bool> {
    match types {
        Value::ExcType(kind) => Ok(exc.kind.is_subclass_of(*kind)),
        Value::Class(class) if class.exception.is_some() => Ok(exc.is_instance_of(class)),
        Value::Tuple(kinds) => {
            for k in kinds.iter() {
                if exception_matches(exc, k)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(Ctrl::raise(
            ExcKind::TypeError,
            "catching classes that do not inherit from BaseException is not allowed",
        )),
    }
}

/// What `__exit__` (or `__aexit__`) is told of how the block ended: the exception's type,
/// the exception and its traceback (`None`), or three `None`s.
pub fn exit_args(result: &Flow) -> Vec<Value> {
    match result.as_ref().err().and_then(Ctrl::exception) {
        Some(e) => {
            let exc = Value::Exception(e.clone());
            vec![builtins::type_of(&exc), exc, Value::None]
        }
        None => vec![Value::None, Value::None, Value::None],
    }
}

/// How a `with` block ends once its manager has exited: an exception the manager asked to
/// suppress is dropped; anything else (a `return`, a `break`) goes on.
pub fn suppressed(result: Flow, suppress: bool) -> Flow {
    match &result {
        Err(ctrl) if suppress && ctrl.exception().is_some() => Ok(()),
        _ => result,
    }
}

/// The context manager of a running `with` block.
pub enum Manager {
    /// A library object (a lock, a pool).
    Native(Arc<dyn PyObject>),
    /// An object whose class defines `__enter__` and `__exit__`.
    Object(Value),
}

/// Collects the results of a comprehension.
pub enum CompAcc {
    List(Vec<Value>),
    /// A generator expression's items.
    Generator(Vec<Value>),
    Set(Vec<Value>),
    Dict(Vec<(Value, Value)>),
}

impl CompAcc {
    pub fn new(kind: &CompKind) -> CompAcc {
        match kind {
            CompKind::Dict => CompAcc::Dict(Vec::new()),
            CompKind::List => CompAcc::List(Vec::new()),
            CompKind::Generator => CompAcc::Generator(Vec::new()),
            CompKind::Set => CompAcc::Set(Vec::new()),
        }
    }

    pub fn push(&mut self, elt: Value, value: Option<Value>) -> Flow {
        match self {
            CompAcc::List(items) | CompAcc::Set(items) | CompAcc::Generator(items) => {
                alloc::push(items, elt)?
            }
            CompAcc::Dict(pairs) => alloc::push(pairs, (elt, value.unwrap_or(Value::None)))?,
        }
        Ok(())
    }

    /// A generator expression's items are computed at once, then handed out by an iterator
    /// (`next()` steps it; once used up it stays empty), as the generator would hand them out.
    pub fn finish(self) -> Eval {
        match self {
            CompAcc::List(items) => Ok(Value::list(items)),
            CompAcc::Generator(items) => ops::make_iter(IterState::Items {
                items: Arc::new(items.into()),
                pos: 0,
            }),
            CompAcc::Set(items) => set::from_items(items),
            CompAcc::Dict(pairs) => builtins::dict_from_pairs(pairs),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::testing::{outcome, traceback};

    #[test]
    fn returns_from_if_branches_give_their_values() {
        let program = "\
def sign(x):
    if x < 0:
        return -1
    elif x == 0:
        return
    print('positive')
    return 1
print(sign(-5), sign(0), sign(5))
";
        assert_eq!(outcome(program), "positive\n-1 None 1\n");
    }

    #[test]
    fn errors_in_if_statements_name_the_line_that_failed() {
        let in_branch = "def f(x):\n    if x:\n        y = 1 / 0\n    return y\nf(1)\n";
        assert_eq!(traceback(in_branch), ["<module>:5", "f:3"]);
        let in_test = "def f(x):\n    y = 0\n    if x / y:\n        return 1\nf(1)\n";
        assert_eq!(traceback(in_test), ["<module>:5", "f:3"]);
        let in_return = "def f(x):\n    if x:\n        return x / 0\nf(1)\n";
        assert_eq!(traceback(in_return), ["<module>:4", "f:3"]);
    }

    #[test]
    fn tracebacks_name_every_kind_of_frame() {
        let program = "\
def plain(n):
    return keyword(n=n)
def keyword(n):
    return list(gen(n))
def gen(n):
    class Body:
        value = method(n)
    yield Body
def method(n):
    return Checker().check(n)
class Checker:
    def check(self, n):
        return 1 // n
plain(0)
";
        assert_eq!(
            traceback(program),
            [
                "<module>:14",
                "plain:2",
                "keyword:4",
                "gen:6",
                "Body:7",
                "method:10",
                "check:13"
            ]
        );
    }
}
