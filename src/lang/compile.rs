//! Compiles ruff's Python AST into the evaluator's IR: checks the supported subset (naming the
//! construct and line of anything outside it) and resolves every name to a slot.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use indexmap::IndexSet;
use ruff_python_ast::{self as ast, Expr as AExpr, Stmt as AStmt};
use ruff_text_size::{Ranged, TextRange};

use super::builtins::{self, Builtin};
use super::ir::*;
use super::nesting::MAX_DEPTH;
use super::value::{Module, ModuleDef, Value};
use super::SyntaxError;

/// Maps byte offsets to 1-based lines and columns.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(source: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    /// `(line, column)`, both 1-based.
    pub fn locate(&self, offset: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|s| *s <= offset);
        let column = offset - self.starts[line - 1] + 1;
        (line as u32, column as u32)
    }
}

/// Names bound and used directly in one function (or module) body.
#[derive(Default)]
struct ScopeInfo {
    assigned: IndexSet<String>,
    globals: HashSet<String>,
    used: HashSet<String>,
    /// Names free in nested functions (they may refer to this scope's variables).
    nested_free: HashSet<String>,
    /// Names bound by `def`, `class` or `import`: what another process may look up by name.
    defined: HashSet<String>,
    /// Names declared `nonlocal`, with where: they live in an enclosing function's cells.
    nonlocals: HashMap<String, TextRange>,
}

impl ScopeInfo {
    fn free(&self) -> HashSet<String> {
        self.used
            .iter()
            .chain(self.nested_free.iter())
            .filter(|n| !self.assigned.contains(*n) && !self.globals.contains(*n))
            .chain(self.nonlocals.keys())
            .cloned()
            .collect()
    }
}

/// A function's parameters, as its definition gives them.
#[derive(Default)]
struct Signature {
    params: Vec<Param>,
    varargs: Option<Var>,
    kwargs: Option<Var>,
    defaults: Vec<Expr>,
}

impl FnScope {
    /// The function this scope's compiled `body` makes, with its slots and cells.
    fn into_def(
        self,
        name: &str,
        line: u32,
        signature: Signature,
        body: Vec<Stmt>,
        doc: Option<Arc<str>>,
    ) -> FuncDef {
        let Signature {
            params,
            varargs,
            kwargs,
            defaults,
        } = signature;
        let positional_only_slots = varargs.is_none()
            && kwargs.is_none()
            && params
                .iter()
                .enumerate()
                .all(|(i, p)| !p.kw_only && p.var == Var::Local(i as u32));
        FuncDef {
            name: Arc::from(name),
            qualname: self.qualname,
            line,
            is_async: self.is_async,
            is_generator: self.is_generator,
            is_genexpr: self.is_genexpr,
            positional_only_slots,
            params,
            varargs,
            kwargs,
            defaults,
            n_locals: self.n_locals,
            n_own_cells: self.n_own_cells,
            free: self.free,
            body,
            doc,
        }
    }

    fn empty(qualname: Arc<str>, is_async: bool) -> FnScope {
        FnScope {
            qualname,
            locals: HashMap::new(),
            n_locals: 0,
            n_own_cells: 0,
            free: Vec::new(),
            is_async,
            method_view: None,
            first_param: None,
            is_generator: false,
            is_genexpr: false,
        }
    }
}

impl ScopeInfo {
    /// The names a class body leaves to its enclosing scope: those it reads without binding
    /// them, and those its methods use (a class's own names are not variables to its methods).
    fn class_free(&self) -> HashSet<String> {
        self.used
            .iter()
            .filter(|n| !self.assigned.contains(*n))
            .chain(self.nested_free.iter())
            .filter(|n| !self.globals.contains(*n) && n.as_str() != CLASS_CELL)
            .cloned()
            .collect()
    }
}

/// One function being compiled.
struct FnScope {
    /// The function's dotted path (`outer.<locals>.inner`).
    qualname: Arc<str>,
    locals: HashMap<String, Var>,
    n_locals: u32,
    n_own_cells: u32,
    free: Vec<Var>,
    is_async: bool,
    /// For a class body: the cells the functions defined in it can see. Names the class body
    /// binds are its attributes, which methods do not see as variables.
    method_view: Option<HashMap<String, Var>>,
    /// The first parameter, which a bare `super()` passes on.
    first_param: Option<String>,
    /// A `yield` was met in the body: the function is a generator.
    is_generator: bool,
    /// The function is a generator expression's (its body is its clauses, see `genexpr_body`).
    is_genexpr: bool,
}

pub struct Compiler<'s> {
    source: &'s str,
    /// What `import` may name.
    modules: &'static [ModuleDef],
    lines: Lines,
    /// Module-level names and names declared `global` anywhere, in slot order.
    globals: IndexSet<String>,
    scopes: Vec<FnScope>,
    /// How deep in the syntax tree compiling is.
    depth: usize,
    /// What each module-level name is bound to, where only imports bind it.
    global_bindings: HashMap<String, Binding>,
    /// `module.name` reads, checked once every binding is known.
    module_reads: Vec<ModuleRead>,
    /// How many comprehensions enclose the expression being compiled.
    comprehensions: usize,
    /// The variables of the comprehensions being compiled, innermost last: each has a slot of
    /// its own in the enclosing frame, as CPython gives a comprehension a scope of its own.
    comp_vars: Vec<(String, Var)>,
    /// How many slots the module frame needs for module-level comprehensions and variables.
    module_locals: u32,
    /// Module variables no function, class body or other process can see: slots of the
    /// module frame instead of globals (see [`Compiler::module_slots`]).
    module_vars: HashMap<String, Var>,
}

/// How a module-level name is bound: only by importing one module, or otherwise.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Binding {
    Module(Module),
    Other,
}

/// `root.path[0].path[1]...` read somewhere in the program, where `root` is a global.
struct ModuleRead {
    root: String,
    path: Vec<String>,
    range: TextRange,
}

type CResult<T> = Result<T, SyntaxError>;

