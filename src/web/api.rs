//! JSON handlers: the scenario catalog, starting and cancelling a run, and a run's trace document.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

use super::download;
use super::error::AppError;
use super::runs::RunEntry;
use super::{AppState, Limits};
use crate::catalog;
use crate::catalog::comparisons::Comparison;
use crate::exec::{self, RunOptions, StartError};
use crate::record::log::RunLog;
use crate::trace::document::TraceDocument;

/// `GET /api/scenarios`: every built-in scenario with its source.
pub async fn scenarios_index() -> Json<Value> {
    let scenarios: Vec<Value> = catalog::all()
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "title": s.title,
                "summary": s.summary,
                "concept": s.concept,
                "notice": s.notice,
                "theme": s.theme,
                "source": s.source,
            })
        })
        .collect();
    Json(Value::Array(scenarios))
}

/// `GET /api/comparisons`: the built-in pairs of scenarios to run side by side, each naming its
/// `left` and `right` scenario by id.
pub async fn comparisons_index() -> Json<&'static [Comparison]> {
    Json(catalog::comparisons::all())
}

/// A validated `POST /api/runs` body.
struct RunRequest {
    scenario: Option<String>,
    source: String,
    options: RunOptions,
}

/// `POST /api/runs`: `{"scenario": id}` or `{"source": "..."}` (both: the source wins, the id
/// says which scenario it was edited from), with optional
/// `"options": {"time_limit_s": N, "gil": false}`.
/// Answers 201 with the run id; a scenario that does not compile answers 400 and starts nothing.
pub async fn runs_create(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, AppError> {
    let body = body?;
    let request = parse_run_request(&body, state.limits())?;
    if state.is_shutting_down() {
        return Err(AppError::Unavailable("the server is shutting down".into()));
    }
    let Some(slot) = state.runs().reserve(state.limits().max_running) else {
        return Err(AppError::Unavailable(format!(
            "{} runs are already in progress; try again when one has finished",
            state.limits().max_running
        )));
    };
    let log = RunLog::new();
    let started = {
        let log = Arc::clone(&log);
        let source = request.source.clone();
        tokio::task::spawn_blocking(move || exec::start(&source, request.options, log))
            .await
            .map_err(|e| AppError::Internal(format!("starting a run failed: {e}")))?
    };
    let handle = started.map_err(|e| match e {
        StartError::Refused(syntax) => AppError::from(syntax),
        StartError::Spawn(e) => AppError::Internal(format!("cannot start a worker process: {e}")),
    })?;
    let id = state.runs().new_id();
    let entry = state.runs().insert(
        RunEntry::new(id, request.scenario, request.source, log, handle),
        slot,
    );
    Ok(created(&entry))
}

fn created(entry: &RunEntry) -> Response {
    let trace_url = format!("/api/runs/{}", entry.id);
    let body = json!({
        "id": entry.id,
        "scenario": entry.scenario,
        "status": "running",
        "events_url": format!("{trace_url}/events"),
        "trace_url": trace_url,
    });
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(location) = HeaderValue::from_str(&trace_url) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

fn parse_run_request(body: &[u8], limits: &Limits) -> Result<RunRequest, AppError> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| AppError::bad_request(format!("the body is not valid JSON: {e}")))?;
    let Value::Object(fields) = value else {
        return Err(AppError::bad_request(
            "the body must be a JSON object like {\"scenario\": \"hello\"}",
        ));
    };
    let scenario = optional_string(&fields, "scenario")?;
    let source = match optional_string(&fields, "source")? {
        Some(source) => source,
        None => scenario_source(scenario.as_deref())?,
    };
    if source.len() > limits.max_source_bytes {
        return Err(AppError::bad_field(
            "source",
            format!(
                "source is {} bytes; the limit is {} bytes",
                source.len(),
                limits.max_source_bytes
            ),
        ));
    }
    let options = parse_options(fields.get("options"), limits)?;
    Ok(RunRequest {
        scenario,
        source,
        options,
    })
}

fn optional_string(fields: &Map<String, Value>, name: &str) -> Result<Option<String>, AppError> {
    match fields.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(AppError::bad_field(
            name,
            format!("{name} must be a string"),
        )),
    }
}

fn scenario_source(scenario: Option<&str>) -> Result<String, AppError> {
    let id = scenario.ok_or_else(|| {
        AppError::bad_request("give a scenario id (\"scenario\") or a program (\"source\")")
    })?;
    catalog::find(id)
        .map(|s| s.source.to_string())
        .ok_or_else(|| AppError::bad_field("scenario", format!("there is no scenario '{id}'")))
}

fn parse_options(options: Option<&Value>, limits: &Limits) -> Result<RunOptions, AppError> {
    let mut run_options = RunOptions::default();
    let fields = match options {
        None | Some(Value::Null) => return Ok(run_options),
        Some(Value::Object(fields)) => fields,
        Some(_) => return Err(AppError::bad_field("options", "options must be an object")),
    };
    for (name, value) in fields {
        match name.as_str() {
            "time_limit_s" => run_options.time_limit = time_limit(value, limits.max_time_limit)?,
            "gil" => {
                run_options.gil = value.as_bool().ok_or_else(|| {
                    AppError::bad_field("options.gil", "options.gil must be true or false")
                })?
            }
            _ => {
                return Err(AppError::bad_field(
                    &format!("options.{name}"),
                    format!(
                    "unknown option options.{name}; the supported options are time_limit_s and gil"
                ),
                ))
            }
        }
    }
    Ok(run_options)
}

