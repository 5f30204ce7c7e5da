//! HTTP tests against a real server on a loopback port: starting and cancelling runs, errors,
//! the event stream with its resumption and heartbeat, limits, unwatched runs, the Chrome trace
//! download, static files and graceful shutdown.

mod common;

use std::time::{Duration, Instant};

use hyper::header;
use hyper::{Method, StatusCode};
use interleave::web;
use serde_json::{json, Value};
use tokio::time::timeout;

use common::server::{Message, Server, PATIENCE};

/// A short program that prints around a real sleep.
const HELLO: &str = "import asyncio\n\nasync def main():\n    print(\"start\")\n    await asyncio.sleep(0.05)\n    print(\"end\")\n\nasyncio.run(main())\n";

/// A program that never ends by itself.
const RUNAWAY: &str = "while True:\n    pass\n";

/// Programs that never end by themselves: one holding the loop in `time.sleep` calls, one in a
/// CPU-bound loop.
const ENDLESS: [&str; 2] = [
    "import time\nwhile True:\n    time.sleep(0.01)\n",
    "x = 0\nwhile True:\n    x += 1\n",
];

/// How soon a cancelled run must have ended.
const CANCEL_WITHIN: Duration = Duration::from_secs(2);

/// The times of the heartbeat ticks among `messages`, checking that none carries an id.
fn ticks(messages: &[Message]) -> Vec<u64> {
    messages
        .iter()
        .filter(|m| m.event == "tick")
        .map(|tick| {
            assert_eq!(tick.id, None, "ticks carry no id");
            tick.data["t_ns"].as_u64().expect("a tick's t_ns")
        })
        .collect()
}

/// Checks the stream's shape: batches (among heartbeat ticks) whose ids are their last
/// sequence numbers, numbered without gap or repeat from `first`, then exactly one `end`.
/// Returns every sequence number.
fn check_stream(messages: &[Message], first: u64) -> Vec<u64> {
    let (end, messages) = messages.split_last().expect("at least the end message");
    assert_eq!(end.event, "end", "the stream closes with `end`");
    ticks(messages);
    let mut seqs = Vec::new();
    for batch in messages.iter().filter(|m| m.event != "tick") {
        assert_eq!(batch.event, "batch");
        let batch_seqs = batch.seqs();
        assert!(!batch_seqs.is_empty(), "batches are never empty");
        assert_eq!(
            batch.id,
            batch_seqs.last().copied(),
            "id is the last seq of the batch"
        );
        seqs.extend(batch_seqs);
    }
    let expected: Vec<u64> = (first..first + seqs.len() as u64).collect();
    assert_eq!(seqs, expected, "events arrive in order without gaps");
    seqs
}

