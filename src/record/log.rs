//! The run log: the append-only record of one run, written by the executor, read by any number
//! of viewers at their own pace.
//!
//! The log is the single owner of a run's state. Appending takes a short lock (assign sequence
//! numbers, note lane declarations, push the batch as one shared chunk) and never awaits, so the
//! executor is never held up by readers. Readers copy only chunk handles under the lock and do
//! their serialising outside it, then wait on a `watch` channel for the next batch or the end.
//!
//! A chunk keeps its events packed in 32 bytes each, their strings as numbers in a table of the
//! chunk's own (holding the shared text, not copies), so that a run of millions of events costs
//! the server tens of megabytes; readers get each event back whole as they iterate.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;
use std::time::Instant;

use parking_lot::Mutex;
use tokio::sync::watch;

use crate::trace::event::{tag, DiagnosticKind, Event, EventKind, LaneKind, RunEnd, State};
use crate::trace::lanes::LaneTable;
use crate::trace::varint::position;

/// The append-only event log of one run.
#[derive(Debug)]
pub struct RunLog {
    state: Mutex<LogState>,
    progress: watch::Sender<Progress>,
}

/// How far a run has got: what readers wait on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// The sequence number of the last appended event (0 before the first).
    pub last_seq: u64,
    /// Whether [`RunLog::finish`] has been called.
    pub ended: bool,
}

#[derive(Debug, Default)]
struct LogState {
    /// Appended batches in order; chunk `i` holds `first_seq .. first_seq + len`.
    chunks: Vec<Arc<Chunk>>,
    next_seq: u64,
    lanes: LaneTable,
    last_t_ns: u64,
    /// What the chunks take, roughly, in bytes.
    bytes: usize,
    end: Option<RunEnd>,
    finished_at: Option<Instant>,
}

/// One appended batch.
#[derive(Debug)]
struct Chunk {
    first_seq: u64,
    events: Box<[Packed]>,
    strings: Box<[Arc<str>]>,
}

impl Chunk {
    fn end_seq(&self) -> u64 {
        self.first_seq + self.events.len() as u64
    }

    fn bytes(&self) -> usize {
        std::mem::size_of::<Chunk>()
            + self.events.len() * std::mem::size_of::<Packed>()
            + self.strings.len() * std::mem::size_of::<Arc<str>>()
    }

    /// Event `i` of the chunk, whole.
    fn event(&self, i: usize) -> Event {
        self.events[i].unpack(self.first_seq + i as u64, &self.strings)
    }

    fn pack(first_seq: u64, batch: &[Event]) -> Chunk {
        let mut strings = Strings::default();
        let events = batch
            .iter()
            .map(|e| Packed::pack(e, &mut strings))
            .collect();
        Chunk {
            first_seq,
            events,
            strings: strings.table.into_boxed_slice(),
        }
    }
}

/// The strings of a chunk being packed, each once.
#[derive(Default)]
struct Strings {
    table: Vec<Arc<str>>,
    /// By the address of their text: the same `Arc` comes back for a repeated label.
    seen: HashMap<usize, u32>,
}

impl Strings {
    fn number(&mut self, s: &Arc<str>) -> u32 {
        let next = self.table.len() as u32;
        *self.seen.entry(s.as_ptr() as usize).or_insert_with(|| {
            self.table.push(s.clone());
            next
        })
    }

    /// `None` as 0, a string as its number plus one.
    fn opt_number(&mut self, s: Option<&Arc<str>>) -> u32 {
        s.map_or(0, |s| self.number(s) + 1)
    }
}

/// An event in 32 bytes: its kind, a sub-kind (state, lane kind, diagnostic kind) and four
/// numbers whose meaning depends on the kind (string numbers, lanes, lines, a pid).
#[derive(Debug, Clone, Copy)]
struct Packed {
    t_ns: u64,
    lane: u32,
    a: u32,
    b: u32,
    c: u32,
    d: u32,
    kind: u8,
    sub: u8,
}

