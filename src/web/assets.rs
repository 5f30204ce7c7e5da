//! The front end's static files, embedded in the binary so the server runs from any directory.
//!
//! Everything under `static/` is compiled in. Edits to embedded files trigger a rebuild by
//! themselves; a newly added file is picked up the next time this module is compiled. Files
//! are served with their content type and an `ETag` of their contents under
//! `Cache-Control: no-cache`: browsers keep a copy but check it on each load, so a new binary's
//! front end is picked up at once and an unchanged file costs a `304`.

use std::collections::HashMap;
use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use include_dir::{include_dir, Dir};

use super::error::AppError;

static STATIC_DIR: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/static");

/// The ETag of every embedded file, computed once.
static ETAGS: LazyLock<HashMap<&'static str, String>> = LazyLock::new(|| {
    let mut etags = HashMap::new();
    collect_etags(&STATIC_DIR, &mut etags);
    etags
});

fn collect_etags(dir: &'static Dir<'static>, etags: &mut HashMap<&'static str, String>) {
    for file in dir.files() {
        if let Some(path) = file.path().to_str() {
            etags.insert(path, format!("\"{:016x}\"", fnv1a(file.contents())));
        }
    }
    for sub in dir.dirs() {
        collect_etags(sub, etags);
    }
}

/// `GET /static/{path}`.
pub async fn static_file(Path(path): Path<String>, headers: HeaderMap) -> Response {
    let Some((contents, etag)) = lookup(&path) else {
        return AppError::NotFound(format!("there is no static file '{path}'")).into_response();
    };
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|tag| tag.trim() == etag));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, content_type(&path))], contents).into_response()
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(etag) = HeaderValue::from_str(etag) {
        headers.insert(header::ETAG, etag);
    }
    response
}

/// The contents and ETag of the embedded file at `path` (relative to `static/`).
pub fn lookup(path: &str) -> Option<(&'static [u8], &'static str)> {
    let file = STATIC_DIR.get_file(path)?;
    let etag = ETAGS.get(file.path().to_str()?)?;
    Some((file.contents(), etag.as_str()))
}

/// The paths of every embedded file, relative to `static/`.
pub fn paths() -> Vec<&'static str> {
    let mut paths: Vec<&'static str> = ETAGS.keys().copied().collect();
    paths.sort_unstable();
    paths
}

fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, ext)| ext);
    match extension.to_ascii_lowercase().as_str() {
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "html" => "text/html; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" | "md" | "py" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// 64-bit FNV-1a: a tiny, stable content hash, plenty to tell versions of a file apart.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use std::path::{Path as FsPath, PathBuf};

    use super::*;

    fn files_on_disk(dir: &FsPath, root: &FsPath, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("static/ is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                files_on_disk(&path, root, found);
            } else if let Ok(relative) = path.strip_prefix(root) {
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }

    #[test]
    fn every_file_in_static_is_embedded() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("static");
        let mut on_disk = Vec::new();
        files_on_disk(&root, &root, &mut on_disk);
        on_disk.sort();
        assert_eq!(paths(), on_disk, "a file added to static/ is embedded at the next compile of this module (touch src/web/assets.rs)");
    }

    #[test]
    fn embedded_files_have_their_disk_contents() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("static");
        for path in paths() {
            let (contents, _) = lookup(path).expect("embedded");
            assert_eq!(contents, std::fs::read(root.join(path)).expect("on disk"));
        }
    }

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(content_type("app.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("style.CSS"), "text/css; charset=utf-8");
        assert_eq!(content_type("icons/logo.svg"), "image/svg+xml");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn unknown_and_escaping_paths_are_not_found() {
        assert!(lookup("no-such-file.js").is_none());
        assert!(lookup("../Cargo.toml").is_none());
    }
}