fn printed(document: &Value) -> String {
    document["output"]
        .as_array()
        .expect("output array")
        .iter()
        .map(|o| o["text"].as_str().expect("text"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_catalog_scenario_runs_and_streams_to_the_end() {
    let server = Server::start().await;
    let scenarios = server.get("/api/scenarios").await.json();
    let scenarios = scenarios.as_array().expect("a list of scenarios");
    assert!(!scenarios.is_empty());
    for scenario in scenarios {
        for field in ["id", "title", "summary", "concept", "source"] {
            assert!(scenario[field].is_string(), "scenario field {field}");
        }
    }
    let hello = scenarios
        .iter()
        .find(|s| s["id"].as_str().is_some_and(|id| id.contains("hello")))
        .unwrap_or(&scenarios[0]);
    let reply = server
        .post("/api/runs", json!({ "scenario": hello["id"] }))
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    let id = reply.json()["id"].as_str().expect("an id").to_string();
    assert_eq!(reply.json()["scenario"], hello["id"]);
    assert_eq!(reply.headers[header::LOCATION], format!("/api/runs/{id}"));

    let messages = server.whole_stream(&id).await;
    let seqs = check_stream(&messages, 1);
    let end = &messages.last().expect("end").data;
    assert_eq!(end["status"], "ok", "{end}");
    assert_eq!(end["summary"]["events"], seqs.len() as u64);
    assert!(end["summary"]["tasks"].as_u64().expect("tasks") >= 1);

    let document = server.get(&format!("/api/runs/{id}")).await.json();
    assert_eq!(document["format"], "interleave-trace");
    assert_eq!(document["run"]["status"], "ok");
    assert_eq!(document["run"]["scenario"], hello["id"]);
    assert_eq!(document["run"]["source"], hello["source"]);
    assert_eq!(document["summary"], end["summary"]);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scenarios_carry_their_theme_and_comparisons_name_two_of_them() {
    let server = Server::start().await;
    let scenarios = server.get("/api/scenarios").await.json();
    let scenarios = scenarios.as_array().expect("a list of scenarios");
    let theme_of = |id: &str| {
        let scenario = scenarios.iter().find(|s| s["id"] == id);
        scenario.unwrap_or_else(|| panic!("scenario {id}"))["theme"].clone()
    };
    assert_eq!(theme_of("grandmaster"), "chess");
    assert_eq!(theme_of("exhibition-simultaneous"), "chess");
    assert_eq!(theme_of("two-bakers"), "bakery");
    assert_eq!(theme_of("hello"), Value::Null);

    let reply = server.get("/api/comparisons").await;
    assert_eq!(reply.status, StatusCode::OK);
    let comparisons = reply.json();
    let comparisons = comparisons.as_array().expect("a list of comparisons");
    assert!(comparisons.len() >= 4, "{comparisons:?}");
    for pair in comparisons {
        let fields = pair.as_object().expect("an object");
        let mut keys: Vec<&str> = fields.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["concept", "id", "left", "right", "summary", "title"]);
        assert_ne!(pair["left"], pair["right"]);
        for side in ["left", "right"] {
            assert!(
                scenarios.iter().any(|s| s["id"] == pair[side]),
                "{side} of {pair} is a scenario"
            );
        }
    }
    let exhibition = comparisons
        .iter()
        .find(|pair| pair["id"] == "simultaneous-exhibition")
        .expect("the simultaneous exhibition");
    assert_eq!(exhibition["right"], "exhibition-simultaneous");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_source_run_records_its_output() {
    let server = Server::start().await;
    let id = server.start_run(json!({ "source": HELLO })).await;
    let messages = server.whole_stream(&id).await;
    check_stream(&messages, 1);
    let prints: String = messages
        .iter()
        .flat_map(|m| m.data["events"].as_array().cloned().unwrap_or_default())
        .filter(|e| e["kind"] == "print")
        .map(|e| e["text"].as_str().expect("text").to_string())
        .collect();
    assert_eq!(prints, "start\nend\n");
    let document = server.get(&format!("/api/runs/{id}")).await.json();
    assert_eq!(printed(&document), "start\nend\n");
    assert_eq!(document["run"]["scenario"], Value::Null);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_syntax_error_is_a_400_with_its_position_and_starts_nothing() {
    let server = Server::start().await;
    let reply = server
        .post("/api/runs", json!({ "source": "x = 1\nprint(\n" }))
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let error = &reply.json()["error"];
    assert_eq!(error["kind"], "syntax", "{error}");
    assert!(!error["message"].as_str().expect("message").is_empty());
    assert!(error["line"].as_u64().expect("line") >= 2, "{error}");
    assert!(error["column"].as_u64().expect("column") >= 1, "{error}");

    let reply = server
        .post(
            "/api/runs",
            json!({ "source": "match 1:\n    case 1:\n        pass\n" }),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let error = &reply.json()["error"];
    assert_eq!(error["kind"], "unsupported", "{error}");
    assert_eq!(error["line"], 1, "{error}");

    assert!(server.state.runs().is_empty(), "no run was started");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_requests_name_what_is_wrong() {
    let server = Server::start().await;
    let cases = [
        (json!({}), None),
        (json!({ "scenario": "no-such-scenario" }), Some("scenario")),
        (
            json!({ "source": HELLO, "options": { "time_limit_s": 121 } }),
            Some("options.time_limit_s"),
        ),
        (
            json!({ "source": HELLO, "options": { "time_limit_s": 0 } }),
            Some("options.time_limit_s"),
        ),
        (
            json!({ "source": HELLO, "options": { "tasks": 3 } }),
            Some("options.tasks"),
        ),
    ];
    for (body, field) in cases {
        let reply = server.post("/api/runs", body.clone()).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body}");
        let error = &reply.json()["error"];
        assert_eq!(error["kind"], "bad_request");
        if let Some(field) = field {
            assert_eq!(error["field"], field, "{body}");
            assert!(
                error["message"].as_str().expect("message").contains(field),
                "{error}"
            );
        }
    }
    let reply = server.call(Method::POST, "/api/runs", &[], None).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(server.state.runs().is_empty());
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_runs_are_404() {
    let server = Server::start().await;
    for path in [
        "/api/runs/r000000000000",
        "/api/runs/r000000000000/events",
        "/api/runs/r000000000000/trace.json",
        "/nowhere",
    ] {
        let reply = server.get(path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(reply.json()["error"]["kind"], "not_found");
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_finished_run_downloads_as_a_chrome_trace() {
    let server = Server::start().await;
    let id = server.start_run(json!({ "scenario": "hello" })).await;
    let path = format!("/api/runs/{id}/trace.json");
    let early = server.get(&path).await;
    assert_eq!(early.status, StatusCode::CONFLICT, "{}", early.text());
    assert!(early.json()["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("still running")));

    check_stream(&server.whole_stream(&id).await, 1);
    let reply = server.get(&path).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(reply.headers[header::CONTENT_TYPE], "application/json");
    assert_eq!(
        reply.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"interleave-hello.trace.json\""
    );
    let trace = reply.json();
    let document = server.get(&format!("/api/runs/{id}")).await.json();
    let slices = trace["traceEvents"]
        .as_array()
        .expect("traceEvents")
        .iter()
        .filter(|e| e["ph"] == "B")
        .count();
    assert_eq!(Some(slices), document["spans"].as_array().map(Vec::len));
    assert_eq!(trace["otherData"]["scenario"], "hello");
    assert_eq!(trace["otherData"]["format_version"], 1);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn streams_resume_after_the_last_event_id_or_since() {
    let server = Server::start().await;
    let id = server.start_run(json!({ "source": HELLO })).await;
    let path = format!("/api/runs/{id}/events");
    let all = check_stream(&server.all_events(&path, &[]).await, 1);
    assert!(all.len() >= 4, "enough events to split: {all:?}");
    let mid = all[all.len() / 2];

    let by_header = server
        .all_events(&path, &[("last-event-id", &mid.to_string())])
        .await;
    assert_eq!(check_stream(&by_header, mid + 1), all[all.len() / 2 + 1..]);

    let by_query = server.all_events(&format!("{path}?since={mid}"), &[]).await;
    assert_eq!(check_stream(&by_query, mid + 1), all[all.len() / 2 + 1..]);

    // A browser reconnecting repeats its URL but sends the id it reached: the header wins.
    let both = server
        .all_events(
            &format!("{path}?since=1"),
            &[("last-event-id", &mid.to_string())],
        )
        .await;
    assert_eq!(check_stream(&both, mid + 1), all[all.len() / 2 + 1..]);

    let caught_up = server
        .all_events(&format!("{path}?since={}", all.len()), &[])
        .await;
    assert_eq!(check_stream(&caught_up, 1), Vec::<u64>::new());

    let reply = server.get(&format!("{path}?since=soon")).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.json()["error"]["field"], "since");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stream_dropped_mid_run_resumes_without_gaps() {
    let server = Server::start().await;
    let source = "import asyncio\n\nasync def main():\n    for i in range(5):\n        print(\"tick\")\n        await asyncio.sleep(0.1)\n\nasyncio.run(main())\n";
    let id = server
        .start_run(json!({ "source": source, "options": { "time_limit_s": 10 } }))
        .await;
    let path = format!("/api/runs/{id}/events");
    let mut first = server.events(&path, &[]).await;
    let batch = first.next_batch().await.expect("a first batch");
    assert_eq!(batch.event, "batch");
    let resumed_at = batch.id.expect("an id");
    drop(first);

    let rest = server
        .all_events(&path, &[("last-event-id", &resumed_at.to_string())])
        .await;
    let mut seqs = batch.seqs();
    seqs.extend(check_stream(&rest, resumed_at + 1));
    let expected: Vec<u64> = (1..=seqs.len() as u64).collect();
    assert_eq!(seqs, expected);
    assert_eq!(rest.last().expect("end").data["status"], "ok");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_runaway_program_stops_at_its_time_limit() {
    let server = Server::start().await;
    let started = Instant::now();
    let id = server
        .start_run(json!({ "source": RUNAWAY, "options": { "time_limit_s": 1 } }))
        .await;
    let messages = server.whole_stream(&id).await;
    let elapsed = started.elapsed();
    check_stream(&messages, 1);
    let end = &messages.last().expect("end").data;
    assert_eq!(end["status"], "limit", "{end}");
    let message = end["error"]["message"].as_str().expect("a message");
    assert!(
        message.contains("time limit") || message.contains("time_limit"),
        "{message}"
    );
    assert!(end["duration_ns"].as_u64().expect("duration") >= 1_000_000_000);
    assert!(
        elapsed < Duration::from_secs(10),
        "stopped promptly, took {elapsed:?}"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_live_run_stops_when_cancelled() {
    let server = Server::start().await;
    for source in ENDLESS {
        let id = server
            .start_run(json!({ "source": source, "options": { "time_limit_s": 30 } }))
            .await;
        let mut stream = server.events(&format!("/api/runs/{id}/events"), &[]).await;
        let first = stream.next().await.expect("a batch or a tick");
        assert_ne!(first.event, "end", "the run is live");

        let reply = server.cancel(&id).await;
        assert_eq!(reply.status, StatusCode::ACCEPTED, "{}", reply.text());
        assert_eq!(reply.json(), json!({ "id": id, "status": "cancelling" }));
        let rest = timeout(CANCEL_WITHIN, stream.rest())
            .await
            .unwrap_or_else(|_| {
                panic!("no `end` within {CANCEL_WITHIN:?} of cancelling {source:?}")
            });
        let end = &rest.last().expect("the end message").data;
        assert_eq!(end["status"], "cancelled", "{end}");

        let document = server.get(&format!("/api/runs/{id}")).await.json();
        assert_eq!(document["run"]["status"], "cancelled");

        let again = server.cancel(&id).await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        let error = &again.json()["error"];
        assert_eq!(error["kind"], "conflict");
        let message = error["message"].as_str().expect("a message");
        assert!(message.contains("cancelled"), "{message}");
    }
    let unknown = server.cancel("r000000000000").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_finished_run_cannot_be_cancelled() {
    let server = Server::start().await;
    let id = server.start_run(json!({ "source": HELLO })).await;
    let messages = server.whole_stream(&id).await;
    check_stream(&messages, 1);
    let reply = server.cancel(&id).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    let message = reply.json()["error"]["message"].to_string();
    assert!(message.contains("'ok'"), "{message}");
    let document = server.get(&format!("/api/runs/{id}")).await.json();
    assert_eq!(document["run"]["status"], "ok");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ticks_keep_time_while_the_loop_is_blocked() {
    let server = Server::start().await;
    let source = "import time\ntime.sleep(0.6)\nprint(\"done\")\n";
    let id = server.start_run(json!({ "source": source })).await;
    let messages = server.whole_stream(&id).await;
    check_stream(&messages, 1);
    let times = ticks(&messages);
    assert!(times.len() >= 3, "only {} ticks: {times:?}", times.len());
    assert!(
        times.windows(2).all(|pair| pair[0] <= pair[1]),
        "tick times go back: {times:?}"
    );
    assert_eq!(messages.last().expect("end").data["status"], "ok");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_nobody_watches_finishes_and_stays_readable() {
    let server = Server::start().await;
    let id = server.start_run(json!({ "source": HELLO })).await;
    let deadline = Instant::now() + PATIENCE;
    let document = loop {
        let document = server.get(&format!("/api/runs/{id}")).await.json();
        if document["run"]["status"] != "running" {
            break document;
        }
        assert!(Instant::now() < deadline, "the run finished in time");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(document["run"]["status"], "ok");
    assert_eq!(printed(&document), "start\nend\n");

    // A late joiner still gets the whole run from the start.
    let messages = server.whole_stream(&id).await;
    let seqs = check_stream(&messages, 1);
    assert_eq!(
        seqs.len() as u64,
        document["summary"]["events"].as_u64().expect("events")
    );
    assert!(
        ticks(&messages).is_empty(),
        "a finished run's stream has no ticks"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_and_its_static_files_are_served() {
    let server = Server::start().await;
    let page = server.get("/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.headers[header::CONTENT_TYPE]
        .to_str()
        .expect("ascii")
        .starts_with("text/html"));

    let path = *web::assets::paths()
        .first()
        .expect("static files are embedded");
    let file = server.get(&format!("/static/{path}")).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.headers[header::CACHE_CONTROL], "no-cache");
    let etag = file.headers[header::ETAG]
        .to_str()
        .expect("ascii")
        .to_string();
    let again = server
        .call(
            Method::GET,
            &format!("/static/{path}"),
            &[("if-none-match", &etag)],
            None,
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert_eq!(
        server.get("/static/missing.js").await.status,
        StatusCode::NOT_FOUND
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_ends_open_streams_and_cancels_runs() {
    let server = Server::start().await;
    let source = "import asyncio\n\nasync def main():\n    print(\"waiting\")\n    await asyncio.sleep(60)\n\nasyncio.run(main())\n";
    let id = server
        .start_run(json!({ "source": source, "options": { "time_limit_s": 90 } }))
        .await;
    let mut stream = server.events(&format!("/api/runs/{id}/events"), &[]).await;
    assert_eq!(stream.next_batch().await.expect("a batch").event, "batch");
    let run = server.state.runs().get(&id).expect("the run is registered");

    server.stop().await;
    let rest = stream.rest().await;
    assert!(
        rest.iter().all(|m| m.event != "end"),
        "the stream just ends"
    );
    let end = timeout(PATIENCE, run.log.wait_end())
        .await
        .expect("the run ends");
    assert_eq!(end.status.as_str(), "cancelled");
}
