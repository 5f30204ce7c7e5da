//! Snapshots end to end: a real server on a loopback port saving into a real SQLite file in a
//! temp dir. A run round-trips through a snapshot and survives a restart; unknown ids, bad
//! fields, live runs and a full database get the right answers; the shared page, its downloads
//! and preview pictures are served; and the compact codec gives back every scenario's trace
//! exactly.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use hyper::header;
use hyper::StatusCode;
use interleave::catalog;
use interleave::exec::{self, RunOptions};
use interleave::record::log::RunLog;
use interleave::store::{codec, Store, StoreLimits, DATABASE_FILE};
use interleave::trace::document::{RunMeta, TraceDocument};
use interleave::trace::event::RunStatus;
use interleave::web::{AppState, Limits};
use serde_json::{json, Value};
use tempfile::TempDir;

use common::server::{Reply, Server, PATIENCE};

/// A short program that prints around a real sleep.
const HELLO: &str = "import asyncio\n\nasync def main():\n    print(\"start\")\n    await asyncio.sleep(0.05)\n    print(\"end\")\n\nasyncio.run(main())\n";

/// A program that prints and sleeps until it is stopped.
const ENDLESS: &str =
    "import time\nn = 0\nwhile True:\n    n += 1\n    print(n)\n    time.sleep(0.01)\n";

/// A server saving snapshots in `dir`.
async fn server_on(dir: &Path) -> Server {
    let store = Store::open(dir).expect("the store opens");
    Server::start_with(AppState::with_store(Limits::default(), store)).await
}

/// Starts `source` and waits for the run to end; returns its id.
async fn finished_run(server: &Server, source: &str) -> String {
    let id = server.start_run(json!({ "source": source })).await;
    wait_for_end(server, &id).await;
    id
}