impl<'s> Compiler<'s> {
    pub fn new(source: &'s str, modules: &'static [ModuleDef]) -> Compiler<'s> {
        Compiler {
            source,
            modules,
            lines: Lines::new(source),
            globals: IndexSet::new(),
            scopes: Vec::new(),
            depth: 0,
            global_bindings: HashMap::new(),
            module_reads: Vec::new(),
            comprehensions: 0,
            comp_vars: Vec::new(),
            module_locals: 0,
            module_vars: HashMap::new(),
        }
    }

    pub fn compile_module(mut self, body: &[AStmt]) -> CResult<Program> {
        let info = scan_body(body, &[], 0);
        let mut declared = IndexSet::new();
        collect_global_decls(body, &mut declared);
        self.module_slots(&info, &declared);
        self.globals.extend(declared);
        let body = self.block(body)?;
        self.check_module_reads()?;
        let top_level_await = body.iter().any(|s| s.awaits);
        Ok(Program {
            source: Arc::from(self.source),
            globals: self.globals.iter().map(|g| Arc::from(g.as_str())).collect(),
            body,
            top_level_await,
            modules: self.modules,
            module_locals: self.module_locals,
        })
    }

    /// Gives each module variable a global, or a slot of the module frame where nothing but
    /// the module body can reach it: no function, lambda, generator expression or class body
    /// names it, no `global` statement declares it, and it is no function, class or module
    /// (which another process finds by name). A module-level loop then runs on slots as fast
    /// as a function's.
    fn module_slots(&mut self, info: &ScopeInfo, declared: &IndexSet<String>) {
        for name in &info.assigned {
            let private = !info.nested_free.contains(name)
                && !declared.contains(name)
                && !info.defined.contains(name)
                && !name.starts_with("__");
            if private {
                self.module_vars
                    .insert(name.clone(), Var::Local(self.module_locals));
                self.module_locals += 1;
            } else {
                self.globals.insert(name.clone());
            }
        }
    }

    fn line(&self, range: TextRange) -> u32 {
        self.lines.locate(range.start().to_usize()).0
    }

    fn text(&self, range: TextRange) -> Arc<str> {
        Arc::from(&self.source[range.start().to_usize()..range.end().to_usize()])
    }

    fn locate(&self, range: TextRange) -> (u32, u32) {
        self.lines.locate(range.start().to_usize())
    }

    fn unsupported(&self, what: &str, range: TextRange) -> SyntaxError {
        SyntaxError::at(
            "unsupported",
            &format!("{what} is not supported in scenarios yet"),
            self.locate(range),
        )
    }

    fn error(&self, message: String, range: TextRange) -> SyntaxError {
        SyntaxError::at("syntax", &message, self.locate(range))
    }

    /// Compiles one level deeper into the syntax tree (a module's statements are at depth 1).
    /// Beyond [`MAX_DEPTH`] compiling stops with CPython's `RecursionError`; every statement,
    /// expression and target goes through here, so this also bounds the compiler's recursion.
    fn nested<T>(
        &mut self,
        range: TextRange,
        compile: impl FnOnce(&mut Self) -> CResult<T>,
    ) -> CResult<T> {
        if self.depth >= MAX_DEPTH {
            return Err(SyntaxError::too_deep(self.locate(range)));
        }
        self.depth += 1;
        let compiled = compile(self);
        self.depth -= 1;
        compiled
    }

    fn in_async(&self) -> bool {
        self.scopes.last().is_none_or(|s| s.is_async)
    }

    // ---- names -------------------------------------------------------------------------------

    fn resolve(&mut self, name: &str) -> Var {
        if let Some((_, var)) = self.comp_vars.iter().rev().find(|(n, _)| n == name) {
            return *var;
        }
        match self.scopes.last() {
            Some(scope) => {
                if let Some(v) = scope.locals.get(name) {
                    return *v;
                }
            }
            None => {
                if let Some(v) = self.module_vars.get(name) {
                    return *v;
                }
            }
        }
        if let Some(ix) = self.globals.get_index_of(name) {
            return Var::Global(ix as u32);
        }
        if let Some(b) = Builtin::by_name(name) {
            return Var::Builtin(b);
        }
        let (ix, _) = self.globals.insert_full(name.to_string());
        Var::Global(ix as u32)
    }

    fn name_expr(&mut self, name: &str) -> ExprKind {
        let shadowed = self.comp_vars.iter().any(|(n, _)| n == name)
            || self
                .scopes
                .last()
                .is_some_and(|s| s.locals.contains_key(name))
            || self.module_vars.contains_key(name)
            || self.globals.contains(name);
        if !shadowed {
            if let Some(constant) = builtins::constant(name) {
                return ExprKind::Const(constant);
            }
        }
        ExprKind::Name(self.resolve(name), Arc::from(name))
    }

    // ---- statements --------------------------------------------------------------------------

    fn block(&mut self, body: &[AStmt]) -> CResult<Vec<Stmt>> {
        let mut out = Vec::with_capacity(body.len());
        for stmt in body {
            if let Some(s) = self.stmt(stmt)? {
                out.push(s);
            }
        }
        Ok(out)
    }

    fn stmt(&mut self, stmt: &AStmt) -> CResult<Option<Stmt>> {
        self.nested(stmt.range(), |c| c.stmt_at_depth(stmt))
    }

    fn stmt_at_depth(&mut self, stmt: &AStmt) -> CResult<Option<Stmt>> {
        let line = self.line(stmt.range());
        let kind = match stmt {
            AStmt::Expr(s) => StmtKind::Expr(self.expr(&s.value)?),
            AStmt::Assign(s) => {
                let value = self.expr(&s.value)?;
                let targets = s
                    .targets
                    .iter()
                    .map(|t| self.target(t))
                    .collect::<CResult<_>>()?;
                StmtKind::Assign(targets, value)
            }
            AStmt::AnnAssign(s) => match &s.value {
                Some(v) => {
                    let value = self.expr(v)?;
                    StmtKind::Assign(vec![self.target(&s.target)?], value)
                }
                None => StmtKind::Pass,
            },
            AStmt::AugAssign(s) => {
                let value = self.expr(&s.value)?;
                StmtKind::AugAssign(self.target(&s.target)?, bin_op(s.op), value)
            }
            AStmt::If(s) => self.if_stmt(s)?,
            AStmt::While(s) => StmtKind::While(
                self.expr(&s.test)?,
                self.block(&s.body)?,
                self.block(&s.orelse)?,
            ),
            AStmt::For(s) if s.is_async => {
                if !self.in_async() {
                    return Err(self.error("'async for' outside async function".into(), s.range));
                }
                let site = AwaitSite {
                    label: Arc::from(format!("async for … in {}", self.text(s.iter.range()))),
                    line: self.line(s.range),
                };
                StmtKind::AsyncFor(Box::new(AsyncFor {
                    iter: self.expr(&s.iter)?,
                    target: self.target(&s.target)?,
                    body: self.block(&s.body)?,
                    orelse: self.block(&s.orelse)?,
                    site,
                }))
            }
            AStmt::For(s) => {
                let iter = self.expr(&s.iter)?;
                StmtKind::For(
                    self.target(&s.target)?,
                    iter,
                    self.block(&s.body)?,
                    self.block(&s.orelse)?,
                )
            }
            AStmt::Break(_) => StmtKind::Break,
            AStmt::Continue(_) => StmtKind::Continue,
            AStmt::Pass(_) => StmtKind::Pass,
            AStmt::Return(s) => {
                if self.scopes.last().is_none_or(|s| s.method_view.is_some()) {
                    return Err(self.error("'return' outside function".into(), s.range));
                }
                StmtKind::Return(s.value.as_ref().map(|v| self.expr(v)).transpose()?)
            }
            AStmt::Raise(s) => StmtKind::Raise(
                s.exc.as_ref().map(|v| self.expr(v)).transpose()?,
                s.cause.as_ref().map(|v| self.expr(v)).transpose()?,
            ),
            AStmt::Try(s) => self.try_stmt(s)?,
            AStmt::Assert(s) => StmtKind::Assert(
                self.expr(&s.test)?,
                s.msg.as_ref().map(|m| self.expr(m)).transpose()?,
            ),
            AStmt::FunctionDef(s) => {
                let decorators = self.decorators(&s.decorator_list)?;
                let def = self.function(
                    s.name.as_str(),
                    line,
                    s.is_async,
                    &s.parameters,
                    FnBody::Suite(&s.body),
                )?;
                StmtKind::Def(self.store_name(s.name.as_str()), def, decorators)
            }
            AStmt::Delete(s) => StmtKind::Delete(
                s.targets
                    .iter()
                    .map(|t| self.target(t))
                    .collect::<CResult<_>>()?,
            ),
            AStmt::Import(s) => return self.import(s, line),
            AStmt::ImportFrom(s) => return self.import_from(s, line),
            AStmt::Global(_) => {
                if self.scopes.is_empty() {
                    return Ok(None);
                }
                StmtKind::Pass
            }
            AStmt::ClassDef(s) => {
                let decorators = self.decorators(&s.decorator_list)?;
                let def = self.class_def(s, line)?;
                StmtKind::Class(self.store_name(s.name.as_str()), Box::new(def), decorators)
            }
            AStmt::With(s) => {
                if s.is_async && !self.in_async() {
                    return Err(self.error("'async with' outside async function".into(), s.range));
                }
                let mut items = Vec::new();
                for item in &s.items {
                    let manager = self.expr(&item.context_expr)?;
                    let target = item
                        .optional_vars
                        .as_ref()
                        .map(|t| self.target(t))
                        .transpose()?;
                    let range = item.context_expr.range();
                    items.push(WithItem {
                        manager,
                        target,
                        site: Call {
                            func: Expr {
                                kind: ExprKind::Const(Value::None),
                                awaits: false,
                            },
                            args: Vec::new(),
                            line: self.line(range),
                            text: self.text(range),
                        },
                    });
                }
                let body = self.block(&s.body)?;
                if s.is_async {
                    StmtKind::AsyncWith(items, body)
                } else {
                    StmtKind::With(items, body)
                }
            }
            AStmt::Match(s) => return Err(self.unsupported("`match`", s.range)),
            AStmt::Nonlocal(s) => {
                if self.scopes.is_empty() {
                    return Err(self.error(
                        "nonlocal declaration not allowed at module level".into(),
                        s.range,
                    ));
                }
                StmtKind::Pass
            }
            AStmt::TypeAlias(s) => return Err(self.unsupported("`type` aliases", s.range)),
            AStmt::IpyEscapeCommand(s) => return Err(self.error("invalid syntax".into(), s.range)),
        };
        let awaits = stmt_awaits(&kind);
        Ok(Some(Stmt { line, awaits, kind }))
    }

    fn if_stmt(&mut self, s: &ast::StmtIf) -> CResult<StmtKind> {
        let test = self.expr(&s.test)?;
        let body = self.block(&s.body)?;
        let mut orelse = Vec::new();
        for clause in s.elif_else_clauses.iter().rev() {
            let clause_body = self.block(&clause.body)?;
            orelse = match &clause.test {
                None => clause_body,
                Some(t) => {
                    let kind = StmtKind::If(self.expr(t)?, clause_body, orelse);
                    vec![Stmt {
                        line: self.line(clause.range),
                        awaits: stmt_awaits(&kind),
                        kind,
                    }]
                }
            };
        }
        Ok(StmtKind::If(test, body, orelse))
    }

    fn try_stmt(&mut self, s: &ast::StmtTry) -> CResult<StmtKind> {
        let body = self.block(&s.body)?;
        let mut handlers = Vec::new();
        for ast::ExceptHandler::ExceptHandler(h) in &s.handlers {
            handlers.push(Handler {
                types: h.type_.as_ref().map(|t| self.expr(t)).transpose()?,
                name: h.name.as_ref().map(|n| self.store_name(n.as_str())),
                body: self.block(&h.body)?,
            });
        }
        Ok(StmtKind::Try(Box::new(Try {
            star: s.is_star,
            body,
            handlers,
            orelse: self.block(&s.orelse)?,
            finally: self.block(&s.finalbody)?,
        })))
    }

    fn import(&mut self, s: &ast::StmtImport, line: u32) -> CResult<Option<Stmt>> {
        let mut targets = Vec::new();
        for alias in &s.names {
            let module = self.module(alias.name.as_str(), alias.range)?;
            let (bound, value) = match &alias.asname {
                Some(asname) => (asname.as_str(), module),
                None => {
                    let top = import_binding(alias.name.as_str());
                    (top, self.module(top, alias.range)?)
                }
            };
            let var = self.bind(bound, Binding::Module(value));
            targets.push((Target::Var(var, Arc::from(bound)), Value::Module(value)));
        }
        Ok(Some(assign_consts(targets, line)))
    }

    fn import_from(&mut self, s: &ast::StmtImportFrom, line: u32) -> CResult<Option<Stmt>> {
        let Some(name) = &s.module else {
            return Err(self.unsupported("relative imports", s.range));
        };
        let module = self.module(name.as_str(), s.range)?;
        let mut targets = Vec::new();
        for alias in &s.names {
            if alias.name.as_str() == "*" {
                return Err(self.unsupported("`import *`", alias.range));
            }
            let Some(value) = module.attr(alias.name.as_str()) else {
                return Err(self.error(
                    format!(
                        "cannot import name '{}' from '{}'",
                        alias.name.as_str(),
                        module.name()
                    ),
                    alias.range,
                ));
            };
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            targets.push((self.store_name(bound.as_str()), value));
        }
        Ok(Some(assign_consts(targets, line)))
    }

    fn module(&self, name: &str, range: TextRange) -> CResult<Module> {
        Module::find(self.modules, name)
            .ok_or_else(|| self.unsupported(&format!("the module `{name}`"), range))
    }

    // ---- functions ---------------------------------------------------------------------------

    /// `@decorator` lines, top first, each as the call that applies it to what is below.
    fn decorators(&mut self, list: &[ast::Decorator]) -> CResult<Vec<Call>> {
        list.iter()
            .map(|d| {
                let func = self.expr(&d.expression)?;
                if func.awaits {
                    return Err(self.unsupported("`await` in a decorator", d.range));
                }
                Ok(Call {
                    func,
                    args: Vec::new(),
                    line: self.line(d.range),
                    text: self.text(d.expression.range()),
                })
            })
            .collect()
    }

    fn function(
        &mut self,
        name: &str,
        line: u32,
        is_async: bool,
        params: &ast::Parameters,
        body: FnBody,
    ) -> CResult<Arc<FuncDef>> {
        let param_names: Vec<String> = params
            .iter()
            .map(|p| p.name().as_str().to_string())
            .collect();
        let info = match body {
            FnBody::Suite(stmts) => scan_body(stmts, &param_names, self.depth),
            FnBody::Expr(e) => scan_expr_body(e, &param_names, self.depth),
        };
        let defaults: Vec<Expr> = params
            .posonlyargs
            .iter()
            .chain(params.args.iter())
            .chain(params.kwonlyargs.iter())
            .filter_map(|p| p.default.as_deref())
            .map(|d| self.expr(d))
            .collect::<CResult<_>>()?;
        let doc = match body {
            FnBody::Suite(stmts) => docstring(stmts),
            FnBody::Expr(_) => None,
        };
        let qualname = self.qualname(name);
        let mut scope = self.new_scope(&info, qualname, is_async);
        scope.first_param = param_names.first().cloned();
        self.check_nonlocals(&info, &scope)?;
        self.scopes.push(scope);
        let compiled = self.function_parts(params, body);
        let scope = self.scopes.pop().expect("pushed above");
        let (params, varargs, kwargs, body) = compiled?;
        let signature = Signature {
            params,
            varargs,
            kwargs,
            defaults,
        };
        Ok(Arc::new(scope.into_def(name, line, signature, body, doc)))
    }

    #[allow(clippy::type_complexity)]
    fn function_parts(
        &mut self,
        params: &ast::Parameters,
        body: FnBody,
    ) -> CResult<(Vec<Param>, Option<Var>, Option<Var>, Vec<Stmt>)> {
        let mut out = Vec::new();
        let mut default_ix = 0;
        let positional = params.posonlyargs.iter().chain(params.args.iter());
        let kw_only = params.kwonlyargs.iter();
        for (p, kw) in positional
            .map(|p| (p, false))
            .chain(kw_only.map(|p| (p, true)))
        {
            let default = p.default.as_ref().map(|_| {
                default_ix += 1;
                default_ix - 1
            });
            let name = p.name().as_str();
            out.push(Param {
                name: Arc::from(name),
                var: self.resolve(name),
                default,
                kw_only: kw,
            });
        }
        let varargs = params
            .vararg
            .as_ref()
            .map(|p| self.resolve(p.name.as_str()));
        let kwargs = params.kwarg.as_ref().map(|p| self.resolve(p.name.as_str()));
        let body = match body {
            FnBody::Suite(stmts) => self.block(stmts)?,
            FnBody::Expr(e) => {
                let value = self.expr(e)?;
                vec![Stmt {
                    line: self.line(e.range()),
                    awaits: value.awaits,
                    kind: StmtKind::Return(Some(value)),
                }]
            }
        };
        Ok((out, varargs, kwargs, body))
    }

    /// The dotted path of something named `name` defined here: `outer.<locals>.name` in a
    /// function, `Class.name` in a class body.
    fn qualname(&self, name: &str) -> Arc<str> {
        match self.scopes.last() {
            Some(outer) if outer.method_view.is_some() => {
                Arc::from(format!("{}.{name}", outer.qualname))
            }
            Some(outer) => Arc::from(format!("{}.<locals>.{name}", outer.qualname)),
            None => Arc::from(name),
        }
    }

    /// Compiles a `class` statement: its bases, and its body as a function whose variables
    /// become the class's attributes.
    fn class_def(&mut self, s: &ast::StmtClassDef, line: u32) -> CResult<ClassDef> {
        if s.type_params.is_some() {
            return Err(self.unsupported("a generic class", s.range));
        }
        let mut bases = Vec::new();
        if let Some(arguments) = &s.arguments {
            if let Some(k) = arguments.keywords.first() {
                return Err(self.unsupported("a class keyword (such as `metaclass=`)", k.range));
            }
            for b in arguments.args.iter() {
                if let AExpr::Starred(star) = b {
                    return Err(self.unsupported("`*bases` in a class statement", star.range));
                }
                let base = self.expr(b)?;
                if base.awaits {
                    return Err(self.unsupported("`await` in a class's bases", b.range()));
                }
                bases.push(base);
            }
        }
        let name = s.name.as_str();
        let info = scan_body(&s.body, &[], self.depth);
        let scope = self.class_scope(&info, self.qualname(name));
        self.scopes.push(scope);
        let body = self.block(&s.body);
        let scope = self.scopes.pop().expect("pushed above");
        let body = body?;
        let namespace = info
            .assigned
            .iter()
            .filter_map(|n| Some((Arc::from(n.as_str()), *scope.locals.get(n)?)))
            .collect();
        let class_cell = scope
            .method_view
            .as_ref()
            .and_then(|view| view.get(CLASS_CELL).copied())
            .filter(|v| matches!(v, Var::Cell(0)) && scope.n_own_cells == 1);
        let annotations = s
            .body
            .iter()
            .filter_map(|stmt| match stmt {
                AStmt::AnnAssign(a) => match &*a.target {
                    AExpr::Name(n) => Some(Arc::from(n.id.as_str())),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        Ok(ClassDef {
            annotations,
            bases,
            body: Arc::new(scope.into_def(
                name,
                line,
                Signature::default(),
                body,
                docstring(&s.body),
            )),
            namespace,
            class_cell,
        })
    }

    /// Lays out a class body's slots: a plain slot for each name it binds (its attributes),
    /// the `__class__` cell if a method calls `super()`, and cells for the variables of
    /// enclosing functions that the body or its methods use.
    fn class_scope(&mut self, info: &ScopeInfo, qualname: Arc<str>) -> FnScope {
        let mut scope = FnScope::empty(qualname, false);
        let mut view = HashMap::new();
        if info.nested_free.contains(CLASS_CELL) {
            scope.n_own_cells = 1;
            view.insert(CLASS_CELL.to_string(), Var::Cell(0));
        }
        for name in &info.assigned {
            if info.globals.contains(name) {
                continue;
            }
            scope.n_locals += 1;
            scope
                .locals
                .insert(name.clone(), Var::Local(scope.n_locals - 1));
        }
        for name in info.globals.iter() {
            self.globals.insert(name.clone());
        }
        let mut free: Vec<String> = info.class_free().into_iter().collect();
        free.sort();
        for name in &free {
            if let Some(outer) = self.enclosing_var(name) {
                let var = Var::Cell(scope.n_own_cells + scope.free.len() as u32);
                scope.free.push(outer);
                view.insert(name.clone(), var);
                scope.locals.entry(name.clone()).or_insert(var);
            }
        }
        scope.method_view = Some(view);
        scope
    }

    /// Lays out a function's slots: plain locals, cells for captured locals, free variables.
    fn new_scope(&mut self, info: &ScopeInfo, qualname: Arc<str>, is_async: bool) -> FnScope {
        let mut scope = FnScope::empty(qualname, is_async);
        for name in &info.assigned {
            if info.globals.contains(name) || info.nonlocals.contains_key(name) {
                continue;
            }
            let var = if info.nested_free.contains(name) {
                scope.n_own_cells += 1;
                Var::Cell(scope.n_own_cells - 1)
            } else {
                scope.n_locals += 1;
                Var::Local(scope.n_locals - 1)
            };
            scope.locals.insert(name.clone(), var);
        }
        for name in info.globals.iter() {
            self.globals.insert(name.clone());
        }
        let mut free: Vec<String> = info.free().into_iter().collect();
        free.sort();
        for name in free {
            if let Some(outer) = self.enclosing_var(&name) {
                let ix = scope.n_own_cells + scope.free.len() as u32;
                scope.free.push(outer);
                scope.locals.insert(name, Var::Cell(ix));
            }
        }
        scope
    }

    /// Every `nonlocal` name must be a variable of an enclosing function, as CPython checks
    /// when it compiles.
    fn check_nonlocals(&self, info: &ScopeInfo, scope: &FnScope) -> CResult<()> {
        let mut declared: Vec<(&String, &TextRange)> = info.nonlocals.iter().collect();
        declared.sort_by_key(|(_, range)| range.start());
        for (name, range) in declared {
            if !matches!(scope.locals.get(name), Some(Var::Cell(_))) {
                return Err(self.error(format!("no binding for nonlocal '{name}' found"), *range));
            }
        }
        Ok(())
    }

    /// The cell of an enclosing function that holds `name`, if any function encloses it.
    fn enclosing_var(&self, name: &str) -> Option<Var> {
        let scope = self.scopes.last()?;
        let visible = scope.method_view.as_ref().unwrap_or(&scope.locals);
        match visible.get(name)? {
            v @ Var::Cell(_) => Some(*v),
            _ => None,
        }
    }

    fn store_name(&mut self, name: &str) -> Target {
        Target::Var(self.bind(name, Binding::Other), Arc::from(name))
    }

    /// Resolves `name` for a store, remembering what a module-level name is bound to.
    fn bind(&mut self, name: &str, how: Binding) -> Var {
        let var = self.resolve(name);
        if matches!(var, Var::Global(_)) {
            let entry = self.global_bindings.entry(name.to_string()).or_insert(how);
            if *entry != how {
                *entry = Binding::Other;
            }
        }
        var
    }

    /// Remembers `obj.attr` when `obj` is a chain of attributes of a global name: if that name
    /// turns out to be only an imported module, the attributes are checked before the run.
    fn note_module_read(&mut self, a: &ast::ExprAttribute) {
        // Modules nest two deep at most (`concurrent.futures`), so a longer chain's module
        // part is noted by its inner attributes; looking no deeper keeps this constant time.
        const MODULE_DEPTH: usize = 2;
        let mut path = vec![a.attr.as_str().to_string()];
        let mut value = &*a.value;
        while let AExpr::Attribute(inner) = value {
            if path.len() == MODULE_DEPTH {
                return;
            }
            path.push(inner.attr.as_str().to_string());
            value = &inner.value;
        }
        let AExpr::Name(root) = value else {
            return;
        };
        if matches!(self.resolve(root.id.as_str()), Var::Global(_)) {
            path.reverse();
            self.module_reads.push(ModuleRead {
                root: root.id.as_str().to_string(),
                path,
                range: a.range,
            });
        }
    }

    /// Refuses the first `module.name` whose module is known and has no such name, as an
    /// import of it would be refused: before the run, not after half its output.
    fn check_module_reads(&self) -> CResult<()> {
        for read in &self.module_reads {
            let Some(Binding::Module(mut module)) = self.global_bindings.get(&read.root).copied()
            else {
                continue;
            };
            for name in &read.path {
                match module.attr(name) {
                    Some(Value::Module(inner)) => module = inner,
                    Some(_) => break,
                    None => {
                        return Err(
                            self.unsupported(&format!("`{}.{name}`", module.name()), read.range)
                        )
                    }
                }
            }
        }
        Ok(())
    }

    fn target(&mut self, e: &AExpr) -> CResult<Target> {
        let target = self.nested(e.range(), |c| c.target_unchecked(e))?;
        if target_awaits(&target) {
            return Err(self.unsupported("`await` inside an assignment target", e.range()));
        }
        Ok(target)
    }

    fn target_unchecked(&mut self, e: &AExpr) -> CResult<Target> {
        Ok(match e {
            AExpr::Name(n) => self.store_name(n.id.as_str()),
            AExpr::Attribute(a) => Target::Attr(self.expr(&a.value)?, Arc::from(a.attr.as_str())),
            AExpr::Subscript(s) => Target::Subscript(self.expr(&s.value)?, self.expr(&s.slice)?),
            AExpr::Tuple(ast::ExprTuple { elts, .. }) | AExpr::List(ast::ExprList { elts, .. }) => {
                let mut targets = Vec::new();
                let mut star = None;
                for (i, elt) in elts.iter().enumerate() {
                    match elt {
                        AExpr::Starred(s) => {
                            star = Some(i);
                            targets.push(self.target(&s.value)?);
                        }
                        other => targets.push(self.target(other)?),
                    }
                }
                Target::Unpack(targets, star)
            }
            other => return Err(self.error("cannot assign to expression".into(), other.range())),
        })
    }

    // ---- expressions -------------------------------------------------------------------------

    fn exprs(&mut self, es: &[AExpr]) -> CResult<Vec<Expr>> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    fn elts(&mut self, es: &[AExpr]) -> CResult<Vec<Elt>> {
        es.iter()
            .map(|e| match e {
                AExpr::Starred(s) => Ok(Elt {
                    expr: self.expr(&s.value)?,
                    starred: true,
                }),
                other => Ok(Elt {
                    expr: self.expr(other)?,
                    starred: false,
                }),
            })
            .collect()
    }

    fn expr(&mut self, e: &AExpr) -> CResult<Expr> {
        self.nested(e.range(), |c| c.expr_at_depth(e))
    }

    fn expr_at_depth(&mut self, e: &AExpr) -> CResult<Expr> {
        // Folding skips the levels it folds, so near the limit it is left out and each level
        // is counted.
        let room = MAX_DEPTH - self.depth >= FOLD_LEVELS as usize;
        if room && matches!(e, AExpr::BinOp(_) | AExpr::UnaryOp(_)) {
            if let Some(v) = folded_int(e, FOLD_LEVELS).and_then(|v| i64::try_from(v).ok()) {
                return Ok(Expr {
                    kind: ExprKind::Const(Value::Int(v)),
                    awaits: false,
                });
            }
        }
        let kind = match e {
            AExpr::NumberLiteral(n) => {
                ExprKind::Const(match &n.value {
                    ast::Number::Int(i) => Value::Int(i.as_i64().ok_or_else(|| {
                        self.unsupported("an integer literal this large", n.range)
                    })?),
                    ast::Number::Float(f) => Value::Float(*f),
                    ast::Number::Complex { .. } => {
                        return Err(self.unsupported("complex numbers", n.range))
                    }
                })
            }
            AExpr::StringLiteral(s) => ExprKind::Const(Value::str(s.value.to_str())),
            AExpr::BytesLiteral(b) => {
                ExprKind::Const(Value::bytes(&b.value.bytes().collect::<Vec<u8>>()))
            }
            AExpr::BooleanLiteral(b) => ExprKind::Const(Value::Bool(b.value)),
            AExpr::NoneLiteral(_) => ExprKind::Const(Value::None),
            AExpr::Name(n) => self.name_expr(n.id.as_str()),
            AExpr::BinOp(b) => ExprKind::Binary(
                Box::new(self.expr(&b.left)?),
                bin_op(b.op),
                Box::new(self.expr(&b.right)?),
            ),
            AExpr::UnaryOp(u) => ExprKind::Unary(
                match u.op {
                    ast::UnaryOp::USub => UnaryOp::Neg,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                },
                Box::new(self.expr(&u.operand)?),
            ),
            AExpr::BoolOp(b) => {
                ExprKind::BoolOp(matches!(b.op, ast::BoolOp::And), self.exprs(&b.values)?)
            }
            AExpr::Compare(c) => {
                let left = self.expr(&c.left)?;
                let mut rest = Vec::new();
                for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                    rest.push((cmp_op(*op), self.expr(right)?));
                }
                ExprKind::Compare(Box::new(left), rest)
            }
            AExpr::If(i) => ExprKind::IfElse(
                Box::new(self.expr(&i.test)?),
                Box::new(self.expr(&i.body)?),
                Box::new(self.expr(&i.orelse)?),
            ),
            AExpr::Call(c) => self.call(c)?,
            AExpr::Attribute(a) => {
                self.note_module_read(a);
                ExprKind::Attr(Box::new(self.expr(&a.value)?), Arc::from(a.attr.as_str()))
            }
            AExpr::Subscript(s) => ExprKind::Subscript(
                Box::new(self.expr(&s.value)?),
                Box::new(self.expr(&s.slice)?),
            ),
            AExpr::Slice(s) => ExprKind::Slice(
                self.opt_box(s.lower.as_deref())?,
                self.opt_box(s.upper.as_deref())?,
                self.opt_box(s.step.as_deref())?,
            ),
            AExpr::List(l) => ExprKind::List(self.elts(&l.elts)?),
            AExpr::Tuple(t) => ExprKind::Tuple(self.elts(&t.elts)?),
            AExpr::Dict(d) => {
                let mut items = Vec::new();
                for item in d.iter() {
                    let value = self.expr(&item.value)?;
                    items.push(match &item.key {
                        Some(key) => DictItem::Pair(self.expr(key)?, value),
                        None => DictItem::Unpack(value),
                    });
                }
                ExprKind::Dict(items)
            }
            AExpr::ListComp(c) => {
                self.comprehension(CompKind::List, &c.elt, None, &c.generators)?
            }
            AExpr::Generator(c) if lazy_genexp(c) => self.genexpr(c)?,
            AExpr::Generator(c) => {
                self.comprehension(CompKind::Generator, &c.elt, None, &c.generators)?
            }
            AExpr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(self.unsupported("`**` in a dict comprehension", c.range));
                };
                self.comprehension(CompKind::Dict, key, Some(&c.value), &c.generators)?
            }
            AExpr::Lambda(l) => {
                let empty = ast::Parameters::default();
                let params = l.parameters.as_deref().unwrap_or(&empty);
                let line = self.line(l.range);
                ExprKind::Lambda(self.function(
                    "<lambda>",
                    line,
                    false,
                    params,
                    FnBody::Expr(&l.body),
                )?)
            }
            AExpr::FString(f) => ExprKind::FString(self.fstring(f)?),
            AExpr::Await(a) => {
                if !self.in_async() {
                    return Err(self.error("'await' outside async function".into(), a.range));
                }
                let site = AwaitSite {
                    label: self.text(a.value.range()),
                    line: self.line(a.range),
                };
                ExprKind::Await(Box::new(self.expr(&a.value)?), site)
            }
            AExpr::Named(n) => {
                let AExpr::Name(target) = &*n.target else {
                    unreachable!("the parser takes only a name before `:=`")
                };
                let value = self.expr(&n.value)?;
                let name = target.id.as_str();
                ExprKind::Named(
                    self.bind(name, Binding::Other),
                    Arc::from(name),
                    Box::new(value),
                )
            }
            AExpr::Set(s) => ExprKind::Set(self.elts(&s.elts)?),
            AExpr::SetComp(c) => self.comprehension(CompKind::Set, &c.elt, None, &c.generators)?,
            AExpr::Yield(y) => {
                self.enter_generator(y.range)?;
                ExprKind::Yield(self.opt_box(y.value.as_deref())?)
            }
            AExpr::YieldFrom(y) => {
                self.enter_generator(y.range)?;
                ExprKind::YieldFrom(Box::new(self.expr(&y.value)?))
            }
            AExpr::TString(t) => return Err(self.unsupported("template strings", t.range)),
            AExpr::EllipsisLiteral(_) => ExprKind::Const(Value::Ellipsis),
            AExpr::Starred(s) => {
                return Err(self.error("can't use starred expression here".into(), s.range))
            }
            AExpr::IpyEscapeCommand(i) => return Err(self.error("invalid syntax".into(), i.range)),
        };
        Ok(Expr {
            awaits: expr_awaits(&kind),
            kind,
        })
    }

    fn opt_box(&mut self, e: Option<&AExpr>) -> CResult<Option<Box<Expr>>> {
        e.map(|e| self.expr(e).map(Box::new)).transpose()
    }

    fn call(&mut self, c: &ast::ExprCall) -> CResult<ExprKind> {
        let func = self.expr(&c.func)?;
        let mut args = Vec::new();
        if matches!(func.kind, ExprKind::Name(Var::Builtin(Builtin::Super), _))
            && c.arguments.is_empty()
        {
            args = self.implicit_super_args();
        }
        for a in c.arguments.args.iter() {
            args.push(match a {
                AExpr::Starred(s) => Arg::Star(self.expr(&s.value)?),
                AExpr::Generator(g) if consumed_at_once(c) => {
                    let kind =
                        self.comprehension(CompKind::Generator, &g.elt, None, &g.generators)?;
                    Arg::Pos(Expr {
                        awaits: expr_awaits(&kind),
                        kind,
                    })
                }
                other => Arg::Pos(self.expr(other)?),
            });
        }
        for k in c.arguments.keywords.iter() {
            let value = self.expr(&k.value)?;
            args.push(match &k.arg {
                Some(name) => Arg::Kw(Arc::from(name.as_str()), value),
                None => Arg::Unpack(value),
            });
        }
        Ok(ExprKind::Call(Box::new(Call {
            func,
            args,
            line: self.line(c.range()),
            text: self.text(c.range()),
        })))
    }

    /// A generator expression, lazy as CPython's: a generator function of its own scope,
    /// called with an iterator of its first iterable, which is evaluated here.
    fn genexpr(&mut self, g: &ast::ExprGenerator) -> CResult<ExprKind> {
        let line = self.line(g.range);
        let first = &g.generators[0].iter;
        let iterable = self.expr(first)?;
        let info = scan_genexpr(g, self.depth);
        let mut scope = self.new_scope(&info, self.qualname("<genexpr>"), false);
        scope.is_generator = true;
        scope.is_genexpr = true;
        self.scopes.push(scope);
        let body = self.genexpr_body(g, line);
        let scope = self.scopes.pop().expect("pushed above");
        let body = body?;
        let parameter = Param {
            name: Arc::from(GENEXPR_SOURCE),
            var: Var::Local(0),
            default: None,
            kw_only: false,
        };
        let signature = Signature {
            params: vec![parameter],
            ..Signature::default()
        };
        let def = scope.into_def("<genexpr>", line, signature, body, None);
        let iterator = call_expr(
            Expr {
                kind: ExprKind::Name(Var::Builtin(Builtin::Iter), Arc::from("iter")),
                awaits: false,
            },
            iterable,
            line,
            self.text(first.range()),
        );
        let make = Expr {
            kind: ExprKind::Lambda(Arc::new(def)),
            awaits: false,
        };
        Ok(call_expr(make, iterator, line, self.text(g.range)).kind)
    }

    /// The body of a generator expression's function: its `for` and `if` clauses nested, the
    /// innermost yielding the element; the outermost loop runs over the iterator passed in.
    fn genexpr_body(&mut self, g: &ast::ExprGenerator, line: u32) -> CResult<Vec<Stmt>> {
        let stmt = |kind: StmtKind| Stmt {
            line,
            awaits: stmt_awaits(&kind),
            kind,
        };
        let elt = self.expr(&g.elt)?;
        let mut body = vec![stmt(StmtKind::Expr(Expr {
            kind: ExprKind::Yield(Some(Box::new(elt))),
            awaits: true,
        }))];
        for (i, clause) in g.generators.iter().enumerate().rev() {
            for condition in clause.ifs.iter().rev() {
                body = vec![stmt(StmtKind::If(self.expr(condition)?, body, Vec::new()))];
            }
            let iter = if i == 0 {
                Expr {
                    kind: ExprKind::Name(Var::Local(0), Arc::from(GENEXPR_SOURCE)),
                    awaits: false,
                }
            } else {
                self.expr(&clause.iter)?
            };
            let target = self.target(&clause.target)?;
            body = vec![stmt(StmtKind::For(target, iter, body, Vec::new()))];
        }
        Ok(body)
    }

    /// What a bare `super()` stands for in a method: `super(__class__, first_argument)`;
    /// elsewhere nothing, and `super()` fails as CPython's does.
    fn implicit_super_args(&mut self) -> Vec<Arg> {
        let Some(scope) = self.scopes.last() else {
            return Vec::new();
        };
        let (Some(class), Some(first)) = (scope.locals.get(CLASS_CELL), &scope.first_param) else {
            return Vec::new();
        };
        let (class, first) = (*class, first.clone());
        let name = |var: Var, name: &str| Expr {
            kind: ExprKind::Name(var, Arc::from(name)),
            awaits: false,
        };
        let first_var = self.resolve(&first);
        vec![
            Arg::Pos(name(class, CLASS_CELL)),
            Arg::Pos(name(first_var, &first)),
        ]
    }

    /// Marks the function being compiled as a generator, where a `yield` may be.
    fn enter_generator(&mut self, range: TextRange) -> CResult<()> {
        if self.comprehensions > 0 {
            return Err(self.error("'yield' inside a comprehension".into(), range));
        }
        match self.scopes.last_mut() {
            Some(scope) if scope.method_view.is_none() => {
                scope.is_generator = true;
                Ok(())
            }
            _ => Err(self.error("'yield' outside function".into(), range)),
        }
    }

    fn comprehension(
        &mut self,
        kind: CompKind,
        elt: &AExpr,
        value: Option<&AExpr>,
        generators: &[ast::Comprehension],
    ) -> CResult<ExprKind> {
        self.comprehensions += 1;
        let compiled = self.comprehension_parts(kind, elt, value, generators);
        self.comprehensions -= 1;
        compiled
    }

    fn comprehension_parts(
        &mut self,
        kind: CompKind,
        elt: &AExpr,
        value: Option<&AExpr>,
        generators: &[ast::Comprehension],
    ) -> CResult<ExprKind> {
        let own_scope = has_own_scope(generators, elt, value);
        let outer_vars = self.comp_vars.len();
        let compiled = self.comprehension_in_scope(kind, elt, value, generators, own_scope);
        self.comp_vars.truncate(outer_vars);
        compiled
    }

    /// A fresh slot in the frame being compiled (the module's, at top level).
    fn hidden_local(&mut self) -> Var {
        let count = match self.scopes.last_mut() {
            Some(scope) => &mut scope.n_locals,
            None => &mut self.module_locals,
        };
        *count += 1;
        Var::Local(*count - 1)
    }

    fn comprehension_in_scope(
        &mut self,
        kind: CompKind,
        elt: &AExpr,
        value: Option<&AExpr>,
        generators: &[ast::Comprehension],
        own_scope: bool,
    ) -> CResult<ExprKind> {
        let mut gens = Vec::new();
        for g in generators {
            if g.is_async && !self.in_async() {
                return Err(self.error(
                    "asynchronous comprehension outside of an asynchronous function".into(),
                    g.range,
                ));
            }
            let site = g.is_async.then(|| AwaitSite {
                label: Arc::from(format!("async for … in {}", self.text(g.iter.range()))),
                line: self.line(g.range),
            });
            let iter = self.expr(&g.iter)?;
            if own_scope {
                let mut names = Vec::new();
                target_names(&g.target, &mut names);
                for name in names {
                    let var = self.hidden_local();
                    self.comp_vars.push((name.to_string(), var));
                }
            }
            gens.push(CompFor {
                iter,
                target: self.target(&g.target)?,
                conditions: self.exprs(&g.ifs)?,
                site,
            });
        }
        Ok(ExprKind::Comp(Box::new(Comprehension {
            kind,
            elt: self.expr(elt)?,
            value: value.map(|v| self.expr(v)).transpose()?,
            generators: gens,
        })))
    }

    fn fstring(&mut self, f: &ast::ExprFString) -> CResult<Vec<FPart>> {
        let mut parts = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => parts.push(FPart::Lit(Arc::from(l.as_str()))),
                ast::FStringPart::FString(fs) => self.fstring_elements(&fs.elements, &mut parts)?,
            }
        }
        Ok(parts)
    }

    fn fstring_elements(
        &mut self,
        elements: &ast::InterpolatedStringElements,
        parts: &mut Vec<FPart>,
    ) -> CResult<()> {
        for element in elements.iter() {
            match element {
                ast::InterpolatedStringElement::Literal(l) => {
                    parts.push(FPart::Lit(Arc::from(&*l.value)))
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(debug) = &i.debug_text {
                        parts.push(FPart::Lit(Arc::from(debug.as_str())));
                    }
                    let mut spec = Vec::new();
                    if let Some(s) = &i.format_spec {
                        self.fstring_elements(&s.elements, &mut spec)?;
                    }
                    let conversion = match i.conversion {
                        ast::ConversionFlag::None if i.debug_text.is_some() && spec.is_empty() => {
                            Some('r')
                        }
                        ast::ConversionFlag::None => None,
                        ast::ConversionFlag::Str => Some('s'),
                        ast::ConversionFlag::Repr => Some('r'),
                        ast::ConversionFlag::Ascii => Some('a'),
                    };
                    parts.push(FPart::Value {
                        expr: self.expr(&i.expression)?,
                        conversion,
                        spec,
                    });
                }
            }
        }
        Ok(())
    }
}

