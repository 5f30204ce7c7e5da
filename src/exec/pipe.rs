//! The worker pipe: what a worker process (a run, or a child process of one) sends up to the
//! process that started it, as length-prefixed binary frames on its stdout.
//!
//! A frame is a 4-byte little-endian length, a tag byte and a body. Events, which are nearly all
//! of the traffic, are packed: a kind byte, the lane and the time as varints (the time as a
//! delta from the previous event of the frame), then the fields. Strings that repeat (labels,
//! lane names) are sent once and then referred to by number; texts written once (prints,
//! messages) are sent as they are. The rare frames (the compile verdict, a job's result, the
//! end of the run) carry JSON. Everything read is checked: a damaged or hostile frame is an
//! error, never a panic or an unbounded allocation.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, Read, Write};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::marshal::WireError;
use crate::lang::SyntaxError;
use crate::trace::event::{
    tag, DiagnosticKind, Event, EventKind, LaneKind, RunEnd, State, WireName,
};
use crate::trace::varint::{position, ReadError, Reader, Writer};

/// No frame is larger: a length beyond it means the stream is damaged.
pub const MAX_FRAME: usize = 64 << 20;
/// An events frame is cut once its body reaches this size, so the reader sees events soon.
const FRAME_TARGET: usize = 256 << 10;
/// Strings interned per pipe; past this, every string is sent as it is.
const MAX_INTERNED: usize = 1 << 20;

const TAG_EVENTS: u8 = 1;
const TAG_COMPILED: u8 = 2;
const TAG_REFUSED: u8 = 3;
const TAG_DONE: u8 = 4;
const TAG_END: u8 = 5;

/// One message up the pipe.
#[derive(Debug, Clone, PartialEq)]
pub enum Frame {
    /// Events the worker recorded, in its own lane numbering (`seq` left at 0).
    Events(Vec<Event>),
    /// The program compiled and starts, its clock at `origin_ns` on CLOCK_MONOTONIC; its
    /// events follow.
    Compiled { origin_ns: u64 },
    /// The program was refused before it ran.
    Refused(Refusal),
    /// Job `id` returned (the encoded value) or raised; its events were all sent before.
    Done {
        id: u64,
        outcome: Result<Json, WireError>,
    },
    /// The run is over; nothing follows.
    End(RunEnd),
}

/// A compile error as it crosses the pipe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub kind: String,
    pub message: String,
    pub line: u32,
    pub column: u32,
}

impl From<&SyntaxError> for Refusal {
    fn from(e: &SyntaxError) -> Self {
        Refusal {
            kind: e.kind.to_string(),
            message: e.message.clone(),
            line: e.line,
            column: e.column,
        }
    }
}

impl From<Refusal> for SyntaxError {
    fn from(r: Refusal) -> Self {
        SyntaxError {
            kind: SyntaxError::KINDS
                .iter()
                .copied()
                .find(|k| *k == r.kind)
                .unwrap_or("syntax"),
            message: r.message,
            line: r.line,
            column: r.column,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct DoneBody {
    id: u64,
    outcome: Result<Json, WireError>,
}

/// Why a frame could not be read.
#[derive(Debug)]
pub enum PipeError {
    Io(io::Error),
    /// The bytes are not a frame of this protocol.
    Damaged(String),
}

impl fmt::Display for PipeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PipeError::Io(e) => write!(f, "cannot read the worker's pipe: {e}"),
            PipeError::Damaged(what) => write!(f, "the worker sent a damaged message: {what}"),
        }
    }
}

impl std::error::Error for PipeError {}

impl From<ReadError> for PipeError {
    fn from(e: ReadError) -> Self {
        PipeError::Damaged(e.to_string())
    }
}

fn damaged(what: impl fmt::Display) -> PipeError {
    PipeError::Damaged(what.to_string())
}

// ---- writing ---------------------------------------------------------------------------------

/// The sending end: turns frames into bytes, remembering the strings already sent.
#[derive(Default)]
pub struct Encoder {
    /// Interned strings by the address of their text. The `Arc`s are kept so that an address
    /// is never reused for another text while it is in the table.
    interned: HashMap<usize, u64>,
    pinned: Vec<Arc<str>>,
}

