//! The live event stream of a run (`GET /api/runs/{id}/events`), as server-sent events.
//!
//! Each `batch` message carries the events appended since the last one, at most
//! [`MAX_BATCH`] at a time, with `id:` set to the last sequence number in it. A client resumes
//! after that number with the `Last-Event-ID` header or `?since=`; without either it gets the
//! whole run from the start. While the run is live and no batch has gone out for
//! [`HEARTBEAT`], a `tick` message (no `id:`) carries the run's current time, so a client's
//! clock and open spans keep moving while a task holds the loop and nothing is recorded. Once
//! every event has been sent and the run is over, one `end` message carries the status,
//! duration, error and summary, and the stream closes. The stream is pulled by the connection,
//! so a slow client slows only its own reads, never the run.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use serde::Deserialize;
use tokio::sync::watch;
use tokio::time::Instant;

use super::api::find_run;
use super::error::AppError;
use super::runs::RunEntry;
use super::AppState;
use crate::record::log::LogSlice;
use crate::trace::document::{error_json, summary_json};
use crate::trace::event::RunEnd;
use crate::trace::wire::{self, write_u64, Object};

/// The most events sent in one message: large enough to stream millions of events a second,
/// small enough that a client can draw each batch within a frame.
pub const MAX_BATCH: usize = 8_192;

/// While a run is live, a `tick` is sent after this long without a batch. It also keeps the
/// connection from looking idle to proxies.
pub const HEARTBEAT: Duration = Duration::from_millis(50);

#[derive(Debug, Deserialize)]
pub struct EventsQuery {
    since: Option<String>,
}

/// `GET /api/runs/{id}/events`.
pub async fn runs_events(
    State(state): State<AppState>,
    Path(id): Path<String>,
    query: Result<Query<EventsQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let entry = find_run(&state, &id)?;
    let query = query.map_err(|rejection| AppError::bad_request(rejection.body_text()))?;
    let after = resume_point(&headers, query.since.as_deref())?;
    let events = EventStream {
        entry,
        after,
        shutdown: state.shutdown_signal(),
        ended: false,
        last_sent: Instant::now(),
    };
    let body = Body::from_stream(stream::unfold(events, |mut events| async move {
        let message = events.next_message().await?;
        Some((Ok::<_, Infallible>(Bytes::from(message)), events))
    }));
    Ok((
        [
            (header::CONTENT_TYPE, "text/event-stream"),
            (header::CACHE_CONTROL, "no-cache"),
            (header::HeaderName::from_static("x-accel-buffering"), "no"),
        ],
        body,
    )
        .into_response())
}

/// Where to resume: `Last-Event-ID` wins over `?since=`, because a browser reconnecting on its
/// own repeats the original URL (with its `since`) but sends the id it got up to.
fn resume_point(headers: &HeaderMap, since: Option<&str>) -> Result<u64, AppError> {
    if let Some(value) = headers.get("last-event-id") {
        let text = value.to_str().unwrap_or("");
        return parse_seq(text, "Last-Event-ID");
    }
    since.map_or(Ok(0), |since| parse_seq(since, "since"))
}

fn parse_seq(text: &str, field: &str) -> Result<u64, AppError> {
    text.trim().parse().map_err(|_| {
        AppError::bad_field(
            field,
            format!("{field} must be a sequence number like 57 (got '{text}')"),
        )
    })
}

/// One client's position in one run's log.
struct EventStream {
    entry: Arc<RunEntry>,
    /// The last sequence number sent.
    after: u64,
    shutdown: watch::Receiver<bool>,
    ended: bool,
    /// When the last batch or tick went out.
    last_sent: Instant,
}

impl EventStream {
    /// The next SSE message, or `None` when the stream is over.
    async fn next_message(&mut self) -> Option<String> {
        while !self.ended && !*self.shutdown.borrow() {
            let slice = self.entry.log.read_after(self.after, MAX_BATCH);
            if let Some(last_seq) = slice.last_seq() {
                self.after = last_seq;
                self.last_sent = Instant::now();
                return Some(batch_message(&slice, last_seq));
            }
            if let Some(end) = slice.end() {
                self.ended = true;
                return Some(self.end_message(end.clone()).await);
            }
            let heartbeat = self.last_sent + HEARTBEAT;
            let quiet = tokio::select! {
                () = self.entry.log.wait_beyond(self.after) => false,
                _ = self.shutdown.wait_for(|down| *down) => false,
                () = tokio::time::sleep_until(heartbeat) => true,
            };
            if quiet {
                return Some(self.tick_message());
            }
        }
        None
    }

    /// `event: tick`, `data: {"t_ns": <run time now>}`: no events, so no `id:`.
    fn tick_message(&mut self) -> String {
        self.last_sent = Instant::now();
        let mut message = String::from("event: tick\ndata: {\"t_ns\":");
        write_u64(&mut message, self.entry.elapsed_ns());
        message.push_str("}\n\n");
        message
    }

    async fn end_message(&self, end: RunEnd) -> String {
        let entry = Arc::clone(&self.entry);
        let run_end = end.clone();
        let summary = match tokio::task::spawn_blocking(move || entry.final_summary(&run_end)).await
        {
            Ok(summary) => summary_json(&summary),
            Err(error) => {
                tracing::error!(%error, "summarising a finished run failed");
                "null".to_string()
            }
        };
        let mut data = String::new();
        write_end(&mut data, &end, &summary);
        let mut message = String::with_capacity(data.len() + 32);
        message.push_str("event: end\nid: ");
        write_u64(&mut message, self.after);
        message.push_str("\ndata: ");
        message.push_str(&data);
        message.push_str("\n\n");
        message
    }
}

fn write_end(out: &mut String, end: &RunEnd, summary: &str) {
    let mut obj = Object::open(out);
    obj.str("status", end.status.as_str());
    obj.u64("duration_ns", end.duration_ns);
    match &end.error {
        Some(error) => obj.raw("error", &error_json(error)),
        None => obj.null("error"),
    }
    obj.raw("summary", summary);
    obj.close();
}

/// `event: batch`, `id: <last seq>`, `data: {"events":[...]}`. Event JSON never contains a raw
/// newline (strings are escaped), so the data fits on one `data:` line.
fn batch_message(slice: &LogSlice, last_seq: u64) -> String {
    let mut message = String::with_capacity(64 + slice.len() * 112);
    message.push_str("event: batch\nid: ");
    write_u64(&mut message, last_seq);
    message.push_str("\ndata: {\"events\":");
    wire::write_events(&mut message, slice.iter(), slice.lanes());
    message.push_str("}\n\n");
    message
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    #[test]
    fn last_event_id_wins_over_since() {
        let mut headers = HeaderMap::new();
        assert_eq!(resume_point(&headers, None).ok(), Some(0));
        assert_eq!(resume_point(&headers, Some("12")).ok(), Some(12));
        headers.insert("last-event-id", HeaderValue::from_static("57"));
        assert_eq!(resume_point(&headers, Some("12")).ok(), Some(57));
    }

    #[test]
    fn bad_resume_points_name_their_source() {
        let mut headers = HeaderMap::new();
        let Err(AppError::BadRequest { field, .. }) = resume_point(&headers, Some("x")) else {
            panic!("expected a bad request");
        };
        assert_eq!(field.as_deref(), Some("since"));
        headers.insert("last-event-id", HeaderValue::from_static("-1"));
        let Err(AppError::BadRequest { field, .. }) = resume_point(&headers, None) else {
            panic!("expected a bad request");
        };
        assert_eq!(field.as_deref(), Some("Last-Event-ID"));
    }
}
