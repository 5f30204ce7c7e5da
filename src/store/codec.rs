//! The compact binary form of a [`TraceDocument`], as snapshots keep it.
//!
//! A blob is one format byte ([`FORMAT`]) and a zstd frame. Inside the frame every string of the
//! document is written once, in a string table, and everything else is a set of columns of
//! LEB128 varints: one column per field of the bulky sections (spans, point events, output), so
//! that alike values sit next to each other, and times as zigzag deltas from the previous row,
//! which are small. zstd then squeezes the repetition out of each column. The columns are
//! written one after another, each prefixed with its length, in the order of [`Col`].
//!
//! Arithmetic on times is wrapping, so any `u64` survives the round trip: decoding gives back a
//! document equal to the one encoded, whose JSON is byte-identical.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use crate::trace::document::{
    Diagnostic, DocumentParts, LaneInfo, OutputText, RunInfo, RunMeta, Summary, TraceDocument,
};
use crate::trace::event::{
    DiagnosticKind, Event, EventKind, LaneIx, LaneKind, RunError, RunStatus, State, TraceFrame,
};
use crate::trace::spans::Span;
use crate::trace::varint::{position, Read, Reader, Writer};

/// The version of the blob layout, its first byte. A layout change gets a new number and
/// decoding keeps reading the old ones.
pub const FORMAT: u8 = 1;

/// zstd's default level. On a million-event run higher levels gain little for their time
/// (level 12: 2 % smaller, 4× slower; level 19: 12 % smaller, 20× slower).
const ZSTD_LEVEL: i32 = 3;

/// A blob that cannot be decoded: truncated, corrupt, or of an unknown format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodecError(String);

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot decode the stored trace: {}", self.0)
    }
}

impl std::error::Error for CodecError {}

/// The columns of a blob, in the order they are written.
#[derive(Debug, Clone, Copy)]
enum Col {
    Strings,
    Counts,
    Run,
    Lanes,
    SpanLane,
    SpanState,
    SpanStart,
    SpanLength,
    SpanLabel,
    SpanLine,
    EventSeq,
    EventTime,
    EventLane,
    EventKind,
    EventFields,
    OutputTime,
    OutputLane,
    OutputText,
    OutputLine,
    Diagnostics,
    Summary,
}

const COLUMNS: [Col; 21] = [
    Col::Strings,
    Col::Counts,
    Col::Run,
    Col::Lanes,
    Col::SpanLane,
    Col::SpanState,
    Col::SpanStart,
    Col::SpanLength,
    Col::SpanLabel,
    Col::SpanLine,
    Col::EventSeq,
    Col::EventTime,
    Col::EventLane,
    Col::EventKind,
    Col::EventFields,
    Col::OutputTime,
    Col::OutputLane,
    Col::OutputText,
    Col::OutputLine,
    Col::Diagnostics,
    Col::Summary,
];

/// Enum values are stored as their position in these lists. Append only: a stored position
/// must keep meaning the same value.
const LANE_KINDS: [LaneKind; 5] = [
    LaneKind::EventLoop,
    LaneKind::Task,
    LaneKind::Thread,
    LaneKind::Process,
    LaneKind::Core,
];
const STATES: [State; 10] = [
    State::Running,
    State::Awaiting,
    State::Ready,
    State::Blocked,
    State::WaitingGil,
    State::Native,
    State::Idle,
    State::Done,
    State::Cancelled,
    State::Failed,
];
const DIAGNOSTIC_KINDS: [DiagnosticKind; 5] = [
    DiagnosticKind::BlockingCall,
    DiagnosticKind::LongStep,
    DiagnosticKind::NeverAwaited,
    DiagnosticKind::ExceptionNeverRetrieved,
    DiagnosticKind::Limit,
];
const RUN_STATUSES: [RunStatus; 5] = [
    RunStatus::Running,
    RunStatus::Ok,
    RunStatus::Error,
    RunStatus::Cancelled,
    RunStatus::Limit,
];

/// Event kinds' tags in the [`Col::EventKind`] column.
const TAG_LANE: u8 = 0;
const TAG_STATE: u8 = 1;
const TAG_SPAWN: u8 = 2;
const TAG_WAKE: u8 = 3;
const TAG_PRINT: u8 = 4;
const TAG_CANCEL: u8 = 5;
const TAG_EXCEPTION: u8 = 6;
const TAG_DIAGNOSTIC: u8 = 7;

