//! The picture a shared link unfurls with: a run's timeline drawn as a 1200×630 SVG, and the
//! same SVG rasterised to PNG for sites that do not take SVG images.
//!
//! The drawing follows the page's timeline (`static/timeline.js`, colours from
//! `static/palette.js`): one row per lane with its name, running spans solid in the lane's
//! colour, awaiting ones outlined, ready amber, the loop idle grey and blocked red. A run can
//! have a million spans, so each row is first reduced to pixel columns, the busiest state of a
//! column winning as it is drawn on top on the page; the SVG then holds one rectangle per run of
//! equal columns, a few hundred at most.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use resvg::tiny_skia;
use resvg::usvg::{self, fontdb};

use crate::store::card;
use crate::trace::document::{human_duration, LaneInfo, TraceDocument};
use crate::trace::event::{LaneKind, State};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const MARGIN: f64 = 56.0;
const PANEL_TOP: f64 = 216.0;
const PANEL_HEIGHT: f64 = 340.0;
const LABEL_WIDTH: f64 = 250.0;
/// Room under the rows for the time axis.
const AXIS_HEIGHT: f64 = 34.0;
const MAX_ROW_HEIGHT: f64 = 40.0;
/// Lanes beyond this are summed up in a last row.
const MAX_ROWS: usize = 10;
const FONT: &str = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";

/// From `static/palette.js`.
const TASK_COLORS: [&str; 10] = [
    "#2563eb", "#7c3aed", "#db2777", "#059669", "#0891b2", "#4f46e5", "#65a30d", "#c026d3",
    "#0f766e", "#9333ea",
];
const THREAD_COLORS: [&str; 8] = [
    "#2563eb", "#db2777", "#65a30d", "#4f46e5", "#c026d3", "#0284c7", "#a16207", "#be185d",
];
const NEUTRAL_COLOR: &str = "#64748b";

/// How a stretch of a row is painted, and which paint wins a pixel column (higher layer).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Paint {
    fill: &'static str,
    fill_opacity: f32,
    stroke: Option<&'static str>,
    layer: u8,
    /// Drawn as a thin line in the middle of the row rather than a full bar.
    thin: bool,
}

impl Paint {
    const fn solid(fill: &'static str) -> Paint {
        Paint {
            fill,
            fill_opacity: 1.0,
            stroke: None,
            layer: 2,
            thin: false,
        }
    }

    const fn outlined(color: &'static str) -> Paint {
        Paint {
            fill: color,
            fill_opacity: 0.12,
            stroke: Some(color),
            layer: 1,
            thin: false,
        }
    }

    const fn background(fill: &'static str, stroke: Option<&'static str>) -> Paint {
        Paint {
            fill,
            fill_opacity: 1.0,
            stroke,
            layer: 0,
            thin: false,
        }
    }
}

const READY: Paint = Paint::background("#fde7a8", Some("#f0b429"));
const LOOP_IDLE: Paint = Paint::background("#e3e7ec", None);
const LOOP_BLOCKED: Paint = Paint::solid("#dc2626");
const WAITING_GIL: Paint = Paint::background("#e9e0ff", Some("#b69cf5"));
const NATIVE: Paint = Paint::solid("#0d9488");
const THREAD_IDLE: Paint = Paint {
    thin: true,
    ..Paint::background("#cbd2da", None)
};

/// The preview of `doc` as SVG text.
pub fn svg(doc: &TraceDocument) -> String {
    let mut out = String::with_capacity(32 * 1024);
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{FONT}">"##
    );
    let _ = write!(
        out,
        r##"<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/><rect width="{WIDTH}" height="8" fill="#2563eb"/>"##
    );
    header(&mut out, doc);
    timeline(&mut out, doc);
    legend(&mut out);
    out.push_str("</svg>");
    out
}

