//! Reading a trace document back from JSON: format version 1 exactly as
//! [`TraceDocument::to_json`] writes it (`docs/trace-format.md`), checked field by field.
//!
//! Anything malformed is refused with an [`ImportError`] naming the field (`spans[3].end_ns`) and
//! what is wrong with it: a missing or mistyped field, another format or version, a lane id that
//! no lane declares, an unknown state or kind, a span that ends before it starts, or two spans of
//! one lane that overlap. Nullable fields may also be left out.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::document::{
    Diagnostic, DocumentParts, LaneInfo, OutputText, RunInfo, RunMeta, Summary, TraceDocument,
    FORMAT_VERSION,
};
use super::event::{Event, EventKind, LaneIx, LaneKind, RunError, State, TraceFrame, WireName};
use super::lanes::LaneId;
use super::spans::Span;

/// Why a document was refused: the field at fault (a path such as `spans[3].end_ns`, or `None`
/// for the document as a whole) and a sentence saying what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

type Result<T> = std::result::Result<T, ImportError>;

fn refuse(field: &str, message: String) -> ImportError {
    ImportError {
        field: Some(field.to_string()),
        message,
    }
}

/// The document `value` holds, or why it cannot be read.
pub fn document_from_value(value: &Value) -> Result<TraceDocument> {
    let Value::Object(map) = value else {
        return Err(ImportError {
            field: None,
            message: format!(
                "a trace document is a JSON object with \"format\": \"interleave-trace\", not {}",
                describe(value)
            ),
        });
    };
    let root = Fields {
        map,
        path: String::new(),
    };
    check_format(&root)?;
    let run = read_run(&root.object("run")?)?;
    let (lanes, lane_ids) = read_lanes(&root)?;
    let spans = read_spans(&root, &lane_ids)?;
    let events = read_items(&root, "events", |item| read_event(item, &lane_ids))?;
    let output = read_items(&root, "output", |item| read_output(item, &lane_ids))?;
    let diagnostics = read_items(&root, "diagnostics", |item| {
        read_diagnostic(item, &lane_ids)
    })?;
    let summary = read_summary(&root.object("summary")?)?;
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

fn check_format(root: &Fields) -> Result<()> {
    match root.map.get("format") {
        Some(Value::String(format)) if format == "interleave-trace" => {}
        other => {
            let found = other.map_or("no \"format\"".to_string(), |v| {
                format!("\"format\": {}", describe(v))
            });
            return Err(refuse(
                "format",
                format!("this is not an Interleave trace document: it has {found}, not \"format\": \"interleave-trace\""),
            ));
        }
    }
    let Some(version) = root.map.get("format_version") else {
        return Err(refuse(
            "format_version",
            "format_version is missing; this Interleave reads version 1".into(),
        ));
    };
    match version.as_u64() {
        Some(FORMAT_VERSION) => Ok(()),
        Some(other) => Err(refuse(
            "format_version",
            format!("this file is format version {other}; this Interleave reads version {FORMAT_VERSION}"),
        )),
        None => Err(refuse(
            "format_version",
            format!(
                "format_version must be a whole number, not {}",
                describe(version)
            ),
        )),
    }
}

fn read_run(run: &Fields) -> Result<RunInfo> {
    let error = match run.opt_object("error")? {
        Some(error) => Some(read_run_error(&error)?),
        None => None,
    };
    Ok(RunInfo {
        meta: RunMeta {
            id: run.str("id")?.to_string(),
            scenario: run.opt_str("scenario")?.map(str::to_string),
            source: run.str("source")?.to_string(),
        },
        status: run.named("status")?,
        duration_ns: run.u64("duration_ns")?,
        error,
        cores: run.object("host")?.u32("cores")?,
    })
}

fn read_run_error(error: &Fields) -> Result<RunError> {
    let traceback = error.array("traceback")?;
    Ok(RunError {
        kind: error.str("kind")?.to_string(),
        message: error.str("message")?.to_string(),
        line: error.u32("line")?,
        traceback: traceback.read(|frame| {
            Ok(TraceFrame {
                function: frame.str("function")?.to_string(),
                line: frame.u32("line")?,
            })
        })?,
    })
}

/// Every lane, and the index each lane id stands for.
fn read_lanes(root: &Fields) -> Result<(Vec<LaneInfo>, HashMap<String, LaneIx>)> {
    let items = root.array("lanes")?;
    let mut ids = HashMap::new();
    let mut declared = Vec::with_capacity(items.values.len());
    for (i, item) in items.values.iter().enumerate() {
        let lane = items.item(i, item)?;
        let id = lane.str("id")?;
        let kind: LaneKind = lane.named("kind")?;
        let ix = parse_lane_id(id, kind).ok_or_else(|| {
            let path = lane.path_of("id");
            refuse(
                &path,
                format!(
                    "{path} is \"{id}\", which is not the id of a {} lane ({})",
                    kind.as_str(),
                    id_pattern(kind)
                ),
            )
        })?;
        if ids.insert(id.to_string(), ix).is_some() {
            let path = lane.path_of("id");
            return Err(refuse(&path, format!("{path} \"{id}\" is declared twice")));
        }
        declared.push((lane, ix, kind));
    }
    let lanes = declared
        .iter()
        .map(|(lane, ix, kind)| read_lane(lane, *ix, *kind, &ids))
        .collect::<Result<Vec<_>>>()?;
    Ok((lanes, ids))
}

fn read_lane(
    lane: &Fields,
    ix: LaneIx,
    kind: LaneKind,
    lane_ids: &HashMap<String, LaneIx>,
) -> Result<LaneInfo> {
    let end_ns = match lane.map.get("end_ns") {
        None | Some(Value::Null) => None,
        Some(_) => Some(lane.u64("end_ns")?),
    };
    let outcome = match lane.opt_str("outcome")? {
        Some(_) => Some(lane.terminal_state("outcome")?),
        None => None,
    };
    let parent = match lane.opt_str("parent")? {
        Some(_) => Some(lane.lane_ref("parent", lane_ids)?),
        None => None,
    };
    Ok(LaneInfo {
        ix,
        kind,
        name: Arc::from(lane.str("name")?),
        detail: lane.opt_str("detail")?.map(Arc::from),
        parent,
        pid: lane.u32("pid")?,
        start_ns: lane.u64("start_ns")?,
        end_ns,
        outcome,
    })
}

/// The index a lane id of `kind` stands for, if the id is spelled as the format spells it.
fn parse_lane_id(id: &str, kind: LaneKind) -> Option<LaneIx> {
    let ix = if id == "loop" {
        0
    } else {
        id.rsplit_once('-')?.1.parse().ok()?
    };
    let canonical = LaneId {
        kind: Some(kind),
        ix,
    };
    (canonical.to_string() == id).then_some(ix)
}

fn id_pattern(kind: LaneKind) -> &'static str {
    match kind {
        LaneKind::EventLoop => "loop, or loop-N for another loop",
        LaneKind::Task => "task-N",
        LaneKind::Thread => "thread-N",
        LaneKind::Process => "process-N",
        LaneKind::Core => "core-N",
    }
}

