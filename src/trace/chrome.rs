//! Chrome Trace Event Format export: a trace document as a file that Perfetto and speedscope open,
//! with Interleave's lanes as named threads and its spans as slices.
//!
//! The mapping is listed in `docs/trace-format.md` ("Chrome trace export"). Processes and threads
//! follow the order the timeline draws its rows in (`layout()` in `static/model.js`): the main
//! process, each child process, then the CPU cores, lanes nested along `parent`. Timestamps are
//! microseconds written with three decimals, so nanoseconds survive exactly.

use std::collections::{HashMap, HashSet};

use super::document::{LaneInfo, TraceDocument, FORMAT_VERSION};
use super::event::{Event, EventKind, LaneIx, LaneKind, State, LOOP_LANE};
use super::wire::{write_u64, Object, Pieces};

/// The document as a Chrome trace: `{"traceEvents": [...], "displayTimeUnit": "ms", "otherData": {...}}`.
pub fn to_chrome_json(doc: &TraceDocument) -> String {
    let mut out = String::with_capacity(256 + doc.spans.len() * 160 + doc.events.len() * 200);
    write_chrome_json(doc, &mut out, &mut |_| {});
    out
}

/// Writes the Chrome trace of `doc` into `out`, handing the text to `piece` after every trace
/// event, so that a large trace can be sent as it is written.
pub fn write_chrome_json(doc: &TraceDocument, out: &mut String, piece: Pieces) {
    let layout = Layout::of(doc);
    out.push_str("{\"traceEvents\":[");
    let mut events = EventList {
        out,
        piece,
        empty: true,
    };
    write_metadata(&mut events, doc, &layout);
    write_slices(&mut events, doc, &layout);
    write_point_events(&mut events, doc, &layout);
    // The events are written in place in the document, which is closed around them.
    (events.piece)(events.out);
    let out = events.out;
    out.push_str("],\"displayTimeUnit\":\"ms\",\"otherData\":");
    out.push_str(&other_data(doc));
    out.push('}');
}

/// The document being written, up to the end of its `traceEvents` array, one event after
/// another.
struct EventList<'w, 'p> {
    out: &'w mut String,
    piece: Pieces<'p>,
    empty: bool,
}

impl EventList<'_, '_> {
    /// Opens the next event object; the caller closes it.
    fn next(&mut self) -> Object<'_> {
        if self.empty {
            self.empty = false;
        } else {
            self.out.push(',');
            (self.piece)(self.out);
        }
        Object::open(self.out)
    }
}

/// Where one lane goes in the Chrome trace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    pid: u64,
    tid: u64,
}

/// One Chrome process: the main process, a child process, or the CPU cores.
struct Group {
    kind: GroupKind,
    pid: u64,
    name: String,
    /// The child's process lane, which stands for the process itself (and its main thread).
    root: Option<usize>,
    /// Positions in `doc.lanes`, in declaration order.
    members: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GroupKind {
    Main,
    Child,
    Cores,
}

impl Group {
    fn new(kind: GroupKind, pid: u64, name: String) -> Self {
        Group {
            kind,
            pid,
            name,
            root: None,
            members: Vec::new(),
        }
    }

    /// Whether the lane at `pos` is the process's main thread, which takes the pid as its tid.
    fn is_main_thread(&self, pos: usize, lane: &LaneInfo) -> bool {
        match self.kind {
            GroupKind::Main => lane.ix == LOOP_LANE,
            GroupKind::Child => self.root == Some(pos),
            GroupKind::Cores => false,
        }
    }
}

/// Processes and threads for every declared lane, in the timeline's row order.
struct Layout {
    groups: Vec<Group>,
    /// Positions in `doc.lanes` in display order, with their place.
    rows: Vec<(usize, Place)>,
    /// Each lane's place, indexed by lane index.
    places: Vec<Option<Place>>,
}

impl Layout {
    fn of(doc: &TraceDocument) -> Layout {
        let positions = lane_positions(&doc.lanes);
        let mut pids = PidAllocator::new(&doc.lanes);
        let groups = group_lanes(&doc.lanes, &positions, &mut pids);
        let tid_base = pids.next;
        let mut rows = Vec::with_capacity(doc.lanes.len());
        let mut places = Vec::new();
        for group in &groups {
            let order = match group.kind {
                GroupKind::Cores => core_order(&doc.lanes, group),
                GroupKind::Main | GroupKind::Child => tree_order(&doc.lanes, &positions, group),
            };
            for pos in order {
                let lane = &doc.lanes[pos];
                let tid = if group.is_main_thread(pos, lane) {
                    group.pid
                } else {
                    tid_base + rows.len() as u64
                };
                let place = Place {
                    pid: group.pid,
                    tid,
                };
                rows.push((pos, place));
                let slot = lane.ix as usize;
                if places.len() <= slot {
                    places.resize(slot + 1, None);
                }
                places[slot] = Some(place);
            }
        }
        Layout {
            groups,
            rows,
            places,
        }
    }

