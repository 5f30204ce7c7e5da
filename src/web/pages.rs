//! HTML pages and the files of a shared snapshot: the playground, a shared run (`/s/{id}`), a
//! comparison of two (`/compare/{a}/{b}`), the 404 page of an unknown snapshot, and each
//! snapshot's downloads and preview pictures.
//!
//! Every page is `templates/index.html`; `data-mode` on its `<body>` tells the front end which
//! one it is, and a snapshot page carries `og:` tags so its link unfurls with a title, a
//! description and a picture.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::download;
use super::error::AppError;
use super::preview;
use super::AppState;
use crate::store::{Snapshot, SnapshotCard, Store};

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Snapshots never change, so their files can be cached for good.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Every page of the app (`templates/index.html`).
#[derive(Template, WebTemplate)]
#[template(path = "index.html")]
pub struct IndexPage {
    pub version: &'static str,
    /// `playground`, `shared` or `compare`.
    pub mode: &'static str,
    pub title: String,
    pub description: String,
    pub share: Option<ShareTags>,
    pub snapshot: Option<String>,
    pub left: Option<String>,
    pub right: Option<String>,
}

/// The `og:` tags of a page that stands for snapshots. URLs are absolute, as unfurlers want.
pub struct ShareTags {
    pub title: String,
    pub description: String,
    pub url: String,
    pub image: String,
    pub image_alt: String,
}

/// The page of an unknown snapshot (`templates/not_found.html`), answered with 404.
#[derive(Template, WebTemplate)]
#[template(path = "not_found.html")]
pub struct NotFoundPage {
    pub version: &'static str,
    pub heading: String,
    pub message: String,
}

/// Why a page or a snapshot file cannot be served.
pub enum PageError {
    /// No snapshot `id`: the 404 page.
    UnknownSnapshot(String),
    Failed(AppError),
}

impl From<AppError> for PageError {
    fn from(error: AppError) -> Self {
        PageError::Failed(error)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match self {
            PageError::UnknownSnapshot(id) => {
                let page = NotFoundPage {
                    version: VERSION,
                    heading: "This shared run does not exist".into(),
                    message: format!(
                        "There is no snapshot '{id}'. Check that the link was copied whole; a \
                         snapshot, once shared, stays at its link."
                    ),
                };
                (StatusCode::NOT_FOUND, page).into_response()
            }
            PageError::Failed(error) => error.into_response(),
        }
    }
}

/// `GET /`: the catalog and playground.
pub async fn pages_index() -> IndexPage {
    IndexPage {
        version: VERSION,
        mode: "playground",
        title: "Interleave · watch asyncio run".into(),
        description: "Run small Python asyncio programs for real and watch the event loop and \
                      every task on a live timeline."
            .into(),
        share: None,
        snapshot: None,
        left: None,
        right: None,
    }
}

