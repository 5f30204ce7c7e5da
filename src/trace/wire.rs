//! Events as JSON objects, the shape both the live stream and the trace document use.
//!
//! Written by hand into a `String` rather than through serde: the stream has to keep up with
//! millions of events per second, and every field here is a plain number, a short string or a
//! lane id. The shape of each event kind is listed in `docs/trace-format.md`.

use std::borrow::Borrow;

use super::event::{Event, EventKind};
use super::lanes::{LaneId, LaneTable};

/// Appends `events` as a JSON array.
pub fn write_events(
    out: &mut String,
    events: impl IntoIterator<Item = impl Borrow<Event>>,
    lanes: &LaneTable,
) {
    write_events_in_pieces(out, events, lanes, &mut |_| {});
}

/// Appends `events` as a JSON array, calling `piece` with the text so far after each event
/// (see [`Pieces`]).
pub fn write_events_in_pieces(
    out: &mut String,
    events: impl IntoIterator<Item = impl Borrow<Event>>,
    lanes: &LaneTable,
    piece: Pieces,
) {
    write_array_in_pieces(
        out,
        events,
        |out, event| write_event(out, event.borrow(), lanes),
        piece,
    );
}

/// Appends `items` as a JSON array, each written by `write_item`.
pub fn write_array<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    write_item: impl FnMut(&mut String, T),
) {
    write_array_in_pieces(out, items, write_item, &mut |_| {});
}

/// Appends `items` as a JSON array, calling `piece` with the text so far after each item.
pub fn write_array_in_pieces<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    mut write_item: impl FnMut(&mut String, T),
    piece: Pieces,
) {
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_item(out, item);
        piece(out);
    }
    out.push(']');
}

/// Called with the text written so far at points where a writer may take it away (and leave
/// the buffer empty), so a large document can be sent on in pieces and never held whole.
pub type Pieces<'p> = &'p mut dyn FnMut(&mut String);

/// Appends one event as a JSON object: `seq`, `t_ns`, `lane`, `kind`, then the kind's fields.
pub fn write_event(out: &mut String, event: &Event, lanes: &LaneTable) {
    let mut obj = Object::open(out);
    obj.u64("seq", event.seq);
    obj.u64("t_ns", event.t_ns);
    obj.lane("lane", lanes.id(event.lane));
    obj.str("kind", event.kind.as_str());
    match &event.kind {
        EventKind::Lane {
            kind,
            name,
            detail,
            parent,
            pid,
        } => {
            obj.str("lane_kind", kind.as_str());
            obj.str("name", name);
            obj.opt_str("detail", detail.as_deref());
            obj.opt_lane("parent", parent.map(|ix| lanes.id(ix)));
            obj.u64("pid", u64::from(*pid));
        }
        EventKind::State { state, label, line } => {
            obj.str("state", state.as_str());
            obj.opt_str("label", label.as_deref());
            obj.u64("line", u64::from(*line));
        }
        EventKind::Spawn { child, line } => {
            obj.lane("child", lanes.id(*child));
            obj.u64("line", u64::from(*line));
        }
        EventKind::Wake { target } => obj.lane("target", lanes.id(*target)),
        EventKind::Print { text, line } => {
            obj.str("text", text);
            obj.u64("line", u64::from(*line));
        }
        EventKind::Cancel { target, line } => {
            obj.lane("target", lanes.id(*target));
            obj.u64("line", u64::from(*line));
        }
        EventKind::Exception { message, line } => {
            obj.str("message", message);
            obj.u64("line", u64::from(*line));
        }
        EventKind::Diagnostic {
            kind,
            message,
            line,
        } => {
            obj.str("diagnostic", kind.as_str());
            obj.str("message", message);
            obj.u64("line", u64::from(*line));
        }
    }
    obj.close();
}

/// A JSON object being written field by field. Keys are trusted ASCII literals, values escaped.
pub struct Object<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> Object<'a> {
    pub fn open(out: &'a mut String) -> Self {
        out.push('{');
        Object { out, empty: true }
    }

    fn key(&mut self, key: &str) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
    }

    pub fn u64(&mut self, key: &str, value: u64) {
        self.key(key);
        write_u64(self.out, value);
    }

    pub fn str(&mut self, key: &str, value: &str) {
        self.key(key);
        write_str(self.out, value);
    }

    pub fn opt_str(&mut self, key: &str, value: Option<&str>) {
        match value {
            Some(value) => self.str(key, value),
            None => self.null(key),
        }
    }

    pub fn lane(&mut self, key: &str, id: LaneId) {
        self.key(key);
        write_lane_id(self.out, id);
    }

    pub fn opt_lane(&mut self, key: &str, id: Option<LaneId>) {
        match id {
            Some(id) => self.lane(key, id),
            None => self.null(key),
        }
    }

    pub fn null(&mut self, key: &str) {
        self.key(key);
        self.out.push_str("null");
    }

    /// Writes the key `key`; the caller writes its value into the text returned.
    pub fn field(&mut self, key: &str) -> &mut String {
        self.key(key);
        self.out
    }

    /// Writes `json`, which must already be valid JSON, as the value of `key`.
    pub fn raw(&mut self, key: &str, json: &str) {
        self.key(key);
        self.out.push_str(json);
    }

    pub fn close(self) {
        self.out.push('}');
    }
}