/// The brand, the program's name and its figures.
fn header(out: &mut String, doc: &TraceDocument) {
    let brand = [
        (3, 6, 12, "#2563eb", 1.0),
        (17, 6, 12, "#2563eb", 0.25),
        (3, 14, 8, "#7c3aed", 0.25),
        (13, 14, 9, "#7c3aed", 1.0),
        (3, 22, 18, "#db2777", 0.25),
        (23, 22, 6, "#db2777", 1.0),
    ];
    let _ = write!(out, r#"<g transform="translate({MARGIN} 40)">"#);
    for (x, y, w, color, opacity) in brand {
        let _ = write!(
            out,
            r#"<rect x="{x}" y="{y}" width="{w}" height="6" rx="2" fill="{color}" fill-opacity="{opacity}"/>"#
        );
    }
    out.push_str("</g>");
    text(out, MARGIN + 42.0, 66.0, 22.0, "#111827", 600, "Interleave");
    let title = fit(&card::program_name(doc), 1088.0, 46.0);
    text(out, MARGIN, 138.0, 46.0, "#111827", 700, &title);
    let figures = card::figures(doc).join(" · ");
    text(out, MARGIN, 182.0, 24.0, "#4b5563", 400, &figures);
}

/// The lanes, their spans and the time axis, in a rounded panel.
fn timeline(out: &mut String, doc: &TraceDocument) {
    let panel_width = f64::from(WIDTH) - 2.0 * MARGIN;
    let _ = write!(
        out,
        r##"<rect x="{MARGIN}" y="{PANEL_TOP}" width="{panel_width}" height="{PANEL_HEIGHT}" rx="14" fill="#f8fafc" stroke="#e5e7eb"/>"##
    );
    let plot = Plot::new(doc);
    plot.grid(out, doc.summary.wall_ns);
    let colors = lane_colors(&doc.lanes);
    let (shown, hidden) = rows(&doc.lanes);
    let rows_drawn = shown.len() + usize::from(hidden > 0);
    let room = PANEL_HEIGHT - AXIS_HEIGHT - 24.0;
    let row_height = (room / rows_drawn.max(1) as f64).min(MAX_ROW_HEIGHT);
    // A few rows sit in the middle of the room rather than at its top.
    let top = PANEL_TOP + 14.0 + (room - row_height * rows_drawn as f64) / 2.0;
    let columns = plot.columns(doc, &shown, &colors);
    for (row, lane) in shown.iter().enumerate() {
        let y = top + row as f64 * row_height;
        let color = colors.get(&lane.ix).copied().unwrap_or(NEUTRAL_COLOR);
        lane_label(out, lane, color, y, row_height);
        plot.bars(out, &columns[row], y, row_height);
    }
    if hidden > 0 {
        let y = top + shown.len() as f64 * row_height;
        let more = format!("+ {hidden} more lanes");
        let size = (row_height * 0.45).clamp(11.0, 16.0);
        text(
            out,
            MARGIN + 16.0,
            y + row_height / 2.0 + size * 0.35,
            size,
            "#6b7280",
            400,
            &more,
        );
    }
}

/// The lanes drawn, in page order (cores last), and how many did not fit.
fn rows(lanes: &[LaneInfo]) -> (Vec<&LaneInfo>, usize) {
    let mut ordered: Vec<&LaneInfo> = lanes.iter().filter(|l| l.kind != LaneKind::Core).collect();
    ordered.extend(lanes.iter().filter(|l| l.kind == LaneKind::Core));
    if ordered.len() <= MAX_ROWS {
        return (ordered, 0);
    }
    let hidden = ordered.len() - (MAX_ROWS - 1);
    ordered.truncate(MAX_ROWS - 1);
    (ordered, hidden)
}

fn lane_label(out: &mut String, lane: &LaneInfo, color: &str, y: f64, height: f64) {
    let size = (height * 0.42).clamp(11.0, 15.0);
    let middle = y + height / 2.0;
    let _ = write!(
        out,
        r#"<circle cx="{}" cy="{middle:.1}" r="{:.1}" fill="{color}"/>"#,
        MARGIN + 22.0,
        (size * 0.3).max(3.0)
    );
    let name = fit(&lane.name, LABEL_WIDTH - 40.0, size);
    text(
        out,
        MARGIN + 34.0,
        middle + size * 0.35,
        size,
        "#1f2937",
        500,
        &name,
    );
}

/// Colours of task, thread and process lanes, by the order each family was declared in.
fn lane_colors(lanes: &[LaneInfo]) -> HashMap<u32, &'static str> {
    let (mut tasks, mut threads) = (0, 0);
    let mut colors = HashMap::new();
    for lane in lanes {
        let color = match lane.kind {
            LaneKind::Task => {
                tasks += 1;
                TASK_COLORS[(tasks - 1) % TASK_COLORS.len()]
            }
            LaneKind::Thread | LaneKind::Process => {
                threads += 1;
                THREAD_COLORS[(threads - 1) % THREAD_COLORS.len()]
            }
            LaneKind::EventLoop | LaneKind::Core => NEUTRAL_COLOR,
        };
        colors.insert(lane.ix, color);
    }
    colors
}