/// The position of `value` in `all`, which has fewer than 256 entries.
fn sub_kind<T: PartialEq>(all: &[T], value: &T) -> u8 {
    position(all, value) as u8
}

impl Packed {
    fn pack(e: &Event, strings: &mut Strings) -> Packed {
        let mut p = Packed {
            t_ns: e.t_ns,
            lane: e.lane,
            a: 0,
            b: 0,
            c: 0,
            d: 0,
            kind: e.kind.tag(),
            sub: 0,
        };
        match &e.kind {
            EventKind::Lane {
                kind,
                name,
                detail,
                parent,
                pid,
            } => {
                p.sub = sub_kind(&LaneKind::ALL, kind);
                (p.a, p.b) = (strings.number(name), strings.opt_number(detail.as_ref()));
                (p.c, p.d) = (parent.map_or(0, |l| l + 1), *pid);
            }
            EventKind::State { state, label, line } => {
                p.sub = sub_kind(&State::ALL, state);
                (p.a, p.c) = (strings.opt_number(label.as_ref()), *line);
            }
            EventKind::Spawn { child, line } => (p.a, p.c) = (*child, *line),
            EventKind::Wake { target } => p.a = *target,
            EventKind::Print { text, line } => {
                (p.a, p.c) = (strings.number(text), *line);
            }
            EventKind::Cancel { target, line } => (p.a, p.c) = (*target, *line),
            EventKind::Exception { message, line } => {
                (p.a, p.c) = (strings.number(message), *line);
            }
            EventKind::Diagnostic {
                kind,
                message,
                line,
            } => {
                p.sub = sub_kind(&DiagnosticKind::ALL, kind);
                (p.a, p.c) = (strings.number(message), *line);
            }
        }
        p
    }

    fn unpack(&self, seq: u64, strings: &[Arc<str>]) -> Event {
        let string = |n: u32| strings[n as usize].clone();
        let opt_string = |n: u32| n.checked_sub(1).map(string);
        let sub = usize::from(self.sub);
        let kind = match self.kind {
            tag::LANE => EventKind::Lane {
                kind: LaneKind::ALL[sub],
                name: string(self.a),
                detail: opt_string(self.b),
                parent: self.c.checked_sub(1),
                pid: self.d,
            },
            tag::STATE => EventKind::State {
                state: State::ALL[sub],
                label: opt_string(self.a),
                line: self.c,
            },
            tag::SPAWN => EventKind::Spawn {
                child: self.a,
                line: self.c,
            },
            tag::WAKE => EventKind::Wake { target: self.a },
            tag::PRINT => EventKind::Print {
                text: string(self.a),
                line: self.c,
            },
            tag::CANCEL => EventKind::Cancel {
                target: self.a,
                line: self.c,
            },
            tag::EXCEPTION => EventKind::Exception {
                message: string(self.a),
                line: self.c,
            },
            _ => EventKind::Diagnostic {
                kind: DiagnosticKind::ALL[sub],
                message: string(self.a),
                line: self.c,
            },
        };
        Event {
            seq,
            t_ns: self.t_ns,
            lane: self.lane,
            kind,
        }
    }
}

/// A consistent view of part of a log: some events, plus the lane table and end state as they
/// were when the view was taken. Holding it keeps its events alive without copying them.
#[derive(Debug, Clone)]
pub struct LogSlice {
    parts: Vec<(Arc<Chunk>, Range<usize>)>,
    len: usize,
    lanes: LaneTable,
    end: Option<RunEnd>,
    last_t_ns: u64,
}

impl LogSlice {
    /// The events of the slice, in sequence order.
    pub fn iter(&self) -> impl Iterator<Item = Event> + Clone + '_ {
        self.parts
            .iter()
            .flat_map(|(chunk, range)| range.clone().map(|i| chunk.event(i)))
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The sequence number of the slice's last event.
    pub fn last_seq(&self) -> Option<u64> {
        let (chunk, range) = self.parts.last()?;
        Some(chunk.first_seq + range.end as u64 - 1)
    }

