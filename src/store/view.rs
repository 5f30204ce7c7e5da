//! The view a snapshot opens at: the visible time window, the selected lane and the theme.
//!
//! Read from the JSON a client sends (`{"t0_ns"?, "t1_ns"?, "lane"?, "theme"?}`), checked
//! against the trace it goes with, and written back as the same JSON.

use serde_json::{Map, Value};

use crate::catalog::Theme;
use crate::trace::document::TraceDocument;

/// Where a shared page opens; every part is optional (the whole run, no lane selected).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    pub t0_ns: Option<u64>,
    pub t1_ns: Option<u64>,
    /// A lane id of the trace (`task-3`).
    pub lane: Option<String>,
    pub theme: Option<Theme>,
}

/// A view field that is not right: `field` is its path (`view.t0_ns`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewError {
    pub field: String,
    pub message: String,
}

impl ViewError {
    fn new(name: &str, message: impl Into<String>) -> Self {
        ViewError {
            field: format!("view.{name}"),
            message: message.into(),
        }
    }
}

impl View {
    /// Reads the `view` field of a request; absent or `null` is the default view. A lane must be
    /// one of `doc`'s lanes, and a window must not end before it starts.
    pub fn from_value(value: Option<&Value>, doc: &TraceDocument) -> Result<View, ViewError> {
        let fields = match value {
            None | Some(Value::Null) => return Ok(View::default()),
            Some(Value::Object(fields)) => fields,
            Some(_) => {
                return Err(ViewError {
                    field: "view".into(),
                    message: "view must be an object like {\"t0_ns\": 0, \"t1_ns\": 1000000}"
                        .into(),
                })
            }
        };
        let mut view = View::default();
        for (name, value) in fields {
            match name.as_str() {
                "t0_ns" => view.t0_ns = time(name, value)?,
                "t1_ns" => view.t1_ns = time(name, value)?,
                "lane" => view.lane = lane(value, doc)?,
                "theme" => view.theme = theme(value)?,
                _ => {
                    return Err(ViewError::new(
                        name,
                        format!(
                            "unknown view field view.{name}; a view has t0_ns, t1_ns, lane and \
                             theme"
                        ),
                    ))
                }
            }
        }
        if let (Some(t0), Some(t1)) = (view.t0_ns, view.t1_ns) {
            if t1 <= t0 {
                return Err(ViewError::new(
                    "t1_ns",
                    format!("view.t1_ns ({t1}) must be later than view.t0_ns ({t0})"),
                ));
            }
        }
        Ok(view)
    }

    /// The view as JSON, with only the parts that are set.
    pub fn to_value(&self) -> Value {
        let mut fields = Map::new();
        if let Some(t0) = self.t0_ns {
            fields.insert("t0_ns".into(), t0.into());
        }
        if let Some(t1) = self.t1_ns {
            fields.insert("t1_ns".into(), t1.into());
        }
        if let Some(lane) = &self.lane {
            fields.insert("lane".into(), lane.as_str().into());
        }
        if let Some(theme) = self.theme {
            fields.insert("theme".into(), theme.as_str().into());
        }
        Value::Object(fields)
    }

    /// The view as stored: [`View::to_value`] read back by [`View::from_stored`].
    pub fn from_stored(value: &Value) -> View {
        let time = |name: &str| value.get(name).and_then(Value::as_u64);
        View {
            t0_ns: time("t0_ns"),
            t1_ns: time("t1_ns"),
            lane: value.get("lane").and_then(Value::as_str).map(String::from),
            theme: value
                .get("theme")
                .and_then(Value::as_str)
                .and_then(Theme::from_name),
        }
    }
}

fn time(name: &str, value: &Value) -> Result<Option<u64>, ViewError> {
    match value {
        Value::Null => Ok(None),
        _ => value.as_u64().map(Some).ok_or_else(|| {
            ViewError::new(
                name,
                format!(
                    "view.{name} must be a whole number of nanoseconds, 0 or more (got {value})"
                ),
            )
        }),
    }
}

fn lane(value: &Value, doc: &TraceDocument) -> Result<Option<String>, ViewError> {
    let id = match value {
        Value::Null => return Ok(None),
        Value::String(id) => id,
        _ => {
            return Err(ViewError::new(
                "lane",
                "view.lane must be a lane id like \"task-2\"",
            ))
        }
    };
    if doc
        .lanes
        .iter()
        .any(|l| doc.lane_id(l.ix).to_string() == *id)
    {
        Ok(Some(id.clone()))
    } else {
        Err(ViewError::new(
            "lane",
            format!("view.lane: the trace has no lane '{id}'"),
        ))
    }
}

fn theme(value: &Value) -> Result<Option<Theme>, ViewError> {
    if value.is_null() {
        return Ok(None);
    }
    value
        .as_str()
        .and_then(Theme::from_name)
        .map(Some)
        .ok_or_else(|| {
            ViewError::new(
                "theme",
                format!("view.theme must be \"plain\", \"chess\" or \"bakery\" (got {value})"),
            )
        })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::trace::document::RunMeta;
    use crate::trace::event::{Event, EventKind, LaneKind};

    fn doc_with_task() -> TraceDocument {
        let lane = |lane, kind, name: &str| Event {
            seq: u64::from(lane) + 1,
            t_ns: 0,
            lane,
            kind: EventKind::Lane {
                kind,
                name: name.into(),
                detail: None,
                parent: None,
                pid: 1,
            },
        };
        let events = [
            lane(0, LaneKind::EventLoop, "event loop"),
            lane(1, LaneKind::Task, "Task-1"),
        ];
        let meta = RunMeta {
            id: "r".into(),
            scenario: None,
            source: String::new(),
        };
        TraceDocument::build(meta, &events, None)
    }

    fn field_of(value: Value) -> String {
        View::from_value(Some(&value), &doc_with_task())
            .expect_err("the view is refused")
            .field
    }

    #[test]
    fn a_full_view_round_trips() {
        let value = json!({"t0_ns": 5, "t1_ns": 900, "lane": "task-1", "theme": "chess"});
        let view = View::from_value(Some(&value), &doc_with_task()).expect("a valid view");
        assert_eq!(view.theme, Some(Theme::Chess));
        assert_eq!(view.to_value(), value);
        assert_eq!(View::from_stored(&view.to_value()), view);
    }

    #[test]
    fn absent_and_empty_views_are_the_default() {
        let doc = doc_with_task();
        assert_eq!(View::from_value(None, &doc), Ok(View::default()));
        assert_eq!(
            View::from_value(Some(&json!({})), &doc),
            Ok(View::default())
        );
        assert_eq!(View::default().to_value(), json!({}));
    }

    #[test]
    fn bad_fields_are_named() {
        assert_eq!(field_of(json!({"t0_ns": -1})), "view.t0_ns");
        assert_eq!(field_of(json!({"t0_ns": 1.5})), "view.t0_ns");
        assert_eq!(field_of(json!({"t0_ns": 10, "t1_ns": 10})), "view.t1_ns");
        assert_eq!(field_of(json!({"lane": "task-9"})), "view.lane");
        assert_eq!(field_of(json!({"lane": 1})), "view.lane");
        assert_eq!(field_of(json!({"theme": "neon"})), "view.theme");
        assert_eq!(field_of(json!({"zoom": 2})), "view.zoom");
        assert_eq!(field_of(json!([1])), "view");
    }
}