/// The plot area: time to x.
struct Plot {
    left: f64,
    width: usize,
    wall_ns: f64,
}

impl Plot {
    fn new(doc: &TraceDocument) -> Plot {
        let left = MARGIN + LABEL_WIDTH;
        Plot {
            left,
            width: (f64::from(WIDTH) - MARGIN - 20.0 - left) as usize,
            wall_ns: doc.summary.wall_ns.max(1) as f64,
        }
    }

    fn x(&self, t_ns: u64) -> f64 {
        (t_ns as f64 / self.wall_ns * self.width as f64).clamp(0.0, self.width as f64)
    }

    /// Vertical lines and labels at the quarters of the run.
    fn grid(&self, out: &mut String, wall_ns: u64) {
        let bottom = PANEL_TOP + PANEL_HEIGHT - AXIS_HEIGHT;
        for quarter in 0..=4u64 {
            let t_ns = (u128::from(wall_ns) * u128::from(quarter) / 4) as u64;
            let x = self.left + self.x(t_ns);
            let _ = write!(
                out,
                r##"<rect x="{x:.1}" y="{}" width="1" height="{}" fill="#e5e7eb"/>"##,
                PANEL_TOP + 10.0,
                bottom - PANEL_TOP - 4.0
            );
            let label = if quarter == 0 {
                "0".to_string()
            } else {
                human_duration(t_ns)
            };
            let anchor = match quarter {
                0 => "start",
                4 => "end",
                _ => "middle",
            };
            let _ = write!(
                out,
                r##"<text x="{x:.1}" y="{:.1}" font-size="15" fill="#6b7280" text-anchor="{anchor}">{}</text>"##,
                bottom + 22.0,
                escape(&label)
            );
        }
    }

    /// Per drawn row, the paint of each pixel column.
    fn columns(
        &self,
        doc: &TraceDocument,
        shown: &[&LaneInfo],
        colors: &HashMap<u32, &'static str>,
    ) -> Vec<Vec<Option<Paint>>> {
        let row_of: HashMap<u32, (usize, LaneKind)> = shown
            .iter()
            .enumerate()
            .map(|(i, l)| (l.ix, (i, l.kind)))
            .collect();
        let by_name: HashMap<&str, &'static str> = doc
            .lanes
            .iter()
            .rev()
            .filter_map(|l| Some((&*l.name, *colors.get(&l.ix)?)))
            .collect();
        let mut columns = vec![vec![None; self.width]; shown.len()];
        for span in &doc.spans {
            let Some(&(row, kind)) = row_of.get(&span.lane) else {
                continue;
            };
            let own = colors.get(&span.lane).copied().unwrap_or(NEUTRAL_COLOR);
            let shown_color = || {
                let label = span.label.as_deref().unwrap_or("");
                let owner = label.split(" · ").next().unwrap_or(label);
                by_name.get(label).or_else(|| by_name.get(owner)).copied()
            };
            let Some(paint) = paint(kind, span.state, own, shown_color) else {
                continue;
            };
            let first = self.x(span.start_ns).floor() as usize;
            let last = (self.x(span.end_ns).ceil() as usize)
                .max(first + 1)
                .min(self.width);
            for cell in columns[row].iter_mut().take(last).skip(first) {
                if cell.is_none_or(|old: Paint| paint.layer > old.layer) {
                    *cell = Some(paint);
                }
            }
        }
        columns
    }

