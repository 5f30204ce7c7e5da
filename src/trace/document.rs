//! The trace document: one JSON object describing a whole run (`docs/trace-format.md`).
//!
//! [`TraceDocument::build`] folds the recorded events into lanes, spans, point events, output,
//! diagnostics and a summary; [`TraceDocument::to_json`] writes it out. A run still going
//! gives a document with status `running` whose open spans end at the latest event.

use std::borrow::Borrow;
use std::fmt::Write as _;
use std::sync::Arc;

use super::event::{
    DiagnosticKind, Event, EventKind, LaneIx, LaneKind, RunEnd, RunError, RunStatus, State,
    LOOP_LANE,
};
use super::lanes::{LaneId, LaneTable};
use super::spans::{Span, SpanBuilder};
use super::wire::{self, write_array, write_array_in_pieces, Object, Pieces};

/// The version of the trace format this build writes and reads (`format_version`).
pub const FORMAT_VERSION: u64 = 1;

/// Identifies the run a document describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunMeta {
    pub id: String,
    /// The catalog scenario the run started from, if any.
    pub scenario: Option<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TraceDocument {
    pub run: RunInfo,
    /// In declaration order.
    pub lanes: Vec<LaneInfo>,
    pub spans: Vec<Span>,
    /// The point events (`spawn`, `wake`, `print`, `cancel`, `exception`, `diagnostic`).
    pub events: Vec<Event>,
    pub output: Vec<OutputText>,
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
    lane_table: LaneTable,
}

/// Everything a [`TraceDocument`] holds, for [`TraceDocument::from_parts`].
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentParts {
    pub run: RunInfo,
    pub lanes: Vec<LaneInfo>,
    pub spans: Vec<Span>,
    pub events: Vec<Event>,
    pub output: Vec<OutputText>,
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunInfo {
    pub meta: RunMeta,
    pub status: RunStatus,
    pub duration_ns: u64,
    pub error: Option<RunError>,
    /// CPU cores of the machine the run was recorded on.
    pub cores: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaneInfo {
    pub ix: LaneIx,
    pub kind: LaneKind,
    pub name: Arc<str>,
    pub detail: Option<Arc<str>>,
    pub parent: Option<LaneIx>,
    pub pid: u32,
    pub start_ns: u64,
    /// When the lane ended: its terminal state, or the end of a finished run; `None` while live.
    pub end_ns: Option<u64>,
    /// The terminal state the lane reached, if it reached one.
    pub outcome: Option<State>,
}

/// One `print`: exactly the text the program wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputText {
    pub t_ns: u64,
    pub lane: LaneIx,
    pub text: Arc<str>,
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub t_ns: u64,
    pub lane: LaneIx,
    pub kind: DiagnosticKind,
    pub message: Arc<str>,
    pub line: u32,
}

/// The numbers shown next to the timeline (see "Summary" in `docs/trace-format.md`).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub wall_ns: u64,
    /// Share of the run the loop was running a task or blocked, 0–100, two decimals.
    pub loop_busy_pct: f64,
    /// The longest stretch the loop could not switch tasks.
    pub longest_stall_ns: u64,
    /// The most task lanes awaiting at the same moment.
    pub peak_awaiting: u32,
    pub tasks: u32,
    pub events: u64,
}

impl TraceDocument {
    /// Folds `events` (in recording order) into a document. `end` is `None` while the run is live.
    pub fn build(
        meta: RunMeta,
        events: impl IntoIterator<Item = impl Borrow<Event>>,
        end: Option<&RunEnd>,
    ) -> Self {
        let mut fold = Fold::default();
        for event in events {
            fold.push(event.borrow());
        }
        fold.finish(meta, end)
    }

    /// Reassembles a document from its parts, as stored or imported. The lane table is derived
    /// from `lanes`, so a lane id resolves exactly as it did in the original document.
    pub fn from_parts(parts: DocumentParts) -> Self {
        let mut lane_table = LaneTable::default();
        for lane in &parts.lanes {
            lane_table.declare(lane.ix, lane.kind);
        }
        TraceDocument {
            run: parts.run,
            lanes: parts.lanes,
            spans: parts.spans,
            events: parts.events,
            output: parts.output,
            diagnostics: parts.diagnostics,
            summary: parts.summary,
            lane_table,
        }
    }