/// The blob of `doc`.
pub fn encode(doc: &TraceDocument) -> Vec<u8> {
    let body = Encoder::default().document(doc);
    let mut blob = vec![FORMAT];
    // Compressing into a Vec fails only if memory runs out, which aborts anyway.
    zstd::stream::copy_encode(body.as_slice(), &mut blob, ZSTD_LEVEL)
        .expect("compressing into memory cannot fail");
    blob
}

/// The document a blob of [`encode`] holds.
pub fn decode(blob: &[u8]) -> Result<TraceDocument, CodecError> {
    let (&format, frame) = blob
        .split_first()
        .ok_or_else(|| CodecError("the blob is empty".into()))?;
    if format != FORMAT {
        return Err(CodecError(format!(
            "unknown format {format} (this build reads format {FORMAT})"
        )));
    }
    let body = zstd::stream::decode_all(frame)
        .map_err(|e| CodecError(format!("the compressed data is damaged: {e}")))?;
    Decoder::new(&body)?.document()
}

// ---- writing ----

/// A column being written.
type Column = Writer;

#[derive(Default)]
struct Encoder<'a> {
    columns: [Column; COLUMNS.len()],
    strings: HashMap<&'a str, u64>,
}

impl<'a> Encoder<'a> {
    fn col(&mut self, col: Col) -> &mut Column {
        &mut self.columns[col as usize]
    }

    /// Writes `s` as its index in the string table, adding it on first sight.
    fn string(&mut self, col: Col, s: &'a str) {
        let next = self.strings.len() as u64;
        let index = *self.strings.entry(s).or_insert_with(|| {
            self.columns[Col::Strings as usize].bytes(s.as_bytes());
            next
        });
        self.col(col).uint(index);
    }

    /// `None` as a 0 flag; a string as a 1 flag, then the string.
    fn opt_string(&mut self, col: Col, s: Option<&'a str>) {
        match s {
            Some(s) => {
                self.col(col).uint(1);
                self.string(col, s);
            }
            None => self.col(col).uint(0),
        }
    }

    fn document(mut self, doc: &'a TraceDocument) -> Vec<u8> {
        let counts = [
            doc.lanes.len(),
            doc.spans.len(),
            doc.events.len(),
            doc.output.len(),
            doc.diagnostics.len(),
        ];
        for count in counts {
            self.col(Col::Counts).uint(count as u64);
        }
        self.run(&doc.run);
        doc.lanes.iter().for_each(|lane| self.lane(lane));
        self.spans(&doc.spans);
        self.events(&doc.events);
        self.output(&doc.output);
        doc.diagnostics.iter().for_each(|d| self.diagnostic(d));
        self.summary(&doc.summary);
        let mut body = Vec::new();
        for column in &self.columns {
            let mut length = Column::default();
            length.uint(column.0.len() as u64);
            body.extend_from_slice(&length.0);
            body.extend_from_slice(&column.0);
        }
        body
    }

    fn run(&mut self, run: &'a RunInfo) {
        const C: Col = Col::Run;
        self.string(C, &run.meta.id);
        self.opt_string(C, run.meta.scenario.as_deref());
        self.string(C, &run.meta.source);
        self.col(C).uint(position(&RUN_STATUSES, &run.status));
        self.col(C).uint(run.duration_ns);
        self.col(C).uint(u64::from(run.cores));
        match &run.error {
            Some(error) => {
                self.col(C).uint(1);
                self.string(C, &error.kind);
                self.string(C, &error.message);
                self.col(C).uint(u64::from(error.line));
                self.col(C).uint(error.traceback.len() as u64);
                for frame in &error.traceback {
                    self.string(C, &frame.function);
                    self.col(C).uint(u64::from(frame.line));
                }
            }
            None => self.col(C).uint(0),
        }
    }

    fn lane(&mut self, lane: &'a LaneInfo) {
        const C: Col = Col::Lanes;
        self.col(C).uint(u64::from(lane.ix));
        self.col(C).uint(position(&LANE_KINDS, &lane.kind));
        self.string(C, &lane.name);
        self.opt_string(C, lane.detail.as_deref());
        self.col(C).opt_lane(lane.parent);
        self.col(C).uint(u64::from(lane.pid));
        self.col(C).uint(lane.start_ns);
        self.col(C).opt_u64(lane.end_ns);
        self.col(C)
            .opt_u64(lane.outcome.map(|state| position(&STATES, &state)));
    }