fn read_spans(root: &Fields, lane_ids: &HashMap<String, LaneIx>) -> Result<Vec<Span>> {
    let items = root.array("spans")?;
    // Per lane: where its previous span ended, and which span that was.
    let mut last_end: HashMap<LaneIx, (u64, usize)> = HashMap::new();
    let mut spans = Vec::with_capacity(items.values.len());
    for (i, item) in items.values.iter().enumerate() {
        let fields = items.item(i, item)?;
        let span = read_span(&fields, lane_ids)?;
        if span.end_ns < span.start_ns {
            return Err(refuse(
                &fields.path_of("end_ns"),
                format!(
                    "{} ends at {} ns, before it starts at {} ns",
                    fields.path, span.end_ns, span.start_ns
                ),
            ));
        }
        if let Some(&(end_ns, previous)) = last_end.get(&span.lane) {
            if span.start_ns < end_ns {
                return Err(refuse(
                    &fields.path_of("start_ns"),
                    format!(
                        "{} starts at {} ns, before spans[{previous}] of the same lane ({}) ends at {end_ns} ns: the spans of one lane never overlap and come in time order",
                        fields.path, span.start_ns, fields.str("lane")?
                    ),
                ));
            }
        }
        last_end.insert(span.lane, (span.end_ns, i));
        spans.push(span);
    }
    Ok(spans)
}

