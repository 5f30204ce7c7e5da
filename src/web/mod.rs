//! The HTTP server: router, shared state, graceful shutdown and the page.
//!
//! | route | handler |
//! |---|---|
//! | `GET /` | [`pages_index`]: the catalog and playground page |
//! | `GET /static/{path}` | [`assets::static_file`]: the front end, embedded in the binary |
//! | `GET /api/scenarios` | [`api::scenarios_index`] |
//! | `POST /api/runs` | [`api::runs_create`] |
//! | `GET /api/runs/{id}` | [`api::runs_show`]: the trace document |
//! | `POST /api/runs/{id}/cancel` | [`api::runs_cancel`]: stop a live run |
//! | `GET /api/runs/{id}/events` | [`sse::runs_events`]: the live event stream |
//!
//! Shutting down stops accepting connections, ends every open event stream and cancels the runs
//! still going, so the process exits promptly.

pub mod api;
pub mod assets;
pub mod error;
pub mod runs;
pub mod sse;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use askama::Template;
use askama_web::WebTemplate;
use axum::routing::{get, post};
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower_http::trace::TraceLayer;

use self::error::AppError;
use self::runs::{Retention, Runs};

/// What the server allows a run to use.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The largest `options.time_limit_s` a client may ask for.
    pub max_time_limit: Duration,
    /// Runs executing at once; more are refused with 503 until one ends.
    pub max_running: usize,
    /// The largest scenario source accepted, in bytes.
    pub max_source_bytes: usize,
    pub retention: Retention,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_time_limit: Duration::from_secs(120),
            max_running: 8,
            max_source_bytes: 256 * 1024,
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
    shutdown: watch::Sender<bool>,
}

impl AppState {
    pub fn new(limits: Limits) -> Self {
        AppState {
            inner: Arc::new(Shared {
                runs: Runs::new(limits.retention),
                limits,
                shutdown: watch::Sender::new(false),
            }),
        }
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
        .route("/", get(pages_index))
        .route("/static/{*path}", get(assets::static_file))
        .route("/api/scenarios", get(api::scenarios_index))
        .route("/api/runs", post(api::runs_create))
        .route("/api/runs/{id}", get(api::runs_show))
        .route("/api/runs/{id}/cancel", post(api::runs_cancel))
        .route("/api/runs/{id}/events", get(sse::runs_events))
        .fallback(not_found)
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

/// The catalog and playground page (`templates/index.html`).
#[derive(Template, WebTemplate)]
#[template(path = "index.html")]
pub struct IndexPage {
    pub version: &'static str,
}

pub async fn pages_index() -> IndexPage {
    IndexPage {
        version: env!("CARGO_PKG_VERSION"),
    }
}

async fn not_found() -> AppError {
    AppError::NotFound("no such page".into())
}