    fn spans(&mut self, spans: &'a [Span]) {
        let mut start = 0;
        for span in spans {
            self.col(Col::SpanLane).uint(u64::from(span.lane));
            self.col(Col::SpanState)
                .uint(position(&STATES, &span.state));
            self.col(Col::SpanStart).delta(&mut start, span.start_ns);
            self.col(Col::SpanLength)
                .uint(span.end_ns.wrapping_sub(span.start_ns));
            self.opt_string(Col::SpanLabel, span.label.as_deref());
            self.col(Col::SpanLine).uint(u64::from(span.line));
        }
    }

    fn events(&mut self, events: &'a [Event]) {
        let (mut seq, mut time) = (0, 0);
        for event in events {
            self.col(Col::EventSeq).delta(&mut seq, event.seq);
            self.col(Col::EventTime).delta(&mut time, event.t_ns);
            self.col(Col::EventLane).uint(u64::from(event.lane));
            self.event_kind(&event.kind);
        }
    }

    fn event_kind(&mut self, kind: &'a EventKind) {
        const C: Col = Col::EventFields;
        let tag = match kind {
            EventKind::Lane {
                kind,
                name,
                detail,
                parent,
                pid,
            } => {
                self.col(C).uint(position(&LANE_KINDS, kind));
                self.string(C, name);
                self.opt_string(C, detail.as_deref());
                self.col(C).opt_lane(*parent);
                self.col(C).uint(u64::from(*pid));
                TAG_LANE
            }
            EventKind::State { state, label, line } => {
                self.col(C).uint(position(&STATES, state));
                self.opt_string(C, label.as_deref());
                self.col(C).uint(u64::from(*line));
                TAG_STATE
            }
            EventKind::Spawn { child, line } => {
                self.col(C).uint(u64::from(*child));
                self.col(C).uint(u64::from(*line));
                TAG_SPAWN
            }
            EventKind::Wake { target } => {
                self.col(C).uint(u64::from(*target));
                TAG_WAKE
            }
            EventKind::Print { text, line } => {
                self.string(C, text);
                self.col(C).uint(u64::from(*line));
                TAG_PRINT
            }
            EventKind::Cancel { target, line } => {
                self.col(C).uint(u64::from(*target));
                self.col(C).uint(u64::from(*line));
                TAG_CANCEL
            }
            EventKind::Exception { message, line } => {
                self.string(C, message);
                self.col(C).uint(u64::from(*line));
                TAG_EXCEPTION
            }
            EventKind::Diagnostic {
                kind,
                message,
                line,
            } => {
                self.col(C).uint(position(&DIAGNOSTIC_KINDS, kind));
                self.string(C, message);
                self.col(C).uint(u64::from(*line));
                TAG_DIAGNOSTIC
            }
        };
        self.col(Col::EventKind).uint(u64::from(tag));
    }

    fn output(&mut self, output: &'a [OutputText]) {
        let mut time = 0;
        for text in output {
            self.col(Col::OutputTime).delta(&mut time, text.t_ns);
            self.col(Col::OutputLane).uint(u64::from(text.lane));
            self.string(Col::OutputText, &text.text);
            self.col(Col::OutputLine).uint(u64::from(text.line));
        }
    }

    fn diagnostic(&mut self, diagnostic: &'a Diagnostic) {
        const C: Col = Col::Diagnostics;
        self.col(C).uint(diagnostic.t_ns);
        self.col(C).uint(u64::from(diagnostic.lane));
        self.col(C)
            .uint(position(&DIAGNOSTIC_KINDS, &diagnostic.kind));
        self.string(C, &diagnostic.message);
        self.col(C).uint(u64::from(diagnostic.line));
    }

    fn summary(&mut self, summary: &Summary) {
        let column = self.col(Col::Summary);
        column.uint(summary.wall_ns);
        column.uint(summary.loop_busy_pct.to_bits());
        column.uint(summary.longest_stall_ns);
        column.uint(u64::from(summary.peak_awaiting));
        column.uint(u64::from(summary.tasks));
        column.uint(summary.events);
    }
}

// ---- reading ----

