//! Test helpers: a program with every kind of event, run for real into its trace document.

use std::sync::Arc;

use super::document::{RunMeta, TraceDocument};
use crate::exec::worker::run_in_this_process;
use crate::exec::RunOptions;
use crate::lang;
use crate::record::log::RunLog;

/// Tasks that sleep and print, a thread, a blocking call long enough for a diagnostic, and a
/// cancellation: every kind of span, point event and diagnostic a short run can have.
pub const EVERY_KIND_OF_EVENT: &str = r#"
import asyncio
import threading
import time

def work():
    time.sleep(0.01)

async def sleeper(n):
    await asyncio.sleep(0.01 * n)
    print(f"slept {n}")

async def forever():
    await asyncio.sleep(10)

async def main():
    thread = threading.Thread(target=work)
    thread.start()
    sleepers = [asyncio.create_task(sleeper(n)) for n in (1, 2)]
    stuck = asyncio.create_task(forever())
    await asyncio.sleep(0)
    time.sleep(0.12)
    await asyncio.gather(*sleepers)
    stuck.cancel()
    try:
        await stuck
    except asyncio.CancelledError:
        print("cancelled")
    thread.join()

asyncio.run(main())
"#;

/// Runs `source` (no child processes: unit tests have no binary to re-execute) to its end.
pub fn run_to_document(source: &str) -> TraceDocument {
    let program = lang::compile(source, crate::modules::REGISTRY)
        .unwrap_or_else(|e| panic!("does not compile: {e}"));
    let log = RunLog::new();
    run_in_this_process(program, RunOptions::default(), Arc::clone(&log));
    let end = log.end().expect("a joined run has ended");
    let meta = RunMeta {
        id: "r-test".into(),
        scenario: Some("unit".into()),
        source: source.into(),
    };
    TraceDocument::build(meta, log.snapshot().iter(), Some(&end))
}