/// The docstring a body starts with.
fn docstring(body: &[AStmt]) -> Option<Arc<str>> {
    match body.first()? {
        AStmt::Expr(e) => match &*e.value {
            AExpr::StringLiteral(s) => Some(Arc::from(s.value.to_str())),
            _ => None,
        },
        _ => None,
    }
}

enum FnBody<'a> {
    Suite(&'a [AStmt]),
    Expr(&'a AExpr),
}

fn assign_consts(targets: Vec<(Target, Value)>, line: u32) -> Stmt {
    let (targets, values): (Vec<Target>, Vec<Value>) = targets.into_iter().unzip();
    let value = Expr {
        kind: ExprKind::Const(Value::tuple(values)),
        awaits: false,
    };
    Stmt {
        line,
        awaits: false,
        kind: StmtKind::Assign(vec![Target::Unpack(targets, None)], value),
    }
}

/// The name `import a.b` binds: `a`.
fn import_binding(dotted: &str) -> &str {
    dotted.split('.').next().unwrap_or(dotted)
}

/// How deep [`folded_int`] looks: integer constants written as expressions are shallow.
const FOLD_LEVELS: u32 = 4;

/// The value of an int expression made of literals alone (`-2**63`, `2**63 - 1`), computed
/// with room to spare as CPython's constant folding computes it: an intermediate wider than
/// 64 bits does not fail when the result fits. `None` for anything else, or anything that
/// would fail or leave the ints; the evaluator then answers at run time.
fn folded_int(e: &AExpr, levels: u32) -> Option<i128> {
    use ast::Operator as O;
    let levels = levels.checked_sub(1)?;
    match e {
        AExpr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => i.as_u64().map(i128::from),
            _ => None,
        },
        AExpr::UnaryOp(u) => {
            let v = folded_int(&u.operand, levels)?;
            match u.op {
                ast::UnaryOp::USub => v.checked_neg(),
                ast::UnaryOp::UAdd => Some(v),
                ast::UnaryOp::Invert => Some(!v),
                ast::UnaryOp::Not => None,
            }
        }
        AExpr::BinOp(b) => {
            let (x, y) = (folded_int(&b.left, levels)?, folded_int(&b.right, levels)?);
            match b.op {
                O::Add => x.checked_add(y),
                O::Sub => x.checked_sub(y),
                O::Mult => x.checked_mul(y),
                O::Pow => u32::try_from(y).ok().and_then(|y| x.checked_pow(y)),
                O::LShift => u32::try_from(y)
                    .ok()
                    .filter(|&y| y < 127)
                    .and_then(|y| x.checked_shl(y).filter(|r| r >> y == x)),
                O::BitAnd => Some(x & y),
                O::BitOr => Some(x | y),
                O::BitXor => Some(x ^ y),
                _ => None,
            }
        }
        _ => None,
    }
}

