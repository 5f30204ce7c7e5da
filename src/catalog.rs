//! Built-in scenarios: the `catalog/*.py` programs, embedded at build time, with their metadata.
//!
//! Every scenario is a complete program that CPython 3.11 runs as it is. It opens with a block
//! of comment lines holding its metadata:
//!
//! ```text
//! # id: gather
//! # title: Four downloads at once
//! # summary: One line for the catalog.
//! # concept: concurrency with asyncio.gather
//! # notice: What to look at on the timeline, in a few sentences. A long value
//! #   continues on lines that start with `#` followed by at least two spaces.
//! # theme: chess
//! import asyncio
//! ```
//!
//! The block ends at the first line that does not start with `#`. The first five keys above are
//! required, none may be empty, none may repeat, and no other key is allowed. The optional
//! `theme` names the picture a scenario acts out, so a front end can draw its timeline that way:
//! `chess` (a grandmaster and her boards) or `bakery` (bakers, cakes and the oven). A file is
//! named `NN-ID.py`: the two-digit `NN` sets the teaching order of [`all`] and `ID` must equal its
//! `id`. [`Scenario::source`] is the program after the block, starting at its first non-blank
//! line. The built-in pairs of scenarios to compare side by side are in [`comparisons`].

pub mod comparisons;

use std::collections::HashSet;
use std::fmt;
use std::sync::OnceLock;

use serde::Serialize;

/// One built-in scenario, ready to show in the catalog and to run.
#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub concept: &'static str,
    pub notice: &'static str,
    pub theme: Option<Theme>,
    pub source: &'static str,
}

/// How the timeline is drawn: plainly, or as one of the tutorials' two pictures. A scenario's
/// optional `theme` field names a picture; a snapshot's view can name any theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Plain,
    /// A grandmaster (the event loop) playing many boards (the tasks).
    Chess,
    /// Bakers, cakes and the oven: one baker is concurrency, two bakers are parallelism.
    Bakery,
}

impl Theme {
    const ALL: [Theme; 3] = [Theme::Plain, Theme::Chess, Theme::Bakery];
    /// The themes a scenario's metadata may name.
    const PICTURES: [Theme; 2] = [Theme::Chess, Theme::Bakery];

    pub const fn as_str(self) -> &'static str {
        match self {
            Theme::Plain => "plain",
            Theme::Chess => "chess",
            Theme::Bakery => "bakery",
        }
    }

    /// The theme called `name` (`"chess"`), if there is one.
    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.as_str() == name)
    }

    fn parse(value: &str) -> Result<Theme, String> {
        Theme::PICTURES
            .into_iter()
            .find(|theme| theme.as_str() == value)
            .ok_or_else(|| {
                let names: Vec<&str> = Theme::PICTURES.iter().map(|theme| theme.as_str()).collect();
                format!(
                    "field `theme`: unknown theme `{value}` (allowed: {})",
                    names.join(", ")
                )
            })
    }
}

/// Embeds each named file of `catalog/` as `(file name, contents)`.
macro_rules! embed_catalog {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../catalog/", $name)))),*]
    };
}

/// The scenario files, in teaching order.
const FILES: &[(&str, &str)] = embed_catalog![
    "01-hello.py",
    "02-sequential-vs-tasks.py",
    "03-gather.py",
    "04-coroutine-vs-task.py",
    "05-blocking-sleep.py",
    "06-cpu-bound.py",
    "07-grandmaster.py",
    "08-bakery.py",
    "09-cancel.py",
    "10-wait-for.py",
    "11-two-bakers.py",
    "12-gil-threads-processes.py",
    "13-hashing-threads.py",
    "14-thread-pool-from-asyncio.py",
    "15-lost-updates.py",
    "16-tasks-vs-threads.py",
    "17-awaits-in-turn.py",
    "18-awaits-at-once.py",
    "19-cpu-in-threads.py",
    "20-cpu-in-processes.py",
    "21-blocking-client.py",
    "22-async-client.py",
    "23-exhibition-in-turn.py",
    "24-exhibition-simultaneous.py",
];

/// The fields of a scenario's metadata block; all but `theme` are required.
const KEYS: [&str; 6] = ["id", "title", "summary", "concept", "notice", "theme"];

