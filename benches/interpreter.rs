//! The interpreter and the whole-run cost of recording, against CPython (`python3`).
//!
//! Run with `cargo bench --bench interpreter`.
//!
//! Each program runs in a worker process through `exec::start`, exactly as the server runs it, with
//! every event recorded; its time is the run's own duration, from start to end. CPython runs the
//! same program with `python3 -c`, unrecorded; its wall time minus the median wall time of a
//! baseline program (CPython's start-up and the program's imports) is its time. Each number is
//! the median of several runs after a warm-up; the runs of both interpreters alternate, so a
//! slow patch of the machine (a virtual machine's neighbours, for one) affects both alike.

mod common;
#[path = "common/run.rs"]
mod run;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{medians, print_machine, print_table};

const RUNS: usize = 9;
const CPYTHON: &str = "python3";

/// One program, timed under both interpreters.
struct Case {
    name: &'static str,
    program: String,
    /// What CPython spends before the program proper starts: start-up and imports.
    python_baseline: &'static str,
}

const CPU_LOOP: &str = "\
def count():
    c = 0
    for i in range(10_000_000):
        c += 1
    return c


count()
";

/// The work of the `cpu-bound` catalog scenario: `while`, `%`, `*` and `break`.
const PRIMES: &str = "\
def count_primes(limit):
    count = 0
    for n in range(2, limit):
        divisor = 2
        is_prime = True
        while divisor * divisor <= n:
            if n % divisor == 0:
                is_prime = False
                break
            divisor += 1
        if is_prime:
            count += 1
    return count


count_primes(200_000)
";

/// The `lost-updates` catalog scenario: four threads calling a function 500 000 times each,
/// first racing, then each update under a contended `threading.Lock`.
const LOST_UPDATES: &str = include_str!("../catalog/15-lost-updates.py");

/// Classic programs written in the supported language, each sized to take CPython 0.1 s or
/// more past its start-up (`benches/programs/`).
const CLASSICS: [(&str, &str); 8] = [
    ("fib(30), recursive calls", include_str!("programs/fib.py")),
    ("n-body, 100 000 steps", include_str!("programs/nbody.py")),
    (
        "spectral norm, n = 250",
        include_str!("programs/spectral.py"),
    ),
    ("fannkuch(9)", include_str!("programs/fannkuch.py")),
    (
        "word count, 1 500 000 words",
        include_str!("programs/words.py"),
    ),
    (
        "comprehensions, 20 000 rounds",
        include_str!("programs/comps.py"),
    ),
    (
        "classes, 300 000 rounds of method calls and instances",
        include_str!("programs/classes.py"),
    ),
    (
        "generator pipelines, 800 000 items",
        include_str!("programs/generators.py"),
    ),
];

fn cases() -> Vec<Case> {
    let mut cases = Vec::from(core_cases());
    cases.extend(CLASSICS.iter().map(|(name, program)| Case {
        name,
        program: program.to_string(),
        python_baseline: "",
    }));
    cases
}

fn core_cases() -> [Case; 4] {
    [
        Case {
            name: "CPU-bound loop, 10 M iterations",
            program: CPU_LOOP.into(),
            python_baseline: "",
        },
        Case {
            name: "prime counting below 200 000",
            program: PRIMES.into(),
            python_baseline: "",
        },
        Case {
            name: "10 000 tasks × 10 `await asyncio.sleep(0)`",
            program: run::tasks_program(10),
            python_baseline: "import asyncio",
        },
        Case {
            name: "4 threads × 500 000 calls, racing then under a lock",
            program: LOST_UPDATES.into(),
            python_baseline: "import threading",
        },
    ]
}

fn main() {
    print_machine();
    println!("{}\n", python_version());
    let measured: Vec<(Vec<String>, f64)> = cases().iter().map(case_row).collect();
    let ratios: Vec<f64> = measured.iter().map(|(_, ratio)| *ratio).collect();
    let rows: Vec<Vec<String>> = measured.into_iter().map(|(row, _)| row).collect();
    print_table(
        &[
            "case",
            "interleave (s)",
            "events recorded",
            "python3 (s)",
            "ratio",
        ],
        &rows,
    );
    println!(
        "\ngeometric mean of the ratios: {:.2}×",
        geometric_mean(&ratios)
    );
}

fn geometric_mean(ratios: &[f64]) -> f64 {
    let logs: f64 = ratios.iter().map(|r| r.ln()).sum();
    (logs / ratios.len() as f64).exp()
}

/// The table row of one case, and its ratio to CPython.
fn case_row(case: &Case) -> (Vec<String>, f64) {
    let mut events = 0;
    let [interleave, python, baseline] = medians(RUNS, || {
        let (interleave, recorded) = interleave_time(&case.program);
        events = recorded;
        [
            interleave.as_secs_f64(),
            python_time(&case.program).as_secs_f64(),
            python_time(case.python_baseline).as_secs_f64(),
        ]
    });
    let python = python - baseline;
    let ratio = interleave / python;
    let row = vec![
        case.name.to_string(),
        format!("{interleave:.3}"),
        events.to_string(),
        format!("{python:.3}"),
        format!("{ratio:.2}×"),
    ];
    (row, ratio)
}

/// The run's duration and the number of events it recorded.
fn interleave_time(program: &str) -> (Duration, u64) {
    let (log, handle) = run::start(program);
    handle.join();
    let end = run::expect_ok(&log);
    (
        Duration::from_nanos(end.duration_ns),
        log.progress().last_seq,
    )
}

/// Wall time of `python3 -c program`.
fn python_time(program: &str) -> Duration {
    let started = Instant::now();
    let status = Command::new(CPYTHON)
        .args(["-c", program])
        .stdout(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("cannot run {CPYTHON}: {e}"));
    let elapsed = started.elapsed();
    assert!(status.success(), "{CPYTHON} failed on:\n{program}");
    elapsed
}

fn python_version() -> String {
    let output = Command::new(CPYTHON)
        .arg("--version")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {CPYTHON}: {e}"));
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}
