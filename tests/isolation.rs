//! Each run is a sandboxed worker process: the sandbox holds, a worker that dies or will not
//! stop ends its run honestly and at once, and the run's limits (memory, threads, processes,
//! events) answer as documented. Every test leaves no process of its run behind.

mod common;

use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use interleave::exec::{self, RunHandle, RunOptions};
use interleave::record::log::RunLog;
use interleave::trace::document::TraceDocument;
use interleave::trace::event::{EventKind, RunStatus};

/// Starts `source` with `options` in a worker; the log it records into.
fn start(source: &str, options: RunOptions) -> (Arc<RunLog>, RunHandle) {
    common::use_the_real_binary();
    let log = RunLog::new();
    let handle = exec::start(source, options, Arc::clone(&log)).expect("compiles");
    (log, handle)
}

fn document(source: &str, log: &RunLog) -> TraceDocument {
    let meta = interleave::trace::document::RunMeta {
        id: "isolation".into(),
        scenario: None,
        source: source.into(),
    };
    TraceDocument::build(meta, log.snapshot().iter(), log.end().as_ref())
}

fn short(seconds: f64) -> RunOptions {
    RunOptions {
        time_limit: Duration::from_secs_f64(seconds),
        ..RunOptions::default()
    }
}

/// Waits (at most 10 s) until the run has printed `text`.
fn wait_for_print(log: &RunLog, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !log
        .events()
        .iter()
        .any(|e| matches!(&e.kind, EventKind::Print { text: t, .. } if t.starts_with(text)))
    {
        assert!(Instant::now() < deadline, "the run never printed {text:?}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Processes in process group `group` (a run's worker and its children).
fn group_members(group: u32) -> Vec<u32> {
    let mut members = Vec::new();
    for entry in std::fs::read_dir("/proc")
        .expect("/proc is readable")
        .flatten()
    {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // The fields after the command name (in parentheses): state, ppid, pgrp, ...
        let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        let pgrp = after_name.split_whitespace().nth(2);
        if pgrp == Some(group.to_string().as_str()) {
            members.push(pid);
        }
    }
    members
}

fn assert_nothing_left(group: u32) {
    assert_eq!(
        group_members(group),
        Vec::<u32>::new(),
        "processes of the run are left"
    );
}

#[test]
fn the_sandbox_holds_on_this_machine() {
    let output = Command::new(env!("CARGO_BIN_EXE_interleave"))
        .arg("sandbox-check")
        .output()
        .expect("interleave runs");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the sandbox does not hold:\n{report}"
    );
    assert!(
        report.contains("Landlock (files, TCP, signals)"),
        "{report}"
    );
    for refused in [
        "read /etc/passwd",
        "create a file",
        "connect to a TCP port",
        "open a UDP socket",
        "signal a process outside the run",
        "signal every process",
        "trace a process",
        "run /bin/sh",
    ] {
        let line = report
            .lines()
            .find(|l| l.starts_with(refused))
            .unwrap_or_else(|| panic!("no probe {refused:?} in\n{report}"));
        assert!(line.contains("refused ("), "{line}");
    }
    for works in ["read its own /proc/self/stat", "start this program again"] {
        assert!(
            report
                .lines()
                .any(|l| l.starts_with(works) && l.ends_with("works")),
            "{works} must work:\n{report}"
        );
    }
}

const PRINTS_THEN_SLEEPS: &str = "\
import time
print('started')
time.sleep(10)
print('never')
";

#[test]
fn a_worker_killed_by_a_signal_ends_its_run_as_a_crash_at_once() {
    let (log, handle) = start(PRINTS_THEN_SLEEPS, RunOptions::default());
    wait_for_print(&log, "started");
    let worker = handle.pid();
    // SAFETY: a plain system call; the worker is our child and has not been reaped.
    unsafe { libc::kill(worker as libc::pid_t, libc::SIGABRT) };
    let killed = Instant::now();
    handle.join();
    assert!(
        killed.elapsed() < Duration::from_millis(500),
        "{:?}",
        killed.elapsed()
    );
    let doc = document(PRINTS_THEN_SLEEPS, &log);
    assert_eq!(doc.run.status, RunStatus::Error);
    let error = doc.run.error.as_ref().expect("a crash says why");
    assert_eq!(
        error.message,
        "the run crashed: killed by signal 6 (SIGABRT) while running"
    );
    assert_eq!(
        doc.stdout(),
        "started\n",
        "what was recorded before the crash is kept"
    );
    assert_nothing_left(worker);
}

/// A few long builtin calls (sorts of three million items) that look at no clock between
/// them: the evaluator checks the time every few thousand steps, and this loop takes only a
/// hundred. The worker cannot stop it, only the supervisor can. The sleep hands the print to
/// the live view first.
const SORTS_FOR_AGES: &str = "\
import time
x = list(range(3_000_000))
print('sorting')
time.sleep(0.01)
for _ in range(100):
    x.sort(reverse=True)
";

#[test]
fn a_worker_that_ignores_its_deadline_is_killed_a_grace_period_later() {
    let started = Instant::now();
    let (log, handle) = start(SORTS_FOR_AGES, short(0.5));
    let worker = handle.pid();
    handle.join();
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(1_400) && took < Duration::from_millis(2_500),
        "{took:?}"
    );
    let doc = document(SORTS_FOR_AGES, &log);
    assert_eq!(doc.run.status, RunStatus::Limit);
    assert_eq!(
        doc.run.error.as_ref().expect("a limit says which").message,
        "the run reached its time limit of 0.5 s and was stopped"
    );
    assert_eq!(doc.stdout(), "sorting\n");
    assert_nothing_left(worker);
}

#[test]
fn a_cancelled_worker_that_cannot_stop_is_killed_a_grace_period_later() {
    let (log, handle) = start(SORTS_FOR_AGES, RunOptions::default());
    wait_for_print(&log, "sorting");
    // Past the sleep, into the sum.
    std::thread::sleep(Duration::from_millis(100));
    let worker = handle.pid();
    let cancelled = Instant::now();
    handle.cancel();
    handle.join();
    let took = cancelled.elapsed();
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_millis(1_600),
        "{took:?}"
    );
    let doc = document(SORTS_FOR_AGES, &log);
    assert_eq!(doc.run.status, RunStatus::Cancelled);
    assert_nothing_left(worker);
}