    /// Lane kinds of every lane declared in the log when the slice was taken.
    pub fn lanes(&self) -> &LaneTable {
        &self.lanes
    }

    /// How the run ended, if it had ended when the slice was taken. When it had, and the slice
    /// is empty, nothing more will ever be appended after the slice's starting point.
    pub fn end(&self) -> Option<&RunEnd> {
        self.end.as_ref()
    }

    /// The latest event time in the whole log when the slice was taken.
    pub fn last_t_ns(&self) -> u64 {
        self.last_t_ns
    }
}

impl RunLog {
    pub fn new() -> Arc<Self> {
        let (progress, _) = watch::channel(Progress::default());
        Arc::new(RunLog {
            state: Mutex::new(LogState {
                next_seq: 1,
                ..LogState::default()
            }),
            progress,
        })
    }

    /// Appends a batch of events, numbering them 1, 2, 3, ... across the whole run.
    pub fn append(&self, batch: Vec<Event>) {
        if batch.is_empty() {
            return;
        }
        let max_t_ns = batch.iter().map(|e| e.t_ns).max().unwrap_or(0);
        let last_seq = {
            let mut state = self.state.lock();
            let chunk = Chunk::pack(state.next_seq, &batch);
            for event in &batch {
                if let EventKind::Lane { kind, .. } = event.kind {
                    state.lanes.declare(event.lane, kind);
                }
            }
            state.last_t_ns = state.last_t_ns.max(max_t_ns);
            state.next_seq = chunk.end_seq();
            state.bytes += chunk.bytes();
            state.chunks.push(Arc::new(chunk));
            state.next_seq - 1
        };
        // Appenders on several threads may publish out of order; progress only moves forward.
        self.progress.send_if_modified(|progress| {
            let moved = last_seq > progress.last_seq;
            progress.last_seq = progress.last_seq.max(last_seq);
            moved
        });
    }

    /// Marks the run as over. Called once, after the last append; later calls are ignored.
    pub fn finish(&self, end: RunEnd) {
        {
            let mut state = self.state.lock();
            if state.end.is_some() {
                return;
            }
            state.end = Some(end);
            state.finished_at = Some(Instant::now());
        }
        self.progress.send_modify(|progress| progress.ended = true);
    }

    /// Up to `max` events with sequence numbers after `after`, in order.
    pub fn read_after(&self, after: u64, max: usize) -> LogSlice {
        let from = after.saturating_add(1);
        let state = self.state.lock();
        let first = state
            .chunks
            .partition_point(|chunk| chunk.end_seq() <= from);
        let mut parts = Vec::new();
        let mut len = 0;
        for chunk in &state.chunks[first..] {
            if len >= max {
                break;
            }
            let skip = from.saturating_sub(chunk.first_seq) as usize;
            let take = (chunk.events.len() - skip).min(max - len);
            parts.push((Arc::clone(chunk), skip..skip + take));
            len += take;
        }
        LogSlice {
            parts,
            len,
            lanes: state.lanes.clone(),
            end: state.end.clone(),
            last_t_ns: state.last_t_ns,
        }
    }

    /// Every event so far, with the lane table and end state.
    pub fn snapshot(&self) -> LogSlice {
        self.read_after(0, usize::MAX)
    }

    /// A copy of every event so far.
    pub fn events(&self) -> Vec<Event> {
        self.snapshot().iter().collect()
    }

    /// Roughly how many bytes the log's events take.
    pub fn bytes(&self) -> usize {
        self.state.lock().bytes
    }

    pub fn progress(&self) -> Progress {
        *self.progress.borrow()
    }

    /// How the run ended, once it has.
    pub fn end(&self) -> Option<RunEnd> {
        self.state.lock().end.clone()
    }

