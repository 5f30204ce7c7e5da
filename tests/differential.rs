//! Differential tests: every `tests/corpus/*.py` program and every built-in scenario in
//! `catalog/*.py` runs under CPython 3.11 and under Interleave, and the two must agree on the
//! printed output, on success or failure, on the final error line, and on the wall time.
//!
//! Timing: each program's wall time is measured around the child process, so it includes the
//! interpreter's start-up. CPython spends about 0.1 s starting and importing `asyncio` before a
//! scenario's first line runs, which would swamp the 50 ms tolerance. So each interpreter's
//! start-up is measured on a baseline program that imports `asyncio` and runs an empty `main`,
//! and subtracted from its times before they are compared. Other load on the machine only ever
//! adds time, and this machine's speed drifts from minute to minute, so a program found out of
//! tolerance is timed again, alone, in back-to-back pairs (CPython, then Interleave), up to five
//! pairs in all, and one pair within tolerance is enough.
//!
//! `python3` must exist and be CPython 3.11: without it every test fails, none is skipped.
//!
//! Parallelism: at most two programs run at once (a gate with two permits), which keeps the
//! suite short on two cores. Programs that keep a core busy are marked `Serial` and take both
//! permits, so nothing runs beside them and their timing stays honest.
//!
//! What the wall time compares is when things happen: sleeps, timeouts, waits, and work that
//! overlaps or does not. A program that computes for seconds on end would compare the two
//! interpreters' raw speed instead, in a band of 20 % either way (Interleave's `range` loops
//! are faster than CPython's, its function calls slower); those are listed in [`UNTIMED`],
//! `benches/interpreter.rs` measures that speed, and the trace tests (`tests/threads.rs`,
//! `tests/processes.rs`, `tests/native.rs`) assert their physics.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Condvar, Mutex, OnceLock};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

const CPYTHON: &str = "python3";
const INTERLEAVE: &str = env!("CARGO_BIN_EXE_interleave");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// A program still running after this long is killed and reported.
const RUN_LIMIT: Duration = Duration::from_secs(30);
/// Allowed wall-time difference: this fraction of CPython's time, plus `TIME_SLACK`.
const TIME_TOLERANCE: f64 = 0.20;
const TIME_SLACK: Duration = Duration::from_millis(50);
/// How many times a program may be timed before a wall-time difference counts as real.
const TIMING_ATTEMPTS: usize = 5;
/// Exit status of `interleave run` when it refuses a program (syntax or unsupported construct).
const INTERLEAVE_REJECTED: i32 = 2;
/// Exit status of both interpreters for an uncaught Python exception.
const UNCAUGHT_EXCEPTION: i32 = 1;
/// How Interleave's own stderr lines (the run summary) begin.
const INTERLEAVE_NOTE: &str = "interleave: ";
const PERMITS: usize = 2;
const BASELINE_PROGRAM: &str =
    "import asyncio\nimport time\n\n\nasync def main():\n    pass\n\n\nasyncio.run(main())\n";
const BASELINE_SAMPLES: usize = 5;

/// Whether a program may share the machine with one other program while it is timed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Shared,
    Serial,
    /// Runs alone, and prints verdicts ("faster", "no faster") measured from the machine's
    /// own parallelism: while something outside the test holds a core, either interpreter's
    /// verdict can honestly flip, so a disagreement is re-run before it counts.
    Measured,
}

/// Programs whose CPython run is more than a second of computation (CPU time above 80 % of the
/// wall time), and programs whose wall time is decided by when threads racing for the GIL get
/// it (`race_with_checkpoint`: 35–94 ms over sixteen runs of the same release build, a wider
/// spread than the tolerance): everything but their wall time is compared.
const UNTIMED: &[&str] = &[
    "catalog/11-two-bakers.py",
    "catalog/12-gil-threads-processes.py",
    "catalog/13-hashing-threads.py",
    "catalog/15-lost-updates.py",
    "tests/corpus/race_with_checkpoint.py",
];

/// How many times a `Measured` program may run before a disagreement counts.
const MEASURED_ATTEMPTS: usize = 3;

/// Verdicts a `Measured` program prints about the machine's parallelism, compared as one
/// word. Whether two processes beat one thread depends on whether the machine hands both of
/// them a core at that moment, for CPython as much as for Interleave (on some machines CPython
/// reliably answers "no faster"), so the verdict is not a property of the program. The rest of
/// each line is still compared, and `tests/processes.rs` asserts the overlap itself on
/// Interleave's trace.
const MACHINE_VERDICTS: &[(&str, &str)] = &[("no faster than", "faster than")];