fn read_span(span: &Fields, lane_ids: &HashMap<String, LaneIx>) -> Result<Span> {
    let state: State = span.named("state")?;
    if state.is_terminal() {
        return Err(refuse(
            &span.path_of("state"),
            format!(
                "{} is \"{}\", a terminal state: a lane's spans are only in the states it can stay in ({})",
                span.path_of("state"),
                state.as_str(),
                non_terminal_states()
            ),
        ));
    }
    Ok(Span {
        lane: span.lane_ref("lane", lane_ids)?,
        state,
        start_ns: span.u64("start_ns")?,
        end_ns: span.u64("end_ns")?,
        label: span.opt_str("label")?.map(Arc::from),
        line: span.u32("line")?,
    })
}

fn non_terminal_states() -> String {
    let names: Vec<&str> = State::ALL
        .iter()
        .filter(|state| !state.is_terminal())
        .map(|state| state.as_str())
        .collect();
    names.join(", ")
}

/// The point-event kinds a document's `events` holds.
const POINT_KINDS: [&str; 6] = [
    "spawn",
    "wake",
    "print",
    "cancel",
    "exception",
    "diagnostic",
];

fn read_event(event: &Fields, lane_ids: &HashMap<String, LaneIx>) -> Result<Event> {
    let kind_name = event.str("kind")?;
    let kind = match kind_name {
        "spawn" => EventKind::Spawn {
            child: event.lane_ref("child", lane_ids)?,
            line: event.u32("line")?,
        },
        "wake" => EventKind::Wake {
            target: event.lane_ref("target", lane_ids)?,
        },
        "print" => EventKind::Print {
            text: Arc::from(event.str("text")?),
            line: event.u32("line")?,
        },
        "cancel" => EventKind::Cancel {
            target: event.lane_ref("target", lane_ids)?,
            line: event.u32("line")?,
        },
        "exception" => EventKind::Exception {
            message: Arc::from(event.str("message")?),
            line: event.u32("line")?,
        },
        "diagnostic" => EventKind::Diagnostic {
            kind: event.named("diagnostic")?,
            message: Arc::from(event.str("message")?),
            line: event.u32("line")?,
        },
        other => {
            return Err(refuse(
                &event.path_of("kind"),
                format!(
                    "{} is \"{other}\", which is not a point event; events holds {}",
                    event.path_of("kind"),
                    POINT_KINDS.join(", ")
                ),
            ))
        }
    };
    Ok(Event {
        seq: event.u64("seq")?,
        t_ns: event.u64("t_ns")?,
        lane: event.lane_ref("lane", lane_ids)?,
        kind,
    })
}

fn read_output(output: &Fields, lane_ids: &HashMap<String, LaneIx>) -> Result<OutputText> {
    Ok(OutputText {
        t_ns: output.u64("t_ns")?,
        lane: output.lane_ref("lane", lane_ids)?,
        text: Arc::from(output.str("text")?),
        line: output.u32("line")?,
    })
}

fn read_diagnostic(diagnostic: &Fields, lane_ids: &HashMap<String, LaneIx>) -> Result<Diagnostic> {
    Ok(Diagnostic {
        t_ns: diagnostic.u64("t_ns")?,
        lane: diagnostic.lane_ref("lane", lane_ids)?,
        kind: diagnostic.named("kind")?,
        message: Arc::from(diagnostic.str("message")?),
        line: diagnostic.u32("line")?,
    })
}

