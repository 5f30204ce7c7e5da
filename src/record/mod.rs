//! Recording a run: the hot-path recorder that instrumented code pushes events into, and the
//! per-run log those events land in.
//!
//! The flow is one way: the executor's [`recorder`] buffers events cheaply on the threads that
//! produce them and appends them in batches to the run's [`log::RunLog`]; the log numbers them,
//! keeps them for the run's lifetime and wakes any readers (the live event stream, the trace
//! document, the headless `interleave run`). Readers never slow the writer down: appends take a
//! short lock and never wait for a reader.

pub mod cores;
pub mod log;
pub mod recorder;