/// Declares one `#[test]` per program and the list of every program covered.
macro_rules! differential_tests {
    ($($mode:ident $name:ident => $file:literal;)*) => {
        $(
            #[test]
            fn $name() {
                check_program($file, Mode::$mode);
            }
        )*
        const PROGRAMS: &[&str] = &[$($file),*];
    };
}

differential_tests! {
    Shared asyncgen_aclose_finally => "tests/corpus/asyncgen_aclose_finally.py";
    Shared asyncgen_aiter_class => "tests/corpus/asyncgen_aiter_class.py";
    Shared asyncgen_anext_default => "tests/corpus/asyncgen_anext_default.py";
    Shared asyncgen_basics => "tests/corpus/asyncgen_basics.py";
    Shared asyncgen_concurrent_gather => "tests/corpus/asyncgen_concurrent_gather.py";
    Shared await_coroutine_vs_task => "tests/corpus/await_coroutine_vs_task.py";
    Shared call_keyword_unpacking => "tests/corpus/call_keyword_unpacking.py";
    Shared cancel_caught_survives => "tests/corpus/cancel_caught_survives.py";
    Shared cancel_during_sleep => "tests/corpus/cancel_during_sleep.py";
    Shared cancel_propagates_inner => "tests/corpus/cancel_propagates_inner.py";
    Shared cancel_queue_order => "tests/corpus/cancel_queue_order.py";
    Shared class_alternative_constructors => "tests/corpus/class_alternative_constructors.py";
    Shared class_async_context_managers => "tests/corpus/class_async_context_managers.py";
    Shared class_async_methods => "tests/corpus/class_async_methods.py";
    Shared class_bank_threads => "tests/corpus/class_bank_threads.py";
    Shared class_basics => "tests/corpus/class_basics.py";
    Shared class_context_managers => "tests/corpus/class_context_managers.py";
    Shared class_exceptions => "tests/corpus/class_exceptions.py";
    Shared class_inheritance => "tests/corpus/class_inheritance.py";
    Shared class_iterators => "tests/corpus/class_iterators.py";
    Shared class_special_methods => "tests/corpus/class_special_methods.py";
    Shared class_threads => "tests/corpus/class_threads.py";
    Shared clocks => "tests/corpus/clocks.py";
    Shared collections_async_buffer => "tests/corpus/collections_async_buffer.py";
    Shared collections_counter_words => "tests/corpus/collections_counter_words.py";
    Shared collections_defaultdict_grouping => "tests/corpus/collections_defaultdict_grouping.py";
    Shared collections_deque_ops => "tests/corpus/collections_deque_ops.py";
    Shared deque_repr_cycles => "tests/corpus/deque_repr_cycles.py";
    Shared collections_namedtuple_points => "tests/corpus/collections_namedtuple_points.py";
    Shared collections_ordereddict_lru => "tests/corpus/collections_ordereddict_lru.py";
    Shared comprehension_scopes => "tests/corpus/comprehension_scopes.py";
    Shared contextlib_async_manager => "tests/corpus/contextlib_async_manager.py";
    Shared contextlib_contextmanager_errors => "tests/corpus/contextlib_contextmanager_errors.py";
    Shared contextlib_resource_pool => "tests/corpus/contextlib_resource_pool.py";
    Shared contextlib_suppress_nullcontext => "tests/corpus/contextlib_suppress_nullcontext.py";
    Serial cpu_bound_blocks_loop => "tests/corpus/cpu_bound_blocks_loop.py";
    Serial cpu_threads_gil => "tests/corpus/cpu_threads_gil.py";
    Shared dataclasses_basics => "tests/corpus/dataclasses_basics.py";
    Shared dataclasses_inventory => "tests/corpus/dataclasses_inventory.py";
    Shared dataclasses_scenario => "tests/corpus/dataclasses_scenario.py";
    Shared decorators => "tests/corpus/decorators.py";
    Shared decorators_class_and_async => "tests/corpus/decorators_class_and_async.py";
    Shared decorators_functools_caching => "tests/corpus/decorators_functools_caching.py";
    Shared decorators_wraps_retry => "tests/corpus/decorators_wraps_retry.py";
    Shared ensure_future_and_current_task => "tests/corpus/ensure_future_and_current_task.py";
    Shared error_assertion => "tests/corpus/error_assertion.py";
    Shared error_at_top_level => "tests/corpus/error_at_top_level.py";
    Shared error_cancelled_main => "tests/corpus/error_cancelled_main.py";
    Shared error_in_gathered_task => "tests/corpus/error_in_gathered_task.py";
    Shared error_uncaught_in_main => "tests/corpus/error_uncaught_in_main.py";
    Shared error_wait_for_timeout_uncaught => "tests/corpus/error_wait_for_timeout_uncaught.py";
    Shared exceptions_getattr_proxy => "tests/corpus/exceptions_getattr_proxy.py";
    Shared exceptions_groups_except_star => "tests/corpus/exceptions_groups_except_star.py";
    Shared exceptions_hierarchy_chaining => "tests/corpus/exceptions_hierarchy_chaining.py";
    Shared executor_default_pool => "tests/corpus/executor_default_pool.py";
    Shared executor_explicit_pool => "tests/corpus/executor_explicit_pool.py";
    Shared functools_basics => "tests/corpus/functools_basics.py";
    Shared future_done_process_alive => "tests/corpus/future_done_process_alive.py";
    Shared futures_dotted_import => "tests/corpus/futures_dotted_import.py";
    Shared gather_cancel_children => "tests/corpus/gather_cancel_children.py";
    Shared gather_failure_siblings => "tests/corpus/gather_failure_siblings.py";
    Shared gather_star_args => "tests/corpus/gather_star_args.py";
    Shared generators_basics => "tests/corpus/generators_basics.py";
    Shared generators_close_cleanup => "tests/corpus/generators_close_cleanup.py";
    Shared generators_log_pipeline => "tests/corpus/generators_log_pipeline.py";
    Shared generators_pipelines => "tests/corpus/generators_pipelines.py";
    Shared generators_running_average => "tests/corpus/generators_running_average.py";
    Shared generators_send_protocol => "tests/corpus/generators_send_protocol.py";
    Shared generators_yield_from_return => "tests/corpus/generators_yield_from_return.py";
    Shared genexp_laziness => "tests/corpus/genexp_laziness.py";
    Shared genexpr_stepping => "tests/corpus/genexpr_stepping.py";
    Shared global_rebinding => "tests/corpus/global_rebinding.py";
    Shared method_call_shapes => "tests/corpus/method_call_shapes.py";
    Shared class_property_added_later => "tests/corpus/class_property_added_later.py";
    Shared list_iteration_live => "tests/corpus/list_iteration_live.py";
    Shared hashlib_digests => "tests/corpus/hashlib_digests.py";
    Serial hashlib_threads => "tests/corpus/hashlib_threads.py";
    Shared io_threads_overlap => "tests/corpus/io_threads_overlap.py";
    Shared iterators_resume => "tests/corpus/iterators_resume.py";
    Shared itertools_accumulate_groupby => "tests/corpus/itertools_accumulate_groupby.py";
    Shared itertools_combinatorics => "tests/corpus/itertools_combinatorics.py";
    Shared itertools_filtering => "tests/corpus/itertools_filtering.py";
    Shared itertools_infinite_and_slicing => "tests/corpus/itertools_infinite_and_slicing.py";
    Shared itertools_report_builder => "tests/corpus/itertools_report_builder.py";
    Shared lang_assert_global_unpack => "tests/corpus/lang_assert_global_unpack.py";
    Shared lang_builtins => "tests/corpus/lang_builtins.py";
    Shared lang_collections => "tests/corpus/lang_collections.py";
    Shared lang_comprehensions => "tests/corpus/lang_comprehensions.py";
    Shared lang_control_flow => "tests/corpus/lang_control_flow.py";
    Shared lang_deep_expressions => "tests/corpus/lang_deep_expressions.py";
    Shared lang_exceptions => "tests/corpus/lang_exceptions.py";
    Shared lang_functions => "tests/corpus/lang_functions.py";
    Shared lang_nested_and_self_referential => "tests/corpus/lang_nested_and_self_referential.py";
    Shared lang_numbers => "tests/corpus/lang_numbers.py";
    Shared lang_sizes_and_arithmetic => "tests/corpus/lang_sizes_and_arithmetic.py";
    Shared lang_strings => "tests/corpus/lang_strings.py";
    Shared list_item_arithmetic => "tests/corpus/list_item_arithmetic.py";
    Shared lock_acquire_release => "tests/corpus/lock_acquire_release.py";
    Shared math_module => "tests/corpus/math_module.py";
    Shared module_dunders => "tests/corpus/module_dunders.py";
    Shared module_variables => "tests/corpus/module_variables.py";
    Shared nested_coroutines => "tests/corpus/nested_coroutines.py";
    Shared operator_arith_reduce => "tests/corpus/operator_arith_reduce.py";
    Shared operator_getters_sorting => "tests/corpus/operator_getters_sorting.py";
    Shared order_create_task_starts_later => "tests/corpus/order_create_task_starts_later.py";
    Shared order_equal_sleeps => "tests/corpus/order_equal_sleeps.py";
    Shared order_round_robin => "tests/corpus/order_round_robin.py";
    Shared order_task_await_latency => "tests/corpus/order_task_await_latency.py";
    Shared percent_basic_specs => "tests/corpus/percent_basic_specs.py";
    Shared percent_dict_and_errors => "tests/corpus/percent_dict_and_errors.py";
    Shared percent_table_log => "tests/corpus/percent_table_log.py";
    Shared poll_until_done => "tests/corpus/poll_until_done.py";
    Shared pool_as_completed => "tests/corpus/pool_as_completed.py";
    Shared pool_exception_and_shutdown => "tests/corpus/pool_exception_and_shutdown.py";
    Shared pool_map => "tests/corpus/pool_map.py";
    Shared pool_name_counter => "tests/corpus/pool_name_counter.py";
    Shared pool_results_as_they_come => "tests/corpus/pool_results_as_they_come.py";
    Shared pool_submit_result => "tests/corpus/pool_submit_result.py";
    Shared print_sep_end => "tests/corpus/print_sep_end.py";
    Shared process_basics => "tests/corpus/process_basics.py";
    Shared process_child_output => "tests/corpus/process_child_output.py";
    Shared process_exception_exitcode => "tests/corpus/process_exception_exitcode.py";
    Shared process_pool_from_asyncio => "tests/corpus/process_pool_from_asyncio.py";
    Shared process_pool_submit_map => "tests/corpus/process_pool_submit_map.py";
    Shared process_with_threads => "tests/corpus/process_with_threads.py";
    Serial race_plain_increment => "tests/corpus/race_plain_increment.py";
    Serial race_with_checkpoint => "tests/corpus/race_with_checkpoint.py";
    Shared random_async_chain => "tests/corpus/random_async_chain.py";
    Shared random_seeded => "tests/corpus/random_seeded.py";
    Shared run_gives_one_more_step => "tests/corpus/run_gives_one_more_step.py";
    Shared sleep_result => "tests/corpus/sleep_result.py";
    Shared string_constants => "tests/corpus/string_constants.py";
    Shared switch_interval => "tests/corpus/switch_interval.py";
    Shared task_methods => "tests/corpus/task_methods.py";
    Shared task_names => "tests/corpus/task_names.py";
    Shared threads_active_count => "tests/corpus/threads_active_count.py";
    Shared threads_default_names => "tests/corpus/threads_default_names.py";
    Shared threads_exception => "tests/corpus/threads_exception.py";
    Shared threads_start_join => "tests/corpus/threads_start_join.py";
    Shared threads_start_order => "tests/corpus/threads_start_order.py";
    Shared time_calendar => "tests/corpus/time_calendar.py";
    Shared time_sleep_blocks_loop => "tests/corpus/time_sleep_blocks_loop.py";
    Shared time_values => "tests/corpus/time_values.py";
    Shared timers_deadline_order => "tests/corpus/timers_deadline_order.py";
    Shared to_thread_basics => "tests/corpus/to_thread_basics.py";
    Shared toplevel_code => "tests/corpus/toplevel_code.py";
    Shared type_of_values => "tests/corpus/type_of_values.py";
    Shared typing_annotations => "tests/corpus/typing_annotations.py";
    Shared unpacking_shapes => "tests/corpus/unpacking_shapes.py";
    Shared wait_all_completed_timeout => "tests/corpus/wait_all_completed_timeout.py";
    Shared wait_first_completed => "tests/corpus/wait_first_completed.py";
    Shared wait_for_child_swallows => "tests/corpus/wait_for_child_swallows.py";
    Shared wait_for_timeout => "tests/corpus/wait_for_timeout.py";
    Shared walrus_ellipsis_nonlocal => "tests/corpus/walrus_ellipsis_nonlocal.py";
    Shared catalog_hello => "catalog/01-hello.py";
    Shared catalog_sequential_vs_tasks => "catalog/02-sequential-vs-tasks.py";
    Shared catalog_gather => "catalog/03-gather.py";
    Shared catalog_coroutine_vs_task => "catalog/04-coroutine-vs-task.py";
    Shared catalog_blocking_sleep => "catalog/05-blocking-sleep.py";
    Serial catalog_cpu_bound => "catalog/06-cpu-bound.py";
    Shared catalog_grandmaster => "catalog/07-grandmaster.py";
    Shared catalog_bakery => "catalog/08-bakery.py";
    Shared catalog_cancel => "catalog/09-cancel.py";
    Shared catalog_wait_for => "catalog/10-wait-for.py";
    Measured catalog_two_bakers => "catalog/11-two-bakers.py";
    Measured catalog_gil_threads_processes => "catalog/12-gil-threads-processes.py";
    Measured catalog_hashing_threads => "catalog/13-hashing-threads.py";
    Shared catalog_thread_pool_from_asyncio => "catalog/14-thread-pool-from-asyncio.py";
    Serial catalog_lost_updates => "catalog/15-lost-updates.py";
    Serial catalog_tasks_vs_threads => "catalog/16-tasks-vs-threads.py";
    Shared catalog_awaits_in_turn => "catalog/17-awaits-in-turn.py";
    Shared catalog_awaits_at_once => "catalog/18-awaits-at-once.py";
    Serial catalog_cpu_in_threads => "catalog/19-cpu-in-threads.py";
    Serial catalog_cpu_in_processes => "catalog/20-cpu-in-processes.py";
    Shared catalog_blocking_client => "catalog/21-blocking-client.py";
    Shared catalog_async_client => "catalog/22-async-client.py";
    Shared catalog_exhibition_in_turn => "catalog/23-exhibition-in-turn.py";
    Shared catalog_exhibition_simultaneous => "catalog/24-exhibition-simultaneous.py";
}

