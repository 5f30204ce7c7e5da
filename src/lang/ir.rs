//! The checked, name-resolved program the evaluator runs (compiled from ruff's AST).
//!
//! Names are resolved to slots at compile time: a function's locals live in a `Vec`, variables
//! captured by inner functions in shared cells, module variables in the globals table.

use std::sync::Arc;

use super::builtins::Builtin;
use super::value::{ModuleDef, Value};

/// Where a name lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Var {
    Local(u32),
    /// Index into the frame's cells (its own captured variables first, then free variables).
    Cell(u32),
    Global(u32),
    Builtin(Builtin),
}

pub struct Expr {
    pub kind: ExprKind,
    /// Whether evaluating this expression may suspend (it contains an `await`).
    pub awaits: bool,
}

pub enum ExprKind {
    Const(Value),
    Name(Var, Arc<str>),
    Binary(Box<Expr>, BinOp, Box<Expr>),
    Unary(UnaryOp, Box<Expr>),
    /// `a and b and c` (`is_and`) or `a or b or c`.
    BoolOp(bool, Vec<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    IfElse(Box<Expr>, Box<Expr>, Box<Expr>),
    Call(Box<Call>),
    Attr(Box<Expr>, Arc<str>),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    List(Vec<Elt>),
    /// `{a, b}`.
    Set(Vec<Elt>),
    Tuple(Vec<Elt>),
    Dict(Vec<DictItem>),
    Comp(Box<Comprehension>),
    Lambda(Arc<FuncDef>),
    FString(Vec<FPart>),
    Await(Box<Expr>, AwaitSite),
    /// `yield value`: suspends the generator; evaluates to what `send()` passes in.
    Yield(Option<Box<Expr>>),
    /// `yield from iterable`: yields each of its items.
    YieldFrom(Box<Expr>),
    /// `name := value`: binds and evaluates to the value.
    Named(Var, Arc<str>, Box<Expr>),
}

/// An entry of a dict display: `key: value`, or `**mapping` spread in place.
pub enum DictItem {
    Pair(Expr, Expr),
    Unpack(Expr),
}

/// A list/tuple display element, possibly `*starred`.
pub struct Elt {
    pub expr: Expr,
    pub starred: bool,
}

/// Where an `await` happens: what the timeline labels the suspension with.
#[derive(Clone)]
pub struct AwaitSite {
    pub label: Arc<str>,
    pub line: u32,
}

pub struct Call {
    pub func: Expr,
    pub args: Vec<Arg>,
    pub line: u32,
    /// The source text of the call, e.g. `time.sleep(1)`, for labels and diagnostics.
    pub text: Arc<str>,
}

pub enum Arg {
    Pos(Expr),
    Star(Expr),
    Kw(Arc<str>, Expr),
    /// `**mapping`: its items become keyword arguments.
    Unpack(Expr),
}

pub enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

pub struct Comprehension {
    pub kind: CompKind,
    /// The element (for dicts, the key).
    pub elt: Expr,
    pub value: Option<Expr>,
    pub generators: Vec<CompFor>,
}

pub struct CompFor {
    pub target: Target,
    pub iter: Expr,
    pub conditions: Vec<Expr>,
    /// For `async for` in a comprehension: what each step awaits.
    pub site: Option<AwaitSite>,
}

pub enum FPart {
    Lit(Arc<str>),
    Value {
        expr: Expr,
        conversion: Option<char>,
        spec: Vec<FPart>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    BitAnd,
    BitOr,
    BitXor,
    LShift,
    RShift,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Not,
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// `async for target in iter: body else: orelse`.
pub struct AsyncFor {
    pub target: Target,
    pub iter: Expr,
    pub body: Vec<Stmt>,
    pub orelse: Vec<Stmt>,
    /// What the task awaits at each step, for the timeline.
    pub site: AwaitSite,
}

/// An assignment target.
pub enum Target {
    Var(Var, Arc<str>),
    Attr(Expr, Arc<str>),
    Subscript(Expr, Expr),
    Unpack(Vec<Target>, Option<usize>),
}

pub struct Stmt {
    pub line: u32,
    /// Whether executing this statement may suspend.
    pub awaits: bool,
    pub kind: StmtKind,
}

pub enum StmtKind {
    Expr(Expr),
    Assign(Vec<Target>, Expr),
    AugAssign(Target, BinOp, Expr),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    For(Target, Expr, Vec<Stmt>, Vec<Stmt>),
    /// `async for`: each item is awaited from the iterator's `__anext__()`.
    AsyncFor(Box<AsyncFor>),
    Break,
    Continue,
    Return(Option<Expr>),
    /// `raise exc from cause`.
    Raise(Option<Expr>, Option<Expr>),
    Try(Box<Try>),
    Assert(Expr, Option<Expr>),
    /// `def`, with its decorators top first: each is applied, bottom up, to the function.
    Def(Target, Arc<FuncDef>, Vec<Call>),
    /// `class`, with its decorators as for `def`.
    Class(Target, Box<ClassDef>, Vec<Call>),
    Delete(Vec<Target>),
    With(Vec<WithItem>, Vec<Stmt>),
    /// `async with`: the managers' `__aenter__` and `__aexit__` are awaited.
    AsyncWith(Vec<WithItem>, Vec<Stmt>),
    Pass,
}

/// One `expr as target` of a `with` statement.
pub struct WithItem {
    pub manager: Expr,
    pub target: Option<Target>,
    /// The manager expression as a call site (for errors and blocking labels).
    pub site: Call,
}

pub struct Try {
    /// Whether the handlers are `except*` clauses.
    pub star: bool,
    pub body: Vec<Stmt>,
    pub handlers: Vec<Handler>,
    pub orelse: Vec<Stmt>,
    pub finally: Vec<Stmt>,
}

pub struct Handler {
    /// `None` for a bare `except:`.
    pub types: Option<Expr>,
    pub name: Option<Target>,
    pub body: Vec<Stmt>,
}

pub struct Param {
    pub name: Arc<str>,
    pub var: Var,
    pub default: Option<usize>,
    pub kw_only: bool,
}

/// A compiled `def`, `async def` or `lambda`.
pub struct FuncDef {
    pub name: Arc<str>,
    /// The dotted path reprs and errors show: `outer.<locals>.inner`.
    pub qualname: Arc<str>,
    pub line: u32,
    pub is_async: bool,
    /// The body contains `yield`: calling the function makes a generator.
    pub is_generator: bool,
    /// A generator expression's function: its body is nothing but its `for` and `if` clauses
    /// nested, the innermost yielding the element, which a generator steps in place.
    pub is_genexpr: bool,
    /// Every parameter is positional and kept in the local slot of its position, with no
    /// `*args` or `**kwargs`: a call with exactly that many positional arguments binds them
    /// by moving them in.
    pub positional_only_slots: bool,
    pub params: Vec<Param>,
    pub varargs: Option<Var>,
    pub kwargs: Option<Var>,
    pub defaults: Vec<Expr>,
    pub n_locals: u32,
    /// Cells this function creates for its own variables captured by inner functions.
    pub n_own_cells: u32,
    /// For each free variable (cells after the own ones): where the defining scope keeps it.
    pub free: Vec<Var>,
    pub body: Vec<Stmt>,
    /// `__doc__`: the string the body starts with, if it does.
    pub doc: Option<Arc<str>>,
}

/// A compiled `class` statement.
pub struct ClassDef {
    pub bases: Vec<Expr>,
    /// The class body, run once as a function of no arguments; its name and qualname are the
    /// class's.
    pub body: Arc<FuncDef>,
    /// The names the body binds, in order, and where its frame keeps them: the class's
    /// attributes.
    pub namespace: Vec<(Arc<str>, Var)>,
    /// The `__class__` cell through which the methods' `super()` finds the class.
    pub class_cell: Option<Var>,
    /// The names the body annotates (`x: int`), in order: a dataclass's fields.
    pub annotations: Vec<Arc<str>>,
}

/// A whole scenario, ready to run.
pub struct Program {
    pub source: Arc<str>,
    pub globals: Vec<Arc<str>>,
    pub body: Vec<Stmt>,
    /// The module body contains a top-level `await` (run it as the main task of a loop).
    pub top_level_await: bool,
    /// Slots of the module frame: the variables of module-level comprehensions.
    pub module_locals: u32,
    /// The modules it was compiled against: what its imports and its values crossing to other
    /// processes are looked up in.
    pub modules: &'static [ModuleDef],
}