    /// One rectangle per run of equal columns.
    fn bars(&self, out: &mut String, columns: &[Option<Paint>], y: f64, row_height: f64) {
        let mut start = 0;
        while start < columns.len() {
            let paint = columns[start];
            let end = columns[start..]
                .iter()
                .position(|c| *c != paint)
                .map_or(columns.len(), |n| start + n);
            if let Some(paint) = paint {
                bar(
                    out,
                    &paint,
                    self.left + start as f64,
                    (end - start) as f64,
                    y,
                    row_height,
                );
            }
            start = end;
        }
    }
}

fn bar(out: &mut String, paint: &Paint, x: f64, width: f64, y: f64, row_height: f64) {
    let full = row_height * 0.72;
    let height = if paint.thin { 3.0 } else { full };
    let top = y + (row_height - height) / 2.0;
    let radius = if width > 6.0 && !paint.thin { 3.0 } else { 0.0 };
    let _ = write!(
        out,
        r#"<rect x="{x:.1}" y="{top:.1}" width="{width:.1}" height="{height:.1}" rx="{radius}" fill="{}" fill-opacity="{}""#,
        paint.fill, paint.fill_opacity
    );
    if let Some(stroke) = paint.stroke {
        let _ = write!(out, r#" stroke="{stroke}" stroke-opacity="0.75""#);
    }
    out.push_str("/>");
}

/// How a span of `state` on a lane of `kind` (colour `own`) is painted, as on the page; `None`
/// for nothing. Loop and core `running` spans take the colour of the lane they run.
fn paint(
    kind: LaneKind,
    state: State,
    own: &'static str,
    shown_color: impl Fn() -> Option<&'static str>,
) -> Option<Paint> {
    let runs_others = matches!(kind, LaneKind::EventLoop | LaneKind::Core);
    if kind == LaneKind::Core && state != State::Running {
        return None;
    }
    Some(match state {
        State::Running if runs_others => Paint::solid(shown_color().unwrap_or(NEUTRAL_COLOR)),
        State::Running => Paint::solid(own),
        State::Awaiting => Paint::outlined(own),
        State::Ready => READY,
        State::Idle if kind == LaneKind::Thread => THREAD_IDLE,
        State::Idle => LOOP_IDLE,
        State::Blocked if kind == LaneKind::EventLoop => LOOP_BLOCKED,
        State::Blocked => Paint::outlined(own),
        State::WaitingGil => WAITING_GIL,
        State::Native => NATIVE,
        State::Done | State::Cancelled | State::Failed => return None,
    })
}

/// What the colours mean, along the bottom.
fn legend(out: &mut String) {
    let items = [
        (Paint::solid("#2563eb"), "running"),
        (Paint::outlined("#2563eb"), "awaiting"),
        (READY, "ready, loop busy"),
        (LOOP_IDLE, "loop idle"),
        (LOOP_BLOCKED, "loop blocked"),
    ];
    let mut x = MARGIN;
    let y = 588.0;
    for (paint, label) in items {
        bar(out, &paint, x, 22.0, y, 20.0);
        text(out, x + 30.0, y + 15.5, 16.0, "#4b5563", 400, label);
        x += 30.0 + label.chars().count() as f64 * 8.6 + 30.0;
    }
}

fn text(out: &mut String, x: f64, y: f64, size: f64, color: &str, weight: u16, content: &str) {
    let _ = write!(
        out,
        r#"<text x="{x:.1}" y="{y:.1}" font-size="{size:.1}" font-weight="{weight}" fill="{color}">{}</text>"#,
        escape(content)
    );
}

/// `text`, cut with an ellipsis to fit about `width` pixels at `size`.
fn fit(text: &str, width: f64, size: f64) -> String {
    let room = (width / (size * 0.56)).max(4.0) as usize;
    card::cut(text, room)
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The system's fonts, read once. Where there are none, the PNG has no text but is otherwise
/// whole.
fn fonts() -> Arc<fontdb::Database> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut fonts = fontdb::Database::new();
            fonts.load_system_fonts();
            Arc::new(fonts)
        })
        .clone()
}

/// `svg` (as [`svg`] draws it) rasterised to PNG.
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| format!("the preview SVG does not parse: {e}"))?;
    let mut pixmap =
        tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("cannot allocate the preview image")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode the preview PNG: {e}"))
}