    /// When [`RunLog::finish`] was called.
    pub fn finished_at(&self) -> Option<Instant> {
        self.state.lock().finished_at
    }

    /// Resolves once an event after `seq` has been appended or the run has ended.
    pub async fn wait_beyond(&self, seq: u64) {
        let mut progress = self.progress.subscribe();
        // The sender lives in `self`, so the channel cannot close while we wait.
        let _ = progress
            .wait_for(|progress| progress.last_seq > seq || progress.ended)
            .await;
    }

    /// Resolves with the run's end once it has ended.
    pub async fn wait_end(&self) -> RunEnd {
        loop {
            if let Some(end) = self.end() {
                return end;
            }
            let mut progress = self.progress.subscribe();
            let _ = progress.wait_for(|progress| progress.ended).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::trace::event::RunStatus;

    fn state_event(t_ns: u64, lane: u32) -> Event {
        Event {
            seq: 0,
            t_ns,
            lane,
            kind: EventKind::State {
                state: State::Running,
                label: None,
                line: 1,
            },
        }
    }

    fn lane_event(lane: u32, kind: LaneKind) -> Event {
        Event {
            seq: 0,
            t_ns: 0,
            lane,
            kind: EventKind::Lane {
                kind,
                name: "x".into(),
                detail: None,
                parent: None,
                pid: 1,
            },
        }
    }

    fn batch(times: &[u64]) -> Vec<Event> {
        times.iter().map(|t| state_event(*t, 0)).collect()
    }

    fn seqs(slice: &LogSlice) -> Vec<u64> {
        slice.iter().map(|e| e.seq).collect()
    }

    fn ok() -> RunEnd {
        RunEnd {
            status: RunStatus::Ok,
            duration_ns: 99,
            error: None,
        }
    }

    #[test]
    fn packed_events_come_back_whole() {
        let label: Arc<str> = Arc::from("asyncio.sleep(1)");
        let at = |lane, kind| Event {
            seq: 0,
            t_ns: u64::MAX - 1,
            lane,
            kind,
        };
        let events = vec![
            at(
                3,
                EventKind::Lane {
                    kind: LaneKind::Process,
                    name: "Process-1".into(),
                    detail: Some("work()".into()),
                    parent: Some(0),
                    pid: 4_000_000,
                },
            ),
            at(
                0,
                EventKind::Lane {
                    kind: LaneKind::EventLoop,
                    name: "loop".into(),
                    detail: None,
                    parent: None,
                    pid: 1,
                },
            ),
            at(
                3,
                EventKind::State {
                    state: State::Failed,
                    label: Some(label.clone()),
                    line: 7,
                },
            ),
            at(
                3,
                EventKind::State {
                    state: State::Awaiting,
                    label: Some(label),
                    line: 8,
                },
            ),
            at(
                3,
                EventKind::State {
                    state: State::Idle,
                    label: None,
                    line: 0,
                },
            ),
            at(0, EventKind::Spawn { child: 3, line: 2 }),
            at(0, EventKind::Wake { target: 3 }),
            at(0, EventKind::Cancel { target: 3, line: 9 }),
            at(
                3,
                EventKind::Print {
                    text: "hi\n".into(),
                    line: 4,
                },
            ),
            at(
                3,
                EventKind::Exception {
                    message: "ValueError: x".into(),
                    line: 5,
                },
            ),
            at(
                0,
                EventKind::Diagnostic {
                    kind: DiagnosticKind::Limit,
                    message: "stopped".into(),
                    line: 0,
                },
            ),
        ];
        let log = RunLog::new();
        log.append(events.clone());
        let back = log.events();
        for (i, (back, sent)) in back.iter().zip(&events).enumerate() {
            assert_eq!(back.seq, i as u64 + 1);
            assert_eq!(
                (back.t_ns, back.lane, &back.kind),
                (sent.t_ns, sent.lane, &sent.kind)
            );
        }
        assert_eq!(back.len(), events.len());
        assert!(
            log.bytes() < events.len() * 40 + 256,
            "{} bytes",
            log.bytes()
        );
    }

    #[test]
    fn numbers_events_across_batches() {
        let log = RunLog::new();
        log.append(batch(&[1, 2, 3]));
        log.append(Vec::new());
        log.append(batch(&[4, 5]));
        assert_eq!(seqs(&log.snapshot()), [1, 2, 3, 4, 5]);
        assert_eq!(
            log.progress(),
            Progress {
                last_seq: 5,
                ended: false
            }
        );
        assert_eq!(log.snapshot().last_t_ns(), 5);
    }

    #[test]
    fn reads_resume_after_any_sequence_number_in_bounded_batches() {
        let log = RunLog::new();
        log.append(batch(&[1, 2, 3]));
        log.append(batch(&[4]));
        log.append(batch(&[5, 6, 7]));
        assert_eq!(seqs(&log.read_after(0, 2)), [1, 2]);
        assert_eq!(seqs(&log.read_after(2, 3)), [3, 4, 5]);
        assert_eq!(seqs(&log.read_after(3, 100)), [4, 5, 6, 7]);
        assert_eq!(log.read_after(5, 100).last_seq(), Some(7));
        assert!(log.read_after(7, 100).is_empty());
        assert!(log.read_after(1_000, 100).is_empty());
        assert!(log.read_after(u64::MAX, 100).is_empty());
        assert_eq!(log.read_after(1, 4).len(), 4);
    }

    #[test]
    fn keeps_the_lane_table() {
        let log = RunLog::new();
        log.append(vec![
            lane_event(0, LaneKind::EventLoop),
            lane_event(3, LaneKind::Task),
        ]);
        let slice = log.snapshot();
        assert_eq!(slice.lanes().id(0).to_string(), "loop");
        assert_eq!(slice.lanes().id(3).to_string(), "task-3");
    }

    #[test]
    fn the_first_finish_wins() {
        let log = RunLog::new();
        log.append(batch(&[1]));
        log.finish(ok());
        log.finish(RunEnd {
            status: RunStatus::Cancelled,
            duration_ns: 1,
            error: None,
        });
        assert_eq!(log.end(), Some(ok()));
        assert!(log.finished_at().is_some());
        assert_eq!(log.snapshot().end(), Some(&ok()));
        assert!(log.progress().ended);
    }

    #[tokio::test]
    async fn readers_wake_on_appends_and_on_the_end() {
        let log = RunLog::new();
        let writer = Arc::clone(&log);
        let handle = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            writer.append(batch(&[1, 2]));
            std::thread::sleep(Duration::from_millis(20));
            writer.finish(ok());
        });
        let mut seen = 0;
        loop {
            let slice = log.read_after(seen, 10);
            if let Some(last) = slice.last_seq() {
                seen = last;
                continue;
            }
            if slice.end().is_some() {
                break;
            }
            tokio::time::timeout(Duration::from_secs(5), log.wait_beyond(seen))
                .await
                .expect("woken before the timeout");
        }
        assert_eq!(seen, 2);
        assert_eq!(log.wait_end().await, ok());
        handle.join().expect("writer thread");
    }

    #[test]
    fn concurrent_appenders_get_distinct_gapless_numbers() {
        let log = RunLog::new();
        let writers: Vec<_> = (0..4)
            .map(|_| {
                let log = Arc::clone(&log);
                std::thread::spawn(move || {
                    for _ in 0..100 {
                        log.append(batch(&[1, 2, 3]));
                    }
                })
            })
            .collect();
        for writer in writers {
            writer.join().expect("writer thread");
        }
        let expected: Vec<u64> = (1..=1_200).collect();
        assert_eq!(seqs(&log.snapshot()), expected);
        assert_eq!(log.progress().last_seq, 1_200);
    }
}
