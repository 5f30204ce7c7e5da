// Timeline renderer: draws a RunModel on Canvas 2D (lanes, spans, arrows, markers, axis) and handles zoom, pan, hover and selection.
//
// Coordinate spaces:
//   time   — nanoseconds since the run started (the model's unit);
//   view   — CSS pixels inside the canvas, x from the plot's left edge, y from the canvas top
//            (the axis band comes first, then the lane rows, shifted up by `scrollY`);
//   device — view × devicePixelRatio: the canvas backing store. Only sizing and hatch patterns
//            deal with it; drawing goes through a transform so every coordinate below is in view px.

import { niceTicks } from './format.js';
import { LaneLabels } from './lane-labels.js';
import { POINT, STATE, spanAt } from './model.js';
import { laneColor } from './palette.js';
import { themeNamed } from './themes.js';
import { Tooltip } from './tooltip.js';

const AXIS_HEIGHT = 30;
const ROW_HEIGHT = { event_loop: 44, task: 34, thread: 34, process: 40, core: 30 };
const DEFAULT_ROW_HEIGHT = 34;
/** Space between lane groups: a titled band (the CPU cores) or a plain divider (a child process). */
const HEADING_HEIGHT = 26;
const DIVIDER_HEIGHT = 8;
/** A pool worker waiting for work is a thin line, not a bar: it is there, doing nothing. */
const THIN_BAR_HEIGHT = 4;
const BAR_PADDING = 6;
const MIN_WINDOW_NS = 1_000;
const LIVE_WINDOW_NS = 1e9;
const LABEL_MIN_WIDTH = 44;
const DIM_ALPHA = 0.28;
const WHEEL_ZOOM_SPEED = 0.0018;
const DRAG_THRESHOLD_PX = 3;
const HOVER_POINT_RADIUS = 6;
/** Busy states are drawn at least this wide, so a task step of a few microseconds still shows. */
const MIN_BUSY_WIDTH = 2;
const BUSY_STATES = new Set([STATE.running, STATE.blocked, STATE.native]);
/** What each CPU-core row is for, written in its heading band. */
const CORES_CAPTION = 'one row per CPU of this machine: which thread of this run it executes';

const THEME = {
  background: '#ffffff',
  rowAlternate: '#fafbfc',
  rowLoop: '#f6f8fb',
  rowSelected: '#eaf1ff',
  rowSeparator: '#eef0f3',
  grid: '#eef1f5',
  axisText: '#6b7280',
  axisLine: '#e3e6ea',
  blocked: '#dc2626',
  native: '#0d9488',
  other: '#94a3b8',
  idleBase: '#f1f3f5',
  idleStripe: '#d5dae0',
  readyBase: '#fff4d6',
  readyStripe: '#f0b429',
  gilBase: '#f1ebff',
  gilStripe: '#b69cf5',
  nativeStripe: '#3cbfb2',
  headingBand: '#f3f5f8',
  headingText: '#8c959f',
  groupDivider: '#d5dae0',
  spawn: '#7c3aed',
  wake: '#0e7490',
  cancel: '#dc2626',
  print: '#f59e0b',
  diagnostic: '#d97706',
  exception: '#dc2626',
  now: '#2563eb',
  pin: '#b45309',
  outline: '#111827',
  moment: '#0f172a',
  momentRow: '#eef1f6',
  boardSquare: 'rgba(181, 136, 99, 0.13)',
};

const STATE_WORDS = {
  [STATE.running]: 'running',
  [STATE.awaiting]: 'awaiting',
  [STATE.ready]: 'ready',
  [STATE.blocked]: 'blocked',
  [STATE.waiting_gil]: 'waiting for the GIL',
  [STATE.native]: 'native code',
  [STATE.idle]: 'idle',
  [STATE.other]: 'other',
};