#[test]
fn every_program_is_listed() {
    let mut on_disk = python_files("tests/corpus");
    on_disk.extend(python_files("catalog"));
    on_disk.sort();
    let mut listed: Vec<String> = PROGRAMS.iter().map(|p| p.to_string()).collect();
    listed.sort();
    assert_eq!(
        listed, on_disk,
        "differential_tests! must list every corpus and catalog program"
    );
    for file in UNTIMED {
        assert!(
            PROGRAMS.contains(file),
            "UNTIMED names {file}, not a listed program"
        );
    }
}

fn python_files(dir: &str) -> Vec<String> {
    std::fs::read_dir(Path::new(ROOT).join(dir))
        .unwrap_or_else(|err| panic!("cannot read {dir}: {err}"))
        .map(|entry| {
            entry
                .expect("directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".py"))
        .map(|name| format!("{dir}/{name}"))
        .collect()
}

/// Runs one program under both interpreters and fails with every disagreement found.
fn check_program(file: &str, mode: Mode) {
    baseline(); // start-up is measured first, with the machine to ourselves
    let path = Path::new(ROOT).join(file);
    let attempts = if mode == Mode::Measured {
        MEASURED_ATTEMPTS
    } else {
        1
    };
    let (mut expected, mut got) = run_both(&path, mode);
    for _ in 1..attempts {
        if compare(&expected, &got, mode).is_empty() {
            break;
        }
        (expected, got) = run_both(&path, mode);
    }
    let mut problems = compare(&expected, &got, mode);
    if problems.is_empty() && !UNTIMED.contains(&file) {
        problems.extend(timing_problem(&path, (&expected, &got)));
    }
    assert!(
        problems.is_empty(),
        "{file} disagrees with CPython:\n\n{}",
        problems.join("\n\n")
    );
}

/// Runs the program under CPython, then under Interleave, holding the gate for both.
fn run_both(path: &Path, mode: Mode) -> (Outcome, Outcome) {
    let _permit = Gate::global().enter(mode);
    (run(cpython_command(path)), run(interleave_command(path)))
}

/// What one interpreter did with one program.
struct Outcome {
    stdout: Vec<u8>,
    stderr: String,
    status: Option<ExitStatus>,
    elapsed: Duration,
}

impl Outcome {
    fn code(&self) -> Option<i32> {
        self.status.and_then(|status| status.code())
    }

    fn describe_status(&self) -> String {
        match self.status {
            None => format!("still running after {} s, killed", RUN_LIMIT.as_secs()),
            Some(status) => status.to_string(),
        }
    }

    /// The program's final error line, such as `ValueError: boom`. Interleave's own messages
    /// (its run summary) start with `interleave: ` and are not part of the program's output.
    fn last_stderr_line(&self) -> &str {
        self.stderr
            .lines()
            .rev()
            .find(|line| !line.trim().is_empty() && !line.starts_with(INTERLEAVE_NOTE))
            .unwrap_or("")
    }
}

fn cpython_command(path: &Path) -> Command {
    let mut command = Command::new(cpython_executable());
    command.arg(path);
    python_environment(&mut command);
    command
}

fn interleave_command(path: &Path) -> Command {
    let mut command = Command::new(INTERLEAVE);
    command.arg("run").arg(path);
    python_environment(&mut command);
    command
}

/// Unbuffered output and a fixed hash seed; debug modes would change stderr and timing.
fn python_environment(command: &mut Command) {
    command
        .env("PYTHONUNBUFFERED", "1")
        .env("PYTHONHASHSEED", "0")
        .env_remove("PYTHONASYNCIODEBUG")
        .env_remove("PYTHONDEVMODE")
        .current_dir(ROOT);
}

/// Runs a command to completion (or until `RUN_LIMIT`), timing it from spawn to exit.
fn run(mut command: Command) -> Outcome {
    let program = format!("{:?}", command.get_program());
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| {
            panic!("cannot start {program}: {err} (is it installed and on PATH?)")
        });
    let stdout = drain(child.stdout.take().expect("piped stdout"));
    let stderr = drain(child.stderr.take().expect("piped stderr"));
    let status = wait_with_limit(&mut child);
    let elapsed = started.elapsed();
    Outcome {
        stdout: stdout.join().expect("stdout reader"),
        stderr: String::from_utf8_lossy(&stderr.join().expect("stderr reader")).into_owned(),
        status,
        elapsed,
    }
}

/// Reads a pipe to its end on a thread, so a chatty child never blocks on a full pipe.
fn drain(mut pipe: impl Read + Send + 'static) -> JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        pipe.read_to_end(&mut bytes).expect("read child output");
        bytes
    })
}

