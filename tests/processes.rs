//! Child processes for real: `multiprocessing.Process` and `ProcessPoolExecutor` start the
//! `interleave` binary as workers; their pids, exit codes, timings and output come back on the
//! run's one clock, and no run leaves a process behind, however it ends (checked in `/proc`).
//!
//! The tests take turns (one lock), so the children listed in `/proc` are the current test's
//! and CPU-bound children do not compete with another test's.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use interleave::exec::{self, RunOptions};
use interleave::record::log::RunLog;
use interleave::trace::document::{LaneInfo, RunMeta, TraceDocument};
use interleave::trace::event::{EventKind, LaneKind, RunStatus, State, LOOP_LANE};
use interleave::trace::spans::Span;

const MS: u64 = 1_000_000;

static TURN: Mutex<()> = Mutex::new(());

/// Takes this test's turn and points child processes at the `interleave` binary.
fn turn() -> MutexGuard<'static, ()> {
    let guard = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    exec::worker::set_program(env!("CARGO_BIN_EXE_interleave"));
    guard
}

fn document(source: &str, log: &RunLog) -> TraceDocument {
    let meta = RunMeta {
        id: "processes".into(),
        scenario: None,
        source: source.into(),
    };
    TraceDocument::build(meta, log.snapshot().iter(), log.end().as_ref())
}

fn run_with(source: &str, options: RunOptions) -> TraceDocument {
    let log = RunLog::new();
    exec::start(source, options, Arc::clone(&log))
        .unwrap_or_else(|e| panic!("does not compile: {e}"))
        .join();
    document(source, &log)
}

fn run_ok(source: &str) -> TraceDocument {
    let doc = run_with(source, RunOptions::default());
    assert_eq!(
        doc.run.status,
        RunStatus::Ok,
        "the run failed: {:?}\n{}",
        doc.run.error,
        doc.stdout()
    );
    doc
}

/// The pids of the live (or unreaped) children of this test process, from `/proc/*/stat`.
fn children() -> Vec<u32> {
    let me = std::process::id();
    let entries = std::fs::read_dir("/proc").expect("/proc is readable");
    entries
        .filter_map(|entry| {
            let pid: u32 = entry.ok()?.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // `pid (comm) state ppid ...`; comm may hold spaces and parentheses.
            let after_comm = &stat[stat.rfind(')')? + 1..];
            let ppid: u32 = after_comm.split_whitespace().nth(1)?.parse().ok()?;
            (ppid == me).then_some(pid)
        })
        .collect()
}

fn assert_no_children(after: &str) {
    let left = children();
    assert!(
        left.is_empty(),
        "processes left behind after {after}: {left:?}"
    );
}

fn process_lanes(doc: &TraceDocument) -> Vec<&LaneInfo> {
    doc.lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Process)
        .collect()
}

fn process_lane<'a>(doc: &'a TraceDocument, name: &str) -> &'a LaneInfo {
    process_lanes(doc)
        .into_iter()
        .find(|l| &*l.name == name)
        .unwrap_or_else(|| panic!("no process lane {name}: {:?}", doc.lanes))
}

fn spans_in<'a>(doc: &'a TraceDocument, lane: &LaneInfo, state: State) -> Vec<&'a Span> {
    doc.lane_spans(lane.ix)
        .filter(|s| s.state == state)
        .collect()
}

fn spawn_time(doc: &TraceDocument, child: &LaneInfo) -> u64 {
    doc.events
        .iter()
        .find(|e| matches!(e.kind, EventKind::Spawn { child: c, .. } if c == child.ix))
        .map(|e| e.t_ns)
        .unwrap_or_else(|| panic!("no spawn event for {}", child.name))
}

/// The value printed after `prefix` on a line of the run's output.
fn printed<'a>(doc: &'a TraceDocument, prefix: &str) -> Vec<&'a str> {
    doc.output
        .iter()
        .filter_map(|o| o.text.strip_prefix(prefix))
        .map(str::trim_end)
        .collect()
}

fn lines(doc: &TraceDocument) -> Vec<String> {
    doc.stdout().lines().map(str::to_string).collect()
}

const EXIT_CODES: &str = "\
import multiprocessing
import os