fn read_summary(summary: &Fields) -> Result<Summary> {
    Ok(Summary {
        wall_ns: summary.u64("wall_ns")?,
        loop_busy_pct: summary.f64("loop_busy_pct")?,
        longest_stall_ns: summary.u64("longest_stall_ns")?,
        peak_awaiting: summary.u32("peak_awaiting")?,
        tasks: summary.u32("tasks")?,
        events: summary.u64("events")?,
    })
}

fn read_items<T>(
    root: &Fields,
    name: &str,
    read: impl FnMut(&Fields) -> Result<T>,
) -> Result<Vec<T>> {
    root.array(name)?.read(read)
}

/// A JSON object being read, with the path that names it in errors (`spans[3]`; empty for the
/// document itself).
struct Fields<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

/// A JSON array being read, with its path.
struct Items<'a> {
    values: &'a [Value],
    path: String,
}

impl<'a> Items<'a> {
    /// Element `i`, which must be an object.
    fn item(&self, i: usize, value: &'a Value) -> Result<Fields<'a>> {
        let path = format!("{}[{i}]", self.path);
        match value {
            Value::Object(map) => Ok(Fields { map, path }),
            other => Err(refuse(
                &path,
                format!("{path} must be an object, not {}", describe(other)),
            )),
        }
    }

    fn read<T>(&self, mut read: impl FnMut(&Fields) -> Result<T>) -> Result<Vec<T>> {
        let mut out = Vec::with_capacity(self.values.len());
        for (i, value) in self.values.iter().enumerate() {
            out.push(read(&self.item(i, value)?)?);
        }
        Ok(out)
    }
}

impl<'a> Fields<'a> {
    fn path_of(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.path)
        }
    }

    fn get(&self, name: &str) -> Result<&'a Value> {
        self.map.get(name).ok_or_else(|| {
            let path = self.path_of(name);
            refuse(&path, format!("{path} is missing"))
        })
    }

    /// An object field that may be `null` or left out.
    fn opt_object(&self, name: &str) -> Result<Option<Fields<'a>>> {
        match self.map.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => self.object(name).map(Some),
        }
    }

    fn wrong_type(&self, name: &str, expected: &str, found: &Value) -> ImportError {
        let path = self.path_of(name);
        refuse(
            &path,
            format!("{path} must be {expected}, not {}", describe(found)),
        )
    }

    fn u64(&self, name: &str) -> Result<u64> {
        let value = self.get(name)?;
        value
            .as_u64()
            .ok_or_else(|| self.wrong_type(name, "a whole number of at least 0", value))
    }

    fn u32(&self, name: &str) -> Result<u32> {
        let value = self.get(name)?;
        value
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| self.wrong_type(name, "a whole number from 0 to 4294967295", value))
    }

    fn f64(&self, name: &str) -> Result<f64> {
        let value = self.get(name)?;
        value
            .as_f64()
            .ok_or_else(|| self.wrong_type(name, "a number", value))
    }

    fn str(&self, name: &str) -> Result<&'a str> {
        let value = self.get(name)?;
        value
            .as_str()
            .ok_or_else(|| self.wrong_type(name, "a string", value))
    }

    fn opt_str(&self, name: &str) -> Result<Option<&'a str>> {
        match self.map.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(self.wrong_type(name, "a string or null", other)),
        }
    }

    fn object(&self, name: &str) -> Result<Fields<'a>> {
        match self.get(name)? {
            Value::Object(map) => Ok(Fields {
                map,
                path: self.path_of(name),
            }),
            other => Err(self.wrong_type(name, "an object", other)),
        }
    }

    fn array(&self, name: &str) -> Result<Items<'a>> {
        match self.get(name)? {
            Value::Array(values) => Ok(Items {
                values,
                path: self.path_of(name),
            }),
            other => Err(self.wrong_type(name, "an array", other)),
        }
    }

    /// A string naming one of a fixed set of values (a state, a lane kind...).
    fn named<T: WireName>(&self, name: &str) -> Result<T> {
        let value = self.str(name)?;
        T::from_wire_name(value).ok_or_else(|| {
            let path = self.path_of(name);
            let choices: Vec<&str> = T::ALL.iter().map(|x| x.wire_name()).collect();
            refuse(
                &path,
                format!(
                    "{path} is \"{value}\", which is not a {}; it is one of {}",
                    T::WHAT,
                    choices.join(", ")
                ),
            )
        })
    }

    fn terminal_state(&self, name: &str) -> Result<State> {
        let state: State = self.named(name)?;
        if state.is_terminal() {
            return Ok(state);
        }
        let path = self.path_of(name);
        Err(refuse(
            &path,
            format!(
                "{path} is \"{}\"; a lane's outcome is how it ended: done, cancelled or failed",
                state.as_str()
            ),
        ))
    }

    /// A lane id that one of the document's lanes declares.
    fn lane_ref(&self, name: &str, lane_ids: &HashMap<String, LaneIx>) -> Result<LaneIx> {
        let id = self.str(name)?;
        lane_ids.get(id).copied().ok_or_else(|| {
            let path = self.path_of(name);
            refuse(
                &path,
                format!("{path} is \"{id}\", but no lane in lanes has that id"),
            )
        })
    }
}