/// Waits for the child, polling each millisecond; kills it and returns `None` past the limit.
fn wait_with_limit(child: &mut Child) -> Option<ExitStatus> {
    let deadline = Instant::now() + RUN_LIMIT;
    loop {
        if let Some(status) = child.try_wait().expect("wait for child") {
            return Some(status);
        }
        if Instant::now() >= deadline {
            child.kill().expect("kill child past the limit");
            child.wait().expect("reap killed child");
            return None;
        }
        thread::sleep(Duration::from_millis(1));
    }
}

/// Every way Interleave's output and exit differ from CPython's, each described for a reader.
fn compare(expected: &Outcome, got: &Outcome, mode: Mode) -> Vec<String> {
    if expected.code().is_none() {
        return vec![format!(
            "CPython did not finish: {}",
            expected.describe_status()
        )];
    }
    if got.code() == Some(INTERLEAVE_REJECTED) {
        return vec![format!(
            "Interleave rejected the program: {}",
            got.last_stderr_line()
        )];
    }
    let mut problems = Vec::new();
    let (wanted, printed) = if mode == Mode::Measured {
        (
            without_machine_verdicts(&expected.stdout),
            without_machine_verdicts(&got.stdout),
        )
    } else {
        (expected.stdout.clone(), got.stdout.clone())
    };
    if wanted != printed {
        problems.push(stdout_difference(&wanted, &printed));
    }
    problems.extend(status_difference(expected, got));
    problems
}

