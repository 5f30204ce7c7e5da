//! Recorder cost on the hot path: nanoseconds per recorded event, and one event-loop step of a
//! task (an instrumented poll) against a plain tokio poll.
//!
//! Run with `cargo bench --bench recorder`.
//!
//! The poll comparison drives the same trivial future — one that wakes itself and yields, a
//! million times — three ways:
//!
//! - a plain tokio current-thread `block_on`, and a plain tokio task spawned on that runtime:
//!   the cost of a bare poll and wake-up;
//! - Interleave's event loop (`asyncio.run` of a native coroutine, so no Python code runs)
//!   without a recorder, then with one. Each yield is one full loop step: the task's waker queues
//!   it on the FIFO ready queue, the loop pops it, polls it as an instrumented future, and — with
//!   the recorder on — records the loop running the task, the task running, the wake (ready)
//!   and the suspension (awaiting).
//!
//! The difference between the last two rows is what recording adds to a step; the ratio to the
//! plain tokio poll is the target "an instrumented poll ≤ 2× a plain tokio poll".

mod common;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use interleave::exec::control::RunControl;
use interleave::exec::{aio, event_loop, RunOptions};
use interleave::lang;
use interleave::lang::eval::{Ctx, Interp};
use interleave::lang::function::Coroutine;
use interleave::lang::value::Value;
use interleave::record::log::RunLog;
use interleave::record::recorder::{self, Clock, RunRecording};
use interleave::trace::event::{LaneKind, State, LOOP_LANE};

use common::{medians, print_machine, print_table};

/// State events recorded per run of the first benchmark.
const EVENTS: usize = 10_000_000;
/// Yields per run of the poll benchmarks.
const STEPS: usize = 1_000_000;
const RUNS: usize = 5;

fn main() {
    print_machine();
    let [clock_ns, event_ns] = medians(RUNS, || [read_clock(), record_state_events()]);
    print_table(
        &["case", "ns per event"],
        &[
            vec![
                "`Clock::now_ns` alone (one per event)".into(),
                format!("{clock_ns:.1}"),
            ],
            vec![
                format!("`recorder::state`, {} M events", EVENTS / 1_000_000),
                format!("{event_ns:.1}"),
            ],
        ],
    );
    println!();
    print_poll_table();
}

/// Reads the run clock `EVENTS` times; returns ns per read: the floor of any recorded event.
fn read_clock() -> f64 {
    let clock = Clock::start();
    let started = Instant::now();
    let mut sum = 0u64;
    for _ in 0..EVENTS {
        sum = sum.wrapping_add(clock.now_ns());
    }
    std::hint::black_box(sum);
    per_item_ns(started.elapsed(), EVENTS)
}

/// Records `EVENTS` state transitions into a fresh run log; returns ns per event. Every 2048
/// events the recorder hands a batch to the log, so that cost is included.
fn record_state_events() -> f64 {
    let log = RunLog::new();
    recorder::install(RunRecording::new(log.clone(), Clock::start()), LOOP_LANE);
    let label: Arc<str> = Arc::from("Task-1");
    let started = Instant::now();
    for i in 0..EVENTS {
        let state = if i % 2 == 0 {
            State::Running
        } else {
            State::Idle
        };
        recorder::state(LOOP_LANE, state, Some(Arc::clone(&label)), 7);
    }
    recorder::flush();
    let elapsed = started.elapsed();
    recorder::uninstall();
    assert_eq!(log.progress().last_seq, EVENTS as u64);
    per_item_ns(elapsed, EVENTS)
}

fn print_poll_table() {
    let mut events_per_step = 0.0;
    let [block_on, spawned, bare, recorded] = medians(RUNS, || {
        let recorded = loop_steps(true);
        events_per_step = recorded.1;
        [
            per_item_ns(tokio_block_on(), STEPS),
            per_item_ns(tokio_spawned(), STEPS),
            loop_steps(false).0,
            recorded.0,
        ]
    });
    let row = |case: &str, ns: f64| {
        vec![
            case.to_string(),
            format!("{ns:.1}"),
            format!("{:.2}×", ns / block_on),
            format!("{:.2}×", ns / spawned),
        ]
    };
    print_table(
        &[
            "one yield of a trivial future",
            "ns per step",
            "vs tokio block_on",
            "vs tokio task",
        ],
        &[
            row("plain tokio `block_on`", block_on),
            row("plain tokio task", spawned),
            row("Interleave loop step, recorder off", bare),
            row(
                &format!("Interleave loop step, recorder on ({events_per_step:.0} events)"),
                recorded,
            ),
        ],
    );
}

/// Nanoseconds per item.
fn per_item_ns(elapsed: Duration, items: usize) -> f64 {
    elapsed.as_nanos() as f64 / items as f64
}

/// A future that wakes itself and yields once, like `asyncio.sleep(0)`.
#[derive(Default)]
struct YieldOnce {
    yielded: bool,
}

impl Future for YieldOnce {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

async fn yield_steps() {
    for _ in 0..STEPS {
        YieldOnce::default().await;
    }
}

fn current_thread_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a current-thread runtime")
}

fn tokio_block_on() -> Duration {
    let runtime = current_thread_runtime();
    let started = Instant::now();
    runtime.block_on(yield_steps());
    started.elapsed()
}

fn tokio_spawned() -> Duration {
    let runtime = current_thread_runtime();
    let started = Instant::now();
    runtime
        .block_on(runtime.spawn(yield_steps()))
        .expect("the task completes");
    started.elapsed()
}

/// Runs `STEPS` yields as one task of Interleave's event loop, on a fresh thread set up as a run
/// thread is; returns ns per step and recorded events per step.
fn loop_steps(record: bool) -> (f64, f64) {
    std::thread::spawn(move || {
        let clock = Clock::start();
        event_loop::init_thread(current_thread_runtime());
        let log = RunLog::new();
        if record {
            recorder::install(RunRecording::new(log.clone(), clock), LOOP_LANE);
            recorder::new_lane(LaneKind::EventLoop, Arc::from("event loop"), None, None);
        }
        let ctx = bench_ctx(clock);
        let started = Instant::now();
        let result = aio::run_main(&ctx, Arc::new(yielding_coroutine()), 0);
        assert!(result.is_ok(), "the coroutine should complete");
        let elapsed = started.elapsed();
        recorder::uninstall();
        let events = log.progress().last_seq as f64 / STEPS as f64;
        (per_item_ns(elapsed, STEPS), events)
    })
    .join()
    .expect("the loop thread completes")
}

/// An interpreter context for an empty program: the event loop needs one for its run control.
fn bench_ctx(clock: Clock) -> Ctx {
    let program = lang::compile("", &[]).expect("the empty program compiles");
    let control = Arc::new(RunControl::new(RunOptions::default(), clock));
    Ctx::new(Arc::new(Interp::new(program, control, "__main__")))
}

/// A coroutine written in Rust that yields `STEPS` times: the loop steps it like any task.
fn yielding_coroutine() -> Coroutine {
    Coroutine::native(
        "yielder",
        Arc::from("yielder()"),
        0,
        Box::new(|_ctx| {
            Box::pin(async {
                yield_steps().await;
                Ok(Value::None)
            })
        }),
    )
}
