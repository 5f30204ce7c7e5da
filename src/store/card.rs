//! What a link to a snapshot shows before anyone opens it: a title and a one-line description,
//! as chat apps and social sites unfurl them from the page's `og:` tags.

use crate::catalog;
use crate::trace::document::{human_duration, TraceDocument};
use crate::trace::event::{LaneKind, RunStatus};

/// Printed lines longer than this are cut in the description.
const QUOTE_CHARS: usize = 60;

/// What the program is: its scenario's title, or a neutral name for a program of its own.
pub fn program_name(doc: &TraceDocument) -> String {
    doc.run
        .meta
        .scenario
        .as_deref()
        .and_then(catalog::find)
        .map_or_else(|| "A Python program".to_string(), |s| s.title.to_string())
}

/// `Four downloads at once · 1.002 s` (pages add ` · Interleave`).
pub fn title(doc: &TraceDocument) -> String {
    format!(
        "{} · {}",
        program_name(doc),
        human_duration(doc.summary.wall_ns)
    )
}

/// The run in figures: `1.002 s wall time`, how many tasks, threads and processes it had,
/// and, when it had tasks, how busy their event loop was.
pub fn figures(doc: &TraceDocument) -> Vec<String> {
    let mut figures = vec![format!("{} wall time", human_duration(doc.summary.wall_ns))];
    let kinds = [
        (LaneKind::Task, "task"),
        (LaneKind::Thread, "thread"),
        (LaneKind::Process, "process"),
    ];
    for (kind, noun) in kinds {
        match doc.lanes.iter().filter(|lane| lane.kind == kind).count() {
            0 => {}
            1 => figures.push(format!("1 {noun}")),
            n => figures.push(format!(
                "{n} {noun}{}",
                if noun == "process" { "es" } else { "s" }
            )),
        }
    }
    if doc.lanes.iter().any(|lane| lane.kind == LaneKind::Task) {
        figures.push(format!("event loop busy {}%", doc.summary.loop_busy_pct));
    }
    figures
}

/// `1.002 s wall time · 4 tasks · event loop busy 0.4% · first printed: “start 1”`, and how the
/// run ended when it did not end well.
pub fn description(doc: &TraceDocument) -> String {
    let mut parts = figures(doc);
    if let Some(line) = doc.stdout().lines().find(|line| !line.trim().is_empty()) {
        parts.push(format!("first printed: “{}”", shorten(line.trim())));
    }
    if let Some(ending) = ending(doc) {
        parts.push(ending);
    }
    parts.join(" · ")
}

/// How a run that did not end `ok` ended: `ended with ValueError: boom`, `cancelled`.
fn ending(doc: &TraceDocument) -> Option<String> {
    let error = doc.run.error.as_ref();
    match doc.run.status {
        RunStatus::Ok => None,
        RunStatus::Error => Some(match error {
            Some(e) if !e.message.is_empty() => {
                format!("ended with {}: {}", e.kind, shorten(&e.message))
            }
            Some(e) => format!("ended with {}", e.kind),
            None => "ended with an error".to_string(),
        }),
        RunStatus::Limit => Some(match error {
            Some(e) => format!("stopped: {}", shorten(&e.message)),
            None => "stopped at a limit".to_string(),
        }),
        RunStatus::Cancelled => Some("cancelled".to_string()),
        RunStatus::Running => Some("still running".to_string()),
    }
}

fn shorten(text: &str) -> String {
    cut(text, QUOTE_CHARS)
}

/// `text` if it has at most `max_chars` characters, else its start with an ellipsis, in
/// `max_chars` characters.
pub fn cut(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let start: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{}…", start.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::document::{OutputText, RunMeta};
    use crate::trace::event::{Event, EventKind, RunEnd, RunError};

    /// A run of the event loop, `tasks` task lanes and `threads` thread lanes that printed
    /// `prints`, with a loop busy 12.5% of the time.
    fn document(
        scenario: Option<&str>,
        (tasks, threads): (u32, u32),
        prints: &[&str],
        end: RunEnd,
    ) -> TraceDocument {
        let meta = RunMeta {
            id: "r".into(),
            scenario: scenario.map(String::from),
            source: String::new(),
        };
        let kinds = std::iter::once(LaneKind::EventLoop)
            .chain((0..tasks).map(|_| LaneKind::Task))
            .chain((0..threads).map(|_| LaneKind::Thread));
        let lanes: Vec<Event> = kinds
            .enumerate()
            .map(|(ix, kind)| Event {
                seq: ix as u64 + 1,
                t_ns: 0,
                lane: ix as u32,
                kind: EventKind::Lane {
                    kind,
                    name: format!("lane {ix}").into(),
                    detail: None,
                    parent: None,
                    pid: 1,
                },
            })
            .collect();
        let mut doc = TraceDocument::build(meta, &lanes, Some(&end));
        doc.output = prints
            .iter()
            .map(|text| OutputText {
                t_ns: 0,
                lane: 0,
                text: (*text).into(),
                line: 1,
            })
            .collect();
        doc.summary.loop_busy_pct = 12.5;
        doc
    }

    fn ok(duration_ns: u64) -> RunEnd {
        RunEnd {
            status: RunStatus::Ok,
            duration_ns,
            error: None,
        }
    }

    #[test]
    fn titles_name_the_scenario_and_its_wall_time() {
        let scenario = &catalog::all()[0];
        let doc = document(Some(scenario.id), (1, 0), &[], ok(1_020_000_000));
        assert_eq!(title(&doc), format!("{} · 1.020 s", scenario.title));
        let own = document(None, (1, 0), &[], ok(350_000_000));
        assert_eq!(title(&own), "A Python program · 350.0 ms");
    }

    #[test]
    fn descriptions_quote_the_first_printed_line() {
        let prints = ["\n", "fetching 1\n", "fetching 2\n"];
        let doc = document(None, (4, 0), &prints, ok(2_000_000_000));
        assert_eq!(
            description(&doc),
            "2.000 s wall time · 4 tasks · event loop busy 12.5% · first printed: “fetching 1”"
        );
    }

    #[test]
    fn runs_without_tasks_count_their_threads() {
        let doc = document(None, (0, 1), &[], ok(2_000_000_000));
        assert_eq!(figures(&doc), ["2.000 s wall time", "1 thread"]);
        let doc = document(None, (1, 3), &[], ok(2_000_000_000));
        assert_eq!(
            figures(&doc),
            [
                "2.000 s wall time",
                "1 task",
                "3 threads",
                "event loop busy 12.5%"
            ]
        );
    }

    #[test]
    fn failed_runs_say_how_they_ended() {
        let end = RunEnd {
            status: RunStatus::Error,
            duration_ns: 5_000_000,
            error: Some(RunError {
                kind: "ValueError".into(),
                message: "x".repeat(100),
                line: 3,
                traceback: Vec::new(),
            }),
        };
        let text = description(&document(None, (2, 0), &[], end));
        assert!(text.starts_with("5.0 ms wall time · 2 tasks"), "{text}");
        assert!(
            text.ends_with(&format!("ended with ValueError: {}…", "x".repeat(59))),
            "{text}"
        );
    }
}