    fn place(&self, ix: LaneIx) -> Option<Place> {
        self.places.get(ix as usize).copied().flatten()
    }
}

/// Hands out pids: a lane's real pid where it is known and not taken, otherwise a number above
/// every pid the document mentions.
struct PidAllocator {
    taken: HashSet<u64>,
    next: u64,
}

impl PidAllocator {
    fn new(lanes: &[LaneInfo]) -> Self {
        let highest = lanes
            .iter()
            .map(|lane| u64::from(lane.pid))
            .max()
            .unwrap_or(0);
        PidAllocator {
            taken: HashSet::new(),
            next: highest + 1,
        }
    }

    fn claim(&mut self, real: u32) -> u64 {
        let real = u64::from(real);
        if real != 0 && self.taken.insert(real) {
            return real;
        }
        let pid = self.next;
        self.next += 1;
        self.taken.insert(pid);
        pid
    }
}

/// The main process, each child process lane with its own lanes, and the CPU cores, as the
/// timeline groups them: a lane belongs to its nearest process ancestor, or else to the child
/// process with its pid.
fn group_lanes(
    lanes: &[LaneInfo],
    positions: &HashMap<LaneIx, usize>,
    pids: &mut PidAllocator,
) -> Vec<Group> {
    let main_pid = lanes
        .iter()
        .find(|lane| lane.ix == LOOP_LANE)
        .map_or(0, |lane| lane.pid);
    let mut main = Group::new(GroupKind::Main, pids.claim(main_pid), "main process".into());
    let mut children: Vec<Group> = Vec::new();
    let mut child_by_lane: HashMap<usize, usize> = HashMap::new();
    let mut child_by_pid: HashMap<u32, usize> = HashMap::new();
    for (pos, lane) in lanes.iter().enumerate() {
        if lane.kind == LaneKind::Process {
            if lane.pid != 0 {
                child_by_pid.entry(lane.pid).or_insert(children.len());
            }
            child_by_lane.insert(pos, children.len());
            let mut child = Group::new(GroupKind::Child, pids.claim(lane.pid), lane_title(lane));
            child.root = Some(pos);
            children.push(child);
        }
    }
    let mut cores = Group::new(GroupKind::Cores, pids.claim(0), "CPU cores".into());
    for (pos, lane) in lanes.iter().enumerate() {
        if lane.kind == LaneKind::Core {
            cores.members.push(pos);
            continue;
        }
        let by_pid = || {
            (lane.pid != 0 && lane.pid != main_pid)
                .then(|| child_by_pid.get(&lane.pid))
                .flatten()
        };
        let owner = owning_process(lanes, positions, pos)
            .and_then(|process| child_by_lane.get(&process))
            .or_else(by_pid);
        match owner {
            Some(&child) => children[child].members.push(pos),
            None => main.members.push(pos),
        }
    }
    let mut groups = vec![main];
    groups.extend(children);
    groups.push(cores);
    groups.retain(|group| !group.members.is_empty());
    groups
}

/// The position in `lanes` of every declared lane index.
fn lane_positions(lanes: &[LaneInfo]) -> HashMap<LaneIx, usize> {
    lanes
        .iter()
        .enumerate()
        .map(|(pos, lane)| (lane.ix, pos))
        .collect()
}

/// The nearest process lane among a lane's ancestors, itself included (a cycle of parents ends
/// the search).
fn owning_process(
    lanes: &[LaneInfo],
    positions: &HashMap<LaneIx, usize>,
    pos: usize,
) -> Option<usize> {
    let mut current = Some(pos);
    for _ in 0..lanes.len() {
        let here = current?;
        if lanes[here].kind == LaneKind::Process {
            return Some(here);
        }
        current = lanes[here]
            .parent
            .and_then(|parent| positions.get(&parent).copied());
    }
    None
}

/// How the timeline orders sibling lanes: loops, then threads and processes, then tasks.
fn kind_rank(kind: LaneKind) -> u8 {
    match kind {
        LaneKind::EventLoop => 0,
        LaneKind::Thread | LaneKind::Process => 1,
        LaneKind::Task => 2,
        LaneKind::Core => 3,
    }
}

/// A group's lanes depth-first along `parent`, siblings by kind and then declaration order; a
/// lane whose parent is outside the group hangs under the group's process lane.
fn tree_order(lanes: &[LaneInfo], positions: &HashMap<LaneIx, usize>, group: &Group) -> Vec<usize> {
    let members: HashSet<usize> = group.members.iter().copied().collect();
    let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut roots = Vec::new();
    for &pos in &group.members {
        let parent = lanes[pos]
            .parent
            .and_then(|parent| positions.get(&parent).copied())
            .filter(|parent| members.contains(parent) && *parent != pos)
            .or(group.root.filter(|root| *root != pos));
        match parent {
            Some(parent) => children.entry(parent).or_default().push(pos),
            None => roots.push(pos),
        }
    }
    let by_kind = |pos: &usize| (kind_rank(lanes[*pos].kind), *pos);
    roots.sort_by_key(by_kind);
    for siblings in children.values_mut() {
        siblings.sort_by_key(by_kind);
    }
    let mut order = Vec::with_capacity(group.members.len());
    let mut placed = HashSet::new();
    // Lanes whose parents form a cycle are reached from no root: they come last, at the top.
    for start in roots.iter().chain(&group.members) {
        let mut stack = vec![*start];
        while let Some(pos) = stack.pop() {
            if !placed.insert(pos) {
                continue;
            }
            order.push(pos);
            if let Some(kids) = children.get(&pos) {
                stack.extend(kids.iter().rev());
            }
        }
    }
    order
}

/// Core lanes by the CPU number ending their name (`CPU 3`), then declaration order.
fn core_order(lanes: &[LaneInfo], group: &Group) -> Vec<usize> {
    let cpu_number = |pos: &usize| {
        let name = lanes[*pos].name.trim_end();
        let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        name[name.len() - digits..]
            .parse::<u64>()
            .unwrap_or(u64::MAX)
    };
    let mut order = group.members.clone();
    order.sort_by_key(|pos| (cpu_number(pos), *pos));
    order
}

/// A lane's name with what it runs: `Task-2 · fetch(2)`.
fn lane_title(lane: &LaneInfo) -> String {
    match &lane.detail {
        Some(detail) => format!("{} · {detail}", lane.name),
        None => lane.name.to_string(),
    }
}

/// `process_name` and `process_sort_index` per process, `thread_name` and `thread_sort_index`
/// per lane.
fn write_metadata(events: &mut EventList<'_, '_>, doc: &TraceDocument, layout: &Layout) {
    for (index, group) in layout.groups.iter().enumerate() {
        let place = Place {
            pid: group.pid,
            tid: group.pid,
        };
        metadata(events, place, "process_name", |args| {
            args.str("name", &group.name)
        });
        metadata(events, place, "process_sort_index", |args| {
            args.u64("sort_index", index as u64)
        });
    }
    for (row, (pos, place)) in layout.rows.iter().enumerate() {
        let lane = &doc.lanes[*pos];
        metadata(events, *place, "thread_name", |args| {
            args.str("name", &lane_title(lane))
        });
        metadata(events, *place, "thread_sort_index", |args| {
            args.u64("sort_index", row as u64)
        });
    }
}

fn metadata(
    events: &mut EventList<'_, '_>,
    place: Place,
    name: &str,
    write_args: impl FnOnce(&mut Object<'_>),
) {
    let mut event = events.next();
    event.str("ph", "M");
    event.str("name", name);
    event.u64("pid", place.pid);
    event.u64("tid", place.tid);
    event.raw("args", &object_json(write_args));
    event.close();
}

/// One slice per span, zero-length spans included, as a `B` and an `E` event with the same name,
/// category and args. `B`/`E` rather than one `X`: a viewer that computes `ts + dur` in floating
/// point (speedscope) can put a span's end a hair after the next span's start and nest them, while
/// an `E` and the next `B` carry the very same timestamp.
fn write_slices(events: &mut EventList<'_, '_>, doc: &TraceDocument, layout: &Layout) {
    for span in &doc.spans {
        let Some(place) = layout.place(span.lane) else {
            continue;
        };
        let state = span.state.as_str();
        let name = match (&span.label, span.state) {
            (Some(label), State::Awaiting) => label.to_string(),
            (Some(label), _) => format!("{state}: {label}"),
            (None, _) => state.to_string(),
        };
        let args = object_json(|args| {
            args.str("state", state);
            args.u64("line", u64::from(span.line));
            if let Some(label) = &span.label {
                args.str("label", label);
            }
        });
        for (phase, t_ns) in [("B", span.start_ns), ("E", span.end_ns)] {
            let mut event = events.next();
            event.str("ph", phase);
            event.str("name", &name);
            event.str("cat", state);
            event.u64("pid", place.pid);
            event.u64("tid", place.tid);
            event.raw("ts", &micros(t_ns));
            event.raw("args", &args);
            event.close();
        }
    }
}

/// Prints, diagnostics and exceptions as thread-scoped instant events; spawns, wakes and
/// cancellations as flow arrows from one lane's slice to the other's.
fn write_point_events(events: &mut EventList<'_, '_>, doc: &TraceDocument, layout: &Layout) {
    let slices = SliceIndex::of(doc);
    let mut flow_id = 0;
    for event in &doc.events {
        let Some(place) = layout.place(event.lane) else {
            continue;
        };
        match &event.kind {
            EventKind::Print { text, line } => instant(events, event, place, "print", |args| {
                args.str("text", text);
                args.u64("line", u64::from(*line));
            }),
            EventKind::Exception { message, line } => {
                instant(events, event, place, "exception", |args| {
                    args.str("message", message);
                    args.u64("line", u64::from(*line));
                })
            }
            EventKind::Diagnostic {
                kind,
                message,
                line,
            } => instant(events, event, place, "diagnostic", |args| {
                args.str("diagnostic", kind.as_str());
                args.str("message", message);
                args.u64("line", u64::from(*line));
            }),
            EventKind::Spawn { child: other, .. }
            | EventKind::Wake { target: other }
            | EventKind::Cancel { target: other, .. } => {
                let Some(other_place) = layout.place(*other) else {
                    continue;
                };
                let Some((start_ns, end_ns)) = slices.flow_times(event.lane, *other, event.t_ns)
                else {
                    continue;
                };
                flow_id += 1;
                let kind = event.kind.as_str();
                flow_end(events, "s", kind, flow_id, place, start_ns);
                flow_end(events, "f", kind, flow_id, other_place, end_ns);
            }
            EventKind::Lane { .. } | EventKind::State { .. } => {}
        }
    }
}

fn instant(
    events: &mut EventList<'_, '_>,
    event: &Event,
    place: Place,
    cat: &str,
    write_args: impl FnOnce(&mut Object<'_>),
) {
    let name = match &event.kind {
        EventKind::Diagnostic { kind, .. } => kind.as_str(),
        _ => cat,
    };
    let mut out = events.next();
    out.str("ph", "i");
    out.str("s", "t");
    out.str("name", name);
    out.str("cat", cat);
    out.u64("pid", place.pid);
    out.u64("tid", place.tid);
    out.raw("ts", &micros(event.t_ns));
    out.raw("args", &object_json(write_args));
    out.close();
}

/// One end of a flow arrow; `"bp": "e"` binds it to the slice enclosing `t_ns` on its thread.
fn flow_end(
    events: &mut EventList<'_, '_>,
    phase: &str,
    kind: &str,
    id: u64,
    place: Place,
    t_ns: u64,
) {
    let mut event = events.next();
    event.str("ph", phase);
    event.str("name", kind);
    event.str("cat", kind);
    event.u64("id", id);
    event.u64("pid", place.pid);
    event.u64("tid", place.tid);
    event.raw("ts", &micros(t_ns));
    event.str("bp", "e");
    event.close();
}

/// Each lane's spans of non-zero length as `(start_ns, end_ns)`, in time order: what a flow end
/// can bind to.
struct SliceIndex {
    lanes: Vec<Vec<(u64, u64)>>,
}

impl SliceIndex {
    fn of(doc: &TraceDocument) -> Self {
        let mut lanes: Vec<Vec<(u64, u64)>> = Vec::new();
        for span in doc.spans.iter().filter(|span| span.end_ns > span.start_ns) {
            let slot = span.lane as usize;
            if lanes.len() <= slot {
                lanes.resize_with(slot + 1, Vec::new);
            }
            lanes[slot].push((span.start_ns, span.end_ns));
        }
        SliceIndex { lanes }
    }

    /// Where a flow from `from` to `to` recorded at `t_ns` starts and ends: each end at the
    /// nearest moment inside a slice of its lane, the end never before the start. `None` when
    /// a lane has no slice there to bind to.
    fn flow_times(&self, from: LaneIx, to: LaneIx, t_ns: u64) -> Option<(u64, u64)> {
        let start = self.inside(from, t_ns)?;
        let end = self.inside(to, t_ns.max(start))?;
        (end >= start).then_some((start, end))
    }

    /// `t_ns` if a slice of `lane` covers it, else the start of the lane's next slice, else the
    /// last moment of its last slice.
    fn inside(&self, lane: LaneIx, t_ns: u64) -> Option<u64> {
        let slices = self.lanes.get(lane as usize)?;
        let next = slices.partition_point(|&(start, _)| start <= t_ns);
        match (next.checked_sub(1).map(|i| slices[i]), slices.get(next)) {
            (Some((_, end)), _) if t_ns < end => Some(t_ns),
            (_, Some(&(start, _))) => Some(start),
            (Some((_, end)), None) => Some(end - 1),
            (None, None) => None,
        }
    }
}

/// A JSON object written by `write_fields`.
fn object_json(write_fields: impl FnOnce(&mut Object<'_>)) -> String {
    let mut out = String::new();
    let mut obj = Object::open(&mut out);
    write_fields(&mut obj);
    obj.close();
    out
}

/// Nanoseconds as microseconds with three decimals (`1234567` → `1234.567`).
fn micros(ns: u64) -> String {
    let mut out = String::with_capacity(24);
    write_u64(&mut out, ns / 1000);
    let fraction = ns % 1000;
    out.push('.');
    out.push(char::from(b'0' + (fraction / 100) as u8));
    out.push(char::from(b'0' + (fraction / 10 % 10) as u8));
    out.push(char::from(b'0' + (fraction % 10) as u8));
    out
}

/// Where the file came from: the Interleave format and version, the run and how it ended.
fn other_data(doc: &TraceDocument) -> String {
    let run = &doc.run;
    object_json(|obj| {
        obj.str(
            "generator",
            concat!("Interleave ", env!("CARGO_PKG_VERSION")),
        );
        obj.str("format", "interleave-trace");
        obj.u64("format_version", FORMAT_VERSION);
        obj.str("run", &run.meta.id);
        obj.opt_str("scenario", run.meta.scenario.as_deref());
        obj.str("status", run.status.as_str());
        obj.u64("duration_ns", run.duration_ns);
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use serde_json::Value;

    use super::*;
    use crate::trace::document::{DocumentParts, RunInfo, RunMeta, Summary};
    use crate::trace::event::RunStatus;
    use crate::trace::testing::{run_to_document, EVERY_KIND_OF_EVENT};

    fn export(doc: &TraceDocument) -> Vec<Value> {
        let value: Value = serde_json::from_str(&to_chrome_json(doc)).expect("valid JSON");
        assert_eq!(value["displayTimeUnit"], "ms");
        value["traceEvents"]
            .as_array()
            .expect("a traceEvents array")
            .clone()
    }

    fn phase<'a>(events: &'a [Value], ph: &str) -> Vec<&'a Value> {
        events.iter().filter(|e| e["ph"] == ph).collect()
    }

    fn thread_of(event: &Value) -> (u64, u64) {
        (
            event["pid"].as_u64().expect("pid"),
            event["tid"].as_u64().expect("tid"),
        )
    }

    /// Microseconds back to nanoseconds (exact while runs last less than 100 days).
    fn ns(value: &Value) -> u64 {
        (value.as_f64().expect("microseconds") * 1000.0).round() as u64
    }

    /// A slice as a viewer rebuilds it from a `B` and the `E` that closes it.
    struct Slice<'a> {
        thread: (u64, u64),
        start_ns: u64,
        end_ns: u64,
        begin: &'a Value,
    }

    /// Every slice, checking that on each thread `B` and `E` alternate and an `E` repeats the
    /// name, category and args of its `B`.
    fn slices(events: &[Value]) -> Vec<Slice<'_>> {
        let mut open: HashMap<(u64, u64), &Value> = HashMap::new();
        let mut slices = Vec::new();
        for event in events.iter().filter(|e| e["ph"] == "B" || e["ph"] == "E") {
            let thread = thread_of(event);
            if event["ph"] == "B" {
                assert!(open.insert(thread, event).is_none(), "nested B: {event}");
                continue;
            }
            let begin = open.remove(&thread).expect("an E closes an open B");
            for field in ["name", "cat", "args"] {
                assert_eq!(begin[field], event[field], "{begin} / {event}");
            }
            slices.push(Slice {
                thread,
                start_ns: ns(&begin["ts"]),
                end_ns: ns(&event["ts"]),
                begin,
            });
        }
        assert!(open.is_empty(), "every B is closed");
        slices
    }

    #[test]
    fn a_real_run_has_one_named_thread_per_lane_and_one_slice_per_span() {
        let doc = run_to_document(EVERY_KIND_OF_EVENT);
        assert_eq!(doc.run.status, RunStatus::Ok, "{:?}", doc.run.error);
        let events = export(&doc);
        let names: Vec<&Value> = phase(&events, "M")
            .into_iter()
            .filter(|e| e["name"] == "thread_name")
            .collect();
        assert_eq!(names.len(), doc.lanes.len());
        let threads: HashSet<(u64, u64)> = names.iter().map(|e| thread_of(e)).collect();
        assert_eq!(threads.len(), doc.lanes.len(), "each lane its own thread");
        let mut exported: Vec<&str> = names
            .iter()
            .map(|e| e["args"]["name"].as_str().expect("name"))
            .collect();
        let mut titles: Vec<String> = doc.lanes.iter().map(lane_title).collect();
        exported.sort_unstable();
        titles.sort_unstable();
        assert_eq!(exported, titles);

        let slices = slices(&events);
        assert_eq!(slices.len(), doc.spans.len());
        let awaiting = slices
            .iter()
            .map(|s| s.begin)
            .find(|s| s["cat"] == "awaiting" && s["args"]["label"] == "asyncio.sleep(0.01 * n)")
            .expect("an await slice");
        assert_eq!(awaiting["name"], "asyncio.sleep(0.01 * n)");
        assert_eq!(awaiting["args"]["line"], 10);
        let kinds = |kind: &str| {
            doc.events
                .iter()
                .filter(|e| e.kind.as_str() == kind)
                .count()
        };
        let instants = phase(&events, "i");
        assert_eq!(
            instants.len(),
            kinds("print") + kinds("diagnostic") + kinds("exception")
        );
        assert!(instants
            .iter()
            .any(|i| i["name"] == "blocking_call" && i["args"]["message"].as_str().is_some()));
        assert!(instants.iter().any(|i| i["args"]["text"] == "cancelled\n"));
    }

    #[test]
    fn slices_of_a_thread_never_overlap() {
        let doc = run_to_document(EVERY_KIND_OF_EVENT);
        let events = export(&doc);
        let mut by_thread: BTreeMap<(u64, u64), Vec<(u64, u64)>> = BTreeMap::new();
        for slice in slices(&events) {
            assert!(slice.start_ns <= slice.end_ns);
            by_thread
                .entry(slice.thread)
                .or_default()
                .push((slice.start_ns, slice.end_ns));
        }
        for slices in by_thread.values_mut() {
            slices.sort_unstable();
            assert!(slices.windows(2).all(|w| w[0].1 <= w[1].0), "{slices:?}");
        }
    }

    #[test]
    fn spawns_wakes_and_cancels_are_flows_bound_inside_slices() {
        let doc = run_to_document(EVERY_KIND_OF_EVENT);
        let events = export(&doc);
        let slices = slices(&events);
        let inside = |end: &Value| {
            let t = ns(&end["ts"]);
            slices
                .iter()
                .any(|s| s.thread == thread_of(end) && s.start_ns <= t && t < s.end_ns)
        };
        let mut flows: BTreeMap<u64, Vec<&Value>> = BTreeMap::new();
        for end in events.iter().filter(|e| e["ph"] == "s" || e["ph"] == "f") {
            assert_eq!(end["bp"], "e");
            assert!(inside(end), "flow end outside every slice: {end}");
            flows
                .entry(end["id"].as_u64().expect("id"))
                .or_default()
                .push(end);
        }
        let linking = doc
            .events
            .iter()
            .filter(|e| matches!(e.kind.as_str(), "spawn" | "wake" | "cancel"))
            .count();
        assert_eq!(flows.len(), linking, "one flow per spawn, wake and cancel");
        for ends in flows.values() {
            let phases: Vec<&Value> = ends.iter().map(|e| &e["ph"]).collect();
            assert_eq!(phases, ["s", "f"]);
            assert!(ns(&ends[0]["ts"]) <= ns(&ends[1]["ts"]));
            assert_eq!(ends[0]["cat"], ends[1]["cat"]);
        }
        let cats: HashSet<&str> = flows
            .values()
            .filter_map(|e| e[0]["cat"].as_str())
            .collect();
        assert_eq!(cats, HashSet::from(["spawn", "wake", "cancel"]));
    }

    fn lane(ix: LaneIx, kind: LaneKind, name: &str, parent: Option<LaneIx>, pid: u32) -> LaneInfo {
        LaneInfo {
            ix,
            kind,
            name: Arc::from(name),
            detail: None,
            parent,
            pid,
            start_ns: 0,
            end_ns: Some(10),
            outcome: None,
        }
    }

    fn doc_with_lanes(lanes: Vec<LaneInfo>) -> TraceDocument {
        TraceDocument::from_parts(DocumentParts {
            run: RunInfo {
                meta: RunMeta {
                    id: "r1".into(),
                    scenario: None,
                    source: String::new(),
                },
                status: RunStatus::Ok,
                duration_ns: 10,
                error: None,
                cores: 2,
            },
            lanes,
            spans: Vec::new(),
            events: Vec::new(),
            output: Vec::new(),
            diagnostics: Vec::new(),
            summary: Summary {
                wall_ns: 10,
                loop_busy_pct: 0.0,
                longest_stall_ns: 0,
                peak_awaiting: 0,
                tasks: 1,
                events: 0,
            },
        })
    }

    #[test]
    fn processes_and_threads_follow_the_timeline_rows() {
        let doc = doc_with_lanes(vec![
            lane(1, LaneKind::Core, "CPU 1", None, 4242),
            lane(2, LaneKind::Core, "CPU 0", None, 4242),
            lane(0, LaneKind::EventLoop, "event loop", None, 4242),
            lane(3, LaneKind::Task, "Task-1", Some(0), 4242),
            lane(4, LaneKind::Thread, "Thread-1", Some(0), 4242),
            lane(5, LaneKind::Process, "Process-1", Some(0), 77),
            lane(6, LaneKind::Thread, "worker", Some(5), 77),
            lane(7, LaneKind::Process, "Process-2", Some(0), 0),
        ]);
        let events = export(&doc);
        let processes: Vec<(u64, &str)> = phase(&events, "M")
            .into_iter()
            .filter(|e| e["name"] == "process_name")
            .map(|e| {
                (
                    e["pid"].as_u64().expect("pid"),
                    e["args"]["name"].as_str().expect("name"),
                )
            })
            .collect();
        assert_eq!(
            processes,
            [
                (4242, "main process"),
                (77, "Process-1"),
                (4243, "Process-2"),
                (4244, "CPU cores")
            ]
        );
        let rows: Vec<(&str, u64, u64)> = phase(&events, "M")
            .into_iter()
            .filter(|e| e["name"] == "thread_name")
            .map(|e| {
                let (pid, tid) = thread_of(e);
                (e["args"]["name"].as_str().expect("name"), pid, tid)
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("event loop", 4242, 4242),
                ("Thread-1", 4242, 4246),
                ("Task-1", 4242, 4247),
                ("Process-1", 77, 77),
                ("worker", 77, 4249),
                ("Process-2", 4243, 4243),
                ("CPU 0", 4244, 4251),
                ("CPU 1", 4244, 4252),
            ]
        );
    }

    #[test]
    fn microseconds_keep_every_nanosecond() {
        assert_eq!(micros(0), "0.000");
        assert_eq!(micros(7), "0.007");
        assert_eq!(micros(1_234_567), "1234.567");
        assert_eq!(micros(u64::MAX), "18446744073709551.615");
    }
}
