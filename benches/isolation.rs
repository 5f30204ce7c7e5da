//! What running each program in a worker process of its own costs.
//!
//! Run with `cargo bench --bench isolation`.
//!
//! - worker start: `exec::start` of an empty program until the worker has compiled it (the
//!   moment the server answers `POST /api/runs`), and until the run has ended and its worker is
//!   reaped; against the same empty program run in this process.
//! - the 10 000 tasks × 10 `await asyncio.sleep(0)` run, every step recorded: in a worker,
//!   against in this process.
//! - the pipe: recorded events packed, written to an OS pipe, read, unpacked and appended to a
//!   run log on the other side, as a worker's events reach the server; events per second.
//! - a flood run (`await asyncio.sleep(0)` in a loop) to its event limit through a worker: the
//!   rate at which a real run's events reach the server's log.

mod common;
#[path = "common/run.rs"]
mod run;

use std::io::BufReader;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{medians, print_machine, print_table};
use interleave::exec::pipe::{Frame, FrameReader, FrameWriter};
use interleave::exec::worker::run_in_this_process;
use interleave::exec::{self, RunOptions};
use interleave::lang;
use interleave::record::log::RunLog;
use interleave::trace::event::{Event, EventKind, State};

const RUNS: usize = 15;
/// Events pushed through the pipe per round.
const PIPE_EVENTS: usize = 4_000_000;
/// Events per frame, as a recorder flushes them.
const BATCH: usize = 2048;

const FLOOD: &str = "\
import asyncio


async def main():
    while True:
        await asyncio.sleep(0)


asyncio.run(main())
";

fn main() {
    print_machine();
    let [to_compiled, to_end, in_process] = medians(RUNS, || {
        let (compiled, ended) = worker_start("pass\n");
        [ms(compiled), ms(ended), ms(in_process_run("pass\n"))]
    });
    let tasks = run::tasks_program(10);
    let [worker_tasks, local_tasks] = medians(5, || {
        [worker_run_s(&tasks), in_process_run(&tasks).as_secs_f64()]
    });
    let [pipe_rate, bytes_per_event] = medians(5, pipe_events_per_s);
    let [flood_rate] = medians(3, || [flood_events_per_s()]);
    print_table(
        &[
            "what",
            "in a worker",
            "in this process",
            "cost of the worker",
        ],
        &[
            vec![
                "empty program: start until compiled".into(),
                format!("{to_compiled:.2} ms"),
                "—".into(),
                "—".into(),
            ],
            vec![
                "empty program: start until ended and reaped".into(),
                format!("{to_end:.2} ms"),
                format!("{in_process:.2} ms"),
                format!("{:+.2} ms", to_end - in_process),
            ],
            vec![
                "10 000 tasks × 10 sleep(0), recorded".into(),
                format!("{worker_tasks:.3} s"),
                format!("{local_tasks:.3} s"),
                format!("{:.2}×", worker_tasks / local_tasks),
            ],
        ],
    );
    println!();
    print_table(
        &["the pipe", "measured"],
        &[
            vec![
                "events packed, piped, unpacked and logged".into(),
                format!(
                    "{:.1} M events/s ({bytes_per_event:.1} bytes each)",
                    pipe_rate / 1e6
                ),
            ],
            vec![
                "a flood run's events reaching the server's log".into(),
                format!("{:.1} M events/s", flood_rate / 1e6),
            ],
        ],
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// How long `exec::start` takes to return (the program compiled), and to the run's end.
fn worker_start(source: &str) -> (Duration, Duration) {
    exec::worker::set_program(env!("CARGO_BIN_EXE_interleave"));
    let started = Instant::now();
    let log = RunLog::new();
    let handle = exec::start(source, RunOptions::default(), Arc::clone(&log)).expect("compiles");
    let compiled = started.elapsed();
    handle.join();
    run::expect_ok(&log);
    (compiled, started.elapsed())
}

/// A run's own duration (from its program's start to its end) in a worker, in seconds.
fn worker_run_s(source: &str) -> f64 {
    let (log, handle) = run::start(source);
    handle.join();
    run::expect_ok(&log).duration_ns as f64 / 1e9
}

/// Compiling and running `source` in this process, start to end.
fn in_process_run(source: &str) -> Duration {
    let started = Instant::now();
    let program = lang::compile(source, interleave::modules::REGISTRY).expect("compiles");
    let log = RunLog::new();
    run_in_this_process(program, RunOptions::default(), Arc::clone(&log));
    run::expect_ok(&log);
    started.elapsed()
}

/// Pushes [`PIPE_EVENTS`] state events through an OS pipe into a run log; events per second
/// and bytes per event on the wire.
fn pipe_events_per_s() -> [f64; 2] {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    let label: Arc<str> = Arc::from("asyncio.sleep(0)");
    let batches: Vec<Vec<Event>> = (0..PIPE_EVENTS / BATCH)
        .map(|b| {
            (0..BATCH)
                .map(|i| state_event((b * BATCH + i) as u64, &label))
                .collect()
        })
        .collect();
    let log = RunLog::new();
    let started = Instant::now();
    let sender = std::thread::spawn(move || {
        let mut out = FrameWriter::new(writer);
        for batch in batches {
            out.send(&[Frame::Events(batch)])
                .expect("the pipe takes it");
        }
    });
    let mut input = FrameReader::new(BufReader::with_capacity(256 << 10, reader));
    while let Some(frame) = input.next_frame().expect("a frame") {
        if let Frame::Events(events) = frame {
            log.append(events);
        }
    }
    sender.join().expect("the sender finishes");
    let elapsed = started.elapsed().as_secs_f64();
    assert_eq!(
        log.progress().last_seq,
        (PIPE_EVENTS / BATCH * BATCH) as u64
    );
    [PIPE_EVENTS as f64 / elapsed, wire_bytes_per_event(&label)]
}

/// Bytes per event of a batch of state events on the wire.
fn wire_bytes_per_event(label: &Arc<str>) -> f64 {
    let batch: Vec<Event> = (0..BATCH as u64)
        .map(|t| state_event(t * 1_000, label))
        .collect();
    let mut wire = Vec::new();
    FrameWriter::new(&mut wire)
        .send(&[Frame::Events(batch)])
        .expect("written");
    wire.len() as f64 / BATCH as f64
}

fn state_event(t_ns: u64, label: &Arc<str>) -> Event {
    Event {
        seq: 0,
        t_ns,
        lane: (t_ns % 7) as u32,
        kind: EventKind::State {
            state: if t_ns.is_multiple_of(2) {
                State::Running
            } else {
                State::Awaiting
            },
            label: Some(label.clone()),
            line: 5,
        },
    }
}

/// Events per second of a flood run stopped at its event limit, through its worker.
fn flood_events_per_s() -> f64 {
    let (log, handle) = run::start(FLOOD);
    handle.join();
    let end = log.end().expect("the run has ended");
    log.progress().last_seq as f64 / (end.duration_ns as f64 / 1e9)
}
