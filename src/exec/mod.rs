//! Real execution of a scenario, each run in a worker process of its own.
//!
//! The server never compiles or evaluates scenario code. [`start`] re-executes this binary as a
//! worker ([`worker`]), which puts its limits and sandbox in place ([`sandbox`], [`budget`]),
//! compiles the program and runs it on its own event loop, threads and child processes, sending
//! what it records up a pipe ([`outbox`], [`pipe`]). The [`supervisor`] on the server's side files those
//! events in the run's log, stops the worker at its deadline or on cancel by killing its process
//! group, and ends the run honestly when the worker dies.

pub mod aio;
pub mod budget;
pub mod control;
pub mod event_loop;
pub mod futures;
pub mod gil;
pub mod hashing;
pub mod marshal;
pub mod objects;
pub mod outbox;
pub mod pipe;
pub mod pool;
pub mod process;
pub mod sandbox;
pub mod supervisor;
#[cfg(test)]
pub mod testing;
pub mod threads;
pub mod worker;

use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use supervisor::{start, RunHandle, StartError};

/// `__file__` of a program typed into the page.
pub const DEFAULT_SCRIPT_PATH: &str = "/scenario.py";

/// Limits and settings of one run. The defaults are what the server and `interleave run` use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunOptions {
    pub time_limit: Duration,
    pub max_tasks: usize,
    pub max_output_bytes: usize,
    pub max_recursion: usize,
    /// Events recorded; past them the run ends with status `limit`.
    pub max_events: u64,
    /// Heap memory of all the run's processes together.
    pub max_memory_bytes: u64,
    /// Threads alive at once, in all the run's processes together.
    pub max_threads: u32,
    /// Child processes alive at once, at any depth.
    pub max_processes: u32,
    /// `false` runs threads without the GIL, as free-threaded Python would.
    pub gil: bool,
    /// What `__file__` reads: the script's absolute path under `interleave run`.
    pub script_path: String,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            time_limit: Duration::from_secs(30),
            max_tasks: 10_000,
            max_output_bytes: 1 << 20,
            max_recursion: 1000,
            max_events: 2_000_000,
            max_memory_bytes: 1 << 30,
            max_threads: 1024,
            max_processes: 16,
            gil: true,
            script_path: DEFAULT_SCRIPT_PATH.to_string(),
        }
    }
}
