//! Runs small programs for the interpreter's unit tests and reports what they printed.

use std::sync::Arc;

use super::{Program, SyntaxError};
use crate::exec::worker::{run_in_this_process, PROGRAM_STACK};
use crate::exec::RunOptions;
use crate::record::log::RunLog;
use crate::trace::event::EventKind;

/// Compiles `source` on a thread with the stack a worker gives it.
pub fn compile(source: &str) -> Result<Arc<Program>, SyntaxError> {
    let source = source.to_string();
    std::thread::Builder::new()
        .stack_size(PROGRAM_STACK)
        .spawn(move || super::compile(&source))
        .expect("a thread")
        .join()
        .expect("compiling neither panics nor overflows")
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

/// The value of each expression (its `repr`, or the exception it raised), one per line.
pub fn reprs(setup: &str, expressions: &[&str]) -> Vec<String> {
    let mut source = format!("{setup}\n");
    for e in expressions {
        source.push_str(&format!(
            "try:\n    print(repr({e}))\nexcept BaseException as error:\n    print(repr(error))\n"
        ));
    }
    outcome(&source).lines().map(str::to_string).collect()
}