def fine(x):
    print('child pid', os.getpid())
    return x


def boom():
    raise ValueError('boom')


if __name__ == '__main__':
    p = multiprocessing.Process(target=fine, args=(1,))
    print('before', p.pid, p.exitcode)
    p.start()
    p.join()
    print('parent pid', p.pid)
    print('exitcode', p.exitcode)
    q = multiprocessing.Process(target=boom)
    q.start()
    q.join()
    print('failed exitcode', q.exitcode, q.is_alive())
    print('main goes on in', os.getpid())
";

#[test]
fn a_process_is_a_real_child_with_a_pid_and_an_exit_code() {
    let _turn = turn();
    let doc = run_ok(EXIT_CODES);
    let worker = doc.lanes[LOOP_LANE as usize].pid.to_string();
    assert_ne!(
        worker,
        std::process::id().to_string(),
        "a run is a process of its own"
    );
    let child_pid = printed(&doc, "child pid ");
    assert_eq!(child_pid, printed(&doc, "parent pid "));
    assert_ne!(child_pid, [worker.as_str()]);
    assert_eq!(printed(&doc, "main goes on in "), [worker.as_str()]);
    assert_eq!(printed(&doc, "before "), ["None None"]);
    assert_eq!(printed(&doc, "exitcode "), ["0"]);
    assert_eq!(printed(&doc, "failed exitcode "), ["1 False"]);
    let lane = process_lane(&doc, "Process-1");
    assert_eq!(lane.pid.to_string(), child_pid[0]);
    assert_eq!(lane.parent, Some(LOOP_LANE));
    assert_eq!(lane.outcome, Some(State::Done));
    let failed = process_lane(&doc, "Process-2");
    assert_eq!(failed.outcome, Some(State::Failed));
    let exception = doc.events.iter().find_map(|e| match &e.kind {
        EventKind::Exception { message, .. } if e.lane == failed.ix => Some(message.clone()),
        _ => None,
    });
    assert_eq!(
        exception.as_deref(),
        Some("Process Process-2: ValueError: boom")
    );
    assert_no_children("a run with processes");
}

const SLEEPY_CHILD: &str = "\
import multiprocessing
import time


def nap():
    print('child awake')
    time.sleep(0.2)
    print('child done')


if __name__ == '__main__':
    p = multiprocessing.Process(target=nap)
    p.start()
    p.join()
    print('joined')
";

#[test]
fn a_child_records_on_the_run_clock_under_its_process_lane() {
    let _turn = turn();
    let doc = run_ok(SLEEPY_CHILD);
    let lane = process_lane(&doc, "Process-1");
    let spawned = spawn_time(&doc, lane);
    let sleeps = spans_in(&doc, lane, State::Blocked);
    assert_eq!(sleeps.len(), 1, "one blocking sleep: {sleeps:?}");
    let sleep = sleeps[0];
    assert_eq!(sleep.label.as_deref(), Some("time.sleep(0.2)"));
    assert!(
        sleep.start_ns > spawned,
        "{sleep:?} starts before {spawned}"
    );
    assert!(
        sleep.duration_ns().abs_diff(200 * MS) <= 5 * MS,
        "the child's sleep lasts {} ns",
        sleep.duration_ns()
    );
    let joined = doc
        .lane_spans(LOOP_LANE)
        .find(|s| s.state == State::Blocked);
    let joined = joined.expect("the main thread blocks in join()");
    assert!(joined.start_ns < sleep.start_ns && joined.end_ns >= sleep.end_ns);
    assert_eq!(lines(&doc), ["child awake", "child done", "joined"]);
    let child_prints: Vec<_> = doc.output.iter().filter(|o| o.lane == lane.ix).collect();
    assert_eq!(child_prints.len(), 2);
    assert!(child_prints[1].t_ns >= sleep.end_ns);
    assert_no_children("a sleeping child");
}

const MODULE_LEVEL: &str = "\
import multiprocessing

print('module level', __name__)


def hello():
    print('hello from the child')


if __name__ == '__main__':
    p = multiprocessing.Process(target=hello)
    p.start()
    p.join()
    print('done')
";