fn time_limit(value: &Value, max: Duration) -> Result<Duration, AppError> {
    const FIELD: &str = "options.time_limit_s";
    let seconds = value.as_f64().ok_or_else(|| {
        AppError::bad_field(FIELD, format!("{FIELD} must be a number of seconds"))
    })?;
    if seconds > 0.0 && seconds <= max.as_secs_f64() {
        Ok(Duration::from_secs_f64(seconds))
    } else {
        Err(AppError::bad_field(
            FIELD,
            format!(
                "{FIELD} must be more than 0 and at most {} seconds (got {value})",
                max.as_secs_f64()
            ),
        ))
    }
}

/// `GET /api/runs/{id}`: the trace document, status `running` until the run ends, sent in
/// pieces as it is written.
pub async fn runs_show(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let entry = find_run(&state, &id)?;
    Ok(download::document(move || entry.document()))
}

/// `GET /api/runs/{id}/trace.json`: the Chrome trace of a finished run, as a download; a run
/// still going answers 409.
pub async fn runs_chrome_trace(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let entry = find_run(&state, &id)?;
    if entry.is_running() {
        return Err(AppError::Conflict(format!(
            "run '{id}' is still running; its Chrome trace can be downloaded once it has ended"
        )));
    }
    Ok(download::chrome_trace(&entry.meta(), move || {
        entry.document()
    }))
}

/// Builds the trace document of `entry` as it is now and hands it to `use_document`, both on a
/// blocking thread: a big run takes a while to fold.
pub async fn with_document<T: Send + 'static>(
    entry: Arc<RunEntry>,
    use_document: impl FnOnce(&TraceDocument) -> T + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(move || use_document(&entry.document()))
        .await
        .map_err(|e| AppError::Internal(format!("building the trace document failed: {e}")))
}

/// `POST /api/runs/{id}/cancel`: asks a live run to stop and answers 202 at once; the run then
/// ends with status `cancelled` and its event stream sends its `end`. A run that has already
/// ended answers 409 naming how it ended.
pub async fn runs_cancel(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let entry = find_run(&state, &id)?;
    if let Some(end) = entry.log.end() {
        return Err(AppError::Conflict(format!(
            "run '{id}' has already ended with status '{}'; there is nothing to cancel",
            end.status.as_str()
        )));
    }
    entry.cancel();
    let body = json!({ "id": entry.id, "status": "cancelling" });
    Ok((StatusCode::ACCEPTED, Json(body)).into_response())
}

/// The run `id`, or a 404 naming it.
pub fn find_run(state: &AppState, id: &str) -> Result<Arc<RunEntry>, AppError> {
    state.runs().get(id).ok_or_else(|| {
        AppError::NotFound(format!(
            "there is no run '{id}' (finished runs are kept for a while, then dropped)"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &str) -> Result<RunRequest, AppError> {
        parse_run_request(body.as_bytes(), &Limits::default())
    }

    fn field_of(result: Result<RunRequest, AppError>) -> Option<String> {
        match result {
            Err(AppError::BadRequest { field, .. }) => field,
            Err(other) => panic!("expected a bad request, got {other:?}"),
            Ok(_) => panic!("expected a bad request, the request was accepted"),
        }
    }

    #[test]
    fn source_with_a_time_limit() {
        let request = parse(r#"{"source": "print(1)", "options": {"time_limit_s": 1.5}}"#)
            .expect("valid request");
        assert_eq!(request.source, "print(1)");
        assert_eq!(request.scenario, None);
        assert_eq!(request.options.time_limit, Duration::from_millis(1_500));
    }

    #[test]
    fn time_limits_outside_the_range_name_the_field() {
        for limit in ["0", "-1", "121", "\"ten\""] {
            let body = format!(r#"{{"source": "pass", "options": {{"time_limit_s": {limit}}}}}"#);
            assert_eq!(
                field_of(parse(&body)).as_deref(),
                Some("options.time_limit_s")
            );
        }
        let at_max = parse(r#"{"source": "pass", "options": {"time_limit_s": 120}}"#);
        assert!(at_max.is_ok());
    }

    #[test]
    fn unknown_options_are_refused() {
        let body = r#"{"source": "pass", "options": {"time_limit": 5}}"#;
        assert_eq!(field_of(parse(body)).as_deref(), Some("options.time_limit"));
    }

    #[test]
    fn unknown_scenarios_and_empty_bodies_are_bad_requests() {
        let body = r#"{"scenario": "no-such-scenario"}"#;
        assert_eq!(field_of(parse(body)).as_deref(), Some("scenario"));
        assert_eq!(field_of(parse("{}")), None);
        assert_eq!(field_of(parse("[1]")), None);
        assert_eq!(field_of(parse("not json")), None);
        assert_eq!(
            field_of(parse(r#"{"source": 3}"#)).as_deref(),
            Some("source")
        );
    }

    #[test]
    fn oversized_sources_are_refused() {
        let big = "x".repeat(Limits::default().max_source_bytes + 1);
        let body = json!({ "source": big }).to_string();
        assert_eq!(field_of(parse(&body)).as_deref(), Some("source"));
    }
}