fn without_machine_verdicts(stdout: &[u8]) -> Vec<u8> {
    let mut text = String::from_utf8_lossy(stdout).into_owned();
    for (variant, canonical) in MACHINE_VERDICTS {
        text = text.replace(variant, canonical);
    }
    text.into_bytes()
}

fn status_difference(expected: &Outcome, got: &Outcome) -> Option<String> {
    let python_failed = expected.code() != Some(0);
    let wanted_code = if python_failed { UNCAUGHT_EXCEPTION } else { 0 };
    if got.code() != Some(wanted_code) {
        return Some(format!(
            "exit status: CPython {}, Interleave {} (expected code {wanted_code})\n\
             CPython stderr ends: {}\nInterleave stderr:\n{}",
            expected.describe_status(),
            got.describe_status(),
            expected.last_stderr_line(),
            indent(&got.stderr),
        ));
    }
    if python_failed && expected.last_stderr_line() != got.last_stderr_line() {
        return Some(format!(
            "last stderr line differs:\n  CPython:    {}\n  Interleave: {}\nInterleave stderr:\n{}",
            expected.last_stderr_line(),
            got.last_stderr_line(),
            indent(&got.stderr),
        ));
    }
    None
}

/// Compares wall times. Each measurement is a pair: CPython, then Interleave, back to back,
/// so both see the machine in the same mood. This machine's speed drifts by a third from one
/// minute to the next, so the fastest time of each interpreter can come from different moods;
/// a pair cannot. When the first pair is out of tolerance, pairs are timed again, alone on the
/// machine, with a fresh start-up sample each, up to `TIMING_ATTEMPTS` in all, and one pair
/// within tolerance is enough. A real slowdown shows up in every pair.
fn timing_problem(path: &Path, first: (&Outcome, &Outcome)) -> Option<String> {
    let mut pairs = vec![timing_difference(
        first.0.elapsed,
        first.1.elapsed,
        baseline(),
    )?];
    for _ in 1..TIMING_ATTEMPTS {
        let _permit = Gate::global().enter(Mode::Serial);
        let baseline = refine_baseline();
        let python = run(cpython_command(path)).elapsed;
        let interleave = run(interleave_command(path)).elapsed;
        pairs.push(timing_difference(python, interleave, baseline)?);
    }
    Some(format!(
        "wall time out of tolerance in each of {TIMING_ATTEMPTS} back-to-back pairs:\n{}",
        pairs.join("\n")
    ))
}

