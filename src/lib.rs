//! Interleave: run Python-subset concurrency scenarios for real and watch their timeline live.
//!
//! # Layout
//!
//! - [`lang`]: the scenario language. `ruff_python_parser` parses, [`lang::compile`] checks the
//!   supported subset and resolves names to slots, and the evaluator runs the result: await-free
//!   code on a synchronous fast path, statements containing `await` on an async path.
//! - [`modules`]: library modules that need no runtime (`random`, its Mersenne Twister).
//! - [`exec`]: real execution, each run in a sandboxed worker process of its own (this binary
//!   re-executed), which the server's supervisor starts, follows through a pipe and kills from
//!   outside when it must. Inside, the run gets a current-thread tokio runtime; the event loop
//!   keeps CPython's ready queue and timer order and polls each Python task as an instrumented
//!   future.
//! - [`record`]: the hot-path recorder (per-thread buffers, never blocks) and the per-run,
//!   append-only, packed log that the server streams from.
//! - [`trace`]: the event model, events → spans, the trace document and its summary.
//! - [`catalog`]: the built-in scenarios, `.py` files with validated metadata, embedded at
//!   build time.
//! - [`store`]: snapshots, finished runs saved in SQLite with their view, each trace as one
//!   compact blob.
//! - [`web`]: the axum router, handlers, the connection loop and the edge's checks, server-sent
//!   events, pages and errors.

pub mod catalog;
pub mod exec;
pub mod lang;
pub mod modules;
pub mod record;
pub mod store;
pub mod trace;
pub mod web;
