//! The scenario language: a subset of Python 3 parsed by `ruff_python_parser`, compiled to a
//! name-resolved IR and run by a hybrid evaluator (synchronous fast path, async path for
//! statements containing `await`).
//!
//! The supported surface is listed in the README; anything else is rejected at compile time
//! with the construct and its line.

pub mod alloc;
pub mod builtins;
pub mod compile;
pub mod error;
pub mod eval;
pub mod eval_async;
pub mod format;
pub mod function;
pub mod ir;
pub mod num;
pub mod object;
pub mod ops;
pub mod repr;
pub mod seconds;
#[cfg(test)]
mod testing;
pub mod trashcan;
pub mod value;

use std::sync::Arc;

pub use ir::Program;

/// Why a scenario could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// `syntax` (not valid Python) or `unsupported` (valid Python outside the subset).
    pub kind: &'static str,
    pub message: String,
    pub line: u32,
    pub column: u32,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for SyntaxError {}

/// Parses and checks a scenario.
pub fn compile(source: &str) -> Result<Arc<Program>, SyntaxError> {
    let parsed = ruff_python_parser::parse_module(source).map_err(|e| {
        let (line, column) = compile::Lines::new(source).locate(e.location.start().to_usize());
        SyntaxError {
            kind: "syntax",
            message: format!("{} (line {line})", e.error),
            line,
            column,
        }
    })?;
    let module = parsed.into_syntax();
    compile::Compiler::new(source)
        .compile_module(&module.body)
        .map(Arc::new)
}