/// One pair's verdict: `None` when the two wall times agree.
fn timing_difference(python: Duration, interleave: Duration, baseline: Baseline) -> Option<String> {
    let python = python.saturating_sub(baseline.cpython);
    let interleave = interleave.saturating_sub(baseline.interleave);
    let allowed = python.mul_f64(TIME_TOLERANCE) + TIME_SLACK;
    let difference = python.abs_diff(interleave);
    (difference > allowed).then(|| {
        format!(
            "  CPython {:.3} s, Interleave {:.3} s (start-up of {:.3} s and {:.3} s subtracted): \
             they differ by {:.3} s, more than the {:.3} s allowed",
            python.as_secs_f64(),
            interleave.as_secs_f64(),
            baseline.cpython.as_secs_f64(),
            baseline.interleave.as_secs_f64(),
            difference.as_secs_f64(),
            allowed.as_secs_f64(),
        )
    })
}

/// Names the first differing line and shows both outputs with line numbers.
fn stdout_difference(expected: &[u8], got: &[u8]) -> String {
    let expected = String::from_utf8_lossy(expected);
    let got = String::from_utf8_lossy(got);
    let expected_lines: Vec<&str> = expected.split_inclusive('\n').collect();
    let got_lines: Vec<&str> = got.split_inclusive('\n').collect();
    let first = (0..)
        .find(|&i| expected_lines.get(i) != got_lines.get(i))
        .expect("outputs differ somewhere");
    format!(
        "stdout differs at line {}:\n  expected: {:?}\n  got:      {:?}\n\
         --- CPython stdout\n{}--- Interleave stdout\n{}",
        first + 1,
        expected_lines
            .get(first)
            .copied()
            .unwrap_or("<end of output>"),
        got_lines.get(first).copied().unwrap_or("<end of output>"),
        numbered(&expected_lines),
        numbered(&got_lines),
    )
}

