//! Physics of real runs: programs run on the instrumented event loop, and their trace documents
//! must show what really happened — waits that overlap, a loop that runs one step at a time,
//! tasks left ready while the loop is blocked, cancellations, diagnostics and exact output.
//!
//! Every document is built with the crate's own events → spans rule, never re-derived here.
//! Sleep timings use tolerances that hold on a loaded two-core machine; CPU-bound work spins
//! on `time.perf_counter()` for a fixed time, so it lasts the same in debug and release builds.

mod common;

use common::{overlap_ns, run, run_ok};
use interleave::catalog;
use interleave::trace::document::{LaneInfo, TraceDocument};
use interleave::trace::event::{DiagnosticKind, EventKind, LaneKind, RunStatus, State, LOOP_LANE};
use interleave::trace::spans::Span;

const MS: u64 = 1_000_000;
/// How far a whole run's wall time may stray from the sleeps that make it up.
const RUN_SLACK_NS: u64 = 15 * MS;
/// How far one `awaiting` span may stray from its `asyncio.sleep` delay.
const SLEEP_SLACK_NS: u64 = 5 * MS;
/// How long a span may reasonably take to follow the event that caused it (one loop hop).
const HOP_NS: u64 = 5 * MS;

// ---- helpers ----------------------------------------------------------------------------------

/// The task lane called `name`.
fn task<'a>(doc: &'a TraceDocument, name: &str) -> &'a LaneInfo {
    doc.lanes
        .iter()
        .find(|lane| lane.kind == LaneKind::Task && &*lane.name == name)
        .unwrap_or_else(|| panic!("no task lane named {name}"))
}

/// The spans of task `name` in `state`, in time order.
fn task_spans<'a>(doc: &'a TraceDocument, name: &str, state: State) -> Vec<&'a Span> {
    let ix = task(doc, name).ix;
    doc.lane_spans(ix).filter(|s| s.state == state).collect()
}

/// The one `awaiting` span of task `name` whose label mentions `asyncio.sleep`.
fn sleep_span<'a>(doc: &'a TraceDocument, name: &str) -> &'a Span {
    let sleeps: Vec<&Span> = task_spans(doc, name, State::Awaiting)
        .into_iter()
        .filter(|s| {
            s.label
                .as_deref()
                .is_some_and(|l| l.contains("asyncio.sleep"))
        })
        .collect();
    assert_eq!(sleeps.len(), 1, "{name} should await one sleep: {sleeps:?}");
    sleeps[0]
}

/// The event loop's spans in `state`.
fn loop_spans(doc: &TraceDocument, state: State) -> Vec<&Span> {
    doc.lane_spans(LOOP_LANE)
        .filter(|s| s.state == state)
        .collect()
}

fn total_ns(spans: &[&Span]) -> u64 {
    spans.iter().map(|s| s.duration_ns()).sum()
}

fn assert_near(what: &str, actual_ns: u64, expected_ns: u64, slack_ns: u64) {
    let ms = |ns: u64| ns as f64 / MS as f64;
    assert!(
        actual_ns.abs_diff(expected_ns) <= slack_ns,
        "{what}: {:.3} ms, expected {:.3} ms ± {:.1} ms",
        ms(actual_ns),
        ms(expected_ns),
        ms(slack_ns)
    );
}

