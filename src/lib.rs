//! Interleave: run Python-subset concurrency scenarios for real and watch their timeline live.
//!
//! # Layout
//!
//! - [`lang`]: the interpreter core. `ruff_python_parser` parses, [`lang::compile`] checks the
//!   supported subset against the modules it is given and resolves names to slots, and the
//!   evaluator runs the result: await-free code on a synchronous fast path, statements
//!   containing `await` on an async path. It knows no event loop, thread or process: it asks its
//!   host ([`lang::host::Host`]) for the GIL's eval breaker, output, diagnostics, the clock and
//!   the recursion limit. Its unit tests run on a stub host.
//! - [`modules`]: the Python face of every importable module, one file each, in one registry
//!   ([`modules::REGISTRY`]); asyncio's tasks, futures and loop are library objects there.
//! - [`exec`]: the runtime, which implements the host ([`exec::control::RunControl`]): each run
//!   in a sandboxed worker process of its own (this binary re-executed), which the server's
//!   supervisor starts, follows through a pipe and kills from outside when it must. Inside, the
//!   run gets a current-thread tokio runtime; the event loop keeps CPython's ready queue and
//!   timer order and polls each Python task as an instrumented future. It also holds the GIL,
//!   threads, child processes and marshalling.
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
