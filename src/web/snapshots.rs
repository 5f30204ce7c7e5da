//! The snapshot API: save a finished run, or an uploaded trace document, with the view to open
//! it at; read a saved one back.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::api::{find_run, with_document};
use super::download;
use super::error::AppError;
use super::pages::{with_store, IMMUTABLE};
use super::AppState;
use crate::store::view::{View, ViewError};
use crate::store::SnapshotCard;
use crate::trace::document::TraceDocument;
use crate::trace::import::{self, ImportError};
use crate::trace::wire::Object;

/// `POST /api/snapshots`: `{"run": id, "view": {...}}` saves a finished run,
/// `{"trace": document, "view": {...}}` an uploaded trace document. Answers 201 with the id
/// and the link; 404 for an unknown run, 409 for one still running, 400 naming a bad field,
/// 507 when the database is full.
pub async fn snapshots_create(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, AppError> {
    let body = body?;
    // An uploaded trace can be tens of megabytes: parsed off the async threads.
    let value: Value = tokio::task::spawn_blocking(move || serde_json::from_slice(&body))
        .await
        .map_err(|e| AppError::Internal(format!("parsing a snapshot request failed: {e}")))?
        .map_err(|e| AppError::bad_request(format!("the body is not valid JSON: {e}")))?;
    let Value::Object(mut fields) = value else {
        return Err(AppError::bad_request(
            "the body must be a JSON object like {\"run\": \"r5k2x9q0m1z\", \"view\": {}}",
        ));
    };
    if let Some(name) = fields
        .keys()
        .find(|name| !["run", "trace", "view"].contains(&name.as_str()))
    {
        return Err(AppError::bad_field(
            name,
            format!("unknown field {name}; a snapshot has run or trace, and view"),
        ));
    }
    let view = fields.remove("view");
    let card = match (fields.remove("run"), fields.remove("trace")) {
        (Some(run), None) => save_run(&state, &run, view).await?,
        (None, Some(trace)) => save_upload(&state, trace, view).await?,
        (Some(_), Some(_)) => {
            return Err(AppError::bad_request(
                "give either a run id (\"run\") or a trace document (\"trace\"), not both",
            ))
        }
        (None, None) => {
            return Err(AppError::bad_request(
                "give a run id (\"run\") or a trace document (\"trace\") to save",
            ))
        }
    };
    Ok(created(&card))
}

async fn save_run(
    state: &AppState,
    run: &Value,
    view: Option<Value>,
) -> Result<SnapshotCard, AppError> {
    let id = run
        .as_str()
        .ok_or_else(|| AppError::bad_field("run", "run must be a run id (a string)"))?;
    let entry = find_run(state, id)?;
    if entry.is_running() {
        return Err(AppError::Conflict(format!(
            "run '{id}' is still running; it can be shared once it has ended"
        )));
    }
    let store = Arc::clone(state.store());
    with_document(entry, move |doc| {
        let view = read_view(view.as_ref(), doc)?;
        Ok(store.save(doc, &view)?)
    })
    .await?
}

async fn save_upload(
    state: &AppState,
    trace: Value,
    view: Option<Value>,
) -> Result<SnapshotCard, AppError> {
    with_store(state, move |store| {
        let doc = import::document_from_value(&trace).map_err(refused_trace)?;
        let view = read_view(view.as_ref(), &doc)?;
        Ok(store.save(&doc, &view)?)
    })
    .await
}

fn read_view(value: Option<&Value>, doc: &TraceDocument) -> Result<View, AppError> {
    View::from_value(value, doc)
        .map_err(|ViewError { field, message }| AppError::bad_field(&field, message))
}

/// An upload refused by the importer, its field placed under `trace`.
fn refused_trace(error: ImportError) -> AppError {
    let field = match &error.field {
        Some(path) if path.starts_with('[') => format!("trace{path}"),
        Some(path) => format!("trace.{path}"),
        None => "trace".to_string(),
    };
    AppError::bad_field(
        &field,
        format!("the trace document is refused: {}", error.message),
    )
}

fn created(card: &SnapshotCard) -> Response {
    let api_url = format!("/api/snapshots/{}", card.id);
    let body = json!({ "id": card.id, "url": format!("/s/{}", card.id) });
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(location) = HeaderValue::from_str(&api_url) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// `GET /api/snapshots/{id}`: `{"id", "created_at", "view", "trace"}`, the trace exactly as
/// `GET /api/runs/{id}` gave it, sent in pieces as it is written.
pub async fn snapshots_show(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let lookup = id.clone();
    let snapshot = with_store(&state, move |store| Ok(store.load(&lookup)?))
        .await?
        .ok_or_else(|| AppError::NotFound(format!("there is no snapshot '{id}'")))?;
    Ok(download::json_in_pieces(
        [(header::CACHE_CONTROL, IMMUTABLE.to_string())],
        move |out, piece| {
            let mut obj = Object::open(out);
            obj.str("id", &snapshot.card.id);
            obj.u64(
                "created_at",
                u64::try_from(snapshot.card.created_at).unwrap_or(0),
            );
            obj.raw("view", &snapshot.card.view.to_value().to_string());
            snapshot.document.write_json(obj.field("trace"), piece);
            obj.close();
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_uploads_name_the_field_under_trace() {
        let error = |field: Option<&str>| ImportError {
            field: field.map(String::from),
            message: "bad".into(),
        };
        let field_of = |e: AppError| match e {
            AppError::BadRequest { field, .. } => field,
            other => panic!("expected a bad request, got {other:?}"),
        };
        assert_eq!(
            field_of(refused_trace(error(Some("spans[3].end_ns")))).as_deref(),
            Some("trace.spans[3].end_ns")
        );
        assert_eq!(
            field_of(refused_trace(error(None))).as_deref(),
            Some("trace")
        );
    }
}