/// Every built-in scenario, in teaching order.
///
/// # Panics
///
/// If an embedded file is invalid. The unit tests below parse every file, so that never ships.
pub fn all() -> &'static [Scenario] {
    static SCENARIOS: OnceLock<Vec<Scenario>> = OnceLock::new();
    SCENARIOS.get_or_init(|| parse_catalog(FILES).unwrap_or_else(|err| panic!("{err}")))
}

/// The built-in scenario with this id.
pub fn find(id: &str) -> Option<&'static Scenario> {
    all().iter().find(|scenario| scenario.id == id)
}

/// A problem in one catalog file, naming the file and what is wrong.
#[derive(Debug)]
struct CatalogError {
    file: String,
    message: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "catalog/{}: {}", self.file, self.message)
    }
}

/// Parses every file and checks the catalog as a whole: unique ids, increasing order prefixes.
fn parse_catalog(files: &[(&str, &'static str)]) -> Result<Vec<Scenario>, CatalogError> {
    let mut scenarios = Vec::with_capacity(files.len());
    let mut seen_ids = HashSet::new();
    let mut previous_name = "";
    for &(name, text) in files {
        let scenario = parse_file(name, text)?;
        if !seen_ids.insert(scenario.id) {
            return Err(error(
                name,
                format!("field `id`: duplicate id `{}`", scenario.id),
            ));
        }
        if name <= previous_name {
            return Err(error(
                name,
                format!("file name must sort after `{previous_name}`"),
            ));
        }
        previous_name = name;
        scenarios.push(scenario);
    }
    Ok(scenarios)
}

/// Parses one scenario file: its metadata block, its name and its program.
fn parse_file(name: &str, text: &'static str) -> Result<Scenario, CatalogError> {
    let (fields, source) = split_metadata(name, text)?;
    let field = |key: &str| required_field(&fields, key).map_err(|message| error(name, message));
    let theme = optional_field(&fields, "theme")
        .and_then(|value| value.map(Theme::parse).transpose())
        .map_err(|message| error(name, message))?;
    let scenario = Scenario {
        id: field("id")?,
        title: field("title")?,
        summary: field("summary")?,
        concept: field("concept")?,
        notice: field("notice")?,
        theme,
        source,
    };
    check_file_name(name, scenario.id)?;
    if source.is_empty() {
        return Err(error(
            name,
            "the program after the metadata block is empty".into(),
        ));
    }
    Ok(scenario)
}

/// A metadata key with the lines of its value, in file order.
type Fields = Vec<(&'static str, Vec<&'static str>)>;

/// Reads the leading comment block into fields and returns the program that follows it.
fn split_metadata(name: &str, text: &'static str) -> Result<(Fields, &'static str), CatalogError> {
    let mut fields: Fields = Vec::new();
    let mut rest = text;
    while let Some(comment) = rest.strip_prefix('#') {
        let (line, after) = comment.split_once('\n').unwrap_or((comment, ""));
        let line = line.strip_suffix('\r').unwrap_or(line);
        read_metadata_line(line, &KEYS, &mut fields).map_err(|message| error(name, message))?;
        rest = after;
    }
    Ok((fields, rest.trim_start_matches(['\n', '\r'])))
}

/// Adds one metadata line (a scenario's without its `#`) to the fields: a new `key: value` with
/// one of the `allowed` keys, or a continuation of the previous value (two leading spaces).
/// Answers what is wrong with the line.
fn read_metadata_line(
    line: &'static str,
    allowed: &[&str],
    fields: &mut Fields,
) -> Result<(), String> {
    if line.starts_with("  ") {
        let Some((_, lines)) = fields.last_mut() else {
            return Err("continuation line before any `key: value` line".into());
        };
        lines.push(line.trim());
        return Ok(());
    }
    let Some((key, value)) = line.split_once(':') else {
        return Err(format!("expected `key: value`, found `{}`", line.trim()));
    };
    let key = key.trim();
    if !allowed.contains(&key) {
        return Err(format!(
            "unknown field `{key}` (allowed: {})",
            allowed.join(", ")
        ));
    }
    if fields.iter().any(|(seen, _)| *seen == key) {
        return Err(format!("field `{key}` appears twice"));
    }
    fields.push((key, vec![value.trim()]));
    Ok(())
}

/// The value of a required field, its lines joined by spaces; missing or empty is an error.
fn required_field(fields: &Fields, key: &str) -> Result<&'static str, String> {
    optional_field(fields, key)?.ok_or_else(|| format!("field `{key}` is missing"))
}

/// The value of a field if it is present, its lines joined by spaces; present but empty is an
/// error.
fn optional_field(fields: &Fields, key: &str) -> Result<Option<&'static str>, String> {
    let Some((_, lines)) = fields.iter().find(|(seen, _)| *seen == key) else {
        return Ok(None);
    };
    let parts: Vec<&'static str> = lines.iter().copied().filter(|l| !l.is_empty()).collect();
    match parts.as_slice() {
        [] => Err(format!("field `{key}` is empty")),
        [single] => Ok(Some(single)),
        _ => Ok(Some(parts.join(" ").leak())),
    }
}

