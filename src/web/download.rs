//! Large JSON responses (trace documents, Chrome traces) written on a blocking thread and sent
//! in pieces as they are written: no response is ever held whole in memory, and the router's
//! compression layer compresses the pieces for clients that accept it.

use std::convert::Infallible;

use axum::body::{Body, Bytes};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

use crate::trace::chrome;
use crate::trace::document::{RunMeta, TraceDocument};
use crate::trace::wire::Pieces;

/// A piece is sent once the text written reaches this size.
const PIECE: usize = 64 << 10;
/// Pieces written ahead of the client before the writer waits.
const AHEAD: usize = 8;

/// A JSON response with `headers`, its body written by `write` on a blocking thread and sent
/// in pieces. If the client goes away, the rest is written and dropped.
pub fn json_in_pieces<const N: usize>(
    headers: [(header::HeaderName, String); N],
    write: impl FnOnce(&mut String, Pieces) + Send + 'static,
) -> Response {
    let (pieces, body) = mpsc::channel::<Result<Bytes, Infallible>>(AHEAD);
    tokio::task::spawn_blocking(move || {
        let mut out = String::with_capacity(2 * PIECE);
        let mut send = |text: &mut String| {
            if text.len() >= PIECE {
                let piece = std::mem::replace(text, String::with_capacity(2 * PIECE));
                let _ = pieces.blocking_send(Ok(Bytes::from(piece)));
            }
        };
        write(&mut out, &mut send);
        let _ = pieces.blocking_send(Ok(Bytes::from(out)));
    });
    let mut headers = headers.to_vec();
    headers.push((header::CONTENT_TYPE, "application/json".to_string()));
    let mut response = Body::from_stream(ReceiverStream::new(body)).into_response();
    for (name, value) in headers {
        if let Ok(value) = value.parse() {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

/// The trace document `document()` builds, sent in pieces, never cached.
pub fn document(document: impl FnOnce() -> TraceDocument + Send + 'static) -> Response {
    json_in_pieces(
        [(header::CACHE_CONTROL, "no-store".into())],
        move |out, piece| {
            document().write_json(out, piece);
        },
    )
}

/// The Chrome Trace Event Format file of the document `document()` builds, as a download named
/// after its scenario, or else its run: `interleave-gather.trace.json`.
pub fn chrome_trace(
    meta: &RunMeta,
    document: impl FnOnce() -> TraceDocument + Send + 'static,
) -> Response {
    // A run's scenario id is whatever the client sent: only plain names go into the header.
    let is_safe = |name: &&str| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let name = [meta.scenario.as_deref(), Some(meta.id.as_str())]
        .into_iter()
        .flatten()
        .find(is_safe)
        .unwrap_or("run");
    let disposition = format!("attachment; filename=\"interleave-{name}.trace.json\"");
    json_in_pieces(
        [
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".into()),
        ],
        move |out, piece| chrome::write_chrome_json(&document(), out, piece),
    )
}