/// A column being read: the varint reader, with errors that name the column.
struct Cursor<'a> {
    col: Col,
    reader: Reader<'a>,
}

impl<'a> Cursor<'a> {
    fn new(col: Col, bytes: &'a [u8]) -> Self {
        Cursor {
            col,
            reader: Reader::new(bytes),
        }
    }

    fn error(&self, what: &str) -> CodecError {
        CodecError(format!("column {:?}: {what}", self.col))
    }

    fn read<T>(&mut self, read: impl FnOnce(&mut Reader<'a>) -> Read<T>) -> Result<T, CodecError> {
        read(&mut self.reader).map_err(|e| self.error(&e.to_string()))
    }

    fn is_empty(&self) -> bool {
        self.reader.is_empty()
    }

    fn remaining(&self) -> usize {
        self.reader.bytes.len()
    }

    fn uint(&mut self) -> Result<u64, CodecError> {
        self.read(Reader::uint)
    }

    fn delta(&mut self, previous: &mut u64) -> Result<u64, CodecError> {
        self.read(|r| r.delta(previous))
    }

    fn u32(&mut self) -> Result<u32, CodecError> {
        self.read(Reader::u32)
    }

    fn bytes(&mut self) -> Result<&'a [u8], CodecError> {
        self.read(Reader::bytes)
    }

    fn opt_lane(&mut self) -> Result<Option<LaneIx>, CodecError> {
        self.read(Reader::opt_lane)
    }

    fn opt_u64(&mut self) -> Result<Option<u64>, CodecError> {
        self.read(Reader::opt_u64)
    }

    fn pick<T: Copy>(&mut self, all: &[T], what: &str) -> Result<T, CodecError> {
        self.read(|r| r.pick(all, what))
    }
}

struct Decoder<'a> {
    columns: Vec<Cursor<'a>>,
    strings: Vec<Arc<str>>,
}

impl<'a> Decoder<'a> {
    fn new(mut body: &'a [u8]) -> Result<Self, CodecError> {
        let mut columns = Vec::with_capacity(COLUMNS.len());
        for col in COLUMNS {
            let mut cursor = Cursor::new(col, body);
            let column = cursor.bytes()?;
            body = cursor.reader.bytes;
            columns.push(Cursor::new(col, column));
        }
        let mut decoder = Decoder {
            columns,
            strings: Vec::new(),
        };
        decoder.read_strings()?;
        Ok(decoder)
    }

