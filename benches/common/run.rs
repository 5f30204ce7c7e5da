//! Running a scenario in this process, as the server does: compile it, start it on its own run
//! thread, and record every event into a run log.

use std::sync::Arc;

use interleave::exec::{self, RunHandle, RunOptions};
use interleave::lang;
use interleave::record::log::RunLog;
use interleave::trace::event::{RunEnd, RunStatus};

/// 10 000 tasks, each awaiting `asyncio.sleep(0)` `awaits` times: the loop makes
/// `10_000 × awaits` task steps and records every one. With 10 awaits it is the whole-run cost
/// case of DESIGN.md.
pub fn tasks_program(awaits: usize) -> String {
    format!(
        "\
import asyncio


async def worker():
    for _ in range({awaits}):
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(*[worker() for _ in range(10_000)])


asyncio.run(main())
"
    )
}

/// Compiles `source` and starts running it.
pub fn start(source: &str) -> (Arc<RunLog>, RunHandle) {
    let program = lang::compile(source)
        .unwrap_or_else(|e| panic!("the benchmark program does not compile: {e}"));
    let log = RunLog::new();
    let handle = exec::start(program, RunOptions::default(), Arc::clone(&log));
    (log, handle)
}

/// How a finished run ended; panics unless it ended `ok`, since its timing would mean nothing.
pub fn expect_ok(log: &RunLog) -> RunEnd {
    let end = log.end().expect("the run has ended");
    assert_eq!(
        end.status,
        RunStatus::Ok,
        "the benchmark program failed: {:?}",
        end.error
    );
    end
}
