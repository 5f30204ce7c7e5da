//! The trace: what a run recorded and what it means.
//!
//! - [`event`]: the recorded event model (lane declarations, state transitions, point events).
//! - [`lanes`]: lane ids as the wire format spells them (`loop`, `task-3`, ...).
//! - [`spans`]: the one rule that turns state transitions into timeline spans.
//! - [`document`]: the trace document of a whole run, with its summary.
//! - [`wire`]: events as JSON objects, fast enough for the live stream.
//! - [`chrome`]: the document as a Chrome Trace Event Format file, for Perfetto and speedscope.
//! - [`import`]: a trace document read back from JSON, refused with a reason when malformed.
//! - [`varint`]: the LEB128 number encoding of the snapshot codec and the worker pipe.
//!
//! The format itself is specified in `docs/trace-format.md`.

pub mod chrome;
pub mod document;
pub mod event;
pub mod import;
pub mod lanes;
pub mod spans;
#[cfg(test)]
pub(crate) mod testing;
pub mod varint;
pub mod wire;
