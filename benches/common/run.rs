//! Running a scenario as the server does: in a worker process of its own, every event it records
//! sent up the pipe into a run log.

use std::sync::Arc;

use interleave::exec::{self, RunHandle, RunOptions};
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

/// Starts running `source` in a worker (this benchmark's `interleave` binary).
pub fn start(source: &str) -> (Arc<RunLog>, RunHandle) {
    exec::worker::set_program(env!("CARGO_BIN_EXE_interleave"));
    let log = RunLog::new();
    let handle = exec::start(source, RunOptions::default(), Arc::clone(&log))
        .unwrap_or_else(|e| panic!("the benchmark program does not compile: {e}"));
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