impl Encoder {
    /// Appends the bytes of `frame` to `out`; events go in frames of a bounded size.
    pub fn encode(&mut self, frame: &Frame, out: &mut Vec<u8>) {
        match frame {
            Frame::Events(events) => {
                for chunk in self.event_chunks(events) {
                    self.events_frame(chunk, out);
                }
            }
            Frame::Compiled { origin_ns } => put_frame(out, TAG_COMPILED, &origin_ns.to_le_bytes()),
            Frame::Refused(refusal) => put_json(out, TAG_REFUSED, refusal),
            Frame::Done { id, outcome } => put_json(
                out,
                TAG_DONE,
                &DoneBody {
                    id: *id,
                    outcome: outcome.clone(),
                },
            ),
            Frame::End(end) => put_json(out, TAG_END, end),
        }
    }

    /// `events` cut into runs that each make a frame of about [`FRAME_TARGET`] bytes (strings
    /// aside, an event packs into at most a few dozen bytes).
    fn event_chunks<'e>(&self, events: &'e [Event]) -> impl Iterator<Item = &'e [Event]> {
        events.chunks(FRAME_TARGET / 32)
    }

    fn events_frame(&mut self, events: &[Event], out: &mut Vec<u8>) {
        let mut body = Writer::default();
        body.uint(events.len() as u64);
        let mut previous = 0;
        for e in events {
            self.event(&mut body, &mut previous, e);
        }
        put_frame(out, TAG_EVENTS, &body.0);
    }

    fn event(&mut self, w: &mut Writer, previous: &mut u64, e: &Event) {
        w.uint(u64::from(e.kind.tag()));
        w.uint(u64::from(e.lane));
        w.delta(previous, e.t_ns);
        match &e.kind {
            EventKind::Lane {
                kind,
                name,
                detail,
                parent,
                pid,
            } => {
                w.uint(position(&LaneKind::ALL, kind));
                self.string(w, name);
                self.opt_string(w, detail.as_ref());
                w.opt_lane(*parent);
                w.uint(u64::from(*pid));
            }
            EventKind::State { state, label, line } => {
                w.uint(position(&State::ALL, state));
                self.opt_string(w, label.as_ref());
                w.uint(u64::from(*line));
            }
            EventKind::Spawn { child, line } => {
                w.uint(u64::from(*child));
                w.uint(u64::from(*line));
            }
            EventKind::Wake { target } => w.uint(u64::from(*target)),
            EventKind::Cancel { target, line } => {
                w.uint(u64::from(*target));
                w.uint(u64::from(*line));
            }
            EventKind::Print { text, line }
            | EventKind::Exception {
                message: text,
                line,
            } => {
                literal(w, text);
                w.uint(u64::from(*line));
            }
            EventKind::Diagnostic {
                kind,
                message,
                line,
            } => {
                w.uint(position(&DiagnosticKind::ALL, kind));
                literal(w, message);
                w.uint(u64::from(*line));
            }
        }
    }

    /// A string: 0 and the text for one sent as it is; `n` for the string interned as `n - 1`;
    /// the next free number and the text to intern a new one. Only strings held elsewhere too
    /// (labels of the program, lane names) are worth interning: a string only the event holds
    /// will not come again.
    fn string(&mut self, w: &mut Writer, s: &Arc<str>) {
        let key = s.as_ptr() as usize;
        if let Some(&n) = self.interned.get(&key) {
            w.uint(n + 1);
            return;
        }
        if Arc::strong_count(s) == 1 || self.pinned.len() >= MAX_INTERNED {
            literal(w, s);
            return;
        }
        let n = self.pinned.len() as u64;
        self.interned.insert(key, n);
        self.pinned.push(s.clone());
        w.uint(n + 1);
        w.bytes(s.as_bytes());
    }

    fn opt_string(&mut self, w: &mut Writer, s: Option<&Arc<str>>) {
        match s {
            Some(s) => {
                w.uint(1);
                self.string(w, s);
            }
            None => w.uint(0),
        }
    }
}

fn literal(w: &mut Writer, s: &str) {
    w.uint(0);
    w.bytes(s.as_bytes());
}