#[test]
fn module_level_code_outside_the_main_guard_runs_again_in_the_child() {
    let _turn = turn();
    let doc = run_ok(MODULE_LEVEL);
    assert_eq!(
        lines(&doc),
        [
            "module level __main__",
            "module level __mp_main__",
            "hello from the child",
            "done"
        ]
    );
}

const TWO_SPINNERS: &str = "\
import multiprocessing


def spin(n):
    c = 0
    for i in range(n):
        c += 1
    return c


if __name__ == '__main__':
    ps = [multiprocessing.Process(target=spin, args=(8_000_000,)) for _ in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print([p.exitcode for p in ps])
";

#[test]
fn processes_running_cpu_bound_loops_overlap_and_take_the_longest() {
    let _turn = turn();
    let doc = run_ok(TWO_SPINNERS);
    assert_eq!(lines(&doc), ["[0, 0]"]);
    let spins: Vec<&Span> = process_lanes(&doc)
        .iter()
        .map(|lane| {
            let running = spans_in(&doc, lane, State::Running);
            let spin = running
                .into_iter()
                .find(|s| s.label.as_deref() == Some("spin()"));
            spin.unwrap_or_else(|| panic!("{} runs spin()", lane.name))
        })
        .collect();
    assert_eq!(spins.len(), 2);
    let (a, b) = (spins[0], spins[1]);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores < 2 {
        return;
    }
    let overlap = a
        .end_ns
        .min(b.end_ns)
        .saturating_sub(a.start_ns.max(b.start_ns));
    let shorter = a.duration_ns().min(b.duration_ns());
    assert!(
        overlap * 10 >= shorter * 8,
        "two processes on {cores} cores should run at once: {a:?} and {b:?}"
    );
    let both = a.end_ns.max(b.end_ns) - a.start_ns.min(b.start_ns);
    let longest = a.duration_ns().max(b.duration_ns());
    let sum = a.duration_ns() + b.duration_ns();
    assert!(
        both * 10 <= longest * 12 && both * 4 <= sum * 3,
        "together {both} ns: about the longest ({longest} ns), not the sum ({sum} ns)"
    );
}

const TWO_TIMED_SPINNERS: &str = "\
import multiprocessing
import time


def spin():
    end = time.perf_counter() + 0.3
    while time.perf_counter() < end:
        pass


if __name__ == '__main__':
    ps = [multiprocessing.Process(target=spin) for _ in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
";

/// How long each child of `TWO_TIMED_SPINNERS` spins.
const SPIN_NS: u64 = 300 * MS;
/// Runs of a timing scenario before its parallelism claim is given up on (a busy machine)...
const ATTEMPTS: usize = 5;
/// ...with a pause between them, so one burst of load elsewhere does not spoil them all.
const PAUSE: Duration = Duration::from_millis(300);

/// The CPU time this process's reaped children have used so far.
fn children_cpu_ns() -> u64 {
    // SAFETY: an all-zero rusage is valid for getrusage to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid rusage to write.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    let ns = |t: libc::timeval| t.tv_sec as u64 * 1_000_000_000 + t.tv_usec as u64 * 1_000;
    ns(usage.ru_utime) + ns(usage.ru_stime)
}

/// The run has one core lane per CPU, none nested under a process.
fn assert_one_set_of_core_lanes(doc: &TraceDocument, cpus: usize) {
    let cores: Vec<&LaneInfo> = doc
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Core)
        .collect();
    assert_eq!(cores.len(), cpus, "one lane per CPU: {cores:?}");
    for core in cores {
        assert!(
            core.parent.is_none_or(|p| p == LOOP_LANE),
            "{} is nested under a process",
            core.name
        );
    }
}

/// The `running` spans of the run's core lanes labelled with a thread of `process`.
fn core_spans_of<'a>(doc: &'a TraceDocument, process: &str) -> Vec<&'a Span> {
    let prefix = format!("{process} · ");
    doc.lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Core)
        .flat_map(|l| spans_in(doc, l, State::Running))
        .filter(|s| s.label.as_deref().is_some_and(|l| l.starts_with(&prefix)))
        .collect()
}

