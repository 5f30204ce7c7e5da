//! Export and import against real runs of every built-in scenario: the trace document reads
//! back to the same document, byte for byte, and the Chrome trace has a named thread per lane
//! and a slice per span.

mod common;

use interleave::catalog;
use interleave::trace::chrome::to_chrome_json;
use interleave::trace::import::document_from_value;
use serde_json::Value;

#[test]
fn every_scenario_round_trips_and_exports() {
    for scenario in catalog::all() {
        let doc = common::run(scenario.source);
        let json = doc.to_json();
        let value: Value = serde_json::from_str(&json).expect("the document is JSON");
        let imported = document_from_value(&value)
            .unwrap_or_else(|e| panic!("{}: the document is refused: {e}", scenario.id));
        assert!(
            imported == doc,
            "{}: the imported document differs",
            scenario.id
        );
        assert!(
            imported.to_json() == json,
            "{}: the JSON differs",
            scenario.id
        );

        let chrome: Value =
            serde_json::from_str(&to_chrome_json(&doc)).expect("the Chrome trace is JSON");
        let events = chrome["traceEvents"].as_array().expect("traceEvents");
        let count = |ph: &str, name: Option<&str>| {
            events
                .iter()
                .filter(|e| e["ph"] == ph && name.is_none_or(|n| e["name"] == n))
                .count()
        };
        assert_eq!(
            count("M", Some("thread_name")),
            doc.lanes.len(),
            "{}",
            scenario.id
        );
        assert_eq!(count("B", None), doc.spans.len(), "{}", scenario.id);
        assert_eq!(count("E", None), doc.spans.len(), "{}", scenario.id);
        assert_eq!(count("s", None), count("f", None), "{}", scenario.id);
    }
}
