//! The server's edge, against a real server on a loopback port: connections that never finish
//! their headers hold nothing, only this server's pages may start runs, bodies have a size,
//! and the snapshot store has a cap it keeps to without losing what it holds.

mod common;

use std::time::{Duration, Instant};

use common::server::Server;
use interleave::store::{Store, StoreLimits};
use interleave::web::{AppState, Limits};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;

/// Sends `request` as it is over a new connection; the status code and the body of the answer.
/// The server may answer before the whole request is sent (a body too large) and close: what
/// could not be sent does not matter then.
async fn raw(server: &Server, request: String) -> (u16, String) {
    let mut stream = TcpStream::connect(server.addr).await.expect("connect");
    let _ = stream.write_all(request.as_bytes()).await;
    let mut answer = Vec::new();
    timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .expect("an answer in time")
        .expect("an answer");
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {answer:?}"));
    let body = answer
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    (status, body)
}

/// A `POST /api/runs` with `headers` (one per line, each ending in `\r\n`) and a JSON body.
fn post_run(host: &str, headers: &str) -> String {
    let body = json!({ "source": "print('hi')" }).to_string();
    format!(
        "POST /api/runs HTTP/1.1\r\nHost: {host}\r\n{headers}Content-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_that_never_finish_their_headers_hold_nothing_and_are_closed() {
    let limits = Limits {
        header_timeout: Duration::from_secs(2),
        ..Limits::default()
    };
    let server = Server::start_with(AppState::new(limits)).await;
    let mut stalled = Vec::new();
    for _ in 0..500 {
        let mut stream = TcpStream::connect(server.addr).await.expect("connect");
        let partial = format!(
            "GET /api/scenarios HTTP/1.1\r\nHost: {}\r\nX-Slow: ",
            server.addr
        );
        stream.write_all(partial.as_bytes()).await.expect("send");
        stalled.push(stream);
    }
    let asked = Instant::now();
    let reply = server.get("/api/scenarios").await;
    let took = asked.elapsed();
    assert_eq!(reply.status.as_u16(), 200);
    assert!(
        took < Duration::from_millis(100),
        "an ordinary request took {took:?}"
    );
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    for (i, stream) in stalled.iter_mut().enumerate() {
        let mut rest = Vec::new();
        let closed = timeout(Duration::from_secs(1), stream.read_to_end(&mut rest)).await;
        assert!(
            closed.is_ok(),
            "stalled connection {i} is still open after the header timeout"
        );
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_this_servers_own_pages_start_runs() {
    let server = Server::start().await;
    let host = server.addr.to_string();
    let json = "Content-Type: application/json\r\n";
    let own = format!("Origin: http://{host}\r\n");
    let cases = [
        (
            "a page on another site",
            post_run(&host, &format!("{json}Origin: https://evil.example\r\n")),
            403,
        ),
        (
            "a sandboxed page",
            post_run(&host, &format!("{json}Origin: null\r\n")),
            403,
        ),
        (
            "a text/plain body",
            post_run(&host, &format!("Content-Type: text/plain\r\n{own}")),
            415,
        ),
        ("a body of no type", post_run(&host, &own), 415),
        (
            "a name pointed at this machine (DNS rebinding)",
            post_run("rebound.example:7878", json),
            421,
        ),
    ];
    for (what, request, expected) in cases {
        let (status, body) = raw(&server, request).await;
        assert_eq!(status, expected, "{what}: {body}");
        assert!(body.contains("\"message\""), "{what}: {body}");
    }
    let rebound_read =
        "GET /api/scenarios HTTP/1.1\r\nHost: rebound.example\r\nConnection: close\r\n\r\n";
    assert_eq!(
        raw(&server, rebound_read.to_string()).await.0,
        421,
        "reads are refused too"
    );
    assert_eq!(server.state.runs().len(), 0, "nothing was started");
    let (status, body) = raw(&server, post_run(&host, &format!("{json}{own}"))).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(server.state.runs().len(), 1);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_bodies_are_413() {
    let limits = Limits {
        max_upload_bytes: 1 << 20,
        ..Limits::default()
    };
    let server = Server::start_with(AppState::new(limits)).await;
    let host = server.addr.to_string();
    for path in ["/api/runs", "/api/snapshots"] {
        let big = "x".repeat(3 << 20);
        let body = json!({ "source": big }).to_string();
        let request = format!(
            "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let (status, answer) = raw(&server, request).await;
        assert_eq!(status, 413, "{path}: {answer}");
    }
    assert_eq!(server.state.runs().len(), 0);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_store_refuses_past_its_caps_and_keeps_what_it_holds() {
    let dir = tempfile::TempDir::new().expect("a temp dir");
    let store = Store::open(dir.path()).expect("the store opens");
    let server = Server::start_with(AppState::with_store(Limits::default(), store)).await;
    let run = server.start_run(json!({ "scenario": "hello" })).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.state.runs().running() > 0 {
        assert!(Instant::now() < deadline, "the run never ended");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let first = server.post("/api/snapshots", json!({ "run": run })).await;
    assert_eq!(first.status.as_u16(), 201, "{}", first.text());
    let first_id = first.json()["id"].as_str().expect("an id").to_string();
    let kept = server
        .get(&format!("/api/snapshots/{first_id}"))
        .await
        .json();

    server
        .state
        .store()
        .limit(StoreLimits {
            max_snapshot_bytes: 64,
            ..StoreLimits::default()
        })
        .expect("the limit is set");
    let too_big = server.post("/api/snapshots", json!({ "run": run })).await;
    assert_eq!(too_big.status.as_u16(), 507, "{}", too_big.text());
    let message = too_big.json()["error"]["message"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(
        message.contains("one snapshot may take at most"),
        "{message}"
    );

    server
        .state
        .store()
        .limit(StoreLimits {
            max_bytes: 0,
            ..StoreLimits::default()
        })
        .expect("the limit is set");
    let noise = common::incompressible_text(400_000);
    let mut trace = kept["trace"].clone();
    trace["run"]["source"] = json!(noise);
    let full = server
        .post("/api/snapshots", json!({ "trace": trace }))
        .await;
    assert_eq!(full.status.as_u16(), 507, "{}", full.text());

    let again = server
        .get(&format!("/api/snapshots/{first_id}"))
        .await
        .json();
    assert_eq!(again, kept, "the earlier snapshot is intact");
    server.stop().await;
}