fn numbered(lines: &[&str]) -> String {
    let mut text: String = lines
        .iter()
        .enumerate()
        .map(|(i, line)| format!("{:>4} | {}\n", i + 1, line.trim_end_matches('\n')))
        .collect();
    if text.is_empty() {
        text.push_str("     (no output)\n");
    }
    text
}

fn indent(text: &str) -> String {
    text.lines().map(|line| format!("    {line}\n")).collect()
}

/// Each interpreter's start-up time: its fastest run of `BASELINE_PROGRAM` so far.
#[derive(Clone, Copy)]
struct Baseline {
    cpython: Duration,
    interleave: Duration,
}

/// The start-up times, first measured with the machine to ourselves.
fn baseline_cell() -> &'static Mutex<Baseline> {
    static CELL: OnceLock<Mutex<Baseline>> = OnceLock::new();
    CELL.get_or_init(|| {
        let _permit = Gate::global().enter(Mode::Serial);
        Mutex::new(measure_baseline(BASELINE_SAMPLES))
    })
}

fn baseline() -> Baseline {
    *lock(baseline_cell())
}

/// Samples both start-ups once more and keeps the fastest times seen. A baseline measured
/// while the machine was busy is too long and makes CPython look faster than it is.
fn refine_baseline() -> Baseline {
    let fresh = measure_baseline(1);
    let mut best = lock(baseline_cell());
    best.cpython = best.cpython.min(fresh.cpython);
    best.interleave = best.interleave.min(fresh.interleave);
    *best
}

