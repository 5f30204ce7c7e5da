//! Helpers shared by the test files that run scenarios for real and look at their traces.

// Each test file uses its own subset of these helpers.
#![allow(dead_code)]

pub mod server;

use std::sync::Arc;

use interleave::exec::{self, RunOptions};
use interleave::record::log::RunLog;
use interleave::trace::document::{RunMeta, TraceDocument};
use interleave::trace::event::{LaneIx, LaneKind, RunStatus, State};
use interleave::trace::spans::Span;

/// Runs `source` to its end and returns its trace document.
pub fn run(source: &str) -> TraceDocument {
    run_with(source, RunOptions::default())
}

/// Runs `source` with `options` to its end and returns its trace document.
pub fn run_with(source: &str, options: RunOptions) -> TraceDocument {
    use_the_real_binary();
    let log = RunLog::new();
    exec::start(source, options, Arc::clone(&log))
        .unwrap_or_else(|e| panic!("does not compile: {e}"))
        .join();
    let end = log.end().expect("a joined run has ended");
    let meta = RunMeta {
        id: "test".into(),
        scenario: None,
        source: source.into(),
    };
    TraceDocument::build(meta, log.snapshot().iter(), Some(&end))
}

/// Points worker processes at the `interleave` binary: a run is this binary re-executed, not
/// the test harness.
pub fn use_the_real_binary() {
    interleave::exec::worker::set_program(env!("CARGO_BIN_EXE_interleave"));
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

/// `len` letters no compressor shrinks much, for a program source that needs room.
pub fn incompressible_text(len: u64) -> String {
    (0..len)
        .map(|i| char::from(b'a' + (i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 59) as u8 % 26))
        .collect()
}

/// How long two spans overlap (0 when they only touch or are apart).
pub fn overlap_ns(a: &Span, b: &Span) -> u64 {
    a.end_ns
        .min(b.end_ns)
        .saturating_sub(a.start_ns.max(b.start_ns))
}

/// The lanes of `kind`.
pub fn lanes(doc: &TraceDocument, kind: LaneKind) -> Vec<LaneIx> {
    doc.lanes
        .iter()
        .filter(|lane| lane.kind == kind)
        .map(|lane| lane.ix)
        .collect()
}

/// The spans of lane `ix` in `state`.
pub fn spans_in(doc: &TraceDocument, ix: LaneIx, state: State) -> Vec<&Span> {
    doc.lane_spans(ix).filter(|s| s.state == state).collect()
}

/// How long spans of `a` and spans of `b` overlap in all.
pub fn total_overlap_ns(a: &[&Span], b: &[&Span]) -> u64 {
    a.iter()
        .flat_map(|x| b.iter().map(move |y| overlap_ns(x, y)))
        .sum()
}

/// Cores' worth of CPU two plain Rust threads get right now while each hashes the same buffer:
/// their CPU time over the wall time. Near 2 when the machine really runs two threads at once,
/// near 1 (or below) when other load leaves them one core between them.
pub fn plain_threads_parallelism() -> f64 {
    use sha2::{Digest, Sha256};
    use std::time::Instant;
    let data = vec![b'x'; 20_000_000];
    let hash = || {
        let cpu_before = thread_cpu_s();
        Sha256::digest(&data);
        thread_cpu_s() - cpu_before
    };
    let start = Instant::now();
    let cpu = std::thread::scope(|s| {
        let other = s.spawn(hash);
        hash() + other.join().expect("a hashing thread")
    });
    cpu / start.elapsed().as_secs_f64()
}

/// Whether [`plain_threads_parallelism`] saw two cores free for this run's threads.
pub fn two_cores_free(parallelism: f64) -> bool {
    parallelism >= 1.6
}

/// The CPU time the calling thread has used, in seconds.
fn thread_cpu_s() -> f64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec to write to; this clock exists on every Linux.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    now.tv_sec as f64 + now.tv_nsec as f64 / 1e9
}