fn bin_op(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::Div => BinOp::Div,
        O::FloorDiv => BinOp::FloorDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::BitAnd => BinOp::BitAnd,
        O::BitOr => BinOp::BitOr,
        O::BitXor => BinOp::BitXor,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::MatMult => BinOp::Mul,
    }
}

fn cmp_op(op: ast::CmpOp) -> CmpOp {
    use ast::CmpOp as C;
    match op {
        C::Eq => CmpOp::Eq,
        C::NotEq => CmpOp::NotEq,
        C::Lt => CmpOp::Lt,
        C::LtE => CmpOp::LtE,
        C::Gt => CmpOp::Gt,
        C::GtE => CmpOp::GtE,
        C::Is => CmpOp::Is,
        C::IsNot => CmpOp::IsNot,
        C::In => CmpOp::In,
        C::NotIn => CmpOp::NotIn,
    }
}

// ---- await analysis ------------------------------------------------------------------------

fn expr_awaits(kind: &ExprKind) -> bool {
    let any = |es: &[Expr]| es.iter().any(|e| e.awaits);
    let elts = |es: &[Elt]| es.iter().any(|e| e.expr.awaits);
    match kind {
        ExprKind::Await(..) | ExprKind::Yield(_) | ExprKind::YieldFrom(_) => true,
        ExprKind::Const(_) | ExprKind::Name(..) | ExprKind::Lambda(_) => false,
        ExprKind::Binary(a, _, b) => a.awaits || b.awaits,
        ExprKind::Unary(_, a) | ExprKind::Attr(a, _) => a.awaits,
        ExprKind::BoolOp(_, es) => any(es),
        ExprKind::Compare(a, rest) => a.awaits || rest.iter().any(|(_, e)| e.awaits),
        ExprKind::IfElse(a, b, c) => a.awaits || b.awaits || c.awaits,
        ExprKind::Call(c) => {
            c.func.awaits
                || c.args.iter().any(|a| match a {
                    Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::Unpack(e) => e.awaits,
                })
        }
        ExprKind::Subscript(a, b) => a.awaits || b.awaits,
        ExprKind::Slice(a, b, c) => [a, b, c]
            .iter()
            .any(|e| e.as_ref().is_some_and(|e| e.awaits)),
        ExprKind::List(es) | ExprKind::Tuple(es) | ExprKind::Set(es) => elts(es),
        ExprKind::Dict(items) => items.iter().any(|item| match item {
            DictItem::Pair(k, v) => k.awaits || v.awaits,
            DictItem::Unpack(m) => m.awaits,
        }),
        ExprKind::Named(_, _, value) => value.awaits,
        ExprKind::Comp(c) => {
            c.elt.awaits
                || c.value.as_ref().is_some_and(|v| v.awaits)
                || c.generators.iter().any(|g| {
                    g.site.is_some()
                        || g.iter.awaits
                        || any(&g.conditions)
                        || target_awaits(&g.target)
                })
        }
        ExprKind::FString(parts) => parts.iter().any(fpart_awaits),
    }
}