    fn col(&mut self, col: Col) -> &mut Cursor<'a> {
        &mut self.columns[col as usize]
    }

    fn read_strings(&mut self) -> Result<(), CodecError> {
        let table = &mut self.columns[Col::Strings as usize];
        while !table.is_empty() {
            let bytes = table.bytes()?;
            let text = std::str::from_utf8(bytes).map_err(|_| table.error("text is not UTF-8"))?;
            self.strings.push(Arc::from(text));
        }
        Ok(())
    }

    fn string(&mut self, col: Col) -> Result<Arc<str>, CodecError> {
        let cursor = &mut self.columns[col as usize];
        let index = cursor.uint()?;
        usize::try_from(index)
            .ok()
            .and_then(|i| self.strings.get(i).cloned())
            .ok_or_else(|| cursor.error(&format!("no string {index}")))
    }

    fn opt_string(&mut self, col: Col) -> Result<Option<Arc<str>>, CodecError> {
        Ok(match self.col(col).uint()? {
            0 => None,
            _ => Some(self.string(col)?),
        })
    }

    /// The number of rows of the section whose first column is `first`. Each row takes at least
    /// one byte of that column: a larger count is corrupt, and would reserve absurd memory.
    fn count(&mut self, first: Col) -> Result<usize, CodecError> {
        let count = usize::try_from(self.col(Col::Counts).uint()?).unwrap_or(usize::MAX);
        let rows = self.col(first);
        if count > rows.remaining() {
            return Err(rows.error(&format!("holds fewer than its {count} rows")));
        }
        Ok(count)
    }

    fn document(mut self) -> Result<TraceDocument, CodecError> {
        let lanes = self.count(Col::Lanes)?;
        let spans = self.count(Col::SpanLane)?;
        let events = self.count(Col::EventSeq)?;
        let output = self.count(Col::OutputTime)?;
        let diagnostics = self.count(Col::Diagnostics)?;
        let run = self.run()?;
        let lanes = (0..lanes).map(|_| self.lane()).collect::<Result<_, _>>()?;
        let spans = self.spans(spans)?;
        let events = self.events(events)?;
        let output = self.output(output)?;
        let diagnostics = (0..diagnostics)
            .map(|_| self.diagnostic())
            .collect::<Result<_, _>>()?;
        let summary = self.summary()?;
        Ok(TraceDocument::from_parts(DocumentParts {
            run,
            lanes,
            spans,
            events,
            output,
            diagnostics,
            summary,
        }))
    }

    fn run(&mut self) -> Result<RunInfo, CodecError> {
        const C: Col = Col::Run;
        let meta = RunMeta {
            id: self.string(C)?.to_string(),
            scenario: self.opt_string(C)?.map(|s| s.to_string()),
            source: self.string(C)?.to_string(),
        };
        let status = self.col(C).pick(&RUN_STATUSES, "run status")?;
        let duration_ns = self.col(C).uint()?;
        let cores = self.col(C).u32()?;
        let error = match self.col(C).uint()? {
            0 => None,
            _ => Some(self.run_error()?),
        };
        Ok(RunInfo {
            meta,
            status,
            duration_ns,
            error,
            cores,
        })
    }

    fn run_error(&mut self) -> Result<RunError, CodecError> {
        const C: Col = Col::Run;
        let kind = self.string(C)?.to_string();
        let message = self.string(C)?.to_string();
        let line = self.col(C).u32()?;
        let frames = self.col(C).uint()?;
        let traceback = (0..frames)
            .map(|_| {
                Ok(TraceFrame {
                    function: self.string(C)?.to_string(),
                    line: self.col(C).u32()?,
                })
            })
            .collect::<Result<_, CodecError>>()?;
        Ok(RunError {
            kind,
            message,
            line,
            traceback,
        })
    }

    fn lane(&mut self) -> Result<LaneInfo, CodecError> {
        const C: Col = Col::Lanes;
        let ix = self.col(C).u32()?;
        let kind = self.col(C).pick(&LANE_KINDS, "lane kind")?;
        let name = self.string(C)?;
        let detail = self.opt_string(C)?;
        let cursor = self.col(C);
        Ok(LaneInfo {
            ix,
            kind,
            name,
            detail,
            parent: cursor.opt_lane()?,
            pid: cursor.u32()?,
            start_ns: cursor.uint()?,
            end_ns: cursor.opt_u64()?,
            outcome: match cursor.uint()? {
                0 => None,
                _ => Some(cursor.pick(&STATES, "lane outcome")?),
            },
        })
    }

    fn spans(&mut self, count: usize) -> Result<Vec<Span>, CodecError> {
        let mut spans = Vec::with_capacity(count);
        let mut start = 0;
        for _ in 0..count {
            let lane = self.col(Col::SpanLane).u32()?;
            let state = self.col(Col::SpanState).pick(&STATES, "span state")?;
            let start_ns = self.col(Col::SpanStart).delta(&mut start)?;
            let end_ns = start_ns.wrapping_add(self.col(Col::SpanLength).uint()?);
            let label = self.opt_string(Col::SpanLabel)?;
            let line = self.col(Col::SpanLine).u32()?;
            spans.push(Span {
                lane,
                state,
                start_ns,
                end_ns,
                label,
                line,
            });
        }
        Ok(spans)
    }

    fn events(&mut self, count: usize) -> Result<Vec<Event>, CodecError> {
        let mut events = Vec::with_capacity(count);
        let (mut seq, mut time) = (0, 0);
        for _ in 0..count {
            let seq = self.col(Col::EventSeq).delta(&mut seq)?;
            let t_ns = self.col(Col::EventTime).delta(&mut time)?;
            let lane = self.col(Col::EventLane).u32()?;
            let kind = self.event_kind()?;
            events.push(Event {
                seq,
                t_ns,
                lane,
                kind,
            });
        }
        Ok(events)
    }

    fn event_kind(&mut self) -> Result<EventKind, CodecError> {
        const C: Col = Col::EventFields;
        let tag = self.col(Col::EventKind).uint()?;
        Ok(match u8::try_from(tag).unwrap_or(u8::MAX) {
            TAG_LANE => EventKind::Lane {
                kind: self.col(C).pick(&LANE_KINDS, "lane kind")?,
                name: self.string(C)?,
                detail: self.opt_string(C)?,
                parent: self.col(C).opt_lane()?,
                pid: self.col(C).u32()?,
            },
            TAG_STATE => EventKind::State {
                state: self.col(C).pick(&STATES, "state")?,
                label: self.opt_string(C)?,
                line: self.col(C).u32()?,
            },
            TAG_SPAWN => EventKind::Spawn {
                child: self.col(C).u32()?,
                line: self.col(C).u32()?,
            },
            TAG_WAKE => EventKind::Wake {
                target: self.col(C).u32()?,
            },
            TAG_PRINT => EventKind::Print {
                text: self.string(C)?,
                line: self.col(C).u32()?,
            },
            TAG_CANCEL => EventKind::Cancel {
                target: self.col(C).u32()?,
                line: self.col(C).u32()?,
            },
            TAG_EXCEPTION => EventKind::Exception {
                message: self.string(C)?,
                line: self.col(C).u32()?,
            },
            TAG_DIAGNOSTIC => EventKind::Diagnostic {
                kind: self.col(C).pick(&DIAGNOSTIC_KINDS, "diagnostic kind")?,
                message: self.string(C)?,
                line: self.col(C).u32()?,
            },
            _ => {
                return Err(self
                    .col(Col::EventKind)
                    .error(&format!("unknown tag {tag}")))
            }
        })
    }

    fn output(&mut self, count: usize) -> Result<Vec<OutputText>, CodecError> {
        let mut output = Vec::with_capacity(count);
        let mut time = 0;
        for _ in 0..count {
            output.push(OutputText {
                t_ns: self.col(Col::OutputTime).delta(&mut time)?,
                lane: self.col(Col::OutputLane).u32()?,
                text: self.string(Col::OutputText)?,
                line: self.col(Col::OutputLine).u32()?,
            });
        }
        Ok(output)
    }

    fn diagnostic(&mut self) -> Result<Diagnostic, CodecError> {
        const C: Col = Col::Diagnostics;
        Ok(Diagnostic {
            t_ns: self.col(C).uint()?,
            lane: self.col(C).u32()?,
            kind: self.col(C).pick(&DIAGNOSTIC_KINDS, "diagnostic kind")?,
            message: self.string(C)?,
            line: self.col(C).u32()?,
        })
    }

    fn summary(&mut self) -> Result<Summary, CodecError> {
        let cursor = self.col(Col::Summary);
        Ok(Summary {
            wall_ns: cursor.uint()?,
            loop_busy_pct: f64::from_bits(cursor.uint()?),
            longest_stall_ns: cursor.uint()?,
            peak_awaiting: cursor.u32()?,
            tasks: cursor.u32()?,
            events: cursor.uint()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arc(s: &str) -> Arc<str> {
        Arc::from(s)
    }

    /// A document with every kind of content, odd values included: times out of order and at
    /// the ends of `u64`, a span ending before it starts, strings with quotes and non-ASCII.
    fn every_kind() -> TraceDocument {
        let lane = |ix, kind, name: &str, parent| LaneInfo {
            ix,
            kind,
            name: arc(name),
            detail: (ix == 1).then(|| arc("fetch(2)")),
            parent,
            pid: 4242,
            start_ns: u64::from(ix) * 10,
            end_ns: (ix != 2).then_some(900),
            outcome: (ix == 1).then_some(State::Failed),
        };
        let span = |lane, state, start_ns, end_ns, label: Option<&str>| Span {
            lane,
            state,
            start_ns,
            end_ns,
            label: label.map(arc),
            line: 7,
        };
        let event = |seq, t_ns, lane, kind| Event {
            seq,
            t_ns,
            lane,
            kind,
        };
        TraceDocument::from_parts(DocumentParts {
            run: RunInfo {
                meta: RunMeta {
                    id: "r9".into(),
                    scenario: Some("gather".into()),
                    source: "print(\"héllo\")\n".into(),
                },
                status: RunStatus::Error,
                duration_ns: u64::MAX,
                error: Some(RunError {
                    kind: "ValueError".into(),
                    message: "bad \"value\"".into(),
                    line: 3,
                    traceback: vec![TraceFrame {
                        function: "main".into(),
                        line: 3,
                    }],
                }),
                cores: 2,
            },
            lanes: vec![
                lane(0, LaneKind::EventLoop, "event loop", None),
                lane(1, LaneKind::Task, "Task-1", Some(0)),
                lane(2, LaneKind::Thread, "Thread-1", Some(0)),
                lane(7, LaneKind::Core, "CPU 0", None),
            ],
            spans: vec![
                span(0, State::Running, 0, 5, Some("Task-1")),
                span(1, State::Awaiting, 5, u64::MAX, Some("asyncio.sleep(1)")),
                span(2, State::WaitingGil, 3, 1, None),
                span(7, State::Running, u64::MAX, 0, Some("Task-1")),
            ],
            events: vec![
                event(
                    1,
                    0,
                    0,
                    EventKind::Lane {
                        kind: LaneKind::Process,
                        name: arc("Process-1"),
                        detail: None,
                        parent: Some(0),
                        pid: 77,
                    },
                ),
                event(
                    2,
                    9,
                    1,
                    EventKind::State {
                        state: State::Native,
                        label: Some(arc("sha256")),
                        line: 2,
                    },
                ),
                event(5, 4, 1, EventKind::Spawn { child: 2, line: 4 }),
                event(3, u64::MAX, 0, EventKind::Wake { target: 1 }),
                event(
                    8,
                    0,
                    1,
                    EventKind::Print {
                        text: arc("done ✓\n"),
                        line: 9,
                    },
                ),
                event(
                    9,
                    10,
                    1,
                    EventKind::Cancel {
                        target: 2,
                        line: 11,
                    },
                ),
                event(
                    10,
                    11,
                    2,
                    EventKind::Exception {
                        message: arc("ValueError: bad"),
                        line: 12,
                    },
                ),
                event(
                    11,
                    12,
                    0,
                    EventKind::Diagnostic {
                        kind: DiagnosticKind::ExceptionNeverRetrieved,
                        message: arc("Task exception was never retrieved"),
                        line: 0,
                    },
                ),
            ],
            output: vec![OutputText {
                t_ns: 8,
                lane: 1,
                text: arc("done ✓\n"),
                line: 9,
            }],
            diagnostics: vec![Diagnostic {
                t_ns: 12,
                lane: 0,
                kind: DiagnosticKind::Limit,
                message: arc("time limit"),
                line: 0,
            }],
            summary: Summary {
                wall_ns: 900,
                loop_busy_pct: 12.34,
                longest_stall_ns: 5,
                peak_awaiting: 1,
                tasks: 1,
                events: 20,
            },
        })
    }

    #[test]
    fn every_kind_of_content_round_trips() {
        let doc = every_kind();
        let decoded = decode(&encode(&doc)).expect("decodes");
        assert_eq!(decoded, doc);
        assert_eq!(decoded.to_json(), doc.to_json());
    }

    #[test]
    fn an_empty_document_round_trips() {
        let meta = RunMeta {
            id: String::new(),
            scenario: None,
            source: String::new(),
        };
        let doc = TraceDocument::build(meta, &[], None);
        assert_eq!(decode(&encode(&doc)), Ok(doc));
    }

    #[test]
    fn the_blob_starts_with_its_format() {
        assert_eq!(encode(&every_kind())[0], FORMAT);
    }

    #[test]
    fn damaged_blobs_are_errors_not_panics() {
        let blob = encode(&every_kind());
        assert!(decode(&[]).is_err());
        let mut future = blob.clone();
        future[0] = FORMAT + 1;
        let error = decode(&future).expect_err("an unknown format");
        assert!(error.to_string().contains("unknown format"), "{error}");
        for len in [1, 2, blob.len() / 2, blob.len() - 1] {
            assert!(decode(&blob[..len]).is_err(), "truncated to {len} bytes");
        }
        // A body that decompresses fine but is cut short or nonsense.
        let body = Encoder::default().document(&every_kind());
        for cut in [0, 1, body.len() / 3, body.len() - 1] {
            let mut blob = vec![FORMAT];
            zstd::stream::copy_encode(&body[..cut], &mut blob, 1).expect("compressed");
            assert!(decode(&blob).is_err(), "body cut at {cut}");
        }
        let mut blob = vec![FORMAT];
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        zstd::stream::copy_encode(noise.as_slice(), &mut blob, 1).expect("compressed");
        assert!(decode(&blob).is_err());
    }
}