fn put_frame(out: &mut Vec<u8>, tag: u8, body: &[u8]) {
    let len = u32::try_from(body.len() + 1).expect("frames are far below 4 GiB");
    out.extend_from_slice(&len.to_le_bytes());
    out.push(tag);
    out.extend_from_slice(body);
}

fn put_json(out: &mut Vec<u8>, tag: u8, value: &impl Serialize) {
    let body = serde_json::to_vec(value).expect("pipe messages serialise");
    put_frame(out, tag, &body);
}

/// Writes frames to `out`, each call flushed whole.
pub struct FrameWriter<W: Write> {
    encoder: Encoder,
    buf: Vec<u8>,
    out: W,
}

impl<W: Write> FrameWriter<W> {
    pub fn new(out: W) -> Self {
        FrameWriter {
            encoder: Encoder::default(),
            buf: Vec::new(),
            out,
        }
    }

    /// Sends `frames` in order.
    pub fn send(&mut self, frames: &[Frame]) -> io::Result<()> {
        self.buf.clear();
        for frame in frames {
            self.encoder.encode(frame, &mut self.buf);
        }
        self.out.write_all(&self.buf)?;
        self.out.flush()
    }
}

// ---- reading ---------------------------------------------------------------------------------

/// The receiving end: reads frames, keeping the strings the sender interned.
pub struct FrameReader<R: Read> {
    input: R,
    strings: Vec<Arc<str>>,
    body: Vec<u8>,
}

impl<R: Read> FrameReader<R> {
    pub fn new(input: R) -> Self {
        FrameReader {
            input,
            strings: Vec::new(),
            body: Vec::new(),
        }
    }

    /// The next frame; `None` once the sender has closed the pipe between two frames.
    pub fn next_frame(&mut self) -> Result<Option<Frame>, PipeError> {
        let mut len = [0u8; 4];
        match read_full(&mut self.input, &mut len) {
            Ok(0) => return Ok(None),
            Ok(4) => {}
            Ok(_) => return Err(damaged("the pipe closed in the middle of a frame")),
            Err(e) => return Err(PipeError::Io(e)),
        }
        let len = u32::from_le_bytes(len) as usize;
        if len == 0 || len > MAX_FRAME {
            return Err(damaged(format!("a frame of {len} bytes")));
        }
        self.body.resize(len, 0);
        if read_full(&mut self.input, &mut self.body).map_err(PipeError::Io)? != len {
            return Err(damaged("the pipe closed in the middle of a frame"));
        }
        let body = std::mem::take(&mut self.body);
        let frame = self.decode(body[0], &body[1..]);
        self.body = body;
        frame.map(Some)
    }

    fn decode(&mut self, tag: u8, body: &[u8]) -> Result<Frame, PipeError> {
        Ok(match tag {
            TAG_EVENTS => Frame::Events(self.events(body)?),
            TAG_COMPILED => {
                let origin = body
                    .try_into()
                    .map_err(|_| damaged("a start without its clock"))?;
                Frame::Compiled {
                    origin_ns: u64::from_le_bytes(origin),
                }
            }
            TAG_REFUSED => Frame::Refused(json(body)?),
            TAG_DONE => {
                let done: DoneBody = json(body)?;
                Frame::Done {
                    id: done.id,
                    outcome: done.outcome,
                }
            }
            TAG_END => Frame::End(json(body)?),
            other => return Err(damaged(format!("unknown frame tag {other}"))),
        })
    }

    fn events(&mut self, body: &[u8]) -> Result<Vec<Event>, PipeError> {
        let mut r = Reader::new(body);
        let count = usize::try_from(r.uint()?).unwrap_or(usize::MAX);
        // Each event takes at least three bytes: a larger count is damage, not a reason to
        // reserve memory for it.
        if count > body.len() / 3 {
            return Err(damaged(format!("{count} events in {} bytes", body.len())));
        }
        let mut events = Vec::with_capacity(count);
        let mut previous = 0;
        for _ in 0..count {
            events.push(self.event(&mut r, &mut previous)?);
        }
        if !r.is_empty() {
            return Err(damaged("bytes after the last event"));
        }
        Ok(events)
    }