/// Appends a lane id as a JSON string (ids never need escaping).
pub fn write_lane_id(out: &mut String, id: LaneId) {
    let (prefix, ix) = id.parts();
    out.push('"');
    out.push_str(prefix);
    if let Some(ix) = ix {
        write_u64(out, u64::from(ix));
    }
    out.push('"');
}

/// Appends `n` in decimal.
pub fn write_u64(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&digits[start..]).unwrap_or_default());
}

/// Appends `s` as a quoted JSON string. Runs of characters that need no escape are copied
/// whole; escapes only ever replace ASCII bytes, so every slice stays on a char boundary.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut run_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[run_start..i]);
        if escape.is_empty() {
            push_control_escape(out, b);
        } else {
            out.push_str(escape);
        }
        run_start = i + 1;
    }
    out.push_str(&s[run_start..]);
    out.push('"');
}

fn push_control_escape(out: &mut String, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u00");
    out.push(HEX[usize::from(b >> 4)] as char);
    out.push(HEX[usize::from(b & 0xf)] as char);
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use serde_json::{json, Value};

    use super::*;
    use crate::trace::event::{DiagnosticKind, LaneKind, State};

    fn lanes() -> LaneTable {
        let mut lanes = LaneTable::default();
        lanes.declare(0, LaneKind::EventLoop);
        lanes.declare(1, LaneKind::Task);
        lanes.declare(2, LaneKind::Task);
        lanes
    }

    fn encode(kind: EventKind) -> Value {
        let event = Event {
            seq: 7,
            t_ns: 1_500,
            lane: 1,
            kind,
        };
        let mut out = String::new();
        write_event(&mut out, &event, &lanes());
        serde_json::from_str(&out).expect("valid JSON")
    }

    #[test]
    fn lane_event_names_its_parent() {
        let value = encode(EventKind::Lane {
            kind: LaneKind::Task,
            name: "Task-1".into(),
            detail: Some("main()".into()),
            parent: Some(0),
            pid: 42,
        });
        assert_eq!(
            value,
            json!({"seq": 7, "t_ns": 1500, "lane": "task-1", "kind": "lane", "lane_kind": "task",
                   "name": "Task-1", "detail": "main()", "parent": "loop", "pid": 42})
        );
    }

    #[test]
    fn state_event_without_label_has_null_label() {
        let value = encode(EventKind::State {
            state: State::WaitingGil,
            label: None,
            line: 0,
        });
        assert_eq!(
            value,
            json!({"seq": 7, "t_ns": 1500, "lane": "task-1", "kind": "state",
                   "state": "waiting_gil", "label": null, "line": 0})
        );
    }

    #[test]
    fn point_events_name_their_targets() {
        let spawn = encode(EventKind::Spawn { child: 2, line: 3 });
        assert_eq!(
            (&spawn["child"], &spawn["line"]),
            (&json!("task-2"), &json!(3))
        );
        let wake = encode(EventKind::Wake { target: 2 });
        assert_eq!(wake["target"], "task-2");
        let cancel = encode(EventKind::Cancel { target: 2, line: 9 });
        assert_eq!(
            (&cancel["kind"], &cancel["target"]),
            (&json!("cancel"), &json!("task-2"))
        );
        let exception = encode(EventKind::Exception {
            message: "ValueError: boom".into(),
            line: 4,
        });
        assert_eq!(exception["message"], "ValueError: boom");
        let diagnostic = encode(EventKind::Diagnostic {
            kind: DiagnosticKind::NeverAwaited,
            message: "coroutine 'f' was never awaited".into(),
            line: 5,
        });
        assert_eq!(diagnostic["diagnostic"], "never_awaited");
        assert_eq!(diagnostic["kind"], "diagnostic");
    }

    #[test]
    fn print_text_round_trips_exactly() {
        let text = "tab\there \"quoted\" back\\slash\r\nbell\u{7} nul\u{0} é 漢 🦀\n";
        let value = encode(EventKind::Print {
            text: Arc::from(text),
            line: 2,
        });
        assert_eq!(value["text"], text);
    }

    #[test]
    fn numbers_cover_the_whole_range() {
        for n in [0, 9, 10, 1_234_567_890, u64::MAX] {
            let mut out = String::new();
            write_u64(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }

    #[test]
    fn enum_names_match_serde() {
        for state in [
            State::Running,
            State::WaitingGil,
            State::Idle,
            State::Cancelled,
        ] {
            assert_eq!(json!(state), json!(state.as_str()));
        }
        for kind in [LaneKind::EventLoop, LaneKind::Core] {
            assert_eq!(json!(kind), json!(kind.as_str()));
        }
        let diagnostic = DiagnosticKind::ExceptionNeverRetrieved;
        assert_eq!(json!(diagnostic), json!(diagnostic.as_str()));
    }

    #[test]
    fn arrays_are_comma_separated() {
        let events: Vec<Event> = (1..=3)
            .map(|seq| Event {
                seq,
                t_ns: seq * 10,
                lane: 0,
                kind: EventKind::Wake { target: 1 },
            })
            .collect();
        let mut out = String::new();
        write_events(&mut out, &events, &lanes());
        let value: Value = serde_json::from_str(&out).expect("valid JSON");
        let seqs: Vec<u64> = value
            .as_array()
            .expect("array")
            .iter()
            .map(|e| e["seq"].as_u64().expect("seq"))
            .collect();
        assert_eq!(seqs, [1, 2, 3]);
    }
}