    /// The program's stdout: every printed text, in order.
    pub fn stdout(&self) -> String {
        self.output.iter().map(|o| &*o.text).collect()
    }

    /// The wire id of lane `ix`.
    pub fn lane_id(&self, ix: LaneIx) -> LaneId {
        self.lane_table.id(ix)
    }

    /// The spans of one lane, in time order.
    pub fn lane_spans(&self, ix: LaneIx) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(move |span| span.lane == ix)
    }

    /// The document as JSON.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(256 + self.events.len() * 96 + self.spans.len() * 96);
        self.write_json(&mut out, &mut |_| {});
        out
    }

    /// Writes the document as JSON into `out`, handing the text to `piece` after every span
    /// and event, so that a large document can be sent as it is written.
    pub fn write_json(&self, out: &mut String, piece: Pieces) {
        let mut doc = Object::open(out);
        doc.str("format", "interleave-trace");
        doc.u64("format_version", FORMAT_VERSION);
        doc.raw("run", &self.run_json());
        doc.raw("lanes", &self.lanes_json());
        self.write_spans(doc.field("spans"), piece);
        wire::write_events_in_pieces(doc.field("events"), &self.events, &self.lane_table, piece);
        doc.raw("output", &self.output_json());
        doc.raw("diagnostics", &self.diagnostics_json());
        doc.raw("summary", &summary_json(&self.summary));
        doc.close();
    }

    fn run_json(&self) -> String {
        let run = &self.run;
        let mut out = String::with_capacity(128 + run.meta.source.len());
        let mut obj = Object::open(&mut out);
        obj.str("id", &run.meta.id);
        obj.opt_str("scenario", run.meta.scenario.as_deref());
        obj.str("source", &run.meta.source);
        obj.str("status", run.status.as_str());
        obj.u64("duration_ns", run.duration_ns);
        match &run.error {
            Some(error) => obj.raw("error", &error_json(error)),
            None => obj.null("error"),
        }
        let mut host = String::new();
        let mut host_obj = Object::open(&mut host);
        host_obj.u64("cores", u64::from(run.cores));
        host_obj.close();
        obj.raw("host", &host);
        obj.close();
        out
    }

    fn lanes_json(&self) -> String {
        let mut out = String::with_capacity(self.lanes.len() * 160);
        write_array(&mut out, &self.lanes, |out, lane| {
            let mut obj = Object::open(out);
            obj.lane("id", self.lane_id(lane.ix));
            obj.str("kind", lane.kind.as_str());
            obj.str("name", &lane.name);
            obj.opt_str("detail", lane.detail.as_deref());
            obj.opt_lane("parent", lane.parent.map(|ix| self.lane_id(ix)));
            obj.u64("pid", u64::from(lane.pid));
            obj.u64("start_ns", lane.start_ns);
            match lane.end_ns {
                Some(end_ns) => obj.u64("end_ns", end_ns),
                None => obj.null("end_ns"),
            }
            obj.opt_str("outcome", lane.outcome.map(State::as_str));
            obj.close();
        });
        out
    }

    fn write_spans(&self, out: &mut String, piece: Pieces) {
        let write_span = |out: &mut String, span: &Span| {
            let mut obj = Object::open(out);
            obj.lane("lane", self.lane_id(span.lane));
            obj.str("state", span.state.as_str());
            obj.u64("start_ns", span.start_ns);
            obj.u64("end_ns", span.end_ns);
            obj.opt_str("label", span.label.as_deref());
            obj.u64("line", u64::from(span.line));
            obj.close();
        };
        write_array_in_pieces(out, &self.spans, write_span, piece);
    }

    fn output_json(&self) -> String {
        let mut out = String::new();
        write_array(&mut out, &self.output, |out, output| {
            let mut obj = Object::open(out);
            obj.u64("t_ns", output.t_ns);
            obj.lane("lane", self.lane_id(output.lane));
            obj.str("text", &output.text);
            obj.u64("line", u64::from(output.line));
            obj.close();
        });
        out
    }

    fn diagnostics_json(&self) -> String {
        let mut out = String::new();
        write_array(&mut out, &self.diagnostics, |out, diagnostic| {
            let mut obj = Object::open(out);
            obj.u64("t_ns", diagnostic.t_ns);
            obj.lane("lane", self.lane_id(diagnostic.lane));
            obj.str("kind", diagnostic.kind.as_str());
            obj.str("message", &diagnostic.message);
            obj.u64("line", u64::from(diagnostic.line));
            obj.close();
        });
        out
    }
}

