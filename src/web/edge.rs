//! Who may talk to the server. A page on another site must not be able to start runs on the
//! user's own server (a cross-site POST), nor read from it by pointing a name of its own at
//! 127.0.0.1 (DNS rebinding), so, as Jupyter does:
//!
//! - every request must name this server in its `Host` (by default `localhost`, `127.0.0.1`
//!   or `[::1]`, on any port), else `421`;
//! - a request that changes something (`POST`) must come from this server's own origin, or from
//!   an origin allowed with `--allow-origin`, when it says where it comes from (browsers always
//!   do), else `403`;
//! - a `POST` with a body must say it is `application/json` (a page can send `text/plain` to
//!   any site without asking), else `415`.
//!
//! `interleave serve --allow-host NAME` and `--allow-origin URL` (or `*`) open it wider, for a
//! class reaching a teacher's server by its name.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::AppError;
use super::AppState;

/// The hosts a request may name and the origins a `POST` may come from, besides the server's
/// own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    /// Host names, without a port, lower case; `*` allows any.
    pub hosts: Vec<String>,
    /// Origins (`scheme://host[:port]`) other than the server's own; `*` allows any.
    pub origins: Vec<String>,
}

/// Any host or origin.
pub const ANY: &str = "*";

impl Default for Access {
    fn default() -> Self {
        Access {
            hosts: ["localhost", "127.0.0.1", "::1"].map(String::from).to_vec(),
            origins: Vec::new(),
        }
    }
}

impl Access {
    fn allows_host(&self, host: &str) -> bool {
        self.hosts.iter().any(|h| h == ANY || h == host)
    }

    fn allows_origin(&self, origin: &str) -> bool {
        self.origins
            .iter()
            .any(|o| o == ANY || o.trim_end_matches('/') == origin)
    }
}

/// The host name of a `Host` header value, without its port or IPv6 brackets, lower case.
fn host_name(authority: &str) -> String {
    let name = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(v6),
        None => authority
            .rsplit_once(':')
            .map_or(authority, |(name, _)| name),
    };
    name.to_ascii_lowercase()
}

/// Refuses what [`Access`] does not allow (see the module's documentation).
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match check(&state.limits().access, request.method(), request.headers()) {
        Ok(()) => next.run(request).await,
        Err(refusal) => refusal.into_response(),
    }
}

fn check(access: &Access, method: &Method, headers: &HeaderMap) -> Result<(), AppError> {
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let authority = text(header::HOST).unwrap_or_default();
    let host = host_name(authority);
    if !access.allows_host(&host) {
        return Err(AppError::Misdirected(format!(
            "this server does not answer to the host '{authority}'; start it with \
             `--allow-host {host}` to let requests name it"
        )));
    }
    if method != Method::POST {
        return Ok(());
    }
    if let Some(origin) = text(header::ORIGIN) {
        let own = ["http", "https"]
            .iter()
            .any(|scheme| origin == format!("{scheme}://{authority}"));
        if !own && !access.allows_origin(origin) {
            return Err(AppError::Forbidden(format!(
                "requests from the page at {origin} are refused: only this server's own pages \
                 may start runs and save snapshots (start it with `--allow-origin {origin}` to \
                 allow that page)"
            )));
        }
    }
    let has_body = text(header::CONTENT_LENGTH).is_some_and(|n| n != "0")
        || headers.contains_key(header::TRANSFER_ENCODING);
    let json = text(header::CONTENT_TYPE)
        .and_then(|t| t.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"));
    if has_body && !json {
        return Err(AppError::UnsupportedMediaType(
            "send the body as JSON, with the header `Content-Type: application/json`".into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderName, HeaderValue, StatusCode};

    use super::*;

    fn headers(pairs: &[(HeaderName, &str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(
                name.clone(),
                HeaderValue::from_str(value).expect("a header value"),
            );
        }
        headers
    }

    fn status(access: &Access, method: Method, pairs: &[(HeaderName, &str)]) -> Option<StatusCode> {
        check(access, &method, &headers(pairs))
            .err()
            .map(|e| e.status())
    }

    #[test]
    fn host_names_lose_their_port_and_brackets() {
        assert_eq!(host_name("127.0.0.1:7878"), "127.0.0.1");
        assert_eq!(host_name("[::1]:7878"), "::1");
        assert_eq!(host_name("LocalHost"), "localhost");
        assert_eq!(host_name("example.org"), "example.org");
    }

    #[test]
    fn only_this_servers_names_are_answered() {
        let access = Access::default();
        let ok = [(header::HOST, "localhost:7878")];
        assert_eq!(status(&access, Method::GET, &ok), None);
        assert_eq!(
            status(&access, Method::GET, &[(header::HOST, "[::1]:9")]),
            None
        );
        let rebound = [(header::HOST, "attacker.example:7878")];
        assert_eq!(
            status(&access, Method::GET, &rebound),
            Some(StatusCode::MISDIRECTED_REQUEST)
        );
        assert_eq!(
            status(&access, Method::GET, &[]),
            Some(StatusCode::MISDIRECTED_REQUEST)
        );
        let class = Access {
            hosts: vec!["teacher.school.example".into()],
            ..Access::default()
        };
        let named = [(header::HOST, "teacher.school.example")];
        assert_eq!(status(&class, Method::GET, &named), None);
        let anything = Access {
            hosts: vec![ANY.into()],
            ..Access::default()
        };
        assert_eq!(status(&anything, Method::GET, &rebound), None);
    }

    #[test]
    fn posts_come_from_this_server_as_json() {
        let access = Access::default();
        let host = (header::HOST, "127.0.0.1:7878");
        let json = (header::CONTENT_TYPE, "application/json; charset=utf-8");
        let body = (header::CONTENT_LENGTH, "20");
        let own = (header::ORIGIN, "http://127.0.0.1:7878");
        let foreign = (header::ORIGIN, "https://evil.example");
        let post = |pairs: &[(HeaderName, &str)]| status(&access, Method::POST, pairs);
        assert_eq!(
            post(&[host.clone(), json.clone(), body.clone(), own.clone()]),
            None
        );
        assert_eq!(post(&[host.clone(), json.clone(), body.clone()]), None);
        assert_eq!(
            post(&[host.clone(), json.clone(), body.clone(), foreign.clone()]),
            Some(StatusCode::FORBIDDEN)
        );
        let plain = (header::CONTENT_TYPE, "text/plain");
        assert_eq!(
            post(&[host.clone(), plain, body.clone(), own.clone()]),
            Some(StatusCode::UNSUPPORTED_MEDIA_TYPE)
        );
        assert_eq!(
            post(&[host.clone(), body.clone()]),
            Some(StatusCode::UNSUPPORTED_MEDIA_TYPE)
        );
        assert_eq!(post(&[host.clone(), own]), None, "a POST without a body");
        let allowed = Access {
            origins: vec!["https://evil.example/".into()],
            ..Access::default()
        };
        assert_eq!(
            status(&allowed, Method::POST, &[host, json, body, foreign]),
            None
        );
    }
}