/// How long spans of `a` and spans of `b` on different lanes overlap in all.
fn cross_lane_overlap_ns(a: &[&Span], b: &[&Span]) -> u64 {
    let pairs = a
        .iter()
        .flat_map(|x| b.iter().filter(|y| y.lane != x.lane).map(move |y| (x, y)));
    pairs
        .map(|(x, y)| {
            let end = x.end_ns.min(y.end_ns);
            end.saturating_sub(x.start_ns.max(y.start_ns))
        })
        .sum()
}

#[test]
fn children_run_on_the_runs_one_set_of_cpu_lanes() {
    let _turn = turn();
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    for _ in 0..ATTEMPTS {
        let cpu_before = children_cpu_ns();
        let doc = run_ok(TWO_TIMED_SPINNERS);
        // Both spin for the same wall time: CPU time beyond it is time they ran at once.
        let parallel_ns = (children_cpu_ns() - cpu_before).saturating_sub(SPIN_NS);
        assert_one_set_of_core_lanes(&doc, cpus);
        let (a, b) = (
            core_spans_of(&doc, "Process-1"),
            core_spans_of(&doc, "Process-2"),
        );
        assert!(
            !a.is_empty() && !b.is_empty(),
            "both children ran on a CPU lane: {a:?} {b:?}"
        );
        if cpus < 2 {
            return;
        }
        if parallel_ns >= SPIN_NS / 2 {
            let overlap = cross_lane_overlap_ns(&a, &b);
            assert!(
                overlap * 2 >= parallel_ns,
                "the children ran at once for about {} ms, two CPU lanes show them for {} ms: \
                 {a:?} {b:?}",
                parallel_ns / MS,
                overlap / MS
            );
            return;
        }
        std::thread::sleep(PAUSE);
    }
    eprintln!("no second core was free to run both children at once");
}

const POOL: &str = "\
from concurrent.futures import ProcessPoolExecutor
import os
import time


def square(x):
    return x * x


def pid_after(delay):
    time.sleep(delay)
    return os.getpid()


if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=2) as pool:
        print('map', list(pool.map(square, range(6))))
        future = pool.submit(square, 7)
        print('submit', future.result())
        first = pool.map(pid_after, [0.05, 0.05, 0.05, 0.05])
        second = pool.map(pid_after, [0.05, 0.05, 0.05])
        seen = {}
        for pid in list(first) + list(second):
            seen[pid] = True
        for pid in seen:
            print('worker', pid)
    print('shut down')
";

#[test]
fn a_process_pool_maps_in_order_and_reuses_its_workers() {
    let _turn = turn();
    let doc = run_ok(POOL);
    assert_eq!(printed(&doc, "map "), ["[0, 1, 4, 9, 16, 25]"]);
    assert_eq!(printed(&doc, "submit "), ["49"]);
    let workers = printed(&doc, "worker ");
    assert!(
        !workers.is_empty() && workers.len() <= 2,
        "at most 2 workers did the jobs: {workers:?}"
    );
    let lanes = process_lanes(&doc);
    assert!(lanes.len() <= 2, "{lanes:?}");
    for lane in &lanes {
        assert!(lane.name.starts_with("SpawnProcess-"), "{}", lane.name);
        assert!(workers.contains(&lane.pid.to_string().as_str()));
        assert_eq!(lane.outcome, Some(State::Done));
    }
    assert_eq!(lines(&doc).last().map(String::as_str), Some("shut down"));
    assert_no_children("a process pool");
}

#[test]
fn a_lambda_cannot_be_a_process_target() {
    let _turn = turn();
    let doc = run_ok(
        "\
import multiprocessing
import threading

try:
    multiprocessing.Process(target=lambda: 1).start()
except TypeError as e:
    print(e)
try:
    multiprocessing.Process(target=print, args=(threading.Lock(),)).start()
except TypeError as e:
    print(e)
",
    );
    let out = lines(&doc);
    assert!(
        out[0].starts_with("Can't pickle <function <lambda>>") && out[0].contains("module level"),
        "{out:?}"
    );
    assert_eq!(out[1], "cannot pickle 'lock' object");
    assert!(process_lanes(&doc).is_empty());
}

