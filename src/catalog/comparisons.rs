//! The built-in comparison pairs: `catalog/comparisons.txt`, embedded at build time and checked
//! against the scenarios.
//!
//! Each pair names two scenarios to run side by side on one time axis, such as the same waits
//! awaited in turn (`left`) and gathered (`right`). The file holds one pair per block of
//! `key: value` lines, blocks separated by blank lines, lines starting with `#` ignored:
//!
//! ```text
//! id: sequential-vs-concurrent
//! title: One await after another, or all at once
//! summary: One line for the list; a long value continues on lines
//!   that start with two spaces.
//! concept: sequential versus concurrent awaits
//! left: awaits-in-turn
//! right: awaits-at-once
//! ```
//!
//! All six keys are required, none may be empty or repeat, and no other key is allowed. `id` is
//! lowercase letters, digits and hyphens and unique; `left` and `right` are two different ids of
//! built-in scenarios.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Serialize;

use super::{error, read_metadata_line, required_field, CatalogError, Fields, Scenario};

const FILE: &str = "comparisons.txt";
const TEXT: &str = include_str!("../../catalog/comparisons.txt");
const KEYS: [&str; 6] = ["id", "title", "summary", "concept", "left", "right"];

/// Two built-in scenarios to run side by side.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub concept: &'static str,
    /// The id of the scenario shown first (on top).
    pub left: &'static str,
    /// The id of the scenario shown second.
    pub right: &'static str,
}

/// Every built-in comparison pair, in teaching order.
///
/// # Panics
///
/// If the embedded file is invalid. The unit tests below parse it, so that never ships.
pub fn all() -> &'static [Comparison] {
    static PAIRS: OnceLock<Vec<Comparison>> = OnceLock::new();
    PAIRS.get_or_init(|| parse(TEXT, super::all()).unwrap_or_else(|err| panic!("{err}")))
}

/// The lines of one pair and the line number its block starts on.
struct Block {
    line: usize,
    fields: Fields,
}

/// Parses every block into a pair and checks the ids are unique and the scenarios exist.
fn parse(text: &'static str, scenarios: &[Scenario]) -> Result<Vec<Comparison>, CatalogError> {
    let mut pairs = Vec::new();
    let mut seen_ids = HashSet::new();
    for block in blocks(text)? {
        let at_block =
            |message: String| error(FILE, format!("pair at line {}: {message}", block.line));
        let pair = comparison(&block.fields, scenarios).map_err(at_block)?;
        if !seen_ids.insert(pair.id) {
            return Err(at_block(format!("field `id`: duplicate id `{}`", pair.id)));
        }
        pairs.push(pair);
    }
    Ok(pairs)
}

/// Splits the file into blocks of metadata lines, naming the line of any malformed one.
fn blocks(text: &'static str) -> Result<Vec<Block>, CatalogError> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut in_block = false;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            in_block = false;
            continue;
        }
        if !in_block {
            blocks.push(Block {
                line: number,
                fields: Vec::new(),
            });
            in_block = true;
        }
        let block = blocks.last_mut().expect("a block is open");
        read_metadata_line(line, &KEYS, &mut block.fields)
            .map_err(|message| error(FILE, format!("line {number}: {message}")))?;
    }
    Ok(blocks)
}

/// One pair from its fields, checked on its own and against the scenarios.
fn comparison(fields: &Fields, scenarios: &[Scenario]) -> Result<Comparison, String> {
    let field = |key: &str| required_field(fields, key);
    let pair = Comparison {
        id: field("id")?,
        title: field("title")?,
        summary: field("summary")?,
        concept: field("concept")?,
        left: field("left")?,
        right: field("right")?,
    };
    check_id(pair.id)?;
    for (side, id) in [("left", pair.left), ("right", pair.right)] {
        if !scenarios.iter().any(|scenario| scenario.id == id) {
            return Err(format!("field `{side}`: there is no scenario `{id}`"));
        }
    }
    if pair.left == pair.right {
        return Err(format!(
            "fields `left` and `right` both name `{}`; a comparison needs two different scenarios",
            pair.left
        ));
    }
    Ok(pair)
}