fn fpart_awaits(p: &FPart) -> bool {
    match p {
        FPart::Lit(_) => false,
        FPart::Value { expr, spec, .. } => expr.awaits || spec.iter().any(fpart_awaits),
    }
}

fn target_awaits(t: &Target) -> bool {
    match t {
        Target::Var(..) => false,
        Target::Attr(e, _) => e.awaits,
        Target::Subscript(a, b) => a.awaits || b.awaits,
        Target::Unpack(ts, _) => ts.iter().any(target_awaits),
    }
}

fn block_awaits(b: &[Stmt]) -> bool {
    b.iter().any(|s| s.awaits)
}

fn stmt_awaits(kind: &StmtKind) -> bool {
    match kind {
        StmtKind::Expr(e) => e.awaits,
        StmtKind::Assign(ts, e) => e.awaits || ts.iter().any(target_awaits),
        StmtKind::AugAssign(t, _, e) => e.awaits || target_awaits(t),
        StmtKind::If(e, a, b) | StmtKind::While(e, a, b) => {
            e.awaits || block_awaits(a) || block_awaits(b)
        }
        StmtKind::For(t, e, a, b) => {
            target_awaits(t) || e.awaits || block_awaits(a) || block_awaits(b)
        }
        StmtKind::Return(e) => e.as_ref().is_some_and(|e| e.awaits),
        StmtKind::Raise(e, cause) => [e, cause]
            .iter()
            .any(|e| e.as_ref().is_some_and(|e| e.awaits)),
        StmtKind::Try(t) => {
            block_awaits(&t.body)
                || block_awaits(&t.orelse)
                || block_awaits(&t.finally)
                || t.handlers.iter().any(|h| block_awaits(&h.body))
        }
        StmtKind::Assert(a, b) => a.awaits || b.as_ref().is_some_and(|b| b.awaits),
        StmtKind::Def(..) | StmtKind::Class(..) => false,
        StmtKind::With(items, body) => block_awaits(body) || items.iter().any(|i| i.manager.awaits),
        StmtKind::AsyncWith(..) | StmtKind::AsyncFor(..) => true,
        StmtKind::Delete(ts) => ts.iter().any(target_awaits),
        StmtKind::Break | StmtKind::Continue | StmtKind::Pass => false,
    }
}

