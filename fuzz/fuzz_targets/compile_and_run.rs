//! Fuzzes the whole language path a stranger's program takes: compile any text, and run what
//! compiles under tight limits. Any panic, abort, stack overflow or hang is a finding; a Python
//! error, a refusal or a limit is an answer.
//!
//! The program runs in this process (the worker's sandbox is not what is fuzzed here), joined to
//! a memory ledger as a worker is, so that a program asking for a huge size at once gets
//! `MemoryError`. The ledger is generous: in a worker, many small allocations past the budget
//! end the process on purpose (the run ends `limit`, which `tests/isolation.rs` checks), and
//! here that would pass for a crash; in 100 ms no program gets near it. Run from `fuzz/` (see
//! its README).

#![no_main]

use std::sync::{Arc, Once};
use std::time::Duration;

use interleave::exec::worker::run_in_this_process;
use interleave::exec::{budget, RunOptions};
use interleave::lang;
use interleave::record::log::RunLog;
use libfuzzer_sys::fuzz_target;

/// The largest heap the fuzzed programs may use in all.
const MEMORY: u64 = 3 << 30;

fn join_a_ledger() {
    static JOINED: Once = Once::new();
    JOINED.call_once(|| {
        let fd = budget::create(MEMORY, 16).expect("a ledger");
        budget::join(fd, 0).expect("joined");
    });
}

fn options() -> RunOptions {
    RunOptions {
        time_limit: Duration::from_millis(100),
        max_tasks: 200,
        max_output_bytes: 64 << 10,
        max_events: 20_000,
        max_threads: 8,
        // There is no worker binary here to start child processes with.
        max_processes: 0,
        ..RunOptions::default()
    }
}

fuzz_target!(|data: &[u8]| {
    join_a_ledger();
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(program) = lang::compile(source) {
        let log = RunLog::new();
        run_in_this_process(program, options(), Arc::clone(&log));
        assert!(log.end().is_some(), "a run that returned has ended");
    }
});