/// A run error as JSON: `{"kind","message","line","traceback":[{"function","line"}]}`.
pub fn error_json(error: &RunError) -> String {
    let mut out = String::new();
    let mut obj = Object::open(&mut out);
    obj.str("kind", &error.kind);
    obj.str("message", &error.message);
    obj.u64("line", u64::from(error.line));
    let mut frames = String::new();
    write_array(&mut frames, &error.traceback, |out, frame| {
        let mut obj = Object::open(out);
        obj.str("function", &frame.function);
        obj.u64("line", u64::from(frame.line));
        obj.close();
    });
    obj.raw("traceback", &frames);
    obj.close();
    out
}

/// A summary as JSON, with the field names of the trace format.
pub fn summary_json(summary: &Summary) -> String {
    let mut out = String::new();
    let mut obj = Object::open(&mut out);
    obj.u64("wall_ns", summary.wall_ns);
    let mut pct = String::new();
    // Debug keeps the fraction (`45.0`, not `45`); writing to a String cannot fail.
    let _ = write!(pct, "{:?}", summary.loop_busy_pct);
    obj.raw("loop_busy_pct", &pct);
    obj.u64("longest_stall_ns", summary.longest_stall_ns);
    obj.u64("peak_awaiting", u64::from(summary.peak_awaiting));
    obj.u64("tasks", u64::from(summary.tasks));
    obj.u64("events", summary.events);
    obj.close();
    out
}

/// A duration for people: `1.002 s`, `350.0 ms`, `350 µs`.
pub fn human_duration(ns: u64) -> String {
    let ns = ns as f64;
    if ns >= 1e9 {
        format!("{:.3} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.1} ms", ns / 1e6)
    } else {
        format!("{:.0} µs", ns / 1e3)
    }
}

/// The summary of a run from its events alone, without building the rest of the document.
pub fn summarize_events(
    events: impl IntoIterator<Item = impl Borrow<Event>>,
    end: Option<&RunEnd>,
) -> Summary {
    let mut lanes = LaneTable::default();
    let mut spans = SpanBuilder::default();
    let mut count = 0u64;
    let mut last_t_ns = 0;
    for event in events {
        let event = event.borrow();
        count += 1;
        last_t_ns = last_t_ns.max(event.t_ns);
        if let EventKind::Lane { kind, .. } = event.kind {
            lanes.declare(event.lane, kind);
        }
        spans.push(event);
    }
    let wall_ns = end.map_or(last_t_ns, |end| end.duration_ns);
    summarize(&spans.finish(wall_ns), &lanes, wall_ns, count)
}

/// Computes the summary from a run's spans (as [`super::spans::spans`] returns them).
pub fn summarize(spans: &[Span], lanes: &LaneTable, wall_ns: u64, events: u64) -> Summary {
    let loop_spans: Vec<&Span> = spans.iter().filter(|s| s.lane == LOOP_LANE).collect();
    Summary {
        wall_ns,
        loop_busy_pct: loop_busy_pct(&loop_spans, wall_ns),
        longest_stall_ns: longest_stall_ns(&loop_spans),
        peak_awaiting: peak_awaiting(spans, lanes),
        tasks: u32::try_from(lanes.count(LaneKind::Task)).unwrap_or(u32::MAX),
        events,
    }
}

fn is_busy(state: State) -> bool {
    matches!(state, State::Running | State::Blocked)
}

fn loop_busy_pct(loop_spans: &[&Span], wall_ns: u64) -> f64 {
    if wall_ns == 0 {
        return 0.0;
    }
    let busy_ns: u64 = loop_spans
        .iter()
        .filter(|span| is_busy(span.state))
        .map(|span| span.duration_ns())
        .sum();
    let pct = (busy_ns.min(wall_ns) as f64) * 100.0 / wall_ns as f64;
    (pct * 100.0).round() / 100.0
}