/// `GET /s/{id}`: a shared run, read-only, opening at its saved view.
pub async fn pages_snapshot(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<IndexPage, PageError> {
    let card = find_card(&state, id).await?;
    let origin = origin(&headers);
    Ok(IndexPage {
        version: VERSION,
        mode: "shared",
        title: format!("{} · Interleave", card.title),
        description: card.description.clone(),
        share: Some(ShareTags {
            title: format!("{} · Interleave", card.title),
            description: card.description.clone(),
            url: format!("{origin}/s/{}", card.id),
            image: format!("{origin}/s/{}/preview.png", card.id),
            image_alt: format!("The timeline of {}", card.title),
        }),
        snapshot: Some(card.id),
        left: None,
        right: None,
    })
}

/// `GET /compare/{a}/{b}`: two shared runs on one time axis.
pub async fn pages_compare(
    State(state): State<AppState>,
    Path((left, right)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<IndexPage, PageError> {
    let left = find_card(&state, left).await?;
    let right = find_card(&state, right).await?;
    let origin = origin(&headers);
    let title = format!("{} vs {} · Interleave", left.title, right.title);
    let description = format!(
        "Two runs side by side on one time axis. Left: {}. Right: {}.",
        left.description, right.description
    );
    Ok(IndexPage {
        version: VERSION,
        mode: "compare",
        title: title.clone(),
        description: description.clone(),
        share: Some(ShareTags {
            title,
            description,
            url: format!("{origin}/compare/{}/{}", left.id, right.id),
            image: format!("{origin}/s/{}/preview.png", left.id),
            image_alt: format!("The timeline of {}", left.title),
        }),
        snapshot: None,
        left: Some(left.id),
        right: Some(right.id),
    })
}

/// `GET /s/{id}/document.json`: the trace document, as a download.
pub async fn snapshot_document(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let snapshot = with_snapshot(&state, id, |snapshot| snapshot).await?;
    let disposition = format!(
        "attachment; filename=\"interleave-{}.json\"",
        snapshot.card.id
    );
    Ok(download::json_in_pieces(
        [
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, IMMUTABLE.to_string()),
        ],
        move |out, piece| snapshot.document.write_json(out, piece),
    ))
}

/// `GET /s/{id}/trace.json`: the Chrome trace (Perfetto, speedscope), as a download.
pub async fn snapshot_chrome_trace(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let snapshot = with_snapshot(&state, id, |snapshot| snapshot).await?;
    let meta = snapshot.document.run.meta.clone();
    Ok(download::chrome_trace(&meta, move || snapshot.document))
}

/// `GET /s/{id}/preview.svg`: the picture of the timeline.
pub async fn snapshot_preview_svg(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let svg = with_snapshot(&state, id, |snapshot| preview::svg(&snapshot.document)).await?;
    Ok(image("image/svg+xml", svg))
}

/// `GET /s/{id}/preview.png`: the same picture as PNG, for the `og:image` tag.
pub async fn snapshot_preview_png(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let png = with_snapshot(&state, id, |snapshot| {
        preview::png(&preview::svg(&snapshot.document))
    })
    .await?
    .map_err(AppError::Internal)?;
    Ok(image("image/png", png))
}

fn image(content_type: &'static str, body: impl IntoResponse) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, IMMUTABLE),
        ],
        body,
    )
        .into_response()
}

/// Runs `read` on the store off the async workers.
pub async fn with_store<T: Send + 'static>(
    state: &AppState,
    read: impl FnOnce(&Store) -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    let store = Arc::clone(state.store());
    tokio::task::spawn_blocking(move || read(&store))
        .await
        .map_err(|e| AppError::Internal(format!("a snapshot database task failed: {e}")))?
}

async fn find_card(state: &AppState, id: String) -> Result<SnapshotCard, PageError> {
    let lookup = id.clone();
    let card = with_store(state, move |store| Ok(store.card(&lookup)?)).await?;
    card.ok_or(PageError::UnknownSnapshot(id))
}

/// Loads snapshot `id` and hands it to `use_snapshot`, both off the async workers: decoding
/// and writing out a big trace take a while.
async fn with_snapshot<T: Send + 'static>(
    state: &AppState,
    id: String,
    use_snapshot: impl FnOnce(Snapshot) -> T + Send + 'static,
) -> Result<T, PageError> {
    let lookup = id.clone();
    let used = with_store(state, move |store| {
        Ok(store.load(&lookup)?.map(use_snapshot))
    })
    .await?;
    used.ok_or(PageError::UnknownSnapshot(id))
}

/// `scheme://host` of the request, as the client addressed the server (through a proxy too).
fn origin(headers: &HeaderMap) -> String {
    let value = |name: &str| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let scheme = match value("x-forwarded-proto") {
        Some("https") => "https",
        _ => "http",
    };
    let host = value("x-forwarded-host")
        .or_else(|| value(header::HOST.as_str()))
        .unwrap_or("localhost");
    format!("{scheme}://{host}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn the_origin_is_the_one_the_client_used() {
        assert_eq!(
            origin(&headers(&[("host", "127.0.0.1:7878")])),
            "http://127.0.0.1:7878"
        );
        let proxied = headers(&[
            ("host", "10.0.0.2:7878"),
            ("x-forwarded-host", "interleave.example"),
            ("x-forwarded-proto", "https, http"),
        ]);
        assert_eq!(origin(&proxied), "https://interleave.example");
        assert_eq!(origin(&HeaderMap::new()), "http://localhost");
    }
}
