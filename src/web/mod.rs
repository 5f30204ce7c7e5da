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
pub mod edge;
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
use axum::http::StatusCode;
use axum::middleware;
use axum::routing::{get, post};
use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};
use tower_http::trace::TraceLayer;

pub use self::edge::Access;
use self::error::AppError;
use self::runs::{Retention, Runs};
use crate::store::Store;

/// What the server allows its clients and their runs.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The largest `options.time_limit_s` a client may ask for.
    pub max_time_limit: Duration,
    /// Runs executing at once; more are refused with 503 until one ends.
    pub max_running: usize,
    /// The largest scenario source accepted, in bytes.
    pub max_source_bytes: usize,
    /// The largest body of `POST /api/runs`, in bytes (413 past it).
    pub max_run_request_bytes: usize,
    /// The largest request body accepted when a trace document is uploaded, in bytes.
    pub max_upload_bytes: usize,
    pub retention: Retention,
    /// Connections open at once; past them new connections wait to be accepted.
    pub max_connections: usize,
    /// How long a client has to send a request's headers (and, between requests, the next
    /// one's) before its connection is closed.
    pub header_timeout: Duration,
    /// How long a client has to send a request's body.
    pub body_timeout: Duration,
    /// How long a handler may take before the request is answered 503.
    pub handler_timeout: Duration,
    /// The hosts requests may name and the origins POSTs may come from.
    pub access: Access,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_time_limit: Duration::from_secs(120),
            max_running: 8,
            max_source_bytes: 256 * 1024,
            max_run_request_bytes: 1 << 20,
            max_upload_bytes: 64 * 1024 * 1024,
            retention: Retention::default(),
            max_connections: 1024,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(60),
            handler_timeout: Duration::from_secs(60),
            access: Access::default(),
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
    let limits = state.limits().clone();
    let body_limit = |bytes: usize| {
        ServiceBuilder::new()
            .layer(DefaultBodyLimit::disable())
            .layer(RequestBodyLimitLayer::new(bytes))
    };
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
        .route(
            "/api/runs",
            post(api::runs_create).layer(body_limit(limits.max_run_request_bytes)),
        )
        .route("/api/runs/{id}", get(api::runs_show))
        .route("/api/runs/{id}/trace.json", get(api::runs_chrome_trace))
        .route("/api/runs/{id}/cancel", post(api::runs_cancel))
        .route("/api/runs/{id}/events", get(sse::runs_events))
        .route(
            "/api/snapshots",
            post(snapshots::snapshots_create).layer(body_limit(limits.max_upload_bytes)),
        )
        .route("/api/snapshots/{id}", get(snapshots::snapshots_show))
        .fallback(not_found)
        .layer(
            ServiceBuilder::new()
                .layer(TraceLayer::new_for_http())
                .layer(middleware::from_fn_with_state(state.clone(), edge::guard))
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::SERVICE_UNAVAILABLE,
                    limits.handler_timeout,
                ))
                .layer(RequestBodyTimeoutLayer::new(limits.body_timeout))
                .layer(CompressionLayer::new()),
        )
        .with_state(state)
}

/// Serves [`app`] on `listener` until `shutdown` resolves, then shuts down gracefully: open
/// event streams end, running scenarios are cancelled, and in-flight requests complete.
///
/// Each connection is served by hyper with a deadline for its request headers, so a client that
/// opens connections and never finishes a request cannot hold them; at most
/// [`Limits::max_connections`] are open at once, and past that new ones wait in the listen
/// queue rather than take the server's last file descriptors.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let router = app(state.clone());
    let limits = state.limits().clone();
    let open = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = open.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) => {
                    // Out of descriptors, say: wait a moment rather than spin.
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(router.clone());
        let connection = http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    state.shut_down();
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(SHUTDOWN_GRACE) => {
            tracing::warn!("connections still open at shutdown were dropped");
        }
    }
    Ok(())
}

/// How long accepting waits after an error before it tries again.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);
/// How long shutting down waits for requests in flight.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

async fn not_found() -> AppError {
    AppError::NotFound("no such page".into())
}
