//! The scenario language: a subset of Python 3 parsed by `ruff_python_parser`, compiled to a
//! name-resolved IR and run by a hybrid evaluator (synchronous fast path, async path for
//! statements containing `await`).
//!
//! The supported surface is listed in the README; anything else is rejected at compile time
//! with the construct and its line.
//!
//! This is the interpreter core: the object model and the builtins that need no runtime. What
//! it needs from outside (the GIL's eval breaker, output, the clock...) it asks its
//! [`host::Host`]; the modules it may import are handed to [`compile`].

pub mod alloc;
pub mod async_generator;
pub mod builtins;
pub mod class;
pub mod compile;
pub mod error;
pub mod eval;
pub mod eval_async;
pub mod exception_group;
pub mod format;
pub mod function;
pub mod generator;
pub mod globals;
pub mod hash;
pub mod host;
pub mod introspect;
pub mod ir;
pub mod lazy;
pub mod nesting;
pub mod num;
pub mod object;
pub mod ops;
pub mod percent;
pub mod repr;
pub mod seconds;
pub mod set;
pub mod special;
pub mod str_methods;
#[cfg(test)]
pub(crate) mod testing;
pub mod text;
pub mod trashcan;
pub mod value;

use std::sync::Arc;

pub use ir::Program;

/// Python code runs on deep native recursion, and the compiler on deep nesting: the thread
/// that compiles or runs a program gets room for both (see [`compile`]).
pub const PROGRAM_STACK: usize = 512 << 20;
use value::ModuleDef;

/// Why a scenario could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// `syntax` (not valid Python), `unsupported` (valid Python outside the subset) or
    /// `recursion` (nested too deeply to compile: CPython's `RecursionError`).
    pub kind: &'static str,
    pub message: String,
    pub line: u32,
    pub column: u32,
}

impl SyntaxError {
    /// Every kind a compile error can have.
    pub const KINDS: [&'static str; 3] = ["syntax", "unsupported", "recursion"];

    /// An error of `kind` at `(line, column)`; its message names the line, as all of them do.
    pub fn at(kind: &'static str, what: &str, (line, column): (u32, u32)) -> SyntaxError {
        SyntaxError {
            kind,
            message: format!("{what} (line {line})"),
            line,
            column,
        }
    }

    /// CPython's `RecursionError` for a program nested deeper than the compiler goes.
    pub fn too_deep(at: (u32, u32)) -> SyntaxError {
        SyntaxError::at(
            "recursion",
            "maximum recursion depth exceeded during compilation",
            at,
        )
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for SyntaxError {}

/// Parses and checks a scenario. Parsing and compiling recurse once per nesting level: within
/// the limits [`nesting`] sets, the worst scenario of 256 KiB needs about 16 MiB of stack
/// (measured: about 12 MiB for 20 000 chained `if`-`else`), and a program nested the deepest
/// that compiles about 7 MiB, so callers run this on a thread with a large stack. `modules` are
/// what the program may import (the modules layer's registry).
pub fn compile(source: &str, modules: &'static [ModuleDef]) -> Result<Arc<Program>, SyntaxError> {
    nesting::check(source)?;
    let parsed = ruff_python_parser::parse_module(source).map_err(|e| {
        let at = compile::Lines::new(source).locate(e.location.start().to_usize());
        SyntaxError::at("syntax", &e.error.to_string(), at)
    })?;
    let module = parsed.into_syntax();
    compile::Compiler::new(source, modules)
        .compile_module(&module.body)
        .map(Arc::new)
}
