//! Threads, processes and the GIL against CPython: thread and process start cost, GIL hand-off
//! latency, and the length of the slices two CPU-bound threads take turns in.
//!
//! Run with `cargo bench --bench threads`.
//!
//! Each program measures itself with `time.perf_counter()` and prints `name value` lines, so the
//! same code is timed the same way under both interpreters: Interleave runs it in a worker process
//! through `exec::start` (as the server does), CPython with `python3 -c`. The slice length is
//! read from Interleave's own trace (CPython's reference, 4.9 ms on a quiet machine, is in
//! `../shared/notes/threads-gil-processes.md`).

mod common;
// Shared with the other benchmarks; this one does not use every helper.
#[allow(dead_code)]
#[path = "common/run.rs"]
mod run;

use std::collections::HashMap;
use std::process::Command;

use common::{medians, print_machine, print_table};
use interleave::trace::document::{RunMeta, TraceDocument};
use interleave::trace::event::{EventKind, LaneKind, State};

const RUNS: usize = 5;

/// Starting and joining threads one at a time (the cost of a thread's whole life).
const THREAD_START: &str = "\
import threading
import time


def nothing():
    pass


t0 = time.perf_counter()
for _ in range(200):
    t = threading.Thread(target=nothing)
    t.start()
    t.join()
print('thread_start_us', (time.perf_counter() - t0) / 200 * 1e6)
";

/// Starting and joining a process with an empty target. Interleave's processes follow the spawn
/// model, so CPython is asked to spawn too (its Linux default, fork, skips re-importing).
const PROCESS_START: &str = "\
import multiprocessing
import time


def nothing():
    pass


if __name__ == '__main__':
    multiprocessing.set_start_method('spawn')
    total = 0.0
    for _ in range(5):
        p = multiprocessing.Process(target=nothing)
        t0 = time.perf_counter()
        p.start()
        p.join()
        total += time.perf_counter() - t0
    print('process_start_ms', total / 5 * 1e3)
";

/// How long `time.sleep(0.001)` takes while a CPU-bound thread holds the GIL: the sleeper must
/// win the lock back each time (CPython: about one switch interval, 6.2 ms).
const GIL_HANDOFF: &str = "\
import threading
import time

done = False


def spin():
    while not done:
        pass


def sleeper(durations):
    for _ in range(60):
        t0 = time.perf_counter()
        time.sleep(0.001)
        durations.append(time.perf_counter() - t0)


durations = []
hog = threading.Thread(target=spin)
hog.start()
s = threading.Thread(target=sleeper, args=(durations,))
s.start()
s.join()
done = True
hog.join()
durations.sort()
print('sleep_1ms_under_load_ms', durations[len(durations) // 2] * 1e3)
";

/// Two CPU-bound threads: they alternate holding the GIL.
const TWO_SPINNERS: &str = "\
import threading


def count(n):
    c = 0
    for i in range(n):
        c += 1


ts = [threading.Thread(target=count, args=(3_000_000,)) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
";

/// Runs `source` in Interleave; returns the printed `name value` pairs and the trace.
fn interleave(source: &str) -> (HashMap<String, f64>, TraceDocument) {
    let (log, handle) = run::start(source);
    handle.join();
    let end = run::expect_ok(&log);
    let snapshot = log.snapshot();
    let printed: String = snapshot
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Print { text, .. } => Some(text.to_string()),
            _ => None,
        })
        .collect();
    let meta = RunMeta {
        id: "bench".into(),
        scenario: None,
        source: source.into(),
    };
    let doc = TraceDocument::build(meta, snapshot.iter(), Some(&end));
    (parse(&printed), doc)
}

/// Runs `source` with CPython from a file (spawned children re-import the main module, which
/// `python3 -c` does not have).
fn python(source: &str) -> HashMap<String, f64> {
    let file = std::env::temp_dir().join(format!("interleave-bench-{}.py", std::process::id()));
    std::fs::write(&file, source).expect("the temporary directory is writable");
    let out = Command::new("python3")
        .arg(&file)
        .env("PYTHONUNBUFFERED", "1")
        .output()
        .expect("python3 (CPython 3.11) is needed for this benchmark");
    assert!(out.status.success(), "python3 failed: {out:?}");
    parse(&String::from_utf8_lossy(&out.stdout))
}

fn parse(printed: &str) -> HashMap<String, f64> {
    printed
        .lines()
        .filter_map(|line| line.split_once(' '))
        .filter_map(|(k, v)| Some((k.to_string(), v.trim().parse().ok()?)))
        .collect()
}

/// The median length, in ms, of the `running` spans of thread lanes.
fn median_slice_ms(doc: &TraceDocument) -> f64 {
    let mut slices: Vec<f64> = doc
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Thread)
        .flat_map(|l| doc.lane_spans(l.ix))
        .filter(|s| s.state == State::Running)
        .map(|s| (s.end_ns - s.start_ns) as f64 / 1e6)
        .collect();
    slices.sort_by(f64::total_cmp);
    slices.get(slices.len() / 2).copied().unwrap_or(0.0)
}

fn main() {
    interleave::exec::worker::set_program(env!("CARGO_BIN_EXE_interleave"));
    print_machine();
    let [il_start, py_start, il_proc, py_proc, il_sleep, py_sleep, il_slice] =
        medians(RUNS, || {
            let (il_a, _) = interleave(THREAD_START);
            let py_a = python(THREAD_START);
            let (il_p, _) = interleave(PROCESS_START);
            let py_p = python(PROCESS_START);
            let (il_b, _) = interleave(GIL_HANDOFF);
            let py_b = python(GIL_HANDOFF);
            let (_, spinners) = interleave(TWO_SPINNERS);
            [
                il_a["thread_start_us"],
                py_a["thread_start_us"],
                il_p["process_start_ms"],
                py_p["process_start_ms"],
                il_b["sleep_1ms_under_load_ms"],
                py_b["sleep_1ms_under_load_ms"],
                median_slice_ms(&spinners),
            ]
        });
    print_table(
        &["case", "interleave", "python3"],
        &[
            vec![
                "thread start + join".into(),
                format!("{il_start:.0} µs"),
                format!("{py_start:.0} µs"),
            ],
            vec![
                "process start + join (spawn)".into(),
                format!("{il_proc:.1} ms"),
                format!("{py_proc:.1} ms"),
            ],
            vec![
                "`time.sleep(0.001)` while a CPU thread holds the GIL (hand-off)".into(),
                format!("{il_sleep:.2} ms"),
                format!("{py_sleep:.2} ms"),
            ],
            vec![
                "GIL slice of two CPU-bound threads (median)".into(),
                format!("{il_slice:.2} ms"),
                "4.9 ms (notes)".into(),
            ],
        ],
    );
}