/// Checks that the file is named `NN-ID.py` for this scenario's id.
fn check_file_name(name: &str, id: &str) -> Result<(), CatalogError> {
    let expected_tail = format!("-{id}.py");
    let prefix = name.strip_suffix(&expected_tail);
    match prefix {
        Some(order) if order.len() == 2 && order.bytes().all(|b| b.is_ascii_digit()) => Ok(()),
        _ => Err(error(
            name,
            format!("field `id`: file should be named `NN-{id}.py`"),
        )),
    }
}

fn error(file: &str, message: String) -> CatalogError {
    CatalogError {
        file: file.to_string(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "# id: demo\n# title: Demo\n# summary: A demo.\n# concept: testing\n\
                        # notice: First part,\n#   second part.\n\nimport asyncio\n";

    fn parse_err(name: &str, text: &'static str) -> String {
        parse_file(name, text)
            .expect_err("the file should be rejected")
            .to_string()
    }

    #[test]
    fn embedded_catalog_parses() {
        let scenarios = parse_catalog(FILES).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(scenarios.len(), FILES.len());
        assert_eq!(all().len(), FILES.len());
    }

    #[test]
    fn embedded_list_matches_the_catalog_directory() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/catalog");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .expect("catalog directory")
            .map(|entry| {
                entry
                    .expect("catalog entry")
                    .file_name()
                    .into_string()
                    .expect("utf-8")
            })
            .filter(|name| name.ends_with(".py"))
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = FILES.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            embedded, on_disk,
            "FILES in src/catalog.rs must list every catalog/*.py"
        );
    }

    #[test]
    fn scenarios_are_in_file_order_and_findable() {
        let ids: Vec<&str> = all().iter().map(|s| s.id).collect();
        assert_eq!(ids[0], "hello");
        for scenario in all() {
            assert_eq!(find(scenario.id).map(|s| s.title), Some(scenario.title));
            assert!(
                scenario.source.starts_with("import"),
                "{} source starts with imports",
                scenario.id
            );
        }
        assert!(find("no-such-scenario").is_none());
    }

    #[test]
    fn parses_fields_continuations_and_source() {
        let scenario = parse_file("07-demo.py", GOOD).expect("valid file");
        assert_eq!(scenario.id, "demo");
        assert_eq!(scenario.title, "Demo");
        assert_eq!(scenario.notice, "First part, second part.");
        assert_eq!(scenario.source, "import asyncio\n");
    }

    #[test]
    fn serializes_every_field() {
        let json = serde_json::to_value(find("grandmaster").expect("grandmaster")).expect("json");
        for key in KEYS.iter().chain(&["source"]) {
            assert!(
                json[*key].as_str().is_some_and(|v| !v.is_empty()),
                "field {key}"
            );
        }
        assert_eq!(json["theme"], "chess");
        let json = serde_json::to_value(find("hello").expect("hello scenario")).expect("json");
        assert!(json["theme"].is_null(), "a scenario without a theme");
    }

    #[test]
    fn themes_of_the_built_in_pictures() {
        let themed: Vec<(&str, &str)> = all()
            .iter()
            .filter_map(|s| s.theme.map(|theme| (s.id, theme.as_str())))
            .collect();
        assert_eq!(
            themed,
            [
                ("grandmaster", "chess"),
                ("bakery", "bakery"),
                ("two-bakers", "bakery"),
                ("exhibition-in-turn", "chess"),
                ("exhibition-simultaneous", "chess"),
            ]
        );
    }

    #[test]
    fn parses_an_optional_theme() {
        let text = "# id: demo\n# title: T\n# summary: S\n# concept: C\n# theme: bakery\n\
                    # notice: N\nimport asyncio\n";
        let scenario = parse_file("01-demo.py", text).expect("valid file");
        assert_eq!(scenario.theme, Some(Theme::Bakery));
        assert_eq!(parse_file("01-demo.py", GOOD).expect("valid").theme, None);
    }

    #[test]
    fn unknown_or_empty_theme_is_rejected() {
        let text = "# id: demo\n# title: T\n# summary: S\n# concept: C\n# notice: N\n\
                    # theme: garden\nimport asyncio\n";
        assert_eq!(
            parse_err("01-demo.py", text),
            "catalog/01-demo.py: field `theme`: unknown theme `garden` (allowed: chess, bakery)"
        );
        let text = "# id: demo\n# title: T\n# summary: S\n# concept: C\n# notice: N\n\
                    # theme:\nimport asyncio\n";
        assert_eq!(
            parse_err("01-demo.py", text),
            "catalog/01-demo.py: field `theme` is empty"
        );
    }

    #[test]
    fn missing_field_names_file_and_field() {
        let text = "# id: demo\n# title: Demo\n# summary: S\n# concept: C\nimport asyncio\n";
        assert_eq!(
            parse_err("01-demo.py", text),
            "catalog/01-demo.py: field `notice` is missing"
        );
    }

    #[test]
    fn empty_field_names_file_and_field() {
        let text =
            "# id: demo\n# title:\n# summary: S\n# concept: C\n# notice: N\nimport asyncio\n";
        assert_eq!(
            parse_err("01-demo.py", text),
            "catalog/01-demo.py: field `title` is empty"
        );
    }

    #[test]
    fn unknown_field_is_rejected() {
        let text = "# id: demo\n# order: 3\nimport asyncio\n";
        let message = parse_err("01-demo.py", text);
        assert!(
            message.starts_with("catalog/01-demo.py: unknown field `order`"),
            "{message}"
        );
    }

    #[test]
    fn repeated_field_is_rejected() {
        let text = "# id: demo\n# id: other\nimport asyncio\n";
        assert_eq!(
            parse_err("01-demo.py", text),
            "catalog/01-demo.py: field `id` appears twice"
        );
    }

    #[test]
    fn stray_comment_line_is_rejected() {
        let text = "# id: demo\n# just a remark\nimport asyncio\n";
        let message = parse_err("01-demo.py", text);
        assert!(
            message.contains("expected `key: value`, found `just a remark`"),
            "{message}"
        );
    }

    #[test]
    fn file_name_must_match_id() {
        let message = parse_err("01-other.py", GOOD);
        assert_eq!(
            message,
            "catalog/01-other.py: field `id`: file should be named `NN-demo.py`"
        );
        assert!(parse_err("demo.py", GOOD).contains("NN-demo.py"));
    }

    #[test]
    fn empty_program_is_rejected() {
        let text = "# id: demo\n# title: T\n# summary: S\n# concept: C\n# notice: N\n\n";
        assert!(parse_err("01-demo.py", text).contains("program after the metadata block is empty"));
    }

    #[test]
    fn duplicate_id_is_rejected() {
        let err =
            parse_catalog(&[("01-demo.py", GOOD), ("02-demo.py", GOOD)]).expect_err("duplicate");
        assert_eq!(
            err.to_string(),
            "catalog/02-demo.py: field `id`: duplicate id `demo`"
        );
    }

    #[test]
    fn files_must_be_listed_in_order() {
        let other =
            "# id: zeta\n# title: T\n# summary: S\n# concept: C\n# notice: N\nimport asyncio\n";
        let err = parse_catalog(&[("02-zeta.py", other), ("01-demo.py", GOOD)]).expect_err("order");
        assert_eq!(err.file, "01-demo.py");
    }
}