#[test]
fn a_run_stopped_by_its_time_limit_ends_limit_whatever_its_main_thread_did() {
    let source = "\
import threading
def spin():
    while True:
        pass
threading.Thread(target=spin).start()
print('main is done')
";
    let (log, handle) = start(source, short(0.5));
    handle.join();
    let doc = document(source, &log);
    assert_eq!(doc.stdout(), "main is done\n");
    assert_eq!(doc.run.status, RunStatus::Limit);
}

#[test]
fn threads_asleep_at_the_deadline_stop_the_run_by_themselves() {
    // Found by fuzzing: a sleeping thread that reached the deadline stopped the run while it
    // held the lock it sleeps on, and the worker hung until the supervisor killed it.
    let source = "\
import threading, time
threads = [threading.Thread(target=time.sleep, args=(5,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
";
    let started = Instant::now();
    let (log, handle) = start(source, short(0.3));
    handle.join();
    let took = started.elapsed();
    assert!(
        took < Duration::from_millis(800),
        "it took {took:?}: killed, not stopped"
    );
    assert_eq!(document(source, &log).run.status, RunStatus::Limit);
}

#[test]
fn hashing_a_huge_buffer_stops_at_the_deadline_by_itself() {
    // Found by fuzzing: gigabytes fed to hashlib in one call ran for seconds past the limit.
    let source = "\
import hashlib
data = b'x' * 200_000_000
for _ in range(20):
    hashlib.sha256(data)
";
    let started = Instant::now();
    let (log, handle) = start(source, short(0.5));
    handle.join();
    let took = started.elapsed();
    assert!(
        took < Duration::from_millis(1_200),
        "it took {took:?}: killed, not stopped"
    );
    assert_eq!(document(source, &log).run.status, RunStatus::Limit);
}

#[test]
fn a_run_over_its_memory_budget_gets_memory_error_or_ends_limit_and_says_so() {
    // A growing list asks for its room softly: MemoryError, as in CPython. Many small strings
    // ask as they are made, and the one that finds the budget gone cannot fail softly: the run
    // ends with status limit, naming the memory limit.
    let growing = "\
x = []
while True:
    x.append('the same string every time')
";
    let many = "\
x = []
while True:
    x.append('abc' * 100)
";
    let options = || RunOptions {
        max_memory_bytes: 64 << 20,
        ..short(20.0)
    };
    for source in [growing, many] {
        let started = Instant::now();
        let (log, handle) = start(source, options());
        let worker = handle.pid();
        handle.join();
        assert!(started.elapsed() < Duration::from_secs(15));
        let doc = document(source, &log);
        let error = doc.run.error.as_ref().expect("it says why it ended");
        let limit = "the run went over its memory limit of 64 MiB and was stopped";
        match doc.run.status {
            RunStatus::Error => assert_eq!(error.kind, "MemoryError"),
            RunStatus::Limit => assert_eq!(error.message, limit),
            other => panic!("{source}: ended {other:?}"),
        }
        assert_nothing_left(worker);
    }
}

#[test]
fn child_processes_share_the_runs_memory_budget() {
    let source = "\
import multiprocessing
import time
def hold():
    x = b'x' * 40_000_000
    print('child holds 40 MB')
    time.sleep(2)
if __name__ == '__main__':
    p = multiprocessing.Process(target=hold)
    p.start()
    time.sleep(1)
    try:
        y = b'y' * 40_000_000
    except MemoryError:
        print('MemoryError')
    p.join()
    z = b'z' * 40_000_000
    print('with the child gone, its memory is free again')
";
    let options = RunOptions {
        max_memory_bytes: 64 << 20,
        ..short(20.0)
    };
    let (log, handle) = start(source, options);
    let worker = handle.pid();
    handle.join();
    let doc = document(source, &log);
    assert_eq!(doc.run.status, RunStatus::Ok, "{:?}", doc.run.error);
    assert_eq!(
        doc.stdout(),
        "child holds 40 MB\nMemoryError\nwith the child gone, its memory is free again\n"
    );
    assert_nothing_left(worker);
}

#[test]
fn a_child_process_over_the_memory_budget_says_so_on_its_lane() {
    let source = "\
import multiprocessing
def grow():
    x = []
    while True:
        x.append('abc' * 100)
if __name__ == '__main__':
    p = multiprocessing.Process(target=grow)
    p.start()
    p.join()
    print('exitcode', p.exitcode)
";
    let options = RunOptions {
        max_memory_bytes: 64 << 20,
        ..short(20.0)
    };
    let (log, handle) = start(source, options);
    let worker = handle.pid();
    handle.join();
    let doc = document(source, &log);
    assert_eq!(doc.run.status, RunStatus::Ok, "{:?}", doc.run.error);
    // Like a child the system killed for memory, not one that raised: no clean exit status.
    assert_eq!(doc.stdout(), "exitcode -6\n");
    let child = doc
        .lanes
        .iter()
        .find(|l| &*l.name == "Process-1")
        .expect("the child's lane");
    let said = doc.events.iter().find_map(|e| match &e.kind {
        EventKind::Exception { message, .. } if e.lane == child.ix => Some(message.to_string()),
        _ => None,
    });
    assert_eq!(
        said.as_deref(),
        Some("Process Process-1: MemoryError: it went over the run's memory limit of 64 MiB")
    );
    assert_nothing_left(worker);
}

#[test]
fn threads_past_the_cap_raise_runtime_error() {
    let source = "\
import threading, time
started = 0
try:
    for _ in range(100):
        threading.Thread(target=time.sleep, args=(2,)).start()
        started += 1
except RuntimeError as e:
    print(started, e)
";
    let options = RunOptions {
        max_threads: 8,
        ..RunOptions::default()
    };
    let (log, handle) = start(source, options);
    handle.join();
    let doc = document(source, &log);
    assert_eq!(doc.run.status, RunStatus::Ok, "{:?}", doc.run.error);
    assert_eq!(
        doc.stdout(),
        "7 can't start new thread (a run may have 8 threads alive at once)\n"
    );
}

#[test]
fn processes_past_the_cap_raise_runtime_error_and_none_is_left() {
    let source = "\
import multiprocessing, time
def wait():
    time.sleep(2)
if __name__ == '__main__':
    started = []
    try:
        for _ in range(50):
            p = multiprocessing.Process(target=wait)
            p.start()
            started.append(p)
    except RuntimeError as e:
        print(len(started), e)
";
    let options = RunOptions {
        max_processes: 3,
        ..RunOptions::default()
    };
    let (log, handle) = start(source, options);
    let worker = handle.pid();
    handle.join();
    let doc = document(source, &log);
    assert_eq!(doc.run.status, RunStatus::Ok, "{:?}", doc.run.error);
    assert_eq!(
        doc.stdout(),
        "3 can't start new process (a run may have 3 child processes alive at once)\n"
    );
    assert_nothing_left(worker);
}

#[test]
fn a_flood_of_events_stops_at_the_event_limit_with_what_it_recorded() {
    let source = "\
import asyncio
async def main():
    while True:
        await asyncio.sleep(0)
asyncio.run(main())
";
    let options = RunOptions {
        max_events: 50_000,
        ..RunOptions::default()
    };
    let started = Instant::now();
    let (log, handle) = start(source, options);
    handle.join();
    assert!(started.elapsed() < Duration::from_secs(5));
    let doc = document(source, &log);
    assert_eq!(doc.run.status, RunStatus::Limit);
    assert_eq!(
        doc.run.error.as_ref().expect("a limit says which").message,
        "the run recorded more than 50000 events (its event limit) and was stopped"
    );
    let recorded = log.progress().last_seq;
    assert!((50_000..=51_024).contains(&recorded), "{recorded} events");
    let limit_recorded = doc
        .diagnostics
        .iter()
        .any(|d| d.message.contains("its event limit"));
    assert!(
        limit_recorded,
        "the limit is in the trace, not only in the run's end"
    );
}