/// The longest stretch without a task switch. A step is a loop `running` span; a `blocked`
/// span (a synchronous call inside a step) joins the spans it touches on either side, so a
/// step that blocks counts whole. Two steps back to back stay two stretches: the loop did
/// switch between them.
fn longest_stall_ns(loop_spans: &[&Span]) -> u64 {
    let mut longest = 0;
    let mut stretch: Option<(u64, u64, State)> = None;
    for span in loop_spans {
        if !is_busy(span.state) {
            stretch = None;
            continue;
        }
        stretch = match stretch {
            Some((start, end, last))
                if end == span.start_ns
                    && (span.state == State::Blocked || last == State::Blocked) =>
            {
                Some((start, span.end_ns, span.state))
            }
            _ => Some((span.start_ns, span.end_ns, span.state)),
        };
        if let Some((start, end, _)) = stretch {
            longest = longest.max(end - start);
        }
    }
    longest
}

/// Sweeps the `awaiting` spans of task lanes; touching spans do not count as overlapping.
fn peak_awaiting(spans: &[Span], lanes: &LaneTable) -> u32 {
    let mut edges: Vec<(u64, i32)> = spans
        .iter()
        .filter(|s| s.state == State::Awaiting && s.end_ns > s.start_ns)
        .filter(|s| lanes.kind(s.lane) == Some(LaneKind::Task))
        .flat_map(|s| [(s.start_ns, 1), (s.end_ns, -1)])
        .collect();
    // At equal times the ends (-1) come first.
    edges.sort_unstable();
    let mut current: i32 = 0;
    let mut peak: i32 = 0;
    for (_, delta) in edges {
        current += delta;
        peak = peak.max(current);
    }
    u32::try_from(peak).unwrap_or(0)
}

/// The state of a document being built, one event at a time.
#[derive(Default)]
struct Fold {
    lane_table: LaneTable,
    lanes: Vec<LaneInfo>,
    /// Position in `lanes` of each declared lane index.
    lane_pos: Vec<Option<usize>>,
    spans: SpanBuilder,
    events: Vec<Event>,
    output: Vec<OutputText>,
    diagnostics: Vec<Diagnostic>,
    count: u64,
    last_t_ns: u64,
}

impl Fold {
    fn push(&mut self, event: &Event) {
        self.count += 1;
        self.last_t_ns = self.last_t_ns.max(event.t_ns);
        self.spans.push(event);
        if event.kind.is_point() {
            self.events.push(event.clone());
        }
        match &event.kind {
            EventKind::Lane {
                kind,
                name,
                detail,
                parent,
                pid,
            } => self.declare(event, *kind, name, detail.as_ref(), *parent, *pid),
            EventKind::State { state, .. } if state.is_terminal() => {
                if let Some(lane) = self.lane_mut(event.lane) {
                    lane.end_ns = Some(event.t_ns);
                    lane.outcome = Some(*state);
                }
            }
            EventKind::Print { text, line } => self.output.push(OutputText {
                t_ns: event.t_ns,
                lane: event.lane,
                text: text.clone(),
                line: *line,
            }),
            EventKind::Diagnostic {
                kind,
                message,
                line,
            } => self.diagnostics.push(Diagnostic {
                t_ns: event.t_ns,
                lane: event.lane,
                kind: *kind,
                message: message.clone(),
                line: *line,
            }),
            _ => {}
        }
    }

    fn declare(
        &mut self,
        event: &Event,
        kind: LaneKind,
        name: &Arc<str>,
        detail: Option<&Arc<str>>,
        parent: Option<LaneIx>,
        pid: u32,
    ) {
        if self.lane_mut(event.lane).is_some() {
            return;
        }
        self.lane_table.declare(event.lane, kind);
        let slot = event.lane as usize;
        if self.lane_pos.len() <= slot {
            self.lane_pos.resize(slot + 1, None);
        }
        self.lane_pos[slot] = Some(self.lanes.len());
        self.lanes.push(LaneInfo {
            ix: event.lane,
            kind,
            name: name.clone(),
            detail: detail.cloned(),
            parent,
            pid,
            start_ns: event.t_ns,
            end_ns: None,
            outcome: None,
        });
    }

    fn lane_mut(&mut self, ix: LaneIx) -> Option<&mut LaneInfo> {
        let pos = self.lane_pos.get(ix as usize).copied().flatten()?;
        self.lanes.get_mut(pos)
    }

