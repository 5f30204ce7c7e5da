//! Runs small programs on the real runtime of this process (event loop, GIL, threads) for the
//! tests of the runtime and the modules, and reports what they printed.

use std::sync::Arc;

use super::worker::run_in_this_process;
use super::RunOptions;
use crate::lang::testing::on_program_stack;
use crate::lang::{self, Program, SyntaxError};
use crate::record::log::RunLog;
use crate::trace::event::EventKind;

/// Compiles `source` against the modules registry, on a thread with a program's stack.
pub fn compile(source: &str) -> Result<Arc<Program>, SyntaxError> {
    let source = source.to_string();
    on_program_stack(move || lang::compile(&source, crate::modules::REGISTRY))
}

/// What `source` printed, then the last line of its traceback (`Kind: message`) if it failed.
pub fn outcome(source: &str) -> String {
    outcome_with(source, RunOptions::default())
}

/// [`outcome`] of a run with `options`; a run stopped at a limit ends `LimitExceeded: why`.
pub fn outcome_with(source: &str, options: RunOptions) -> String {
    let program = match compile(source) {
        Ok(program) => program,
        Err(e) => return format!("{}: {}", e.kind, e.message),
    };
    let log = RunLog::new();
    run_in_this_process(program, options, log.clone());
    let mut out: String = log
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Print { text, .. } => Some(text.to_string()),
            _ => None,
        })
        .collect();
    if let Some(error) = log.end().and_then(|end| end.error) {
        out.push_str(&format!("{}: {}", error.kind, error.message));
    }
    out
}
