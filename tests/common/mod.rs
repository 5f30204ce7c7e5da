//! Helpers shared by the test files that run scenarios for real and look at their traces.

use std::sync::Arc;

use interleave::exec::{self, RunOptions};
use interleave::lang;
use interleave::record::log::RunLog;
use interleave::trace::document::{RunMeta, TraceDocument};
use interleave::trace::event::RunStatus;
use interleave::trace::spans::Span;

/// Runs `source` to its end and returns its trace document.
pub fn run(source: &str) -> TraceDocument {
    // Scenarios that start processes re-execute the real binary, not this test harness.
    interleave::exec::process::set_worker_program(env!("CARGO_BIN_EXE_interleave"));
    let program = lang::compile(source).unwrap_or_else(|e| panic!("does not compile: {e}"));
    let log = RunLog::new();
    exec::start(program, RunOptions::default(), Arc::clone(&log)).join();
    let end = log.end().expect("a joined run has ended");
    let meta = RunMeta {
        id: "test".into(),
        scenario: None,
        source: source.into(),
    };
    TraceDocument::build(meta, log.snapshot().iter(), Some(&end))
}

/// Runs `source` and checks that it ended `ok`.
pub fn run_ok(source: &str) -> TraceDocument {
    let doc = run(source);
    assert_eq!(
        doc.run.status,
        RunStatus::Ok,
        "the run failed: {:?}",
        doc.run.error
    );
    doc
}

/// How long two spans overlap (0 when they only touch or are apart).
pub fn overlap_ns(a: &Span, b: &Span) -> u64 {
    a.end_ns
        .min(b.end_ns)
        .saturating_sub(a.start_ns.max(b.start_ns))
}
