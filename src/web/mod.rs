//! The HTTP server: router, shared state, graceful shutdown and the page.
//!
//! | route | handler |
//! |---|---|
//! | `GET /` | [`pages::pages_index`]: the catalog and playground page |
//! | `GET /s/{id}` | [`pages::pages_snapshot`]: a shared run, read-only, with `og:` tags |
//! | `GET /s/{id}/document.json` | [`pages::snapshot_document`]: its trace document, as a download |
//! | `GET /s/{id}/trace.json` | [`pages::snapshot_chrome_trace`]: its Chrome trace, as a download |
//! | `GET /s/{id}/preview.svg` | [`pages::snapshot_preview_svg`]: the picture its link unfurls with |
//! | `GET /s/{id}/preview.png` | [`pages::snapshot_preview_png`]: the same picture as PNG |
//! | `GET /compare/{a}/{b}` | [`pages::pages_compare`]: two shared runs on one time axis |
//! | `GET /static/{path}` | [`assets::static_file`]: the front end, embedded in the binary |
//! | `GET /api/scenarios` | [`api::scenarios_index`] |
//! | `GET /api/comparisons` | [`api::comparisons_index`]: the built-in comparison pairs |
//! | `POST /api/runs` | [`api::runs_create`] |
//! | `GET /api/runs/{id}` | [`api::runs_show`]: the trace document |
//! | `GET /api/runs/{id}/trace.json` | [`api::runs_chrome_trace`]: a finished run as a Chrome trace download |
//! | `POST /api/runs/{id}/cancel` | [`api::runs_cancel`]: stop a live run |
//! | `GET /api/runs/{id}/events` | [`sse::runs_events`]: the live event stream |
//! | `POST /api/snapshots` | [`snapshots::snapshots_create`]: save a finished run or an uploaded trace |
//! | `GET /api/snapshots/{id}` | [`snapshots::snapshots_show`]: a saved snapshot with its trace |
//!
//! An unknown snapshot answers a 404 page under `/s/` and `/compare/`, JSON under `/api/`.
//!
//! Shutting down stops accepting connections, ends every open event stream and cancels the runs
//! still going, so the process exits promptly.

pub mod api;
pub mod assets;
pub mod download;
pub mod error;
pub mod pages;
pub mod preview;
pub mod runs;
pub mod snapshots;
pub mod sse;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

use self::error::AppError;
use self::runs::{Retention, Runs};
use crate::store::Store;

/// What the server allows a run to use.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The largest `options.time_limit_s` a client may ask for.
    pub max_time_limit: Duration,
    /// Runs executing at once; more are refused with 503 until one ends.
    pub max_running: usize,
    /// The largest scenario source accepted, in bytes.
    pub max_source_bytes: usize,
    /// The largest request body accepted when a trace document is uploaded, in bytes.
    pub max_upload_bytes: usize,
    pub retention: Retention,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_time_limit: Duration::from_secs(120),
            max_running: 8,
            max_source_bytes: 256 * 1024,
            max_upload_bytes: 64 * 1024 * 1024,
            retention: Retention::default(),
        }
    }
}

/// State shared by every handler.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Shared>,
}

struct Shared {
    runs: Runs,
    limits: Limits,
    store: Arc<Store>,
    shutdown: watch::Sender<bool>,
}

impl AppState {
    /// State whose snapshots live in memory only, gone when the process ends.
    pub fn new(limits: Limits) -> Self {
        // SQLite opens an in-memory database unless memory itself has run out.
        let store = Store::in_memory().expect("an in-memory snapshot database opens");
        AppState::with_store(limits, store)
    }

    /// State whose snapshots are saved in `store`.
    pub fn with_store(limits: Limits, store: Store) -> Self {
        AppState {
            inner: Arc::new(Shared {
                runs: Runs::new(limits.retention),
                limits,
                store: Arc::new(store),
                shutdown: watch::Sender::new(false),
            }),
        }
    }

    /// The snapshot database. Its calls block: use them from `spawn_blocking`.
    pub fn store(&self) -> &Arc<Store> {
        &self.inner.store
    }

    pub fn runs(&self) -> &Runs {
        &self.inner.runs
    }

    pub fn limits(&self) -> &Limits {
        &self.inner.limits
    }

    /// Ends open event streams, refuses new runs and cancels the runs still going.
    pub fn shut_down(&self) {
        self.inner.shutdown.send_replace(true);
        self.inner.runs.cancel_all();
    }

    pub fn is_shutting_down(&self) -> bool {
        *self.inner.shutdown.borrow()
    }

    /// A receiver that sees `true` once shutdown has begun.
    pub fn shutdown_signal(&self) -> watch::Receiver<bool> {
        self.inner.shutdown.subscribe()
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new(Limits::default())
    }
}

/// The router with every route of the server.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::pages_index))
        .route("/s/{id}", get(pages::pages_snapshot))
        .route("/s/{id}/document.json", get(pages::snapshot_document))
        .route("/s/{id}/trace.json", get(pages::snapshot_chrome_trace))
        .route("/s/{id}/preview.svg", get(pages::snapshot_preview_svg))
        .route("/s/{id}/preview.png", get(pages::snapshot_preview_png))
        .route("/compare/{left}/{right}", get(pages::pages_compare))
        .route("/static/{*path}", get(assets::static_file))
        .route("/api/scenarios", get(api::scenarios_index))
        .route("/api/comparisons", get(api::comparisons_index))
        .route("/api/runs", post(api::runs_create))
        .route("/api/runs/{id}", get(api::runs_show))
        .route("/api/runs/{id}/trace.json", get(api::runs_chrome_trace))
        .route("/api/runs/{id}/cancel", post(api::runs_cancel))
        .route("/api/runs/{id}/events", get(sse::runs_events))
        .route(
            "/api/snapshots",
            post(snapshots::snapshots_create)
                .layer(DefaultBodyLimit::max(state.limits().max_upload_bytes)),
        )
        .route("/api/snapshots/{id}", get(snapshots::snapshots_show))
        .fallback(not_found)
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Serves [`app`] on `listener` until `shutdown` resolves, then shuts down gracefully: open
/// event streams end, running scenarios are cancelled, and in-flight requests complete.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let router = app(state.clone());
    let signal = async move {
        shutdown.await;
        state.shut_down();
    };
    axum::serve(listener, router)
        .with_graceful_shutdown(signal)
        .await
}

async fn not_found() -> AppError {
    AppError::NotFound("no such page".into())
}
