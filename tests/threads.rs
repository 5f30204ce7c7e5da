//! Physics of threads: under the GIL two CPU-bound threads take turns and take the sum of their
//! times; without it (free-threaded mode) they run Python at the same moment; pool threads wake
//! the task that awaited them; a lock keeps threads out of a critical section together;
//! `as_completed` hands out each result as its job ends.

mod common;

use std::sync::Mutex;

use common::{
    lanes, plain_threads_parallelism, run_ok, run_with, spans_in, total_overlap_ns, two_cores_free,
};
use interleave::exec::RunOptions;
use interleave::trace::document::TraceDocument;
use interleave::trace::event::{EventKind, LaneKind, RunStatus, State};

const MS: u64 = 1_000_000;

/// These tests time CPU-bound threads: they run one at a time, not beside each other.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// `count` threads each running the same pure-Python loop.
fn spinners(count: usize) -> String {
    format!(
        "\
import threading


def spin(n):
    c = 0
    for i in range(n):
        c += 1


ts = [threading.Thread(target=spin, args=(3_000_000,)) for _ in range({count})]
for t in ts:
    t.start()
for t in ts:
    t.join()
"
    )
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn thread_running(doc: &TraceDocument) -> Vec<Vec<&interleave::trace::spans::Span>> {
    lanes(doc, LaneKind::Thread)
        .into_iter()
        .map(|ix| spans_in(doc, ix, State::Running))
        .collect()
}

fn ended_ok(doc: TraceDocument) -> TraceDocument {
    assert_eq!(doc.run.status, RunStatus::Ok, "{:?}", doc.run.error);
    doc
}

#[test]
fn under_the_gil_two_cpu_threads_never_overlap_and_take_the_sum() {
    let _serial = one_at_a_time();
    let one = run_ok(&spinners(1)).run.duration_ns;
    let two = run_ok(&spinners(2));
    let running = thread_running(&two);
    assert_eq!(running.len(), 2);
    assert_eq!(
        total_overlap_ns(&running[0], &running[1]),
        0,
        "two threads held the GIL at once: {running:?}"
    );
    let ratio = two.run.duration_ns as f64 / one as f64;
    assert!(
        ratio > 1.6,
        "two threads under the GIL should take about twice one thread: {ratio:.2}"
    );
}

#[test]
fn without_the_gil_two_cpu_threads_run_at_once_and_take_the_longest() {
    let _serial = one_at_a_time();
    if cores() < 2 {
        eprintln!("one core: free-threaded threads cannot overlap here");
        return;
    }
    let options = || RunOptions {
        gil: false,
        ..RunOptions::default()
    };
    let best_of = |count| {
        (0..3)
            .map(|_| ended_ok(run_with(&spinners(count), options())))
            .min_by_key(|doc| doc.run.duration_ns)
            .expect("three runs")
    };
    let one = best_of(1).run.duration_ns;
    let two = best_of(2);
    let running = thread_running(&two);
    let overlap = total_overlap_ns(&running[0], &running[1]);
    assert!(
        overlap > one / 2,
        "the threads should run Python at the same time: overlap {} ms of a {} ms job",
        overlap / MS,
        one / MS
    );
    let ratio = two.run.duration_ns as f64 / one as f64;
    let plain = plain_threads_parallelism();
    assert!(
        ratio < 1.5 || !two_cores_free(plain),
        "two free threads should take about one thread's time: {ratio:.2} \
         (two plain Rust threads got {plain:.2} cores)"
    );
}

#[test]
fn a_pool_thread_wakes_the_task_that_awaited_it() {
    let _serial = one_at_a_time();
    let doc = run_ok(
        "\
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, 0.1)


asyncio.run(main())
",
    );
    let task = doc
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Task)
        .expect("a task lane")
        .ix;
    let worker = lanes(&doc, LaneKind::Thread);
    assert_eq!(worker.len(), 1, "one default-executor thread");
    let woke = doc.events.iter().any(|e| {
        e.lane == worker[0] && matches!(e.kind, EventKind::Wake { target } if target == task)
    });
    assert!(woke, "a wake arrow from the pool thread to the task");
    let blocked = spans_in(&doc, worker[0], State::Running);
    assert!(!blocked.is_empty());
    let awaiting = spans_in(&doc, task, State::Awaiting);
    let waited = awaiting
        .iter()
        .map(|s| s.end_ns - s.start_ns)
        .max()
        .unwrap_or(0);
    assert!(
        (95 * MS..150 * MS).contains(&waited),
        "the task awaits the 0.1 s job: {} ms",
        waited / MS
    );
}

#[test]
fn a_lock_keeps_increments_whole_and_blocked_threads_show_it() {
    let _serial = one_at_a_time();
    let doc = run_ok(
        "\
import threading

counter = 0
lock = threading.Lock()


def add(times):
    global counter
    for _ in range(times):
        with lock:
            seen = counter
            abs(-1)
            counter = seen + 1


ts = [threading.Thread(target=add, args=(300_000,)) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter)
",
    );
    assert_eq!(doc.stdout(), "900000\n");
    let blocked_on_lock = lanes(&doc, LaneKind::Thread).into_iter().any(|ix| {
        spans_in(&doc, ix, State::Blocked)
            .iter()
            .any(|s| s.label.as_deref() == Some("lock"))
    });
    assert!(blocked_on_lock, "some thread waited for the lock");
}

#[test]
fn as_completed_hands_out_each_result_when_it_is_ready() {
    let _serial = one_at_a_time();
    let doc = run_ok(
        "\
import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def brew(seconds):
    time.sleep(seconds)
    return seconds


with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(brew, s) for s in [0.3, 0.1, 0.2]]
    for future in as_completed(futures):
        print(future.result())
",
    );
    assert_eq!(doc.stdout(), "0.1\n0.2\n0.3\n");
    // Each result is printed when its job ends, not once all of them have.
    for (line, seconds) in doc.output.iter().zip([100, 200, 300]) {
        let late_ms = (line.t_ns / MS).abs_diff(seconds);
        assert!(
            late_ms < 50,
            "{} printed at {} ms, its job took {seconds} ms",
            line.text.trim_end(),
            line.t_ns / MS
        );
    }
    // Between results the main thread waits in the loop, without the GIL.
    let waits: Vec<_> = lanes(&doc, LaneKind::EventLoop)
        .into_iter()
        .flat_map(|ix| spans_in(&doc, ix, State::Blocked))
        .filter(|s| s.label.as_deref() == Some("as_completed(futures)"))
        .collect();
    assert_eq!(waits.len(), 3, "one wait per result: {waits:?}");
}
