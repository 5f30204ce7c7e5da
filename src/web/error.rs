//! The one error type of the HTTP surface, answered as `{"error": {kind, message, line, column}}`.
//!
//! Client mistakes say exactly what to fix (the line and column of a syntax error, the name of a
//! bad field). Server faults are logged in full and answered with a generic message, so nothing
//! about the server's insides reaches the client.

use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::lang::SyntaxError;
use crate::store::StoreError;

#[derive(Debug)]
pub enum AppError {
    /// The scenario does not parse, or uses a construct outside the supported subset.
    Syntax(SyntaxError),
    /// The request is malformed; `field` names the offending field when there is one.
    BadRequest {
        field: Option<String>,
        message: String,
    },
    /// No such run, scenario or page.
    NotFound(String),
    /// The request does not fit the resource's state (e.g. cancelling a run that has ended).
    Conflict(String),
    /// The request came from a page this server does not serve.
    Forbidden(String),
    /// The request names a host this server does not answer to.
    Misdirected(String),
    /// The request's body is larger than allowed.
    TooLarge(String),
    /// The request's body is not JSON.
    UnsupportedMediaType(String),
    /// The server cannot take the request now (too many runs, or shutting down).
    Unavailable(String),
    /// The snapshot database has no room left; nothing was saved.
    StorageFull(String),
    /// A fault on our side; the message is logged, never sent.
    Internal(String),
}

impl AppError {
    pub fn bad_request(message: impl Into<String>) -> Self {
        AppError::BadRequest {
            field: None,
            message: message.into(),
        }
    }

    /// A bad value in `field` (a dotted path such as `options.time_limit_s`).
    pub fn bad_field(field: &str, message: impl Into<String>) -> Self {
        AppError::BadRequest {
            field: Some(field.to_string()),
            message: message.into(),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Syntax(_) | AppError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Misdirected(_) => StatusCode::MISDIRECTED_REQUEST,
            AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::StorageFull(_) => StatusCode::INSUFFICIENT_STORAGE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// A full database is the one store failure the client hears about; the rest are ours.
impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Full | StoreError::TooBig { .. } => {
                AppError::StorageFull(error.to_string())
            }
            other => AppError::Internal(other.to_string()),
        }
    }
}

/// A body that could not be read: too large (413), or broken (400).
impl From<BytesRejection> for AppError {
    fn from(rejection: BytesRejection) -> Self {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::TooLarge(format!(
                "the request body is larger than this server accepts here ({})",
                rejection.body_text()
            ))
        } else {
            AppError::bad_request(rejection.body_text())
        }
    }
}

impl From<SyntaxError> for AppError {
    fn from(error: SyntaxError) -> Self {
        AppError::Syntax(error)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = match self {
            AppError::Syntax(error) => json!({
                "kind": error.kind,
                "message": error.message,
                "line": error.line,
                "column": error.column,
            }),
            AppError::BadRequest { field, message } => json!({
                "kind": "bad_request",
                "message": message,
                "field": field,
                "line": null,
                "column": null,
            }),
            AppError::NotFound(message) => plain("not_found", &message),
            AppError::Conflict(message) => plain("conflict", &message),
            AppError::Forbidden(message) => plain("forbidden", &message),
            AppError::Misdirected(message) => plain("misdirected", &message),
            AppError::TooLarge(message) => plain("too_large", &message),
            AppError::UnsupportedMediaType(message) => plain("unsupported_media_type", &message),
            AppError::Unavailable(message) => plain("unavailable", &message),
            AppError::StorageFull(message) => plain("storage_full", &message),
            AppError::Internal(detail) => {
                tracing::error!(%detail, "internal error while answering a request");
                plain("internal", "internal server error")
            }
        };
        (status, Json(json!({ "error": body }))).into_response()
    }
}

fn plain(kind: &str, message: &str) -> serde_json::Value {
    json!({ "kind": kind, "message": message, "line": null, "column": null })
}

#[cfg(test)]
mod tests {
    use axum::body::to_bytes;
    use serde_json::Value;

    use super::*;

    async fn render(error: AppError) -> (StatusCode, Value) {
        let response = error.into_response();
        let status = response.status();
        let bytes = to_bytes(response.into_body(), 1 << 16).await.expect("body");
        (status, serde_json::from_slice(&bytes).expect("JSON body"))
    }

    #[tokio::test]
    async fn syntax_errors_carry_their_position() {
        let error = SyntaxError {
            kind: "unsupported",
            message: "`match` is not supported in scenarios yet".into(),
            line: 12,
            column: 1,
        };
        let (status, body) = render(AppError::from(error)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(
            body,
            json!({"error": {"kind": "unsupported",
                             "message": "`match` is not supported in scenarios yet",
                             "line": 12, "column": 1}})
        );
    }

    #[tokio::test]
    async fn bad_fields_are_named() {
        let error = AppError::bad_field("options.time_limit_s", "too long");
        let (status, body) = render(error).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(body["error"]["field"], "options.time_limit_s");
        assert_eq!(body["error"]["kind"], "bad_request");
    }

    #[tokio::test]
    async fn internal_errors_do_not_leak_details() {
        let error = AppError::Internal("thread panicked at src/secret.rs:1".into());
        let (status, body) = render(error).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(body["error"]["message"], "internal server error");
        assert!(!body.to_string().contains("secret"));
    }

    #[tokio::test]
    async fn a_full_store_is_507_and_other_store_faults_stay_private() {
        let (status, body) = render(AppError::from(StoreError::Full)).await;
        assert_eq!(status, StatusCode::INSUFFICIENT_STORAGE);
        assert_eq!(body["error"]["kind"], "storage_full");
        assert!(body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("full")));
        let open = StoreError::Open {
            path: "/secret/interleave.db".into(),
            reason: "denied".into(),
        };
        let (status, body) = render(AppError::from(open)).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!body.to_string().contains("secret"));
    }

    #[tokio::test]
    async fn not_found_is_404() {
        let (status, body) = render(AppError::NotFound("no run 'x'".into())).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(body["error"]["kind"], "not_found");
    }
}