/// The 1-based line of the first source line containing `needle`.
fn line_of(source: &str, needle: &str) -> u32 {
    let ix = source
        .lines()
        .position(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` is not in the source"));
    u32::try_from(ix + 1).expect("a short source")
}

/// The diagnostics of `kind`.
fn diagnostics(doc: &TraceDocument, kind: DiagnosticKind) -> Vec<(u32, u32, &str)> {
    doc.diagnostics
        .iter()
        .filter(|d| d.kind == kind)
        .map(|d| (d.lane, d.line, &*d.message))
        .collect()
}

/// Checks the format's span invariants: per lane, sorted, non-overlapping, never inverted.
fn lane_span_violations(doc: &TraceDocument) -> Vec<String> {
    let mut problems = Vec::new();
    for lane in &doc.lanes {
        let spans: Vec<&Span> = doc.lane_spans(lane.ix).collect();
        for span in &spans {
            if span.end_ns < span.start_ns {
                problems.push(format!("{}: inverted span {span:?}", lane.name));
            }
        }
        for pair in spans.windows(2) {
            if pair[1].start_ns < pair[0].end_ns {
                problems.push(format!("{}: {:?} then {:?}", lane.name, pair[0], pair[1]));
            }
        }
    }
    problems
}

// ---- waits overlap, steps do not ----------------------------------------------------------------

const GATHERED_SLEEPS: &str = "\
import asyncio


async def nap(delay):
    await asyncio.sleep(delay)


async def main():
    await asyncio.gather(nap(0.3), nap(0.2), nap(0.1))


asyncio.run(main())
";

#[test]
fn gathered_sleeps_overlap_and_the_run_takes_the_longest() {
    let doc = run_ok(GATHERED_SLEEPS);
    // `main` is Task-1; gather wraps its three coroutines in Task-2, Task-3 and Task-4.
    let naps = [("Task-2", 300), ("Task-3", 200), ("Task-4", 100)];
    let spans: Vec<&Span> = naps
        .iter()
        .map(|(name, _)| sleep_span(&doc, name))
        .collect();
    for ((name, delay_ms), span) in naps.iter().zip(&spans) {
        assert_near(
            &format!("{name} sleeping"),
            span.duration_ns(),
            delay_ms * MS,
            SLEEP_SLACK_NS,
        );
    }
    for (i, a) in spans.iter().enumerate() {
        for b in &spans[i + 1..] {
            let shorter = a.duration_ns().min(b.duration_ns());
            assert!(
                overlap_ns(a, b) + SLEEP_SLACK_NS >= shorter,
                "the sleeps should overlap almost entirely: {a:?} and {b:?}"
            );
        }
    }
    assert_near("the run", doc.run.duration_ns, 300 * MS, RUN_SLACK_NS);
    let idle = total_ns(&loop_spans(&doc, State::Idle));
    assert!(
        idle + RUN_SLACK_NS >= 300 * MS,
        "the loop should idle while every task sleeps: {idle} ns idle"
    );
}

/// A coroutine that keeps the loop busy for `seconds` without awaiting.
const SPIN: &str = "\
import asyncio
import time


def spin(seconds):
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        pass
";

fn with_spin(main: &str) -> String {
    format!("{SPIN}\n\n{main}")
}

#[test]
fn cpu_bound_coroutines_take_turns_on_the_loop() {
    let source = with_spin(
        "\
async def crunch():
    spin(0.15)


async def main():
    a = asyncio.create_task(crunch(), name=\"cruncher-a\")
    b = asyncio.create_task(crunch(), name=\"cruncher-b\")
    await a
    await b


asyncio.run(main())
",
    );
    let doc = run_ok(&source);
    let a = task_spans(&doc, "cruncher-a", State::Running);
    let b = task_spans(&doc, "cruncher-b", State::Running);
    for x in &a {
        for y in &b {
            assert_eq!(overlap_ns(x, y), 0, "two steps at once: {x:?} and {y:?}");
        }
    }
    for (name, spans) in [("cruncher-a", &a), ("cruncher-b", &b)] {
        assert_loop_ran(&doc, name, spans);
        assert!(
            (150 * MS..1_000 * MS).contains(&total_ns(spans)),
            "{name} should run for about 0.15 s: {spans:?}"
        );
    }
    // b was ready while a held the loop.
    let waiting = task_spans(&doc, "cruncher-b", State::Ready);
    assert!(
        waiting
            .iter()
            .any(|r| overlap_ns(r, a[0]) + HOP_NS >= a[0].duration_ns()),
        "cruncher-b should be ready while cruncher-a runs: {waiting:?}"
    );
    let busy = total_ns(&a) + total_ns(&b);
    assert!(
        doc.run.duration_ns >= busy && doc.run.duration_ns <= busy + 50 * MS,
        "the run ({} ns) should take the sum of both steps ({busy} ns)",
        doc.run.duration_ns
    );
}

/// Each of `task_spans` lies inside a loop `running` span labelled with the task's name.
fn assert_loop_ran(doc: &TraceDocument, name: &str, task_spans: &[&Span]) {
    let loop_running = loop_spans(doc, State::Running);
    for span in task_spans {
        let covered = loop_running.iter().any(|l| {
            l.label.as_deref() == Some(name)
                && l.start_ns <= span.start_ns
                && l.end_ns >= span.end_ns
        });
        assert!(covered, "no loop span labelled {name} covers {span:?}");
    }
}

#[test]
fn a_task_that_yields_with_sleep_0_is_ready_until_its_next_step() {
    let source = with_spin(
        "\
async def polite():
    spin(0.05)
    await asyncio.sleep(0)
    spin(0.05)


async def main():
    await asyncio.gather(asyncio.create_task(polite(), name=\"a\"),
                         asyncio.create_task(polite(), name=\"b\"))


asyncio.run(main())
",
    );
    let doc = run_ok(&source);
    let a = task(&doc, "a");
    let spans: Vec<&Span> = doc.lane_spans(a.ix).collect();
    let steps: Vec<usize> = (0..spans.len())
        .filter(|&i| spans[i].state == State::Running)
        .collect();
    assert_eq!(steps.len(), 2, "a runs in two steps: {spans:?}");
    let between = &spans[steps[0] + 1..steps[1]];
    let other = task_spans(&doc, "b", State::Running);
    assert!(
        between
            .iter()
            .all(|s| s.state == State::Ready || s.duration_ns() == 0),
        "between its steps, while b runs ({other:?}), a should be ready: {between:?}"
    );
}

const BLOCKED_LOOP: &str = "\
import asyncio
import time


async def napper():
    await asyncio.sleep(0.05)


async def blocker():
    time.sleep(0.3)


async def main():
    a = asyncio.create_task(napper(), name=\"A\")
    b = asyncio.create_task(blocker(), name=\"B\")
    await a
    await b


asyncio.run(main())
";

#[test]
fn a_task_woken_while_time_sleep_blocks_the_loop_stays_ready_until_the_loop_is_free() {
    let doc = run_ok(BLOCKED_LOOP);
    let blocked: Vec<&Span> = loop_spans(&doc, State::Blocked);
    assert_eq!(blocked.len(), 1, "one blocking call: {blocked:?}");
    let blocked = blocked[0];
    assert_eq!(blocked.label.as_deref(), Some("time.sleep(0.3)"));
    assert_near(
        "the loop blocked",
        blocked.duration_ns(),
        300 * MS,
        RUN_SLACK_NS,
    );

    let sleep = sleep_span(&doc, "A");
    let ready = task_spans(&doc, "A", State::Ready)
        .into_iter()
        .find(|r| r.start_ns >= sleep.end_ns)
        .expect("A is ready after its sleep");
    assert_near("A's timer", ready.start_ns, 50 * MS, RUN_SLACK_NS);
    assert_near(
        "A ready until the loop is free",
        ready.end_ns,
        blocked.end_ns,
        HOP_NS,
    );
    assert!(
        ready.end_ns >= blocked.end_ns,
        "A ran while the loop was blocked"
    );
    assert!(
        blocked.start_ns <= ready.start_ns,
        "the loop should be blocked before A's timer is due: {blocked:?} {ready:?}"
    );

    let calls = diagnostics(&doc, DiagnosticKind::BlockingCall);
    let line = line_of(BLOCKED_LOOP, "time.sleep(0.3)");
    assert!(
        calls
            .iter()
            .any(|&(lane, l, _)| l == line && lane == task(&doc, "B").ix),
        "a blocking_call diagnostic on B at line {line}: {calls:?}"
    );
}

// ---- endings ------------------------------------------------------------------------------------

const CANCELLATIONS: &str = "\
import asyncio


async def victim():
    await asyncio.sleep(10)


async def survivor():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return \"caught\"


async def main():
    v = asyncio.create_task(victim(), name=\"victim\")
    s = asyncio.create_task(survivor(), name=\"survivor\")
    await asyncio.sleep(0.1)
    v.cancel()
    s.cancel()
    try:
        await v
    except asyncio.CancelledError:
        pass
    print(await s)


asyncio.run(main())
";

#[test]
fn a_cancelled_task_ends_cancelled_at_the_cancel_and_one_that_catches_it_ends_done() {
    let doc = run_ok(CANCELLATIONS);
    assert_eq!(doc.stdout(), "caught\n");
    let victim = task(&doc, "victim");
    assert_eq!(victim.outcome, Some(State::Cancelled));
    assert_eq!(task(&doc, "survivor").outcome, Some(State::Done));

    let cancel_ns = doc
        .events
        .iter()
        .find(|e| matches!(e.kind, EventKind::Cancel { target, .. } if target == victim.ix))
        .map(|e| e.t_ns)
        .expect("a cancel event aimed at the victim");
    assert!(cancel_ns >= 100 * MS, "cancelled before main's sleep ended");
    let last = doc
        .lane_spans(victim.ix)
        .last()
        .expect("the victim has spans");
    assert_eq!(
        victim.end_ns,
        Some(last.end_ns),
        "the lane ends with its last span"
    );
    assert!(
        last.end_ns >= cancel_ns && last.end_ns - cancel_ns <= HOP_NS,
        "the victim's last span should end at the cancel ({cancel_ns} ns): {last:?}"
    );
}

// ---- sequential vs concurrent ---------------------------------------------------------------

fn three_naps(main_body: &str) -> String {
    format!(
        "\
import asyncio


async def nap(delay):
    await asyncio.sleep(delay)


async def main():
{main_body}

asyncio.run(main())
"
    )
}

/// The sleep spans of the run's three `nap` tasks (Task-2, Task-3, Task-4).
fn nap_spans(doc: &TraceDocument) -> Vec<&Span> {
    ["Task-2", "Task-3", "Task-4"]
        .iter()
        .map(|name| sleep_span(doc, name))
        .collect()
}

#[test]
fn sequential_awaits_take_the_sum_and_tasks_the_longest() {
    let sequential = run_ok(&three_naps(
        "    for delay in [0.1, 0.2, 0.15]:\n        await asyncio.create_task(nap(delay))\n",
    ));
    let concurrent = run_ok(&three_naps(
        "    tasks = [asyncio.create_task(nap(d)) for d in [0.1, 0.2, 0.15]]\n    for t in tasks:\n        await t\n",
    ));
    assert_near(
        "one after another",
        sequential.run.duration_ns,
        450 * MS,
        3 * RUN_SLACK_NS,
    );
    assert_near(
        "as tasks",
        concurrent.run.duration_ns,
        200 * MS,
        RUN_SLACK_NS,
    );

    let spans = nap_spans(&sequential);
    for (i, a) in spans.iter().enumerate() {
        for b in &spans[i + 1..] {
            assert_eq!(
                overlap_ns(a, b),
                0,
                "sequential sleeps overlap: {a:?} {b:?}"
            );
        }
    }
    let spans = nap_spans(&concurrent);
    assert!(
        overlap_ns(spans[0], spans[1]) > 0 && overlap_ns(spans[1], spans[2]) > 0,
        "the tasks' sleeps should overlap: {spans:?}"
    );
}

// ---- diagnostics --------------------------------------------------------------------------------

const FORGOTTEN: &str = "\
import asyncio


async def forgotten():
    pass


async def main():
    forgotten()
    await asyncio.sleep(0)


asyncio.run(main())
";

#[test]
fn a_coroutine_never_awaited_is_reported_at_its_line() {
    let doc = run_ok(FORGOTTEN);
    let found = diagnostics(&doc, DiagnosticKind::NeverAwaited);
    let line = line_of(FORGOTTEN, "    forgotten()");
    assert!(
        found.iter().any(|&(_, l, _)| l == line),
        "never_awaited at line {line}: {found:?}"
    );
}

const UNRETRIEVED: &str = "\
import asyncio


async def fails():
    raise ValueError(\"nobody looks\")


async def main():
    asyncio.create_task(fails(), name=\"doomed\")
    await asyncio.sleep(0.01)


asyncio.run(main())
";

#[test]
fn an_exception_nobody_retrieves_is_reported() {
    let doc = run_ok(UNRETRIEVED);
    let doomed = task(&doc, "doomed");
    assert_eq!(doomed.outcome, Some(State::Failed));
    let found = diagnostics(&doc, DiagnosticKind::ExceptionNeverRetrieved);
    let line = line_of(UNRETRIEVED, "raise ValueError");
    assert!(
        found
            .iter()
            .any(|&(lane, l, _)| lane == doomed.ix && l == line),
        "exception_never_retrieved on doomed at line {line}: {found:?}"
    );
}

#[test]
fn a_step_that_holds_the_loop_over_100_ms_is_reported() {
    let source = with_spin(
        "\
async def hog():
    spin(0.12)


async def polite():
    spin(0.05)
    await asyncio.sleep(0)


async def main():
    await asyncio.gather(asyncio.create_task(hog(), name=\"hog\"),
                         asyncio.create_task(polite(), name=\"polite\"))


asyncio.run(main())
",
    );
    let doc = run_ok(&source);
    let found: Vec<(u32, u32)> = diagnostics(&doc, DiagnosticKind::LongStep)
        .iter()
        .map(|&(lane, line, _)| (lane, line))
        .collect();
    let hog = (task(&doc, "hog").ix, line_of(&source, "async def hog"));
    assert_eq!(found, [hog], "long_step only for hog, at its definition");
}

// ---- invariants and output ----------------------------------------------------------------------

#[test]
fn every_catalog_scenario_ends_ok_with_sorted_non_overlapping_lane_spans() {
    let mut problems = Vec::new();
    for scenario in catalog::all() {
        let doc = run(scenario.source);
        if doc.run.status != RunStatus::Ok {
            problems.push(format!("{}: ended {:?}", scenario.id, doc.run.error));
        }
        for problem in lane_span_violations(&doc) {
            problems.push(format!("{}: {problem}", scenario.id));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

const PRINTS: &str = "\
import asyncio


async def shout(word):
    print(word.upper(), end=\"\")


async def main():
    print(\"a\", \"b\", sep=\"-\", end=\"\")
    print(\"|\", 1, 2.5, None, True, sep=\"\", end=\"\\n\\n\")
    print()
    await asyncio.gather(shout(\"x\"), shout(\"y\"))
    print(\"tab\\there\", \"ünï\", [1, \"q\"], sep=\"\\t\", end=\"!\")


asyncio.run(main())
";

#[test]
fn output_joins_to_stdout_byte_for_byte() {
    let doc = run_ok(PRINTS);
    assert_eq!(
        doc.stdout(),
        "a-b|12.5NoneTrue\n\n\nXYtab\there\tünï\t[1, 'q']!"
    );
    let lines: Vec<u32> = doc.output.iter().map(|o| o.line).collect();
    let (outer, inner) = (
        line_of(PRINTS, "\"a\", \"b\""),
        line_of(PRINTS, "word.upper()"),
    );
    assert_eq!(lines[0], outer);
    assert_eq!(lines[3..5], [inner, inner]);
}