    fn finish(mut self, meta: RunMeta, end: Option<&RunEnd>) -> TraceDocument {
        let wall_ns = end.map_or(self.last_t_ns, |end| end.duration_ns);
        if end.is_some() {
            for lane in self.lanes.iter_mut().filter(|lane| lane.end_ns.is_none()) {
                lane.end_ns = Some(wall_ns.max(lane.start_ns));
            }
        }
        let spans = self.spans.finish(wall_ns);
        let summary = summarize(&spans, &self.lane_table, wall_ns, self.count);
        // Other processes' prints reach the log late: put stdout in the order it was written.
        self.output.sort_by_key(|o| o.t_ns);
        TraceDocument {
            run: RunInfo {
                meta,
                status: end.map_or(RunStatus::Running, |end| end.status),
                duration_ns: wall_ns,
                error: end.and_then(|end| end.error.clone()),
                cores: host_cores(),
            },
            lanes: self.lanes,
            spans,
            events: self.events,
            output: self.output,
            diagnostics: self.diagnostics,
            summary,
            lane_table: self.lane_table,
        }
    }
}

fn host_cores() -> u32 {
    std::thread::available_parallelism()
        .map(|n| u32::try_from(n.get()).unwrap_or(u32::MAX))
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::trace::event::TraceFrame;

    const MS: u64 = 1_000_000;

    /// Builds event sequences the way the executor records them.
    #[derive(Default)]
    struct Script {
        events: Vec<Event>,
    }

    impl Script {
        fn push(&mut self, t_ns: u64, lane: LaneIx, kind: EventKind) -> &mut Self {
            let seq = self.events.len() as u64 + 1;
            self.events.push(Event {
                seq,
                t_ns,
                lane,
                kind,
            });
            self
        }

        fn lane(&mut self, t_ns: u64, lane: LaneIx, kind: LaneKind, name: &str) -> &mut Self {
            let parent = (lane != LOOP_LANE).then_some(LOOP_LANE);
            self.push(
                t_ns,
                lane,
                EventKind::Lane {
                    kind,
                    name: name.into(),
                    detail: None,
                    parent,
                    pid: 4242,
                },
            )
        }

        fn state(&mut self, t_ns: u64, lane: LaneIx, state: State, label: &str) -> &mut Self {
            let label = (!label.is_empty()).then(|| Arc::from(label));
            self.push(
                t_ns,
                lane,
                EventKind::State {
                    state,
                    label,
                    line: 3,
                },
            )
        }

        fn print(&mut self, t_ns: u64, lane: LaneIx, text: &str) -> &mut Self {
            self.push(
                t_ns,
                lane,
                EventKind::Print {
                    text: text.into(),
                    line: 4,
                },
            )
        }
    }

    fn ok_end(duration_ns: u64) -> RunEnd {
        RunEnd {
            status: RunStatus::Ok,
            duration_ns,
            error: None,
        }
    }

    fn meta() -> RunMeta {
        RunMeta {
            id: "r1".into(),
            scenario: Some("gather".into()),
            source: "import asyncio\n".into(),
        }
    }

    /// `main` gathers two tasks sleeping 100 ms and 200 ms, then prints.
    fn gather_script() -> Script {
        let mut s = Script::default();
        s.lane(0, 0, LaneKind::EventLoop, "event loop")
            .lane(0, 1, LaneKind::Task, "Task-1")
            .state(0, 0, State::Running, "Task-1")
            .state(0, 1, State::Running, "")
            .lane(10, 2, LaneKind::Task, "Task-2")
            .push(10, 1, EventKind::Spawn { child: 2, line: 5 })
            .state(10, 2, State::Ready, "")
            .lane(20, 3, LaneKind::Task, "Task-3")
            .push(20, 1, EventKind::Spawn { child: 3, line: 5 })
            .state(20, 3, State::Ready, "")
            .state(30, 1, State::Awaiting, "gather(...)")
            .state(30, 0, State::Running, "Task-2")
            .state(30, 2, State::Running, "")
            .state(40, 2, State::Awaiting, "asyncio.sleep(0.1)")
            .state(40, 0, State::Running, "Task-3")
            .state(40, 3, State::Running, "")
            .state(50, 3, State::Awaiting, "asyncio.sleep(0.2)")
            .state(50, 0, State::Idle, "")
            .push(100 * MS, 0, EventKind::Wake { target: 2 })
            .state(100 * MS, 2, State::Ready, "")
            .state(100 * MS, 0, State::Running, "Task-2")
            .state(100 * MS, 2, State::Running, "")
            .print(100 * MS + 10, 2, "done 1\n")
            .state(100 * MS + 20, 2, State::Done, "")
            .state(100 * MS + 20, 0, State::Idle, "")
            .push(200 * MS, 0, EventKind::Wake { target: 3 })
            .state(200 * MS, 3, State::Ready, "")
            .state(200 * MS, 0, State::Running, "Task-3")
            .state(200 * MS, 3, State::Running, "")
            .print(200 * MS + 10, 3, "done 2\n")
            .state(200 * MS + 20, 3, State::Done, "")
            .state(200 * MS + 20, 1, State::Ready, "")
            .state(200 * MS + 20, 0, State::Running, "Task-1")
            .state(200 * MS + 30, 1, State::Running, "")
            .state(200 * MS + 40, 1, State::Done, "")
            .state(200 * MS + 40, 0, State::Done, "");
        s
    }

    #[test]
    fn gather_summary_counts_the_overlap() {
        let s = gather_script();
        let doc = TraceDocument::build(meta(), &s.events, Some(&ok_end(200 * MS + 50)));
        assert_eq!(
            doc.summary,
            Summary {
                wall_ns: 200 * MS + 50,
                // Busy: 50 ns at the start, 20 ns at 100 ms, 40 ns at 200 ms.
                loop_busy_pct: 0.0,
                longest_stall_ns: 30,
                peak_awaiting: 3,
                tasks: 3,
                events: s.events.len() as u64,
            }
        );
        assert_eq!(doc.stdout(), "done 1\ndone 2\n");
        assert_eq!(doc.run.status, RunStatus::Ok);
    }

    #[test]
    fn lanes_record_start_end_and_outcome() {
        let s = gather_script();
        let doc = TraceDocument::build(meta(), &s.events, Some(&ok_end(200 * MS + 50)));
        let lanes: Vec<(String, u64, Option<u64>, Option<State>)> = doc
            .lanes
            .iter()
            .map(|l| {
                (
                    doc.lane_id(l.ix).to_string(),
                    l.start_ns,
                    l.end_ns,
                    l.outcome,
                )
            })
            .collect();
        assert_eq!(
            lanes,
            [
                ("loop".into(), 0, Some(200 * MS + 40), Some(State::Done)),
                ("task-1".into(), 0, Some(200 * MS + 40), Some(State::Done)),
                ("task-2".into(), 10, Some(100 * MS + 20), Some(State::Done)),
                ("task-3".into(), 20, Some(200 * MS + 20), Some(State::Done)),
            ]
        );
    }

    #[test]
    fn point_events_output_and_diagnostics_are_collected() {
        let mut s = gather_script();
        s.push(
            200 * MS + 45,
            1,
            EventKind::Diagnostic {
                kind: DiagnosticKind::NeverAwaited,
                message: "coroutine 'work' was never awaited".into(),
                line: 9,
            },
        );
        let doc = TraceDocument::build(meta(), &s.events, Some(&ok_end(200 * MS + 50)));
        let kinds: Vec<&str> = doc.events.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "spawn",
                "spawn",
                "wake",
                "print",
                "wake",
                "print",
                "diagnostic"
            ]
        );
        assert_eq!(doc.output.len(), 2);
        assert_eq!(doc.output[1].lane, 3);
        assert_eq!(doc.diagnostics.len(), 1);
        assert_eq!(doc.diagnostics[0].kind, DiagnosticKind::NeverAwaited);
        assert_eq!(doc.diagnostics[0].line, 9);
    }

    #[test]
    fn busy_share_counts_running_and_blocked_but_not_idle() {
        let mut s = Script::default();
        s.lane(0, 0, LaneKind::EventLoop, "event loop")
            .state(0, 0, State::Running, "Task-1")
            .state(100, 0, State::Blocked, "time.sleep(0.2)")
            .state(300, 0, State::Running, "Task-1")
            .state(400, 0, State::Idle, "")
            .state(900, 0, State::Running, "Task-2")
            .state(950, 0, State::Done, "");
        let doc = TraceDocument::build(meta(), &s.events, Some(&ok_end(1_000)));
        assert_eq!(doc.summary.loop_busy_pct, 45.0);
        // The blocking call and the step around it are one stall.
        assert_eq!(doc.summary.longest_stall_ns, 400);
    }

    #[test]
    fn back_to_back_steps_are_separate_stalls() {
        let mut s = Script::default();
        s.lane(0, 0, LaneKind::EventLoop, "event loop")
            .state(0, 0, State::Running, "Task-1")
            .state(300, 0, State::Running, "Task-2")
            .state(500, 0, State::Running, "Task-1")
            .state(550, 0, State::Idle, "");
        let summary = summarize_events(&s.events, Some(&ok_end(600)));
        assert_eq!(summary.longest_stall_ns, 300);
        assert_eq!(summary.loop_busy_pct, 91.67);
    }

    #[test]
    fn peak_awaiting_ignores_touching_spans_and_other_lanes() {
        let mut s = Script::default();
        s.lane(0, 0, LaneKind::EventLoop, "event loop")
            .lane(0, 1, LaneKind::Task, "Task-1")
            .lane(0, 2, LaneKind::Task, "Task-2")
            .lane(0, 3, LaneKind::Thread, "Thread-1")
            .state(0, 1, State::Awaiting, "a")
            .state(100, 1, State::Running, "")
            .state(100, 2, State::Awaiting, "b")
            .state(0, 3, State::Awaiting, "not a task")
            .state(200, 2, State::Done, "");
        let summary = summarize_events(&s.events, Some(&ok_end(300)));
        assert_eq!(summary.peak_awaiting, 1);
        assert_eq!(summary.tasks, 2);
    }

    #[test]
    fn a_live_document_ends_at_the_latest_event() {
        let mut s = Script::default();
        s.lane(0, 0, LaneKind::EventLoop, "event loop")
            .lane(0, 1, LaneKind::Task, "Task-1")
            .state(0, 1, State::Running, "")
            .state(70, 1, State::Awaiting, "asyncio.sleep(1)")
            .print(90, 1, "hi\n");
        let doc = TraceDocument::build(meta(), &s.events, None);
        assert_eq!(doc.run.status, RunStatus::Running);
        assert_eq!(doc.run.duration_ns, 90);
        assert_eq!(doc.lanes[1].end_ns, None);
        let last = doc.lane_spans(1).last().expect("a span");
        assert_eq!(
            (last.state, last.start_ns, last.end_ns),
            (State::Awaiting, 70, 90)
        );
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(human_duration(1_002_003_000), "1.002 s");
        assert_eq!(human_duration(350_000_000), "350.0 ms");
        assert_eq!(human_duration(350_000), "350 µs");
    }

    #[test]
    fn json_follows_the_trace_format() {
        let s = gather_script();
        let end = RunEnd {
            status: RunStatus::Error,
            duration_ns: 200 * MS + 50,
            error: Some(RunError {
                kind: "ValueError".into(),
                message: "boom".into(),
                line: 9,
                traceback: vec![TraceFrame {
                    function: "main".into(),
                    line: 9,
                }],
            }),
        };
        let doc = TraceDocument::build(meta(), &s.events, Some(&end));
        let value: Value = serde_json::from_str(&doc.to_json()).expect("valid JSON");
        assert_eq!(value["format"], "interleave-trace");
        assert_eq!(value["format_version"], 1);
        assert_eq!(
            value["run"],
            json!({"id": "r1", "scenario": "gather", "source": "import asyncio\n",
                   "status": "error", "duration_ns": 200 * MS + 50,
                   "error": {"kind": "ValueError", "message": "boom", "line": 9,
                             "traceback": [{"function": "main", "line": 9}]},
                   "host": {"cores": host_cores()}})
        );
        assert_eq!(
            value["lanes"][2],
            json!({"id": "task-2", "kind": "task", "name": "Task-2", "detail": null,
                   "parent": "loop", "pid": 4242, "start_ns": 10,
                   "end_ns": 100 * MS + 20, "outcome": "done"})
        );
        assert_eq!(
            value["spans"][value["spans"].as_array().map_or(0, Vec::len) - 1],
            json!({"lane": "task-1", "state": "running", "start_ns": 200 * MS + 30,
                   "end_ns": 200 * MS + 40, "label": null, "line": 3})
        );
        assert_eq!(
            value["output"][0],
            json!({"t_ns": 100 * MS + 10, "lane": "task-2", "text": "done 1\n", "line": 4})
        );
        assert_eq!(value["events"][0]["kind"], "spawn");
        assert_eq!(value["events"][0]["child"], "task-2");
        assert_eq!(value["diagnostics"], json!([]));
        assert_eq!(value["summary"]["peak_awaiting"], 3);
        assert_eq!(value["summary"]["loop_busy_pct"], 0.0);
    }
}