/// Ids end up in links, so they keep to lowercase letters, digits and hyphens.
fn check_id(id: &str) -> Result<(), String> {
    let allowed = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-';
    if id.bytes().all(allowed) {
        Ok(())
    } else {
        Err(format!(
            "field `id`: `{id}` may only hold lowercase letters, digits and hyphens"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAIR: &str = "# two ways\nid: demo\ntitle: Demo\nsummary: First part,\n  second part.\n\
                        concept: testing\nleft: hello\nright: gather\n";

    fn parse_err(text: &'static str) -> String {
        parse(text, super::super::all())
            .expect_err("the file should be rejected")
            .to_string()
    }

    /// `PAIR` with one line replaced, leaked so it lives as long as the embedded file would.
    fn with_line(old: &str, new: &str) -> &'static str {
        assert!(PAIR.contains(old), "{old}");
        PAIR.replacen(old, new, 1).leak()
    }

    #[test]
    fn embedded_pairs_parse_and_name_built_in_scenarios() {
        let pairs = parse(TEXT, super::super::all()).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(pairs.len(), all().len());
        let ids: Vec<&str> = all().iter().map(|pair| pair.id).collect();
        assert_eq!(
            ids,
            [
                "sequential-vs-concurrent",
                "threads-vs-processes",
                "blocking-vs-async-client",
                "simultaneous-exhibition"
            ]
        );
        for pair in all() {
            assert!(super::super::find(pair.left).is_some(), "{}", pair.left);
            assert!(super::super::find(pair.right).is_some(), "{}", pair.right);
        }
    }

    #[test]
    fn parses_fields_continuations_and_comments() {
        let pairs = parse(PAIR, super::super::all()).expect("valid pair");
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].id, "demo");
        assert_eq!(pairs[0].summary, "First part, second part.");
        assert_eq!((pairs[0].left, pairs[0].right), ("hello", "gather"));
    }

    #[test]
    fn serializes_the_six_fields() {
        let json = serde_json::to_value(&all()[0]).expect("json");
        let keys: Vec<&str> = json
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), KEYS.len());
        for key in KEYS {
            assert!(json[key].as_str().is_some_and(|v| !v.is_empty()), "{key}");
        }
    }

    #[test]
    fn unknown_scenario_names_the_side_and_the_line() {
        assert_eq!(
            parse_err(with_line("right: gather", "right: no-such-scenario")),
            "catalog/comparisons.txt: pair at line 2: field `right`: there is no scenario \
             `no-such-scenario`"
        );
    }

    #[test]
    fn a_scenario_cannot_be_compared_with_itself() {
        let message = parse_err(with_line("right: gather", "right: hello"));
        assert!(
            message.contains("fields `left` and `right` both name `hello`"),
            "{message}"
        );
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let twice: &'static str = format!("{PAIR}\n{PAIR}").leak();
        assert_eq!(
            parse_err(twice),
            "catalog/comparisons.txt: pair at line 11: field `id`: duplicate id `demo`"
        );
    }

    #[test]
    fn missing_and_empty_fields_are_rejected() {
        let message = parse_err(with_line("left: hello\n", ""));
        assert!(message.ends_with("field `left` is missing"), "{message}");
        let message = parse_err(with_line("title: Demo", "title:"));
        assert!(message.ends_with("field `title` is empty"), "{message}");
    }

    #[test]
    fn unknown_field_and_stray_line_name_the_line() {
        let message = parse_err(with_line("concept: testing", "theme: chess"));
        assert!(
            message.starts_with("catalog/comparisons.txt: line 6: unknown field `theme`"),
            "{message}"
        );
        let message = parse_err(with_line("concept: testing", "a remark"));
        assert!(
            message.contains("line 6: expected `key: value`"),
            "{message}"
        );
    }

    #[test]
    fn continuation_after_a_blank_line_is_rejected() {
        let message = parse_err(with_line("\n  second part.", "\n\n  second part."));
        assert!(
            message.contains("line 6: continuation line before any `key: value` line"),
            "{message}"
        );
    }

    #[test]
    fn ids_keep_to_link_safe_characters() {
        let message = parse_err(with_line("id: demo", "id: Demo Pair"));
        assert!(
            message.ends_with("`Demo Pair` may only hold lowercase letters, digits and hyphens"),
            "{message}"
        );
    }
}