    fn event(&mut self, r: &mut Reader, previous: &mut u64) -> Result<Event, PipeError> {
        let kind = r.uint()?;
        let lane = r.u32()?;
        let t_ns = r.delta(previous)?;
        let kind = match u8::try_from(kind).unwrap_or(u8::MAX) {
            tag::LANE => EventKind::Lane {
                kind: r.pick(&LaneKind::ALL, LaneKind::WHAT)?,
                name: self.string(r)?,
                detail: self.opt_string(r)?,
                parent: r.opt_lane()?,
                pid: r.u32()?,
            },
            tag::STATE => EventKind::State {
                state: r.pick(&State::ALL, State::WHAT)?,
                label: self.opt_string(r)?,
                line: r.u32()?,
            },
            tag::SPAWN => EventKind::Spawn {
                child: r.u32()?,
                line: r.u32()?,
            },
            tag::WAKE => EventKind::Wake { target: r.u32()? },
            tag::CANCEL => EventKind::Cancel {
                target: r.u32()?,
                line: r.u32()?,
            },
            tag::PRINT => EventKind::Print {
                text: self.string(r)?,
                line: r.u32()?,
            },
            tag::EXCEPTION => EventKind::Exception {
                message: self.string(r)?,
                line: r.u32()?,
            },
            tag::DIAGNOSTIC => EventKind::Diagnostic {
                kind: r.pick(&DiagnosticKind::ALL, DiagnosticKind::WHAT)?,
                message: self.string(r)?,
                line: r.u32()?,
            },
            _ => return Err(damaged(format!("unknown event kind {kind}"))),
        };
        Ok(Event {
            seq: 0,
            t_ns,
            lane,
            kind,
        })
    }

    fn string(&mut self, r: &mut Reader) -> Result<Arc<str>, PipeError> {
        let n = usize::try_from(r.uint()?).unwrap_or(usize::MAX);
        if n == 0 {
            return text(r.bytes()?);
        }
        if let Some(s) = self.strings.get(n - 1) {
            return Ok(s.clone());
        }
        if n - 1 != self.strings.len() || self.strings.len() >= MAX_INTERNED {
            return Err(damaged(format!("string {n} was never sent")));
        }
        let s = text(r.bytes()?)?;
        self.strings.push(s.clone());
        Ok(s)
    }

    fn opt_string(&mut self, r: &mut Reader) -> Result<Option<Arc<str>>, PipeError> {
        Ok(match r.uint()? {
            0 => None,
            _ => Some(self.string(r)?),
        })
    }
}

fn text(bytes: &[u8]) -> Result<Arc<str>, PipeError> {
    std::str::from_utf8(bytes)
        .map(Arc::from)
        .map_err(|_| damaged("text that is not UTF-8"))
}

fn json<T: for<'de> Deserialize<'de>>(body: &[u8]) -> Result<T, PipeError> {
    serde_json::from_slice(body).map_err(damaged)
}