/// A JSON value as an error message names it: `a string ("abc")`, `an array`, `null`.
fn describe(value: &Value) -> String {
    const SHOWN_CHARS: usize = 40;
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > SHOWN_CHARS => {
            let head: String = s.chars().take(SHOWN_CHARS).collect();
            format!("the string \"{head}…\"")
        }
        Value::String(s) => format!("the string \"{s}\""),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::trace::testing::{run_to_document, EVERY_KIND_OF_EVENT};

    fn real_document() -> (TraceDocument, Value) {
        let doc = run_to_document(EVERY_KIND_OF_EVENT);
        let value = serde_json::from_str(&doc.to_json()).expect("valid JSON");
        (doc, value)
    }

    /// The error importing `value` after `edit` gives.
    fn refused(edit: impl FnOnce(&mut Value)) -> ImportError {
        let (_, mut value) = real_document();
        edit(&mut value);
        document_from_value(&value).expect_err("the document is refused")
    }

    fn field(error: &ImportError) -> Option<&str> {
        error.field.as_deref()
    }

    /// The index of the first span of a lane that has at least two.
    fn lane_with_two_spans(value: &Value) -> (usize, usize) {
        let spans = value["spans"].as_array().expect("spans");
        (0..spans.len())
            .find_map(|i| {
                let next = (i + 1..spans.len()).find(|j| spans[*j]["lane"] == spans[i]["lane"])?;
                Some((i, next))
            })
            .expect("a lane with two spans")
    }

    #[test]
    fn a_real_run_round_trips_exactly() {
        let (doc, value) = real_document();
        let imported = document_from_value(&value).expect("the document imports");
        assert_eq!(imported, doc);
        assert_eq!(imported.to_json(), doc.to_json());
    }

    #[test]
    fn only_interleave_documents_of_version_1_are_read() {
        let error = document_from_value(&json!([1, 2])).expect_err("refused");
        assert_eq!(field(&error), None);
        assert!(error.message.contains("not an array"), "{error}");

        let error = refused(|v| v["format"] = json!("speedscope"));
        assert_eq!(field(&error), Some("format"));
        assert!(
            error
                .to_string()
                .contains("not an Interleave trace document"),
            "{error}"
        );

        let error = refused(|v| v["format_version"] = json!(2));
        assert_eq!(field(&error), Some("format_version"));
        assert_eq!(
            error.message,
            "this file is format version 2; this Interleave reads version 1"
        );

        let error = refused(|v| {
            v.as_object_mut().expect("object").remove("format_version");
        });
        assert_eq!(
            error.message,
            "format_version is missing; this Interleave reads version 1"
        );
        let error = refused(|v| v["format_version"] = json!("1"));
        assert_eq!(field(&error), Some("format_version"));
    }

    #[test]
    fn missing_and_mistyped_fields_are_named_by_their_path() {
        let error = refused(|v| {
            v["spans"][3]
                .as_object_mut()
                .expect("span")
                .remove("end_ns");
        });
        assert_eq!(field(&error), Some("spans[3].end_ns"));
        assert_eq!(error.message, "spans[3].end_ns is missing");

        let error = refused(|v| v["lanes"][1]["pid"] = json!("42"));
        assert_eq!(field(&error), Some("lanes[1].pid"));
        assert!(error.message.contains("not the string \"42\""), "{error}");

        let error = refused(|v| v["run"]["host"]["cores"] = json!(-1));
        assert_eq!(field(&error), Some("run.host.cores"));
        let error = refused(|v| v["events"][0] = json!(7));
        assert_eq!(field(&error), Some("events[0]"));
        let error = refused(|v| v["summary"]["loop_busy_pct"] = json!(null));
        assert_eq!(field(&error), Some("summary.loop_busy_pct"));
        let error = refused(|v| v["output"] = json!({}));
        assert_eq!(field(&error), Some("output"));
    }

    #[test]
    fn unknown_lanes_states_and_kinds_are_refused() {
        let error = refused(|v| v["spans"][0]["lane"] = json!("task-999"));
        assert_eq!(field(&error), Some("spans[0].lane"));
        assert!(error.message.contains("no lane in lanes"), "{error}");
        let error = refused(|v| v["events"][0]["lane"] = json!("nowhere"));
        assert_eq!(field(&error), Some("events[0].lane"));

        let error = refused(|v| v["spans"][0]["state"] = json!("sleeping"));
        assert_eq!(field(&error), Some("spans[0].state"));
        assert!(error.message.contains("not a state"), "{error}");
        let error = refused(|v| v["spans"][0]["state"] = json!("done"));
        assert!(error.message.contains("terminal"), "{error}");

        let error = refused(|v| v["lanes"][0]["kind"] = json!("fiber"));
        assert_eq!(field(&error), Some("lanes[0].kind"));
        let error = refused(|v| v["events"][0]["kind"] = json!("teleport"));
        assert_eq!(field(&error), Some("events[0].kind"));
        let error = refused(|v| v["diagnostics"][0]["kind"] = json!("too_slow"));
        assert_eq!(field(&error), Some("diagnostics[0].kind"));
        let error = refused(|v| v["run"]["status"] = json!("fine"));
        assert_eq!(field(&error), Some("run.status"));
    }

    #[test]
    fn lane_ids_must_fit_their_kind_and_be_unique() {
        let error = refused(|v| {
            let lanes = v["lanes"].as_array_mut().expect("lanes");
            let task = lanes
                .iter_mut()
                .find(|l| l["kind"] == "task")
                .expect("a task lane");
            task["kind"] = json!("thread");
        });
        assert!(
            error.field.as_deref().is_some_and(|f| f.ends_with(".id")),
            "{error:?}"
        );
        assert!(error.message.contains("thread-N"), "{error}");

        let error = refused(|v| {
            let first = v["lanes"][0].clone();
            v["lanes"].as_array_mut().expect("lanes").push(first);
        });
        assert!(error.message.contains("declared twice"), "{error}");
    }

    #[test]
    fn spans_must_end_after_they_start_and_never_overlap_on_a_lane() {
        let error = refused(|v| {
            let start = v["spans"][2]["start_ns"].as_u64().expect("start");
            v["spans"][2]["start_ns"] = json!(start + 10);
            v["spans"][2]["end_ns"] = json!(start + 5);
        });
        assert_eq!(field(&error), Some("spans[2].end_ns"));
        assert!(error.message.contains("before it starts"), "{error}");

        let error = refused(|v| {
            let (first, second) = lane_with_two_spans(v);
            let start = v["spans"][first]["start_ns"].as_u64().expect("start");
            v["spans"][first]["end_ns"] = json!(u64::MAX);
            v["spans"][second]["start_ns"] = json!(start + 1);
            v["spans"][second]["end_ns"] = json!(start + 2);
        });
        assert!(error.message.contains("never overlap"), "{error}");
        assert!(
            error
                .field
                .as_deref()
                .is_some_and(|f| f.ends_with(".start_ns")),
            "{error:?}"
        );
    }
}
