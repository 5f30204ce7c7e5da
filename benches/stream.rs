//! Streaming: how many events per second the live event stream can serialise and send, and how
//! many bytes each event takes.
//!
//! Run with `cargo bench --bench stream`.
//!
//! The events are those of a real run of about a million events (10 000 tasks × 25
//! `await asyncio.sleep(0)`: lane declarations, spawns and state transitions in their natural
//! mix). Two measurements:
//!
//! - serialisation: the log read in batches of `sse::MAX_BATCH`, as the stream reads it, each
//!   batch written as JSON by `trace::wire` — the server's CPU cost per event;
//! - loopback: a real server on `127.0.0.1:0` and one client reading
//!   `GET /api/runs/{id}/events` of the finished run from the start to the `end` message, over
//!   HTTP/1.1 — the target "≥ 1 M events/s over SSE on loopback". Bytes here include the SSE
//!   and HTTP framing.

mod common;
#[path = "common/run.rs"]
mod run;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use interleave::record::log::RunLog;
use interleave::trace::wire;
use interleave::web::runs::RunEntry;
use interleave::web::sse::MAX_BATCH;
use interleave::web::{self, AppState};
use tokio::net::TcpListener;

use common::{medians, print_machine, print_table};

const RUNS: usize = 5;
/// Awaits per task of the streamed run: 25 gives about a million events.
const AWAITS: usize = 25;

fn main() {
    print_machine();
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    let program = run::tasks_program(AWAITS);
    let (log, handle) = run::start(&program);
    runtime.block_on(log.wait_end());
    run::expect_ok(&log);
    let events = log.progress().last_seq;

    let state = AppState::default();
    let addr = start_server(&runtime, state.clone());
    let id = state.runs().new_id();
    let slot = state.runs().reserve(1).expect("a place for the one run");
    let entry = state
        .runs()
        .insert(RunEntry::new(id.clone(), None, program, log, handle), slot);
    let (mut json_bytes, mut wire_bytes) = (0, 0);
    let [serialise_s, loopback_s] = medians(RUNS, || {
        let (serialised, json) = serialise(&entry.log);
        let (streamed, wire) = read_stream(addr, &id);
        (json_bytes, wire_bytes) = (json, wire);
        [serialised.as_secs_f64(), streamed.as_secs_f64()]
    });

    let row = |case: &str, seconds: f64, bytes: usize| {
        vec![
            case.to_string(),
            events.to_string(),
            format!("{:.2} M", events as f64 / seconds / 1e6),
            format!("{:.1}", bytes as f64 / events as f64),
        ]
    };
    print_table(
        &["case", "events", "events/s", "bytes/event"],
        &[
            row("`trace::wire` serialisation", serialise_s, json_bytes),
            row("SSE over loopback, one client", loopback_s, wire_bytes),
        ],
    );
}

/// Writes every event of `log` as the stream does, batch by batch; returns the time and bytes.
fn serialise(log: &RunLog) -> (Duration, usize) {
    let mut out = String::new();
    let mut after = 0;
    let mut bytes = 0;
    let started = Instant::now();
    loop {
        let slice = log.read_after(after, MAX_BATCH);
        let Some(last_seq) = slice.last_seq() else {
            break;
        };
        out.clear();
        wire::write_events(&mut out, slice.iter(), slice.lanes());
        bytes += out.len();
        after = last_seq;
    }
    (started.elapsed(), bytes)
}

/// Serves the app on a free loopback port for as long as `runtime` lives.
fn start_server(runtime: &tokio::runtime::Runtime, state: AppState) -> SocketAddr {
    let listener = runtime
        .block_on(TcpListener::bind("127.0.0.1:0"))
        .expect("a loopback port");
    let addr = listener.local_addr().expect("the bound address");
    runtime.spawn(web::serve(listener, state, std::future::pending()));
    addr
}

/// Reads the whole event stream of run `id`; returns the time and the bytes received.
fn read_stream(addr: SocketAddr, id: &str) -> (Duration, usize) {
    let started = Instant::now();
    let mut socket = TcpStream::connect(addr).expect("connect to the server");
    let request =
        format!("GET /api/runs/{id}/events HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    socket
        .write_all(request.as_bytes())
        .expect("send the request");
    let mut response = Vec::new();
    socket
        .read_to_end(&mut response)
        .expect("read the response");
    let elapsed = started.elapsed();
    let text = String::from_utf8_lossy(&response);
    assert!(
        text.starts_with("HTTP/1.1 200") && text.contains("event: end"),
        "the stream should run to its end: {}",
        &text[..text.len().min(300)]
    );
    (elapsed, response.len())
}