// ---- scope scanning ------------------------------------------------------------------------

fn collect_global_decls(body: &[AStmt], globals: &mut IndexSet<String>) {
    use ruff_python_ast::statement_visitor::{walk_stmt, StatementVisitor};
    struct V<'a>(&'a mut IndexSet<String>);
    impl<'b> StatementVisitor<'b> for V<'_> {
        fn visit_stmt(&mut self, stmt: &'b AStmt) {
            if let AStmt::Global(g) = stmt {
                self.0
                    .extend(g.names.iter().map(|n| n.as_str().to_string()));
            }
            walk_stmt(self, stmt);
        }
    }
    let mut v = V(globals);
    for s in body {
        v.visit_stmt(s);
    }
}

/// The cell a class body makes for its methods' `super()`, named as CPython names it.
const CLASS_CELL: &str = "__class__";

/// How deep the scans below go. They recurse over the syntax tree before the compiler does,
/// so they stop somewhere deeper than the compiler accepts: what they leave out is refused.
const SCAN_DEPTH: usize = 2 * MAX_DEPTH;

/// The names of a function body (or the module) whose `def` is at `depth`.
/// The name of a generator expression's one parameter, the iterator of its first iterable
/// (CPython's `.0`: no program can name it).
const GENEXPR_SOURCE: &str = ".0";