function hexToRgb(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function tint(hex, alpha) {
  const [r, g, b] = hexToRgb(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** A darker shade of a colour, for text drawn on its tint. */
function shade(hex, factor) {
  const [r, g, b] = hexToRgb(hex).map((c) => Math.round(c * factor));
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * The time window timelines show, and whether it follows the end of their runs. Each timeline has
 * its own unless given one to share: timelines sharing a window (the compare view) keep one scale
 * with t = 0 at the same x, and zoom and pan together.
 */
export class TimeWindow {
  constructor() {
    this.view = { t0: 0, t1: LIVE_WINDOW_NS };
    this.follow = true;
    this.members = [];
  }

  /** The latest moment of any member's run. */
  now() {
    return Math.max(0, ...this.members.map((timeline) => timeline.now()));
  }

  get live() {
    return this.members.some((timeline) => timeline.live);
  }

  /**
   * Moves the window; the other members redraw (`origin` is drawing, or asks for its own frame).
   * Returns whether the window moved, so the caller tells of real changes only.
   */
  move(view, origin) {
    if (view.t0 === this.view.t0 && view.t1 === this.view.t1) return false;
    this.view = view;
    for (const timeline of this.members) if (timeline !== origin) timeline.requestDraw();
    return true;
  }
}

export class Timeline {
  /**
   * `timeWindow` shares the time window with other timelines; `axis: false` leaves the time axis to
   * another one; `onView` hears of every change of the visible window.
   */
  constructor({ canvas, labels, tooltip, onHover, onSelect, onView = () => {}, timeWindow = new TimeWindow(), axis = true }) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.labelsHost = labels;
    this.labels = new LaneLabels(labels, {
      onPick: (laneIndex) => this.selectLane(laneIndex === this.selectedLane ? -1 : laneIndex),
    });
    this.tooltip = new Tooltip(tooltip);
    this.onHover = onHover;
    this.onSelect = onSelect;
    this.onView = onView;
    this.model = null;
    this.timeWindow = timeWindow;
    timeWindow.members.push(this);
    this.axisHeight = axis ? AXIS_HEIGHT : 0;
    this.scrollY = 0;
    this.live = false;
    this.width = 0;
    this.height = 0;
    this.dpr = 0;
    this.rows = { revision: -1, order: [], top: [], height: [], rowOf: new Int32Array(0), total: 0, breaks: [] };
    this.hover = null;
    this.selectedLane = -1;
    this.selectedSpan = null;
    this.pin = null;
    this.moment = null;
    this.playhead = null;
    this.drawnSpans = 0;
    this.theme = themeNamed('plain');
    this.batches = new Map();
    this.texts = [];
    this.textWidths = new Map();
    this.drawPending = false;
    this.drag = null;
    this.fontFamily = getComputedStyle(canvas).fontFamily;
    this.bindEvents();
    new ResizeObserver(() => this.resize()).observe(canvas.parentElement);
    this.resize();
  }

  // ── model and view ──────────────────────────────────────────────────────

  /** The visible time range `{t0, t1}`, in ns: the time window's, shared or not. */
  get view() {
    return this.timeWindow.view;
  }

  set view(view) {
    if (this.timeWindow.move(view, this)) this.onView();
  }

  /** Whether the view keeps showing the whole run as it grows (until the user zooms or pans). */
  get follow() {
    return this.timeWindow.follow;
  }

  set follow(follow) {
    this.timeWindow.follow = follow;
  }

  setModel(model) {
    this.model = model;
    this.view = { t0: 0, t1: LIVE_WINDOW_NS };
    this.scrollY = 0;
    this.follow = true;
    this.hover = null;
    this.selectedLane = -1;
    this.selectedSpan = null;
    this.pin = null;
    this.moment = null;
    this.playhead = null;
    this.rows.revision = -1;
    this.labels.clear();
    this.tooltip.hide();
    this.requestDraw();
  }

  /** While live, the timeline redraws every frame so open spans grow with the wall clock. */
  setLive(live) {
    this.live = live;
    if (!live && this.follow) this.fit();
    this.requestDraw();
  }

  requestDraw() {
    if (this.drawPending) return;
    this.drawPending = true;
    requestAnimationFrame(() => this.draw());
  }

  now() {
    return this.model ? this.model.now(performance.now()) : 0;
  }

  /** The time range worth showing: the run so far, at least a moment long. */
  domainEnd() {
    return Math.max(this.timeWindow.now(), MIN_WINDOW_NS * 10);
  }

  /** Shows the whole run and keeps following it while it is live. */
  fit() {
    this.follow = true;
    this.followRun(this.timeWindow.now());
    this.requestDraw();
  }

  /** The whole run so far; while live, with room ahead so the growing edge is not pinned to the border. */
  followRun(now) {
    const end = Math.max(now, MIN_WINDOW_NS * 10);
    const t1 = this.timeWindow.live ? Math.max(end * 1.1, LIVE_WINDOW_NS) : end * 1.04;
    // A sliver of margin before t = 0 keeps the first spawn arrows off the border.
    this.view = { t0: -t1 * 0.012, t1 };
  }

  nsPerPx() {
    return (this.view.t1 - this.view.t0) / Math.max(this.width, 1);
  }

  timeToX(t) {
    return (t - this.view.t0) / this.nsPerPx();
  }

  xToTime(x) {
    return this.view.t0 + x * this.nsPerPx();
  }

  /** Zooms by `factor` (< 1 zooms in) keeping the time under view x `anchorX` in place. */
  zoomAt(anchorX, factor) {
    const anchorT = this.xToTime(anchorX);
    const maxWindow = Math.max(this.domainEnd() * 1.5, LIVE_WINDOW_NS);
    const windowNs = Math.min(Math.max((this.view.t1 - this.view.t0) * factor, MIN_WINDOW_NS), maxWindow);
    const t0 = anchorT - (anchorX / Math.max(this.width, 1)) * windowNs;
    this.setWindow(t0, t0 + windowNs);
  }

  panByPx(dx) {
    const dt = dx * this.nsPerPx();
    this.setWindow(this.view.t0 + dt, this.view.t1 + dt);
  }

  /** Moves the window, keeping some of the run in sight; any manual move stops following the live edge. */
  setWindow(t0, t1) {
    const windowNs = t1 - t0;
    const end = this.domainEnd();
    const shift = Math.min(Math.max(t0, -windowNs * 0.5), end - windowNs * 0.5) - t0;
    this.view = { t0: t0 + shift, t1: t1 + shift };
    this.follow = false;
    this.requestDraw();
  }

  scrollBy(dy) {
    this.scrollY = this.clampScroll(this.scrollY + dy);
    this.requestDraw();
  }

  clampScroll(scrollY) {
    const maxScroll = Math.max(0, this.rows.total - (this.height - this.axisHeight));
    return Math.min(Math.max(scrollY, 0), maxScroll);
  }

  /** Brings time `t` (and optionally a lane's row) into view without changing the zoom. */
  reveal(t, laneIndex = -1) {
    const windowNs = this.view.t1 - this.view.t0;
    // A margin keeps `t` off the borders, except where the run itself begins or ends in view.
    const left = this.view.t0 <= 0 ? this.view.t0 : this.view.t0 + windowNs * 0.05;
    const right = this.view.t1 >= this.domainEnd() ? this.view.t1 : this.view.t1 - windowNs * 0.05;
    if (t < left || t > right) {
      this.setWindow(t - windowNs / 2, t + windowNs / 2);
    }
    if (laneIndex >= 0) this.revealLane(laneIndex);
    this.requestDraw();
  }

  revealLane(laneIndex) {
    this.syncRows();
    const row = this.rows.rowOf[laneIndex];
    if (row === undefined || row < 0) return;
    const top = this.rows.top[row];
    const bottom = top + this.rows.height[row];
    const visible = this.height - this.axisHeight;
    if (top < this.scrollY) this.scrollBy(top - this.scrollY);
    else if (bottom > this.scrollY + visible) this.scrollBy(bottom - this.scrollY - visible);
  }

  /** Marks a moment (an output line or diagnostic the user picked) with a vertical line. */
  pinTime(t) {
    this.pin = t;
    this.requestDraw();
  }

  /**
   * Highlights a moment someone points at elsewhere (a sentence of the narration): a cursor line at
   * `t`, the lane's row, and the span [start, end] if it has one; null clears it.
   */
  showMoment(moment) {
    this.moment = moment && { ...moment, open: false };
    this.requestDraw();
  }

  /** Shows the run only as far as run time `t` (the replay's playhead), with a line there; null shows it all. */
  setPlayhead(t) {
    this.playhead = t;
    this.requestDraw();
  }

  /** The last moment drawn: the playhead during a replay, else no limit. */
  cutoff() {
    return this.playhead ?? Infinity;
  }

  /** Draws lanes, span texts and hover cards in a picture's words (themes.js). */
  setTheme(theme) {
    this.theme = theme;
    this.labels.setTheme(theme);
    this.tooltip.theme = theme;
    this.requestDraw();
  }

  selectLane(laneIndex, span = null) {
    this.selectedLane = laneIndex;
    this.selectedSpan = span;
    this.labels.markSelected(laneIndex);
    this.requestDraw();
    this.onSelect(span ?? (laneIndex >= 0 ? { laneIndex, lane: this.model.lanes[laneIndex] } : null));
  }

  // ── rows ────────────────────────────────────────────────────────────────

  syncRows() {
    const model = this.model;
    if (!model || this.rows.revision === model.lanesRevision) return;
    const { order, breaks: groupBreaks } = model.layout();
    const top = new Float64Array(order.length);
    const height = new Float64Array(order.length);
    const rowOf = new Int32Array(model.lanes.length).fill(-1);
    const gapBefore = new Map(groupBreaks.map((entry) => [entry.row, entry.heading]));
    const breaks = [];
    let y = 0;
    order.forEach((laneIndex, row) => {
      if (gapBefore.has(row)) {
        const heading = gapBefore.get(row);
        const gap = heading ? HEADING_HEIGHT : DIVIDER_HEIGHT;
        breaks.push({ top: y, height: gap, heading });
        y += gap;
      }
      const lane = model.lanes[laneIndex];
      top[row] = y;
      height[row] = ROW_HEIGHT[lane.kind] ?? DEFAULT_ROW_HEIGHT;
      rowOf[laneIndex] = row;
      y += height[row];
    });
    this.rows = { revision: model.lanesRevision, order, top, height, rowOf, total: y, breaks };
    this.scrollY = this.clampScroll(this.scrollY);
  }

  rowY(row) {
    return this.axisHeight + this.rows.top[row] - this.scrollY;
  }

  /** The first and one-past-last rows intersecting the visible band. */
  visibleRowRange() {
    const { top, height, order } = this.rows;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (top[mid] + height[mid] > this.scrollY) hi = mid;
      else lo = mid + 1;
    }
    let end = lo;
    const bottom = this.scrollY + this.height - this.axisHeight;
    while (end < order.length && top[end] < bottom) end += 1;
    return [lo, end];
  }

  rowAtY(y) {
    const content = y - this.axisHeight + this.scrollY;
    if (y < this.axisHeight || content < 0 || content >= this.rows.total) return -1;
    const { top } = this.rows;
    let lo = 0;
    let hi = top.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (top[mid] <= content) lo = mid;
      else hi = mid - 1;
    }
    // Between groups the point is in a heading band or divider, not in a row.
    return content < top[lo] + this.rows.height[lo] ? lo : -1;
  }

  barGeometry(row) {
    const y = this.rowY(row);
    const height = this.rows.height[row];
    return { y: y + BAR_PADDING, h: height - 2 * BAR_PADDING, rowTop: y, rowHeight: height };
  }

  /** The height the axis and every lane row take, for a page that sizes the timeline to its lanes. */
  contentHeight() {
    if (!this.model) return this.axisHeight;
    this.syncRows();
    return this.axisHeight + this.rows.total;
  }

  // ── sizing ──────────────────────────────────────────────────────────────

  resize() {
    const box = this.canvas.parentElement.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.floor(box.width));
    const height = Math.max(1, Math.floor(box.height));
    if (width === this.width && height === this.height && dpr === this.dpr) return;
    this.width = width;
    this.height = height;
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    if (dpr !== this.dpr) {
      this.dpr = dpr;
      this.patterns = this.makePatterns();
    }
    this.draw();
  }

  /** Diagonal hatches drawn at device resolution, so they stay crisp on high-density screens. */
  makePatterns() {
    /** A repeating tile `cssSize` CSS pixels square, painted by `paint(context, devicePixels)`. */
    const tilePattern = (cssSize, paint) => {
      const size = Math.round(cssSize * this.dpr);
      const tile = document.createElement('canvas');
      tile.width = size;
      tile.height = size;
      paint(tile.getContext('2d'), size);
      const pattern = this.ctx.createPattern(tile, 'repeat');
      pattern.setTransform(new DOMMatrix().scale(1 / this.dpr));
      return pattern;
    };
    const hatch = (base, stripe) =>
      tilePattern(8, (g, size) => {
        g.fillStyle = base;
        g.fillRect(0, 0, size, size);
        g.strokeStyle = stripe;
        g.lineWidth = 2.2 * this.dpr;
        g.beginPath();
        for (const offset of [-size, 0, size]) {
          g.moveTo(offset, size);
          g.lineTo(offset + size, 0);
        }
        g.stroke();
      });
    /** Fine vertical lines on a solid fill: still a full bar, but not the same as a solid one. */
    const ribbed = (base, stripe) =>
      tilePattern(5, (g, size) => {
        g.fillStyle = base;
        g.fillRect(0, 0, size, size);
        g.fillStyle = stripe;
        g.fillRect(0, 0, Math.max(1, Math.round(this.dpr)), size);
      });
    return {
      idle: hatch(THEME.idleBase, THEME.idleStripe),
      ready: hatch(THEME.readyBase, THEME.readyStripe),
      gil: hatch(THEME.gilBase, THEME.gilStripe),
      native: ribbed(THEME.native, THEME.nativeStripe),
      // The chess picture's rows: faint squares, like a board seen from the side.
      board: tilePattern(24, (g, size) => {
        g.fillStyle = THEME.boardSquare;
        g.fillRect(0, 0, size / 2, size / 2);
        g.fillRect(size / 2, size / 2, size / 2, size / 2);
      }),
    };
  }

  // ── drawing ─────────────────────────────────────────────────────────────

  draw() {
    this.drawPending = false;
    if ((window.devicePixelRatio || 1) !== this.dpr) {
      this.resize();
      return;
    }
    const ctx = this.ctx;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.fillStyle = THEME.background;
    ctx.fillRect(0, 0, this.width, this.height);
    if (!this.model) return;
    const now = this.now();
    if (this.follow) this.followRun(this.timeWindow.now());
    this.syncRows();
    const [firstRow, endRow] = this.visibleRowRange();
    const ticks = niceTicks(this.view.t0, this.view.t1, this.width);

    this.drawRowBackgrounds(firstRow, endRow);
    this.drawGrid(ticks.ticks);
    this.drawGroupBreaks();
    const shownUntil = Math.min(now, this.cutoff());
    this.drawSpans(firstRow, endRow, shownUntil);
    this.drawOutcomes(firstRow, endRow);
    this.drawPoints();
    this.drawFocusOutlines(shownUntil);
    this.drawAxis(ticks);
    this.drawScrollbar();
    if (this.pin !== null) this.drawTimeMarker(this.pin, THEME.pin, [4, 3]);
    if (!this.model.ended) this.drawTimeMarker(now, THEME.now, []);
    if (this.playhead !== null) this.drawTimeMarker(this.playhead, THEME.now, []);
    if (this.moment) this.drawTimeMarker(this.moment.t, THEME.moment, []);
    this.labels.sync({
      model: this.model,
      rows: this.rows,
      firstRow,
      endRow,
      rowTop: (row) => this.rowY(row),
      contentTop: (top) => this.axisHeight + top - this.scrollY,
      selectedLane: this.selectedLane,
      height: this.height,
    });
    if (this.live) this.requestDraw();
  }

  drawRowBackgrounds(firstRow, endRow) {
    const ctx = this.ctx;
    for (let row = firstRow; row < endRow; row += 1) {
      const laneIndex = this.rows.order[row];
      const lane = this.model.lanes[laneIndex];
      const y = this.rowY(row);
      const h = this.rows.height[row];
      if (laneIndex === this.selectedLane) ctx.fillStyle = THEME.rowSelected;
      else if (laneIndex === this.moment?.laneIndex) ctx.fillStyle = THEME.momentRow;
      else if (lane.kind === 'event_loop') ctx.fillStyle = THEME.rowLoop;
      else ctx.fillStyle = row % 2 ? THEME.rowAlternate : THEME.background;
      ctx.fillRect(0, y, this.width, h);
      if (this.theme.rowPattern(lane, this.model) === 'board') {
        ctx.fillStyle = this.patterns.board;
        ctx.fillRect(0, y, this.width, h);
      }
    }
    ctx.fillStyle = THEME.rowSeparator;
    for (let row = firstRow; row < endRow; row += 1) {
      ctx.fillRect(0, this.rowY(row) + this.rows.height[row] - 1, this.width, 1);
    }
  }

  /** Heading bands and dividers between lane groups, across the plot. */
  drawGroupBreaks() {
    const ctx = this.ctx;
    for (const { top, height, heading } of this.rows.breaks) {
      const y = this.axisHeight + top - this.scrollY;
      if (y + height < this.axisHeight || y > this.height) continue;
      ctx.fillStyle = heading ? THEME.headingBand : THEME.background;
      ctx.fillRect(0, y, this.width, height);
      ctx.fillStyle = THEME.groupDivider;
      ctx.fillRect(0, y, this.width, 1);
      ctx.fillRect(0, y + height - 1, this.width, 1);
      if (heading) {
        ctx.font = `500 11px ${this.fontFamily}`;
        ctx.textBaseline = 'middle';
        ctx.textAlign = 'left';
        ctx.fillStyle = THEME.headingText;
        ctx.fillText(this.fitText(CORES_CAPTION, this.width - 16), 8, y + height / 2 + 0.5);
      }
    }
  }

  drawGrid(ticks) {
    const ctx = this.ctx;
    ctx.fillStyle = THEME.grid;
    for (const t of ticks) ctx.fillRect(Math.round(this.timeToX(t)), this.axisHeight, 1, this.height - this.axisHeight);
  }

  /**
   * Spans are gathered into batches by style and filled with one path per style, so a frame
   * sets each colour once however many rectangles use it.
   */
  drawSpans(firstRow, endRow, now) {
    for (const batch of this.batches.values()) batch.rects.length = 0;
    this.texts.length = 0;
    this.drawnSpans = 0;
    const selected = this.selectedLane >= 0 ? this.model.lanes[this.selectedLane] : null;
    for (let row = firstRow; row < endRow; row += 1) {
      this.collectLaneSpans(row, now, selected);
    }
    this.flushBatches();
    this.drawSpanTexts();
  }

  collectLaneSpans(row, now, selected) {
    const model = this.model;
    const lane = model.lanes[this.rows.order[row]];
    const { y, h } = this.barGeometry(row);
    const spans = lane.spans;
    const nsPerPx = this.nsPerPx();
    const t0 = this.view.t0;
    const cutoff = this.cutoff();
    const tEnd = Math.min(this.view.t1, cutoff);
    const dimLane = this.selectedLane >= 0 && lane.index !== this.selectedLane;
    let clipLeft = -Infinity;
    let i = spans.firstAbove('end', t0);
    while (i < spans.length && spans.start[i] < tEnd) {
      const x0 = Math.max((spans.start[i] - t0) / nsPerPx, clipLeft);
      const x1 = (Math.min(spans.end[i], cutoff) - t0) / nsPerPx;
      const dim = dimLane && !this.runsSelected(lane, spans.state[i], spans.label[i], spans.start[i], selected);
      if (x1 - x0 < 1) {
        // Everything that ends inside this pixel column collapses into one sliver, so a frame
        // costs one step per pixel however many spans are zoomed together.
        this.addSpan(lane, spans.state[i], spans.label[i], spans.line[i], spans.start[i], x0, 1, y, h, dim);
        clipLeft = x0 + 1;
        i = Math.max(i + 1, spans.firstAbove('end', t0 + clipLeft * nsPerPx));
        continue;
      }
      this.addSpan(lane, spans.state[i], spans.label[i], spans.line[i], spans.start[i], x0, x1 - x0, y, h, dim);
      i += 1;
    }
    const open = lane.open;
    if (open && open.start < tEnd && now > t0) {
      const x0 = Math.max((open.start - t0) / nsPerPx, clipLeft);
      const x1 = (now - t0) / nsPerPx;
      const dim = dimLane && !this.runsSelected(lane, open.state, open.label, open.start, selected);
      this.addSpan(lane, open.state, open.label, open.line, open.start, x0, Math.max(x1 - x0, 1), y, h, dim);
    }
  }

  /**
   * Spans that show the selected lane elsewhere stay bright when it is selected: the loop's steps
   * of a selected task, and the CPU cores while they run a selected thread.
   */
  runsSelected(lane, state, label, start, selected) {
    const showsOther = lane.kind === 'event_loop' || lane.kind === 'core';
    return showsOther && state === STATE.running && this.model.shownLane(label, start) === selected;
  }

  addSpan(lane, state, label, line, start, x, w, y, h, dim) {
    const look = this.spanLook(lane, state, label, start);
    if (!look) return;
    const left = Math.max(x, -2);
    const right = Math.min(x + (BUSY_STATES.has(state) ? Math.max(w, MIN_BUSY_WIDTH) : w), this.width + 2);
    if (right <= left) return;
    const key = `${look.key}|${dim ? 1 : 0}`;
    let batch = this.batches.get(key);
    if (!batch) {
      batch = { ...look.style, alpha: dim ? DIM_ALPHA : 1, rects: [] };
      this.batches.set(key, batch);
    }
    const barY = batch.thin ? y + (h - THIN_BAR_HEIGHT) / 2 : y;
    const barH = batch.thin ? THIN_BAR_HEIGHT : h;
    batch.rects.push(left, barY, right - left, barH);
    this.drawnSpans += 1;
    if (right - left >= LABEL_MIN_WIDTH) {
      // A picture names some spans in its own words (opponent thinking); the others keep the plain text.
      const text = this.theme.spanText(lane, state, this.model, label, start) ?? this.spanText(lane, state, label, line, start);
      // A thin bar has no room inside: its text sits just above the line.
      const textY = batch.thin ? y - 8 : y;
      if (text) this.texts.push({ x: left, y: textY, w: right - left, h, text, color: batch.text, alpha: batch.alpha });
    }
  }

  /**
   * How a span is drawn: a style (fill, outline, text colour, layer) and the key of its batch, or
   * null for nothing (a CPU core with none of this run's threads on it is left blank).
   */
  spanLook(lane, state, label, start) {
    const family = this.model.styleFamily(lane);
    if (family === 'core' && state !== STATE.running) return null;
    const color = this.spanColor(lane, state, label, start);
    return { key: `${family}|${state}|${color}`, style: this.spanStyle(family, state, color) };
  }

  /**
   * Loop `running` spans take the colour of the task they step, core spans the colour of the
   * thread (or child process) they run, so those rows show who ran when.
   */
  spanColor(lane, state, label, start) {
    const showsOther = lane.kind === 'event_loop' || lane.kind === 'core';
    if (showsOther && state === STATE.running) return laneColor(this.model.shownLane(label, start));
    return laneColor(lane);
  }

  /** Fill, optional outline, text colour and layer (busy states are drawn last, on top of their neighbours). */
  spanStyle(family, state, color) {
    const outlined = { fill: tint(color, 0.1), stroke: tint(color, 0.75), text: shade(color, 0.72), layer: 1 };
    switch (state) {
      case STATE.running:
        return { fill: color, text: '#ffffff', layer: 2 };
      case STATE.awaiting:
        return outlined;
      case STATE.ready:
        return { fill: this.patterns.ready, text: '#7a4b00', layer: 0 };
      case STATE.idle:
        if (family === 'thread') return { fill: THEME.idleStripe, text: '#5b6470', layer: 0, thin: true };
        return { fill: this.patterns.idle, text: '#5b6470', layer: 0 };
      case STATE.blocked:
        // Only an event loop with tasks suffers from a blocking call; a thread blocked in
        // `time.sleep` or `join` simply waits, like a task at an await.
        return family === 'loop' ? { fill: THEME.blocked, text: '#ffffff', layer: 2 } : outlined;
      case STATE.waiting_gil:
        return { fill: this.patterns.gil, text: '#4c1d95', layer: 0 };
      case STATE.native:
        return { fill: this.patterns.native, text: '#ffffff', layer: 2 };
      default:
        return { fill: THEME.other, text: '#ffffff', layer: 1 };
    }
  }

  spanText(lane, state, label, line, start) {
    const labelText = this.model.labels[label];
    const at = line > 0 ? ` · line ${line}` : '';
    const family = this.model.styleFamily(lane);
    if (family === 'core') return labelText;
    switch (state) {
      case STATE.running:
        if (family === 'loop') {
          const stepped = this.model.shownLane(label, start);
          return stepped?.detail ? `${labelText} ${stepped.detail}` : labelText;
        }
        // The main thread of a run without tasks runs module code, labelled `<module>`.
        if (lane.kind === 'event_loop') return `running Python${labelText ? ` · ${labelText}` : ''}`;
        return lane.kind === 'task' ? `running${at}` : `running Python${at}`;
      case STATE.awaiting:
        return `${labelText || 'awaiting'}${at}`;
      case STATE.ready:
        return 'ready · loop busy';
      case STATE.idle:
        return lane.kind === 'event_loop' ? 'idle · waiting for events' : 'idle · waiting for work';
      case STATE.blocked:
        if (family === 'loop') return `blocked${labelText ? ` · ${labelText}` : ''}${at}`;
        return `${labelText || 'blocked'}${at}`;
      case STATE.waiting_gil:
        return 'waiting for the GIL';
      case STATE.native:
        return `${labelText || 'native code'} · GIL released`;
      default:
        return labelText || STATE_WORDS[state];
    }
  }

  flushBatches() {
    for (const layer of [0, 1, 2]) {
      for (const batch of this.batches.values()) {
        if (batch.layer === layer && batch.rects.length > 0) this.fillBatch(batch);
      }
    }
    this.ctx.globalAlpha = 1;
  }

  fillBatch(batch) {
    const ctx = this.ctx;
    const rects = batch.rects;
    ctx.globalAlpha = batch.alpha;
    ctx.beginPath();
    for (let k = 0; k < rects.length; k += 4) {
      if (rects[k + 2] > 6) ctx.roundRect(rects[k], rects[k + 1], rects[k + 2], rects[k + 3], 3);
      else ctx.rect(rects[k], rects[k + 1], rects[k + 2], rects[k + 3]);
    }
    ctx.fillStyle = batch.fill;
    ctx.fill();
    if (!batch.stroke) return;
    ctx.strokeStyle = batch.stroke;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let k = 0; k < rects.length; k += 4) {
      ctx.roundRect(rects[k] + 0.5, rects[k + 1] + 0.5, Math.max(rects[k + 2] - 1, 0), rects[k + 3] - 1, 3);
    }
    ctx.stroke();
  }

  drawSpanTexts() {
    const ctx = this.ctx;
    ctx.font = `500 11px ${this.fontFamily}`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    for (const { x, y, w, h, text, color, alpha } of this.texts) {
      const visibleLeft = Math.max(x, 0);
      const fitted = this.fitText(text, x + w - visibleLeft - 12);
      if (!fitted) continue;
      ctx.globalAlpha = alpha;
      ctx.fillStyle = color;
      ctx.fillText(fitted, visibleLeft + 6, y + h / 2 + 0.5);
    }
    ctx.globalAlpha = 1;
  }

  measure(text) {
    let width = this.textWidths.get(text);
    if (width === undefined) {
      width = this.ctx.measureText(text).width;
      if (this.textWidths.size > 5000) this.textWidths.clear();
      this.textWidths.set(text, width);
    }
    return width;
  }

  /** The text, or its longest prefix with an ellipsis, that fits in `maxWidth`; '' if nothing useful fits. */
  fitText(text, maxWidth) {
    if (maxWidth < 16) return '';
    const width = this.measure(text);
    if (width <= maxWidth) return text;
    let chars = Math.floor((text.length * maxWidth) / width);
    while (chars > 2) {
      const candidate = `${text.slice(0, chars - 1)}…`;
      if (this.measure(candidate) <= maxWidth) return candidate;
      chars -= 1;
    }
    return '';
  }

  drawOutcomes(firstRow, endRow) {
    const ctx = this.ctx;
    for (let row = firstRow; row < endRow; row += 1) {
      const lane = this.model.lanes[this.rows.order[row]];
      const outcome = lane.outcome;
      if (!outcome || lane.kind === 'event_loop' || outcome.t > this.cutoff()) continue;
      const x = this.timeToX(outcome.t);
      if (x < -8 || x > this.width + 8) continue;
      const { y, h } = this.barGeometry(row);
      const cx = x + 6;
      const cy = y + h / 2;
      ctx.globalAlpha = this.selectedLane >= 0 && lane.index !== this.selectedLane ? DIM_ALPHA : 1;
      ctx.beginPath();
      ctx.arc(cx, cy, 5.5, 0, Math.PI * 2);
      const failed = outcome.state === 'failed';
      const cancelled = outcome.state === 'cancelled';
      ctx.fillStyle = failed ? THEME.exception : cancelled ? '#6b7280' : laneColor(lane);
      ctx.fill();
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1.6;
      ctx.beginPath();
      if (failed) {
        ctx.moveTo(cx - 2.2, cy - 2.2);
        ctx.lineTo(cx + 2.2, cy + 2.2);
        ctx.moveTo(cx + 2.2, cy - 2.2);
        ctx.lineTo(cx - 2.2, cy + 2.2);
      } else if (cancelled) {
        ctx.moveTo(cx - 2.5, cy);
        ctx.lineTo(cx + 2.5, cy);
      } else {
        ctx.moveTo(cx - 2.5, cy + 0.2);
        ctx.lineTo(cx - 0.7, cy + 2);
        ctx.lineTo(cx + 2.6, cy - 2);
      }
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  /** Spawn, wake and cancel arrows between rows, then print, diagnostic and exception markers. */
  drawPoints() {
    const points = this.model.points;
    const nsPerPx = this.nsPerPx();
    const first = points.firstAtLeast('t', this.view.t0 - 8 * nsPerPx);
    const last = points.firstAbove('t', Math.min(this.view.t1 + 8 * nsPerPx, this.cutoff()));
    if (first >= last) return;
    const arrows = { [POINT.spawn]: [], [POINT.wake]: [], [POINT.cancel]: [] };
    const markers = { [POINT.print]: [], [POINT.diagnostic]: [], [POINT.exception]: [] };
    const lastPixel = new Map();
    for (let i = first; i < last; i += 1) {
      const kind = points.kind[i];
      const x = Math.round(this.timeToX(points.t[i]));
      // One mark per pixel column, lane pair and kind is all a screen can show.
      const key = `${kind}|${points.lane[i]}|${points.other[i]}`;
      if (lastPixel.get(key) === x) continue;
      lastPixel.set(key, x);
      const fromRow = this.rows.rowOf[points.lane[i]];
      if (fromRow < 0) continue;
      if (arrows[kind]) {
        const toRow = this.rows.rowOf[points.other[i]];
        if (toRow >= 0 && toRow !== fromRow) arrows[kind].push(x, fromRow, toRow);
      } else if (markers[kind]) {
        markers[kind].push(x, fromRow);
      }
    }
    this.strokeArrows(arrows[POINT.wake], THEME.wake, [3, 2]);
    this.strokeArrows(arrows[POINT.spawn], THEME.spawn, []);
    this.strokeArrows(arrows[POINT.cancel], THEME.cancel, [4, 3]);
    this.drawMarkers(markers);
  }

  strokeArrows(list, color, dash) {
    if (list.length === 0) return;
    const ctx = this.ctx;
    const heads = [];
    ctx.beginPath();
    for (let k = 0; k < list.length; k += 3) {
      const x = list[k] + 0.5;
      const from = this.barGeometry(list[k + 1]);
      const to = this.barGeometry(list[k + 2]);
      const down = to.y > from.y;
      const y0 = down ? from.y + from.h : from.y;
      const y1 = down ? to.y : to.y + to.h;
      if (Math.max(y0, y1) < this.axisHeight || Math.min(y0, y1) > this.height) continue;
      const tip = down ? y1 - 1 : y1 + 1;
      ctx.moveTo(x, y0);
      ctx.lineTo(x, down ? tip - 4 : tip + 4);
      heads.push(x, tip, down ? -1 : 1);
    }
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.4;
    ctx.setLineDash(dash);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    for (let k = 0; k < heads.length; k += 3) {
      const [x, tip, direction] = [heads[k], heads[k + 1], heads[k + 2]];
      ctx.moveTo(x, tip);
      ctx.lineTo(x - 3.5, tip + direction * 6);
      ctx.lineTo(x + 3.5, tip + direction * 6);
      ctx.closePath();
    }
    ctx.fillStyle = color;
    ctx.fill();
  }

  drawMarkers(markers) {
    const ctx = this.ctx;
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#ffffff';

    ctx.beginPath();
    const prints = markers[POINT.print];
    for (let k = 0; k < prints.length; k += 2) {
      const { y, h } = this.barGeometry(prints[k + 1]);
      ctx.moveTo(prints[k] + 3.5, y + h);
      ctx.arc(prints[k], y + h, 3.5, 0, Math.PI * 2);
    }
    ctx.fillStyle = THEME.print;
    ctx.fill();
    ctx.stroke();

    const diagnostics = markers[POINT.diagnostic];
    ctx.beginPath();
    for (let k = 0; k < diagnostics.length; k += 2) {
      const { y } = this.barGeometry(diagnostics[k + 1]);
      const x = diagnostics[k];
      ctx.moveTo(x, y - 5);
      ctx.lineTo(x + 6, y + 6);
      ctx.lineTo(x - 6, y + 6);
      ctx.closePath();
    }
    ctx.fillStyle = THEME.diagnostic;
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = '#ffffff';
    for (let k = 0; k < diagnostics.length; k += 2) {
      const { y } = this.barGeometry(diagnostics[k + 1]);
      ctx.fillRect(diagnostics[k] - 0.75, y - 1, 1.5, 4);
      ctx.fillRect(diagnostics[k] - 0.75, y + 3.8, 1.5, 1.4);
    }

    const exceptions = markers[POINT.exception];
    ctx.beginPath();
    for (let k = 0; k < exceptions.length; k += 2) {
      const { y, h } = this.barGeometry(exceptions[k + 1]);
      ctx.moveTo(exceptions[k] + 5, y + h / 2);
      ctx.arc(exceptions[k], y + h / 2, 5, 0, Math.PI * 2);
    }
    ctx.fillStyle = THEME.exception;
    ctx.fill();
    ctx.stroke();
  }

  drawFocusOutlines(now) {
    const ctx = this.ctx;
    const outlined = [[this.selectedSpan, 2], [this.hover?.type === 'span' ? this.hover : null, 1.5], [this.moment, 2]];
    for (const [span, width] of outlined) {
      if (!span) continue;
      const row = this.rows.rowOf[span.laneIndex];
      if (!(row >= 0)) continue;
      const { y, h } = this.barGeometry(row);
      const end = Math.min(this.currentEnd(span, now), now);
      const x0 = Math.max(this.timeToX(span.start), -2);
      const x1 = Math.min(this.timeToX(end), this.width + 2);
      if (x1 < 0 || x0 > this.width) continue;
      ctx.strokeStyle = THEME.outline;
      ctx.lineWidth = width;
      ctx.beginPath();
      ctx.roundRect(x0 - 1, y - 1, Math.max(x1 - x0, 1) + 2, h + 2, 4);
      ctx.stroke();
    }
  }

  /** Where a span ends now: a span that was open when picked may have closed since. */
  currentEnd(span, now) {
    if (!span.open) return span.end;
    const lane = span.lane;
    if (lane.open?.start === span.start) return now;
    const i = lane.spans.firstAtLeast('start', span.start);
    return i < lane.spans.length ? lane.spans.end[i] : now;
  }

  drawAxis({ ticks, label }) {
    if (!this.axisHeight) return;
    const ctx = this.ctx;
    ctx.fillStyle = THEME.background;
    ctx.fillRect(0, 0, this.width, this.axisHeight);
    ctx.fillStyle = THEME.axisLine;
    ctx.fillRect(0, this.axisHeight - 1, this.width, 1);
    ctx.font = `11px ${this.fontFamily}`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    for (const t of ticks) {
      const x = Math.round(this.timeToX(t));
      ctx.fillStyle = THEME.axisLine;
      ctx.fillRect(x, this.axisHeight - 7, 1, 6);
      ctx.fillStyle = THEME.axisText;
      ctx.fillText(label(t), x + 4, this.axisHeight / 2 - 1);
    }
  }

  /** A thin thumb on the right edge when there are more lanes than fit. */
  drawScrollbar() {
    const visible = this.height - this.axisHeight;
    const total = this.rows.total;
    if (total <= visible) return;
    const thumb = Math.max(24, (visible * visible) / total);
    const top = this.axisHeight + ((visible - thumb) * this.scrollY) / (total - visible);
    this.ctx.fillStyle = 'rgba(100, 116, 139, 0.45)';
    this.ctx.beginPath();
    this.ctx.roundRect(this.width - 7, top + 2, 4, thumb - 4, 2);
    this.ctx.fill();
  }

  /** A vertical line with a notch on the axis: the live edge ("now") or a pinned moment. */
  drawTimeMarker(t, color, dash) {
    const x = Math.round(this.timeToX(t)) + 0.5;
    if (x < 0 || x > this.width) return;
    const ctx = this.ctx;
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(dash);
    ctx.beginPath();
    ctx.moveTo(x, this.axisHeight - 4);
    ctx.lineTo(x, this.height);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.moveTo(x - 5, this.axisHeight - 9);
    ctx.lineTo(x + 5, this.axisHeight - 9);
    ctx.lineTo(x, this.axisHeight - 3);
    ctx.closePath();
    ctx.fill();
  }

  // ── hit testing ─────────────────────────────────────────────────────────

  /** What is under view point (x, y): a span, a print/diagnostic/exception marker, a bare row, or null. */
  hitTest(x, y) {
    // During a replay nothing after the playhead is drawn, so nothing there can be hovered.
    if (!this.model || this.xToTime(x) > this.cutoff()) return null;
    this.syncRows();
    const row = this.rowAtY(y);
    if (row < 0) return null;
    const laneIndex = this.rows.order[row];
    const lane = this.model.lanes[laneIndex];
    return this.pointAt(x, y, row, laneIndex) ?? this.spanAtRow(x, row, lane) ?? { type: 'row', laneIndex, lane };
  }

  pointAt(x, y, row, laneIndex) {
    const points = this.model.points;
    const t0 = this.xToTime(x - HOVER_POINT_RADIUS);
    const t1 = this.xToTime(x + HOVER_POINT_RADIUS);
    const { y: barY, h } = this.barGeometry(row);
    for (let i = points.firstAtLeast('t', t0); i < points.length && points.t[i] <= t1; i += 1) {
      const kind = points.kind[i];
      if (points.lane[i] !== laneIndex) continue;
      const markerY = kind === POINT.print ? barY + h : kind === POINT.diagnostic ? barY : barY + h / 2;
      if (Math.abs(markerY - y) > HOVER_POINT_RADIUS + 2) continue;
      if (kind === POINT.print || kind === POINT.diagnostic || kind === POINT.exception) {
        return {
          type: 'point',
          kind,
          laneIndex,
          lane: this.model.lanes[laneIndex],
          t: points.t[i],
          line: points.line[i],
          text: this.model.texts[points.ref[i]] ?? '',
        };
      }
    }
    return null;
  }

  /** The span of a row under view x, or the nearest one within 3 px (slivers are hard to hit). */
  spanAtRow(x, row, lane) {
    const t = this.xToTime(x);
    const slack = 3 * this.nsPerPx();
    const now = this.now();
    if (lane.open && t >= lane.open.start - slack && t <= now + slack) {
      return this.spanInfo(lane, lane.open.state, lane.open.label, lane.open.line, lane.open.start, now, true);
    }
    const spans = lane.spans;
    let i = spans.firstAbove('end', t - slack);
    if (i >= spans.length || spans.start[i] > t + slack) return null;
    // Prefer the span that contains t over a neighbour that is merely close.
    if (spans.start[i] > t && i > 0 && spans.end[i - 1] >= t - slack) i -= 1;
    return this.spanInfo(lane, spans.state[i], spans.label[i], spans.line[i], spans.start[i], spans.end[i], false);
  }

  spanInfo(lane, state, label, line, start, end, open) {
    return {
      type: 'span',
      laneIndex: lane.index,
      lane,
      state,
      stateName: STATE_WORDS[state],
      label: this.model.labels[label],
      line,
      start,
      end,
      open,
    };
  }

  // ── interaction ─────────────────────────────────────────────────────────

  bindEvents() {
    const canvas = this.canvas;
    canvas.addEventListener('wheel', (event) => this.handleWheel(event), { passive: false });
    this.labelsHost.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        this.scrollBy(event.deltaY * (event.deltaMode === 1 ? 16 : 1));
      },
      { passive: false },
    );
    canvas.addEventListener('pointerdown', (event) => this.handlePointerDown(event));
    canvas.addEventListener('pointermove', (event) => this.handlePointerMove(event));
    canvas.addEventListener('pointerup', (event) => this.handlePointerUp(event));
    canvas.addEventListener('pointercancel', () => {
      this.drag = null;
    });
    canvas.addEventListener('pointerleave', () => {
      if (!this.drag) this.setHover(null);
    });
    canvas.addEventListener('keydown', (event) => this.handleKey(event));
  }

  viewPoint(event) {
    const box = this.canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  handleWheel(event) {
    event.preventDefault();
    const scale = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? this.height : 1;
    const dx = event.deltaX * scale;
    const dy = event.deltaY * scale;
    if (event.shiftKey) {
      this.panByPx(dy || dx);
    } else if (Math.abs(dx) > Math.abs(dy)) {
      this.panByPx(dx);
    } else {
      this.zoomAt(this.viewPoint(event).x, Math.exp(dy * WHEEL_ZOOM_SPEED));
    }
    this.updateHover(this.viewPoint(event));
  }

  handlePointerDown(event) {
    if (event.button !== 0) return;
    this.canvas.focus({ preventScroll: true });
    this.canvas.setPointerCapture(event.pointerId);
    const { x, y } = this.viewPoint(event);
    this.drag = { x, y, lastX: x, lastY: y, moved: false };
  }

  handlePointerMove(event) {
    const point = this.viewPoint(event);
    const drag = this.drag;
    if (!drag) {
      this.updateHover(point);
      return;
    }
    if (!drag.moved && Math.hypot(point.x - drag.x, point.y - drag.y) < DRAG_THRESHOLD_PX) return;
    if (!drag.moved) {
      drag.moved = true;
      this.canvas.classList.add('is-dragging');
      this.setHover(null);
    }
    this.panByPx(drag.lastX - point.x);
    this.scrollBy(drag.lastY - point.y);
    drag.lastX = point.x;
    drag.lastY = point.y;
  }

  handlePointerUp(event) {
    const drag = this.drag;
    this.drag = null;
    this.canvas.classList.remove('is-dragging');
    if (!drag || drag.moved) return;
    const { x, y } = this.viewPoint(event);
    const hit = this.hitTest(x, y);
    if (!hit) this.selectLane(-1);
    else if (hit.type === 'span') this.selectLane(hit.laneIndex, hit);
    else this.selectLane(hit.laneIndex);
  }

  handleKey(event) {
    const windowNs = this.view.t1 - this.view.t0;
    const handled = {
      '+': () => this.zoomAt(this.width / 2, 0.7),
      '=': () => this.zoomAt(this.width / 2, 0.7),
      '-': () => this.zoomAt(this.width / 2, 1 / 0.7),
      _: () => this.zoomAt(this.width / 2, 1 / 0.7),
      0: () => this.fit(),
      ArrowLeft: () => this.setWindow(this.view.t0 - windowNs * 0.15, this.view.t1 - windowNs * 0.15),
      ArrowRight: () => this.setWindow(this.view.t0 + windowNs * 0.15, this.view.t1 + windowNs * 0.15),
      ArrowUp: () => this.stepSelection(-1),
      ArrowDown: () => this.stepSelection(1),
      Escape: () => this.selectLane(-1),
    }[event.key];
    if (!handled || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    handled();
  }

  stepSelection(direction) {
    if (!this.model) return;
    this.syncRows();
    const order = this.rows.order;
    if (order.length === 0) return;
    const row = this.selectedLane >= 0 ? this.rows.rowOf[this.selectedLane] : direction > 0 ? -1 : order.length;
    const next = Math.min(Math.max(row + direction, 0), order.length - 1);
    this.selectLane(order[next]);
    this.revealLane(order[next]);
  }

  updateHover(point) {
    const hit = this.hitTest(point.x, point.y);
    this.setHover(hit && hit.type !== 'row' ? hit : null, point);
  }

  setHover(hit, point) {
    const same =
      hit && this.hover && hit.type === this.hover.type && hit.laneIndex === this.hover.laneIndex &&
      (hit.type === 'span' ? hit.start === this.hover.start : hit.t === this.hover.t);
    if (!same) {
      this.hover = hit;
      this.onHover(hit);
      this.requestDraw();
    }
    if (hit && point) {
      const host = this.canvas.parentElement.getBoundingClientRect();
      const box = this.canvas.getBoundingClientRect();
      const x = box.left - host.left + point.x;
      const y = box.top - host.top + point.y;
      this.tooltip.show(hit, this.model, { x, y, bounds: host });
    } else {
      this.tooltip.hide();
    }
  }

  // ── test hooks ──────────────────────────────────────────────────────────

  /** The span or marker at client (page) coordinates, in plain JSON, for tests. */
  spanAt(clientX, clientY) {
    const box = this.canvas.getBoundingClientRect();
    const hit = this.hitTest(clientX - box.left, clientY - box.top);
    return hit && hit.type === 'span' ? this.publicSpan(hit) : null;
  }

  /**
   * The first span on screen matching `lane` (name) or `laneId`, `state` (word) and `label`
   * (substring), with its visible rectangle in client coordinates, for tests that hover or click
   * it precisely.
   */
  findSpan(query = {}) {
    for (const span of this.spansOnScreen(query)) if (span.rect.width >= 2) return span;
    return null;
  }

  /**
   * Every span on screen matching the same query as `findSpan`, slivers included, in lane order
   * and then in time, for tests that measure how far a lane's bars reach.
   */
  findSpans(query = {}) {
    return [...this.spansOnScreen(query)];
  }

  *spansOnScreen({ lane: laneName, laneId, state, label } = {}) {
    if (!this.model) return;
    this.syncRows();
    const box = this.canvas.getBoundingClientRect();
    const now = this.now();
    for (const laneIndex of this.rows.order) {
      const lane = this.model.lanes[laneIndex];
      if (laneName && lane.name !== laneName) continue;
      if (laneId && lane.id !== laneId) continue;
      const row = this.rows.rowOf[laneIndex];
      const { y, h } = this.barGeometry(row);
      if (y < this.axisHeight || y + h > this.height) continue;
      const closed = lane.spans.length;
      const count = closed + (lane.open ? 1 : 0);
      for (let i = 0; i < count; i += 1) {
        const span = spanAt(lane, i);
        // The open span has no end yet; on screen it reaches now.
        const open = i === closed;
        const info = this.spanInfo(lane, span.state, span.label, span.line, span.start, open ? now : span.end, open);
        const { start, end } = info;
        // During a replay only what had started by the playhead is on screen, cut at it.
        if (start >= this.cutoff()) continue;
        if (state && info.stateName !== state) continue;
        if (label && !info.label.includes(label)) continue;
        const x0 = Math.max(this.timeToX(start), 0);
        const x1 = Math.min(this.timeToX(Math.min(end, this.cutoff())), this.width);
        if (x1 < x0) continue;
        yield { ...this.publicSpan(info), rect: { x: box.left + x0, y: box.top + y, width: x1 - x0, height: h } };
      }
    }
  }

  /** The client rectangle of a lane's row (by name), for tests that read canvas pixels. */
  laneRect(laneName) {
    if (!this.model) return null;
    this.syncRows();
    const lane = this.model.lanes.find((candidate) => candidate.name === laneName);
    const row = lane ? this.rows.rowOf[lane.index] : -1;
    if (row < 0) return null;
    const { rowTop, rowHeight } = this.barGeometry(row);
    const box = this.canvas.getBoundingClientRect();
    return { x: box.left, y: box.top + rowTop, width: this.width, height: rowHeight };
  }

  publicSpan(hit) {
    return {
      lane: hit.lane.name,
      laneId: hit.lane.id,
      state: hit.stateName,
      label: hit.label,
      line: hit.line,
      startNs: hit.start,
      endNs: hit.end,
      open: hit.open,
    };
  }
}