fn measure_baseline(samples: usize) -> Baseline {
    let program = baseline_program();
    Baseline {
        cpython: fastest_start(samples, || cpython_command(program)),
        interleave: fastest_start(samples, || interleave_command(program)),
    }
}

/// The interpreter that `python3` resolves to, checked to be CPython 3.11, the reference these
/// programs were verified against. Running it directly skips wrapper scripts (version-manager
/// shims), whose start-up time varies by tens of milliseconds from run to run.
fn cpython_executable() -> &'static Path {
    static EXECUTABLE: OnceLock<PathBuf> = OnceLock::new();
    EXECUTABLE.get_or_init(|| {
        let script = "import sys; print(sys.version_info[:2] == (3, 11)); print(sys.executable)";
        let output = Command::new(CPYTHON)
            .args(["-c", script])
            .output()
            .unwrap_or_else(|err| {
                panic!("`{CPYTHON}` is required for the differential tests: {err}")
            });
        let stdout = String::from_utf8_lossy(&output.stdout);
        let mut lines = stdout.lines();
        assert_eq!(
            lines.next(),
            Some("True"),
            "the differential tests need CPython 3.11 as `{CPYTHON}`; it printed {stdout:?} {:?}",
            String::from_utf8_lossy(&output.stderr)
        );
        PathBuf::from(lines.next().expect("sys.executable"))
    })
}

fn baseline_program() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("differential-baseline.py");
        std::fs::write(&path, BASELINE_PROGRAM).expect("write the baseline program");
        path
    })
}

/// The fastest of a few runs: start-up noise only ever adds time.
fn fastest_start(samples: usize, command: impl Fn() -> Command) -> Duration {
    (0..samples)
        .map(|_| {
            let outcome = run(command());
            assert_eq!(
                outcome.code(),
                Some(0),
                "the baseline program failed under {:?}:\n{}",
                command().get_program(),
                outcome.stderr
            );
            outcome.elapsed
        })
        .min()
        .expect("at least one sample")
}

/// Limits how many programs run at once: `Shared` takes one permit, `Serial` takes all.
struct Gate {
    free: Mutex<usize>,
    changed: Condvar,
}

/// Permits held while a program runs; returned on drop.
struct Permit {
    gate: &'static Gate,
    count: usize,
}

impl Gate {
    fn global() -> &'static Gate {
        static GATE: Gate = Gate {
            free: Mutex::new(PERMITS),
            changed: Condvar::new(),
        };
        &GATE
    }

    fn enter(&'static self, mode: Mode) -> Permit {
        let count = match mode {
            Mode::Shared => 1,
            Mode::Serial | Mode::Measured => PERMITS,
        };
        let mut free = lock(&self.free);
        while *free < count {
            free = self
                .changed
                .wait(free)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        *free -= count;
        Permit { gate: self, count }
    }
}

/// Locks a mutex, ignoring poison: a panicking test must not take the others down with it.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Drop for Permit {
    fn drop(&mut self) {
        let mut free = lock(&self.gate.free);
        *free += self.count;
        self.gate.changed.notify_all();
    }
}