/// `func(arg)`, compiled.
fn call_expr(func: Expr, arg: Expr, line: u32, text: Arc<str>) -> Expr {
    let kind = ExprKind::Call(Box::new(Call {
        func,
        args: vec![Arg::Pos(arg)],
        line,
        text,
    }));
    Expr {
        awaits: expr_awaits(&kind),
        kind,
    }
}

/// Whether a generator expression becomes a lazy generator of its own: not when it is
/// asynchronous, awaits, yields, or binds a name with `:=` (those are computed at once, in
/// the enclosing scope, which also reports a `yield` in them).
fn lazy_genexp(g: &ast::ExprGenerator) -> bool {
    use ruff_python_ast::visitor::{walk_expr, Visitor};
    struct Finder(bool);
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, e: &'a AExpr) {
            let stays = matches!(
                e,
                AExpr::Await(_) | AExpr::Named(_) | AExpr::Yield(_) | AExpr::YieldFrom(_)
            );
            if stays {
                self.0 = true;
            } else if !self.0 {
                walk_expr(self, e);
            }
        }
    }
    if g.generators.iter().any(|c| c.is_async) {
        return false;
    }
    let mut finder = Finder(false);
    for clause in &g.generators {
        finder.visit_expr(&clause.iter);
        clause.ifs.iter().for_each(|c| finder.visit_expr(c));
    }
    finder.visit_expr(&g.elt);
    !finder.0
}

/// Whether `call` is `sum(x for ...)`, `"".join(x for ...)` or another call that takes one
/// generator expression and consumes all of it before it does anything else: that one is
/// computed at once, as a list comprehension is, which no program can tell apart from
/// stepping it and is much faster. Decided by the call's shape alone.
fn consumed_at_once(call: &ast::ExprCall) -> bool {
    const CONSUMERS: [&str; 9] = [
        "sum",
        "list",
        "tuple",
        "set",
        "frozenset",
        "sorted",
        "min",
        "max",
        "dict",
    ];
    let [AExpr::Generator(_)] = &*call.arguments.args else {
        return false;
    };
    if !call.arguments.keywords.is_empty() {
        return false;
    }
    match &*call.func {
        AExpr::Name(n) => CONSUMERS.contains(&n.id.as_str()),
        AExpr::Attribute(a) => {
            a.attr.as_str() == "join" && matches!(&*a.value, AExpr::StringLiteral(_))
        }
        _ => false,
    }
}

/// The names a lazy generator expression at `depth` binds and reads, its first iterable left
/// out (the enclosing scope evaluates it).
fn scan_genexpr(g: &ast::ExprGenerator, depth: usize) -> ScopeInfo {
    use ruff_python_ast::visitor::Visitor;
    let mut info = ScopeInfo::default();
    info.assigned.insert(GENEXPR_SOURCE.to_string());
    let mut visitor = ScanVisitor {
        info: &mut info,
        depth,
    };
    for (i, clause) in g.generators.iter().enumerate() {
        if i > 0 {
            visitor.visit_expr(&clause.iter);
        }
        visitor.visit_expr(&clause.target);
        for condition in &clause.ifs {
            visitor.visit_expr(condition);
        }
    }
    visitor.visit_expr(&g.elt);
    info
}

/// Whether a comprehension gets a scope of its own: its targets are plain names (or tuples
/// and lists of them) and no `lambda` in it could capture them. Otherwise its variables stay
/// in the enclosing scope.
fn has_own_scope(generators: &[ast::Comprehension], elt: &AExpr, value: Option<&AExpr>) -> bool {
    fn plain(target: &AExpr) -> bool {
        match target {
            AExpr::Name(_) => true,
            AExpr::Tuple(t) => t.elts.iter().all(plain),
            AExpr::List(l) => l.elts.iter().all(plain),
            AExpr::Starred(s) => plain(&s.value),
            _ => false,
        }
    }
    let parts = generators
        .iter()
        .flat_map(|g| std::iter::once(&g.iter).chain(&g.ifs))
        .chain(std::iter::once(elt))
        .chain(value);
    generators.iter().all(|g| plain(&g.target)) && !parts.into_iter().any(has_nested_scope)
}

/// Whether `e` holds a scope of its own that could capture variables: a `lambda` or a lazy
/// generator expression.
fn has_nested_scope(e: &AExpr) -> bool {
    use ruff_python_ast::visitor::{walk_expr, Visitor};
    struct Finder(bool);
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, e: &'a AExpr) {
            if self.0 {
                return;
            }
            match e {
                AExpr::Lambda(_) => self.0 = true,
                AExpr::Generator(g) if lazy_genexp(g) => self.0 = true,
                AExpr::Call(c) if consumed_at_once(c) => {
                    self.visit_expr(&c.func);
                    walk_expr(self, &c.arguments.args[0]);
                }
                _ => walk_expr(self, e),
            }
        }
    }
    let mut finder = Finder(false);
    finder.visit_expr(e);
    finder.0
}

/// The names a plain comprehension target binds, in order.
fn target_names<'a>(target: &'a AExpr, out: &mut Vec<&'a str>) {
    match target {
        AExpr::Name(n) => out.push(n.id.as_str()),
        AExpr::Tuple(t) => t.elts.iter().for_each(|e| target_names(e, out)),
        AExpr::List(l) => l.elts.iter().for_each(|e| target_names(e, out)),
        AExpr::Starred(s) => target_names(&s.value, out),
        _ => {}
    }
}

fn scan_body(body: &[AStmt], params: &[String], depth: usize) -> ScopeInfo {
    let mut info = ScopeInfo::default();
    info.assigned.extend(params.iter().cloned());
    for s in body {
        scan_stmt(s, &mut info, depth + 1);
    }
    info
}

