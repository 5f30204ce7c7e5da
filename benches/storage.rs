//! Storage: how compact a snapshot of a million-event run is, and how long it takes to save and
//! to load.
//!
//! Run with `cargo bench --bench storage`.
//!
//! The run is real: 10 000 tasks × 32 `await asyncio.sleep(0)`, about a million recorded events
//! (lane declarations, spawns and state transitions in their natural mix), folded into its trace
//! document. Then, against a real SQLite file in a temp dir:
//!
//! - encode: the document to the compact blob (`store::codec`), and its size per recorded event;
//! - save: encode + one `INSERT` transaction (`Store::save`); insert alone is the difference;
//! - load: `SELECT` + decode (`Store::load`), then the document written as the JSON that
//!   `GET /api/snapshots/{id}` sends (`TraceDocument::to_json`).

mod common;
#[path = "common/run.rs"]
mod run;

use std::time::Instant;

use interleave::store::view::View;
use interleave::store::{codec, Store};
use interleave::trace::document::{RunMeta, TraceDocument};

use common::{medians, print_machine, print_table};

const RUNS: usize = 5;
/// Awaits per task of the recorded run: 32 gives just over a million events.
const AWAITS: usize = 32;

fn main() {
    print_machine();
    let doc = recorded_document();
    let events = doc.summary.events;
    let dir = tempfile::TempDir::new().expect("a temp dir");
    let store = Store::open(dir.path()).expect("the store opens");
    let view = View::default();

    let mut blob_bytes = 0;
    let mut json_bytes = 0;
    let [encode_s, save_s, load_s, json_s] = medians(RUNS, || {
        let start = Instant::now();
        let blob = codec::encode(&doc);
        let encode = start.elapsed();
        blob_bytes = blob.len();

        let start = Instant::now();
        let card = store.save(&doc, &view).expect("saved");
        let save = start.elapsed();

        let start = Instant::now();
        let loaded = store.load(&card.id).expect("loaded").expect("found");
        let load = start.elapsed();
        let start = Instant::now();
        let json = loaded.document.to_json();
        let to_json = start.elapsed();
        json_bytes = json.len();
        assert!(loaded.document == doc, "the loaded document differs");
        [encode, save, load, to_json].map(|d| d.as_secs_f64())
    });

    println!(
        "a real run of {} recorded events ({} spans, {} point events)\n",
        events,
        doc.spans.len(),
        doc.events.len()
    );
    let per_event = |bytes: usize| format!("{:.2}", bytes as f64 / events as f64);
    print_table(
        &["what", "bytes", "bytes per event", "target"],
        &[
            vec![
                "snapshot blob (SQLite row)".into(),
                blob_bytes.to_string(),
                per_event(blob_bytes),
                "≤ 10".into(),
            ],
            vec![
                "trace document JSON".into(),
                json_bytes.to_string(),
                per_event(json_bytes),
                "—".into(),
            ],
        ],
    );
    println!();
    let ms = |s: f64| format!("{:.1}", s * 1e3);
    print_table(
        &["step", "ms", "ns per event"],
        &[
            ("encode", encode_s),
            ("insert (save − encode)", save_s - encode_s),
            ("save = encode + insert", save_s),
            ("load: select + decode", load_s),
            ("to_json", json_s),
            ("load + to_json", load_s + json_s),
        ]
        .map(|(step, s)| {
            vec![
                step.into(),
                ms(s),
                format!("{:.0}", s * 1e9 / events as f64),
            ]
        }),
    );
}

/// The trace document of the recorded run.
fn recorded_document() -> TraceDocument {
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    let program = run::tasks_program(AWAITS);
    let (log, handle) = run::start(&program);
    runtime.block_on(log.wait_end());
    let end = run::expect_ok(&log);
    handle.join();
    let meta = RunMeta {
        id: "bench".into(),
        scenario: None,
        source: program,
    };
    TraceDocument::build(meta, log.snapshot().iter(), Some(&end))
}