async fn wait_for_end(server: &Server, id: &str) {
    let deadline = Instant::now() + PATIENCE;
    while run_trace(server, id).await["run"]["status"] == "running" {
        assert!(Instant::now() < deadline, "run {id} did not end in time");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn run_trace(server: &Server, id: &str) -> Value {
    let reply = server.get(&format!("/api/runs/{id}")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    reply.json()
}

/// Saves a snapshot and returns its id.
async fn snapshot(server: &Server, body: Value) -> String {
    let reply = server.post("/api/snapshots", body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    let created = reply.json();
    let id = created["id"].as_str().expect("an id").to_string();
    assert_eq!(created["url"], format!("/s/{id}"));
    id
}

/// The `field` a 400 answer names.
fn refused_field(reply: &Reply) -> String {
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.text());
    let error = reply.json()["error"].clone();
    assert!(
        error["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{error}"
    );
    error["field"].as_str().unwrap_or("").to_string()
}

fn content_type(reply: &Reply) -> &str {
    reply.headers[header::CONTENT_TYPE]
        .to_str()
        .expect("an ASCII content type")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_round_trips_through_a_snapshot() {
    let dir = TempDir::new().expect("a temp dir");
    let server = server_on(dir.path()).await;
    let run = finished_run(&server, HELLO).await;
    let view = json!({"t0_ns": 1_000, "t1_ns": 40_000_000, "lane": "loop", "theme": "bakery"});
    let id = snapshot(&server, json!({ "run": run, "view": view })).await;

    let reply = server.get(&format!("/api/snapshots/{id}")).await;
    assert_eq!(reply.status, StatusCode::OK);
    let saved = reply.json();
    assert_eq!(saved["id"], id);
    assert_eq!(saved["view"], view);
    assert_eq!(saved["trace"], run_trace(&server, &run).await);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    let created_at = saved["created_at"].as_u64().expect("unix seconds");
    assert!(created_at <= now && now - created_at < 600, "{created_at}");

    // An uploaded trace document is saved as it is, with no view.
    let upload = snapshot(&server, json!({ "trace": saved["trace"] })).await;
    let again = server.get(&format!("/api/snapshots/{upload}")).await.json();
    assert_eq!(again["trace"], saved["trace"]);
    assert_eq!(again["view"], json!({}));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn snapshots_survive_a_restart() {
    let dir = TempDir::new().expect("a temp dir");
    let server = server_on(dir.path()).await;
    let run = finished_run(&server, HELLO).await;
    let id = snapshot(&server, json!({ "run": run, "view": {"theme": "chess"} })).await;
    let before = server.get(&format!("/api/snapshots/{id}")).await;
    server.stop().await;

    let server = server_on(dir.path()).await;
    let after = server.get(&format!("/api/snapshots/{id}")).await;
    assert_eq!(after.status, StatusCode::OK);
    assert_eq!(after.body, before.body);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_shared_page_has_its_tags_downloads_and_pictures() {
    let dir = TempDir::new().expect("a temp dir");
    let server = server_on(dir.path()).await;
    let run = server.start_run(json!({ "scenario": "gather" })).await;
    wait_for_end(&server, &run).await;
    let id = snapshot(&server, json!({ "run": run })).await;
    let other = snapshot(&server, json!({ "run": run })).await;

    let page = server.get(&format!("/s/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    let origin = format!("http://{}", server.addr);
    for expected in [
        format!(r#"data-mode="shared" data-snapshot="{id}""#),
        r#"<meta property="og:title" content="Four downloads at once · "#.to_string(),
        format!(r#"<meta property="og:image" content="{origin}/s/{id}/preview.png">"#),
        format!(r#"<meta property="og:url" content="{origin}/s/{id}">"#),
        r#"<meta property="og:description" content=""#.to_string(),
    ] {
        assert!(
            html.contains(&expected),
            "the page lacks {expected}:\n{html}"
        );
    }
    let compare = server.get(&format!("/compare/{id}/{other}")).await;
    assert_eq!(compare.status, StatusCode::OK);
    let expected = format!(r#"data-mode="compare" data-left="{id}" data-right="{other}""#);
    assert!(compare.text().contains(&expected), "{}", compare.text());
    let playground = server.get("/").await.text();
    assert!(playground.contains(r#"data-mode="playground""#));
    assert!(!playground.contains("og:image"));

    let document = server.get(&format!("/s/{id}/document.json")).await;
    assert_eq!(document.status, StatusCode::OK);
    assert!(document.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .is_ok_and(|d| d.starts_with("attachment")));
    let run_json = server.get(&format!("/api/runs/{run}")).await;
    assert_eq!(
        document.body, run_json.body,
        "the download is the run's document"
    );
    let chrome = server.get(&format!("/s/{id}/trace.json")).await;
    assert_eq!(chrome.status, StatusCode::OK);
    assert!(chrome.json()["traceEvents"].is_array());

    let svg = server.get(&format!("/s/{id}/preview.svg")).await;
    assert_eq!(content_type(&svg), "image/svg+xml");
    let svg = svg.text();
    assert!(svg.starts_with("<svg") && svg.contains(r#"width="1200" height="630""#));
    assert!(svg.contains("Four downloads at once") && svg.contains("Task-1"));
    let png = server.get(&format!("/s/{id}/preview.png")).await;
    assert_eq!(content_type(&png), "image/png");
    assert_eq!(&png.body[..8], b"\x89PNG\r\n\x1a\n");
    let size = |at: usize| u32::from_be_bytes(png.body[at..at + 4].try_into().expect("4 bytes"));
    assert_eq!((size(16), size(20)), (1200, 630));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_snapshots_are_404_pages_and_404_json() {
    let server = Server::start().await;
    let missing = "0000000000000000000000";
    let api = server.get(&format!("/api/snapshots/{missing}")).await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.json()["error"]["kind"], "not_found");
    for path in [
        format!("/s/{missing}"),
        format!("/s/{missing}/preview.svg"),
        format!("/s/{missing}/preview.png"),
        format!("/s/{missing}/document.json"),
        format!("/s/{missing}/trace.json"),
        format!("/compare/{missing}/{missing}"),
    ] {
        let page = server.get(&path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(content_type(&page).starts_with("text/html"), "{path}");
        let html = page.text();
        assert!(html.starts_with("<!doctype html>"), "{path}: {html}");
        assert!(html.contains("This shared run does not exist"), "{html}");
        assert!(
            html.contains(missing) && html.contains(r#"href="/""#),
            "{html}"
        );
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_fields_are_named() {
    let server = Server::start().await;
    let run = finished_run(&server, HELLO).await;
    let trace = run_trace(&server, &run).await;
    let cases = [
        (json!({"run": run, "view": {"t0_ns": -5}}), "view.t0_ns"),
        (
            json!({"run": run, "view": {"t0_ns": 9, "t1_ns": 3}}),
            "view.t1_ns",
        ),
        (
            json!({"run": run, "view": {"lane": "task-99"}}),
            "view.lane",
        ),
        (json!({"run": run, "view": {"theme": "neon"}}), "view.theme"),
        (json!({"run": run, "view": {"zoom": 2}}), "view.zoom"),
        (json!({"run": run, "view": "all"}), "view"),
        (json!({"run": 5}), "run"),
        (json!({"run": run, "share": true}), "share"),
        (
            json!({"trace": {"format": "interleave-trace", "format_version": 2}}),
            "trace.format_version",
        ),
        (json!({"trace": [1, 2]}), "trace"),
    ];
    for (body, field) in cases {
        let reply = server.post("/api/snapshots", body.clone()).await;
        assert_eq!(refused_field(&reply), field, "{body}");
    }
    let mut broken = trace.clone();
    broken["spans"][0]["end_ns"] = json!("soon");
    let reply = server
        .post("/api/snapshots", json!({ "trace": broken }))
        .await;
    assert_eq!(refused_field(&reply), "trace.spans[0].end_ns");
    for body in [json!({}), json!({"run": run, "trace": trace}), json!([run])] {
        assert_eq!(
            refused_field(&server.post("/api/snapshots", body).await),
            ""
        );
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_and_unknown_runs_cannot_be_saved() {
    let server = Server::start().await;
    let live = server.start_run(json!({ "source": ENDLESS })).await;
    let reply = server.post("/api/snapshots", json!({ "run": live })).await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.text());
    assert!(reply.json()["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("still running")));
    // Once cancelled it has ended, and can be shared like any other.
    server.cancel(&live).await;
    wait_for_end(&server, &live).await;
    snapshot(&server, json!({ "run": live })).await;

    let reply = server
        .post("/api/snapshots", json!({ "run": "r000000000000" }))
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "{}", reply.text());
    assert_eq!(reply.json()["error"]["kind"], "not_found");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ids_are_distinct_and_random() {
    let server = Server::start().await;
    let run = finished_run(&server, HELLO).await;
    let mut ids = Vec::new();
    for _ in 0..20 {
        ids.push(snapshot(&server, json!({ "run": run })).await);
    }
    for id in &ids {
        // 22 characters of 62 hold 130 bits: room for the 128 random ones.
        assert_eq!(id.len(), 22, "{id}");
        assert!(id.bytes().all(|b| b.is_ascii_alphanumeric()), "{id}");
    }
    let distinct: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!(distinct.len(), ids.len());
    // Random ids differ everywhere, not in a counter at the end.
    let first_chars: std::collections::HashSet<u8> =
        ids.iter().map(|id| id.as_bytes()[0]).collect();
    assert!(first_chars.len() > 5, "{ids:?}");
    server.stop().await;
}

/// Rows in the `snapshots` table, read straight from the file.
fn rows_in(dir: &Path) -> i64 {
    let db = rusqlite::Connection::open(dir.join(DATABASE_FILE)).expect("the database opens");
    db.query_row("SELECT count(*) FROM snapshots", [], |row| row.get(0))
        .expect("counted")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_database_answers_507_and_saves_nothing() {
    let dir = TempDir::new().expect("a temp dir");
    let server = server_on(dir.path()).await;
    let run = finished_run(&server, HELLO).await;
    let first = snapshot(&server, json!({ "run": run })).await;
    assert_eq!(rows_in(dir.path()), 1);

    server
        .state
        .store()
        .limit(StoreLimits {
            max_bytes: 0,
            ..StoreLimits::default()
        })
        .expect("the limit is set");
    // A program source no compressor can shrink much: it needs pages the database cannot have.
    let mut trace = run_trace(&server, &run).await;
    let noise = common::incompressible_text(400_000);
    trace["run"]["source"] = json!(noise);
    let reply = server
        .post("/api/snapshots", json!({ "trace": trace }))
        .await;
    assert_eq!(
        reply.status,
        StatusCode::INSUFFICIENT_STORAGE,
        "{}",
        reply.text()
    );
    let error = reply.json()["error"].clone();
    assert_eq!(error["kind"], "storage_full");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("full")),
        "{error}"
    );

    assert_eq!(rows_in(dir.path()), 1, "no half-written snapshot");
    let still = server.get(&format!("/api/snapshots/{first}")).await;
    assert_eq!(still.status, StatusCode::OK);
    server.stop().await;
}

#[test]
fn a_data_dir_that_cannot_be_opened_stops_the_server() {
    let dir = TempDir::new().expect("a temp dir");
    let in_the_way = dir.path().join("data");
    std::fs::write(&in_the_way, "a file where the data directory should be").expect("written");
    let mut child = Command::new(env!("CARGO_BIN_EXE_interleave"))
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(&in_the_way)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waitable") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server kept running on a data dir it cannot open");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = child.wait_with_output().expect("its output");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!status.success());
    assert!(
        stderr.contains(&in_the_way.display().to_string()) && stderr.contains("not a directory"),
        "{stderr}"
    );
    assert!(!String::from_utf8_lossy(&output.stdout).contains("listening"));
}

/// Runs `source` until it is cancelled after `after`.
fn run_cancelled(source: &str, after: Duration) -> TraceDocument {
    common::use_the_real_binary();
    let log = RunLog::new();
    let handle = exec::start(source, RunOptions::default(), Arc::clone(&log)).expect("compiles");
    std::thread::sleep(after);
    handle.cancel();
    handle.join();
    let meta = RunMeta {
        id: "cancelled".into(),
        scenario: None,
        source: source.into(),
    };
    TraceDocument::build(meta, log.snapshot().iter(), log.end().as_ref())
}

fn assert_round_trips(name: &str, doc: &TraceDocument) {
    let blob = codec::encode(doc);
    let decoded = codec::decode(&blob).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(decoded == *doc, "{name}: the decoded document differs");
    assert!(
        decoded.to_json() == doc.to_json(),
        "{name}: the decoded JSON differs"
    );
}

#[test]
fn every_scenario_and_every_ending_round_trips_through_the_codec() {
    for scenario in catalog::all() {
        assert_round_trips(scenario.id, &common::run(scenario.source));
    }
    let failed = common::run("import asyncio\n\nasync def main():\n    print('x')\n    raise ValueError('boom')\n\nasyncio.run(main())\n");
    assert_eq!(failed.run.status, RunStatus::Error);
    assert_round_trips("failed", &failed);
    let limited = common::run_with(
        ENDLESS,
        RunOptions {
            time_limit: Duration::from_millis(150),
            ..RunOptions::default()
        },
    );
    assert_eq!(limited.run.status, RunStatus::Limit);
    assert_round_trips("limited", &limited);
    let cancelled = run_cancelled(ENDLESS, Duration::from_millis(100));
    assert_eq!(cancelled.run.status, RunStatus::Cancelled);
    assert_round_trips("cancelled", &cancelled);
}