/// The names of a `lambda` at `depth` whose body is `e`.
fn scan_expr_body(e: &AExpr, params: &[String], depth: usize) -> ScopeInfo {
    let mut info = ScopeInfo::default();
    info.assigned.extend(params.iter().cloned());
    scan_expr(e, &mut info, depth);
    info
}

fn scan_stmt(s: &AStmt, info: &mut ScopeInfo, depth: usize) {
    if depth > SCAN_DEPTH {
        return;
    }
    use ruff_python_ast::visitor::walk_stmt;
    match s {
        AStmt::FunctionDef(f) => {
            info.assigned.insert(f.name.as_str().to_string());
            info.defined.insert(f.name.as_str().to_string());
            let params: Vec<String> = f
                .parameters
                .iter()
                .map(|p| p.name().as_str().to_string())
                .collect();
            for p in f.parameters.iter() {
                if let Some(d) = p.default() {
                    scan_expr(d, info, depth);
                }
            }
            for d in &f.decorator_list {
                scan_expr(&d.expression, info, depth);
            }
            let inner = scan_body(&f.body, &params, depth);
            info.nested_free.extend(inner.free());
        }
        AStmt::ClassDef(c) => {
            info.assigned.insert(c.name.as_str().to_string());
            info.defined.insert(c.name.as_str().to_string());
            for d in &c.decorator_list {
                scan_expr(&d.expression, info, depth);
            }
            if let Some(arguments) = &c.arguments {
                for b in arguments.args.iter() {
                    scan_expr(b, info, depth);
                }
            }
            let inner = scan_body(&c.body, &[], depth);
            info.nested_free.extend(inner.class_free());
        }
        AStmt::Global(g) => info
            .globals
            .extend(g.names.iter().map(|n| n.as_str().to_string())),
        AStmt::Nonlocal(n) => info.nonlocals.extend(
            n.names
                .iter()
                .map(|name| (name.as_str().to_string(), n.range)),
        ),
        AStmt::Import(i) => {
            for a in &i.names {
                let bound = match &a.asname {
                    Some(asname) => asname.as_str(),
                    None => import_binding(a.name.as_str()),
                };
                info.assigned.insert(bound.to_string());
                info.defined.insert(bound.to_string());
            }
        }
        AStmt::ImportFrom(i) => {
            for a in &i.names {
                let bound = a.asname.as_ref().unwrap_or(&a.name);
                info.assigned.insert(bound.as_str().to_string());
                info.defined.insert(bound.as_str().to_string());
            }
        }
        AStmt::Try(t) => {
            for ast::ExceptHandler::ExceptHandler(h) in &t.handlers {
                if let Some(n) = &h.name {
                    info.assigned.insert(n.as_str().to_string());
                }
            }
            walk_stmt(&mut ScanVisitor { info, depth }, s);
        }
        _ => walk_stmt(&mut ScanVisitor { info, depth }, s),
    }
}

/// Scans `e`, a child of a node at `depth`.
fn scan_expr(e: &AExpr, info: &mut ScopeInfo, depth: usize) {
    use ruff_python_ast::visitor::Visitor;
    ScanVisitor { info, depth }.visit_expr(e);
}

/// Records bound and used names, descending into nested statements but not nested scopes.
struct ScanVisitor<'a> {
    info: &'a mut ScopeInfo,
    /// The depth of the node whose children are being visited.
    depth: usize,
}

impl<'b> ruff_python_ast::visitor::Visitor<'b> for ScanVisitor<'_> {
    fn visit_stmt(&mut self, stmt: &'b AStmt) {
        scan_stmt(stmt, self.info, self.depth + 1);
    }

    fn visit_expr(&mut self, expr: &'b AExpr) {
        if self.depth >= SCAN_DEPTH {
            return;
        }
        self.depth += 1;
        self.visit_expr_here(expr);
        self.depth -= 1;
    }
}

impl ScanVisitor<'_> {
    /// A comprehension with a scope of its own: what it reads counts, the names it binds do
    /// not belong to the enclosing scope.
    fn comprehension<'e>(
        &mut self,
        generators: &'e [ast::Comprehension],
        parts: impl IntoIterator<Item = &'e AExpr>,
    ) {
        use ruff_python_ast::visitor::Visitor;
        for g in generators {
            self.visit_expr(&g.iter);
            for condition in &g.ifs {
                self.visit_expr(condition);
            }
        }
        for part in parts {
            self.visit_expr(part);
        }
    }

    fn visit_expr_here(&mut self, expr: &AExpr) {
        use ruff_python_ast::visitor::{walk_expr, Visitor};
        match expr {
            AExpr::Name(n) => match n.ctx {
                ast::ExprContext::Load => {
                    self.info.used.insert(n.id.as_str().to_string());
                    // A bare `super()` reads the `__class__` cell of the class it is in.
                    if n.id.as_str() == "super" {
                        self.info.used.insert(CLASS_CELL.to_string());
                    }
                }
                _ => {
                    self.info.assigned.insert(n.id.as_str().to_string());
                }
            },
            AExpr::Call(c) if consumed_at_once(c) => {
                self.visit_expr(&c.func);
                let AExpr::Generator(g) = &c.arguments.args[0] else {
                    unreachable!("consumed_at_once takes one generator expression")
                };
                if has_own_scope(&g.generators, &g.elt, None) {
                    self.comprehension(&g.generators, [&*g.elt]);
                } else {
                    walk_expr(self, &c.arguments.args[0]);
                }
            }
            AExpr::Generator(g) if lazy_genexp(g) => {
                self.visit_expr(&g.generators[0].iter);
                let inner = scan_genexpr(g, self.depth);
                self.info.nested_free.extend(inner.free());
            }
            AExpr::ListComp(c) if has_own_scope(&c.generators, &c.elt, None) => {
                self.comprehension(&c.generators, [&*c.elt]);
            }
            AExpr::SetComp(c) if has_own_scope(&c.generators, &c.elt, None) => {
                self.comprehension(&c.generators, [&*c.elt]);
            }
            AExpr::Generator(c) if has_own_scope(&c.generators, &c.elt, None) => {
                self.comprehension(&c.generators, [&*c.elt]);
            }
            AExpr::DictComp(c) => match c.key.as_deref() {
                Some(key) if has_own_scope(&c.generators, key, Some(&c.value)) => {
                    self.comprehension(&c.generators, [key, &*c.value]);
                }
                _ => walk_expr(self, expr),
            },
            AExpr::Lambda(l) => {
                let params: Vec<String> = l
                    .parameters
                    .iter()
                    .flat_map(|p| p.iter().map(|p| p.name().as_str().to_string()))
                    .collect();
                if let Some(ps) = &l.parameters {
                    for p in ps.iter() {
                        if let Some(d) = p.default() {
                            self.visit_expr(d);
                        }
                    }
                }
                let inner = scan_expr_body(&l.body, &params, self.depth);
                self.info.nested_free.extend(inner.free());
            }
            _ => walk_expr(self, expr),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::testing::{compile, outcome};

    fn refusal(source: &str) -> String {
        match compile(source) {
            Ok(_) => panic!("compiled:\n{source}"),
            Err(e) => format!("{}: {}", e.kind, e.message),
        }
    }

    #[test]
    fn nonlocal_needs_an_enclosing_function_variable() {
        assert_eq!(
            refusal("x = 1\nnonlocal x\n"),
            "syntax: nonlocal declaration not allowed at module level (line 2)"
        );
        assert_eq!(
            refusal("def f():\n    def g():\n        nonlocal y\n        y = 1\n"),
            "syntax: no binding for nonlocal 'y' found (line 3)"
        );
        assert_eq!(
            refusal("x = 1\ndef f():\n    nonlocal x\n"),
            "syntax: no binding for nonlocal 'x' found (line 3)"
        );
    }

    #[test]
    fn comprehension_variables_stay_inside_the_comprehension() {
        let program = "\
x = 'module'
print([x for x in range(3)], x)
def f():
    y = 'local'
    pairs = {(y, z) for y in range(2) for z in 'ab' if y}
    total = sum(v * 2 for v in range(4))
    return y, sorted(pairs), total
print(f())
class C:
    items = [i * i for i in range(3)]
print(C.items, hasattr(C, 'i'))
print([w for w in range(2)])
print(w)
";
        assert_eq!(
            outcome(program),
            "[0, 1, 2] module\n('local', [(1, 'a'), (1, 'b')], 12)\n[0, 1, 4] False\n[0, 1]\n\
             NameError: name 'w' is not defined"
        );
    }

    #[test]
    fn a_comprehension_a_lambda_captures_from_keeps_its_variables_reachable() {
        let program = "fs = [lambda: k for k in range(3)]\nprint([f() for f in fs])\n";
        assert_eq!(outcome(program), "[2, 2, 2]\n");
    }

    #[test]
    fn qualified_names_say_where_a_function_was_defined() {
        let source = "\
def outer():
    def inner(**kw):
        pass
    g = lambda: inner(**1)
    g()
outer()
";
        assert_eq!(
            outcome(source),
            "TypeError: __main__.outer.<locals>.inner() argument after ** must be a mapping, not int"
        );
    }
}