const NEVER_JOINED: &str = "\
import multiprocessing
import time


def nap(seconds):
    time.sleep(seconds)
    print('child finished')


if __name__ == '__main__':
    multiprocessing.Process(target=nap, args=(0.1,)).start()
    multiprocessing.Process(target=nap, args=(10,), daemon=True).start()
    print('main finished')
";

#[test]
fn a_run_that_ends_normally_waits_for_its_children_but_not_daemons_and_leaves_none() {
    let _turn = turn();
    let started = Instant::now();
    let doc = run_ok(NEVER_JOINED);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(lines(&doc), ["main finished", "child finished"]);
    assert_eq!(process_lane(&doc, "Process-1").outcome, Some(State::Done));
    assert_eq!(process_lane(&doc, "Process-2").outcome, Some(State::Failed));
    assert_no_children("a normal run");
}

const FAILING: &str = "\
import multiprocessing
import time


def nap():
    time.sleep(10)


if __name__ == '__main__':
    multiprocessing.Process(target=nap).start()
    time.sleep(0.1)
    raise RuntimeError('main failed')
";

#[test]
fn a_failing_run_kills_its_children() {
    let _turn = turn();
    let started = Instant::now();
    let doc = run_with(FAILING, RunOptions::default());
    assert_eq!(doc.run.status, RunStatus::Error);
    assert!(started.elapsed() < Duration::from_secs(3));
    let lane = process_lane(&doc, "Process-1");
    assert_eq!(lane.outcome, Some(State::Failed));
    assert_no_children("a failing run");
}

const SLEEPS_TEN_SECONDS: &str = "\
import multiprocessing
import time


def nap():
    print('child sleeping')
    time.sleep(10)


if __name__ == '__main__':
    p = multiprocessing.Process(target=nap)
    p.start()
    p.join()
";

#[test]
fn a_cancelled_run_kills_its_children() {
    let _turn = turn();
    let log = RunLog::new();
    let handle =
        exec::start(SLEEPS_TEN_SECONDS, RunOptions::default(), Arc::clone(&log)).expect("compiles");
    let deadline = Instant::now() + Duration::from_secs(5);
    while !log.events().iter().any(
        |e| matches!(&e.kind, EventKind::Print { text, .. } if text.starts_with("child sleeping")),
    ) {
        assert!(Instant::now() < deadline, "the child never started");
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(children().len(), 1);
    let cancelled = Instant::now();
    handle.cancel();
    handle.join();
    assert!(cancelled.elapsed() < Duration::from_secs(1));
    let doc = document(SLEEPS_TEN_SECONDS, &log);
    assert_eq!(doc.run.status, RunStatus::Cancelled);
    assert_eq!(process_lane(&doc, "Process-1").outcome, Some(State::Failed));
    assert_no_children("a cancelled run");
}

#[test]
fn a_run_stopped_by_its_time_limit_kills_its_children() {
    let _turn = turn();
    let options = RunOptions {
        time_limit: Duration::from_millis(500),
        ..RunOptions::default()
    };
    let started = Instant::now();
    let doc = run_with(SLEEPS_TEN_SECONDS, options);
    assert_eq!(doc.run.status, RunStatus::Limit);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_no_children("a run stopped by its time limit");
}

const NESTED: &str = "\
import multiprocessing
import os


def grandchild():
    print('grandchild', os.getpid())


def child():
    p = multiprocessing.Process(target=grandchild)
    p.start()
    p.join()
    print('child', os.getpid(), p.name, p.exitcode)


if __name__ == '__main__':
    p = multiprocessing.Process(target=child)
    p.start()
    p.join()
";

#[test]
fn a_child_can_start_its_own_child() {
    let _turn = turn();
    let doc = run_ok(NESTED);
    let child = process_lane(&doc, "Process-1");
    let grandchild = process_lane(&doc, "Process-1:1");
    assert_eq!(grandchild.parent, Some(child.ix));
    assert_eq!(printed(&doc, "grandchild "), [grandchild.pid.to_string()]);
    assert_eq!(
        printed(&doc, "child "),
        [format!("{} Process-1:1 0", child.pid)]
    );
    assert_no_children("nested processes");
}
