//! The language's unit tests: small programs run on a stub host (no event loop, no GIL, no
//! threads or processes, no modules), reporting what they printed.

use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use super::error::{Abort, Ctrl, Eval, Signal};
use super::eval::{Ctx, Interp};
use super::function::Frame;
use super::host::Host;
use super::ir::AwaitSite;
use super::{Program, SyntaxError};
use crate::trace::event::DiagnosticKind;

/// A host that keeps what the program printed and stops it after `time_limit`.
struct StubHost {
    output: Mutex<String>,
    breaker: Arc<AtomicBool>,
    started: Instant,
    time_limit: Duration,
}

impl Host for StubHost {
    fn eval_breaker(&self) -> Arc<AtomicBool> {
        self.breaker.clone()
    }

    fn yield_gil(&self) {}

    fn check(&self) -> Eval<()> {
        if self.started.elapsed() < self.time_limit {
            return Ok(());
        }
        Err(Ctrl::abort(Abort::Limit(format!(
            "the run reached its time limit of {} s and was stopped",
            self.time_limit.as_secs_f64()
        ))))
    }

    fn recursion_limit(&self) -> usize {
        1000
    }

    fn write_output(&self, text: &str, _line: u32) -> Eval<()> {
        self.output.lock().push_str(text);
        Ok(())
    }

    fn diagnostic(&self, _kind: DiagnosticKind, _message: String, _line: u32) {}

    fn now_ns(&self) -> u64 {
        self.started.elapsed().as_nanos() as u64
    }

    fn awaiting(&self, _site: &AwaitSite) {}

    fn script_path(&self) -> &str {
        "/scenario.py"
    }
}

/// Runs `f` on a thread with the stack a program needs.
pub fn on_program_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(super::PROGRAM_STACK)
        .spawn(f)
        .expect("a thread")
        .join()
        .expect("the program neither panics nor overflows")
}

/// Compiles `source` (it may import nothing) on a thread with the stack a program needs.
pub fn compile(source: &str) -> Result<Arc<Program>, SyntaxError> {
    let source = source.to_string();
    on_program_stack(move || super::compile(&source, &[]))
}

/// What `source` printed, then the last line of its traceback (`Kind: message`) if it failed.
pub fn outcome(source: &str) -> String {
    outcome_within(source, Duration::from_secs(10))
}

/// [`outcome`] of a run stopped after `time_limit`; a stopped run ends `LimitExceeded: why`.
pub fn outcome_within(source: &str, time_limit: Duration) -> String {
    let (mut out, error) = run(source, time_limit);
    out.extend(error.map(ending));
    out
}

/// The traceback of the exception `source` fails with, a `function:line` per frame, outermost
/// first.
pub fn traceback(source: &str) -> Vec<String> {
    match run(source, Duration::from_secs(10))
        .1
        .map(Ctrl::into_signal)
    {
        Some(Signal::Raise(e)) => e
            .traceback
            .lock()
            .iter()
            .map(|f| format!("{}:{}", f.function, f.line))
            .collect(),
        _ => panic!("the program did not raise:\n{source}"),
    }
}

/// What `source` printed, and how it failed if it did.
fn run(source: &str, time_limit: Duration) -> (String, Option<Ctrl>) {
    let program = match compile(source) {
        Ok(program) => program,
        Err(e) => return (format!("{}: {}", e.kind, e.message), None),
    };
    let host = Arc::new(StubHost {
        output: Mutex::new(String::new()),
        breaker: Arc::new(AtomicBool::new(false)),
        started: Instant::now(),
        time_limit,
    });
    let interp = Interp::new(program.clone(), host.clone(), "__main__");
    let error = on_program_stack(move || {
        let ctx = Ctx::new(Arc::new(interp));
        ctx.exec_block(&mut Frame::module(program.module_locals), &program.body)
            .err()
    });
    let out = host.output.lock().clone();
    (out, error)
}

/// The last line a failed program's traceback ends with.
fn ending(ctrl: Ctrl) -> String {
    match ctrl.into_signal() {
        Signal::Raise(e) => format!("{}: {}", e.qualified_name(), e.message()),
        Signal::Abort(Abort::Limit(why)) => format!("LimitExceeded: {why}"),
        _ => "the program stopped without an exception".to_string(),
    }
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