/// Reads until `buf` is full or the input ends; how many bytes were read.
fn read_full(input: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match input.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::event::{RunError, RunStatus, TraceFrame};

    fn at(t_ns: u64, lane: u32, kind: EventKind) -> Event {
        Event {
            seq: 0,
            t_ns,
            lane,
            kind,
        }
    }

    fn every_kind() -> Vec<Event> {
        let label: Arc<str> = Arc::from("asyncio.sleep(1)");
        let shared = label.clone();
        vec![
            at(
                5,
                2,
                EventKind::Lane {
                    kind: LaneKind::Thread,
                    name: "Thread-1".into(),
                    detail: Some("work()".into()),
                    parent: Some(0),
                    pid: 42,
                },
            ),
            at(
                3,
                2,
                EventKind::State {
                    state: State::Awaiting,
                    label: Some(shared.clone()),
                    line: 3,
                },
            ),
            at(
                9,
                2,
                EventKind::State {
                    state: State::Awaiting,
                    label: Some(shared),
                    line: 3,
                },
            ),
            at(u64::MAX, 0, EventKind::Spawn { child: 2, line: 9 }),
            at(0, 0, EventKind::Wake { target: 2 }),
            at(1, 0, EventKind::Cancel { target: 2, line: 4 }),
            at(
                2,
                2,
                EventKind::Print {
                    text: "hé\n".into(),
                    line: 4,
                },
            ),
            at(
                2,
                2,
                EventKind::Exception {
                    message: "ValueError: x".into(),
                    line: 4,
                },
            ),
            at(
                7,
                0,
                EventKind::Diagnostic {
                    kind: DiagnosticKind::BlockingCall,
                    message: "time.sleep(1) blocked".into(),
                    line: 5,
                },
            ),
        ]
    }

    fn round_trip(frames: &[Frame]) -> Vec<Frame> {
        let mut bytes = Vec::new();
        FrameWriter::new(&mut bytes).send(frames).expect("writes");
        let mut reader = FrameReader::new(bytes.as_slice());
        let mut back = Vec::new();
        while let Some(frame) = reader.next_frame().expect("reads") {
            back.push(frame);
        }
        back
    }

    #[test]
    fn frames_come_back_as_they_left() {
        let end = RunEnd {
            status: RunStatus::Error,
            duration_ns: 12,
            error: Some(RunError {
                kind: "ValueError".into(),
                message: "boom".into(),
                line: 4,
                traceback: vec![TraceFrame {
                    function: "main".into(),
                    line: 4,
                }],
            }),
        };
        let frames = vec![
            Frame::Compiled {
                origin_ns: 123_456_789,
            },
            Frame::Events(every_kind()),
            Frame::Events(every_kind()),
            Frame::Done {
                id: 3,
                outcome: Ok(Json::from(7)),
            },
            Frame::End(end),
        ];
        assert_eq!(round_trip(&frames), frames);
        let refused = vec![Frame::Refused(Refusal {
            kind: "unsupported".into(),
            message: "`match` is not supported".into(),
            line: 2,
            column: 1,
        })];
        assert_eq!(round_trip(&refused), refused);
    }

    #[test]
    fn big_batches_are_cut_into_frames_that_keep_every_event() {
        let events: Vec<Event> = (0..100_000)
            .map(|i| at(i, 1, EventKind::Wake { target: 2 }))
            .collect();
        let back = round_trip(&[Frame::Events(events.clone())]);
        assert!(back.len() > 1, "one frame per bounded run of events");
        let all: Vec<Event> = back
            .into_iter()
            .flat_map(|f| match f {
                Frame::Events(e) => e,
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        assert_eq!(all, events);
    }

    #[test]
    fn shared_strings_are_sent_once() {
        let label: Arc<str> = Arc::from("a label that is long enough to notice");
        let events: Vec<Event> = (0..100)
            .map(|t| {
                at(
                    t,
                    1,
                    EventKind::State {
                        state: State::Running,
                        label: Some(label.clone()),
                        line: 1,
                    },
                )
            })
            .collect();
        let mut bytes = Vec::new();
        FrameWriter::new(&mut bytes)
            .send(&[Frame::Events(events)])
            .expect("writes");
        assert!(bytes.len() < 100 * 7 + label.len() + 16, "{}", bytes.len());
    }

    #[test]
    fn damaged_streams_are_errors_not_panics() {
        let mut good = Vec::new();
        FrameWriter::new(&mut good)
            .send(&[Frame::Events(every_kind())])
            .expect("writes");
        for cut in 1..good.len() {
            let mut reader = FrameReader::new(&good[..cut]);
            assert!(reader.next_frame().is_err(), "cut at {cut}");
        }
        for i in 4..good.len() {
            for byte in [0, 0x7f, 0x80, 0xff] {
                let mut bad = good.clone();
                bad[i] = byte;
                // Any answer but a panic will do.
                let _ = FrameReader::new(bad.as_slice()).next_frame();
            }
        }
        let huge = [0xff, 0xff, 0xff, 0x7f, TAG_EVENTS];
        assert!(FrameReader::new(&huge[..]).next_frame().is_err());
        let many = [6, 0, 0, 0, TAG_EVENTS, 0xff, 0xff, 0xff, 0x7f, 0];
        assert!(FrameReader::new(&many[..]).next_frame().is_err());
        let unsent = [5, 0, 0, 0, TAG_EVENTS, 1, 4, 0, 0];
        assert!(FrameReader::new(&unsent[..]).next_frame().is_err());
    }
}
