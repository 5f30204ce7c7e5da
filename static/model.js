// Run model: lanes, per-lane span columns, point events, output and live statistics, built incrementally from trace events.

/** Non-terminal lane states, in the order of their numeric codes (`other` covers states added later). */
export const STATES = ['running', 'awaiting', 'ready', 'blocked', 'waiting_gil', 'native', 'idle', 'other'];
export const STATE = Object.fromEntries(STATES.map((name, code) => [name, code]));
const TERMINAL_STATES = new Set(['done', 'cancelled', 'failed']);

/** Point event kinds, in the order of their numeric codes. */
export const POINT_KINDS = ['spawn', 'wake', 'print', 'cancel', 'exception', 'diagnostic'];
export const POINT = Object.fromEntries(POINT_KINDS.map((name, code) => [name, code]));

/**
 * Between messages "now" runs on with the local clock, but never further than this past the last
 * time the server reported (the server sends a `tick` at least every 50 ms while a run is live):
 * a stalled stream stops the clock instead of inventing time.
 */
const MAX_EXTRAPOLATION_NS = 250e6;

/** States of the event-loop lane that count as "busy" (not idle) in the summary. */
const LOOP_BUSY = new Set([STATE.running, STATE.blocked]);

/**
 * Growable typed-array columns. Structure of arrays keeps a million spans compact and
 * lets the renderer binary-search them without touching objects.
 */
class Columns {
  constructor(spec) {
    this.spec = spec;
    this.length = 0;
    this.capacity = 64;
    for (const [name, Type] of Object.entries(spec)) this[name] = new Type(this.capacity);
  }

  /** Makes room for one more row and returns its index. */
  grow() {
    if (this.length === this.capacity) {
      this.capacity *= 2;
      for (const [name, Type] of Object.entries(this.spec)) {
        const larger = new Type(this.capacity);
        larger.set(this[name]);
        this[name] = larger;
      }
    }
    return this.length++;
  }

  /** Index of the first row whose `column` value is greater than `value` (column must be sorted). */
  firstAbove(column, value) {
    const values = this[column];
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid] > value) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Index of the first row whose `column` value is at least `value` (column must be sorted). */
  firstAtLeast(column, value) {
    const values = this[column];
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid] >= value) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Closed spans of one lane, sorted by start; since they never overlap, their ends are sorted too. */
function spanColumns() {
  return new Columns({ start: Float64Array, end: Float64Array, state: Uint8Array, label: Int32Array, line: Int32Array });
}

/** Point events of the whole run, sorted by time. `other` is the target/child lane, `ref` an index into `texts`. */
function pointColumns() {
  return new Columns({ t: Float64Array, kind: Uint8Array, lane: Int32Array, other: Int32Array, line: Int32Array, ref: Int32Array });
}

export class RunModel {
  constructor() {
    this.lanes = [];
    this.laneById = new Map();
    this.laneByName = new Map();
    this.order = [];
    this.orderStale = false;
    this.lanesRevision = 0;
    this.loopLane = null;
    this.labels = [''];
    this.labelIndex = new Map([['', 0]]);
    this.points = pointColumns();
    this.texts = [];
    this.output = [];
    this.diagnostics = [];
    this.lastSeq = 0;
    this.lastT = 0;
    this.eventCount = 0;
    this.end = null;
    this.clockOffsetNs = Infinity;
    this.loopBusyNs = 0;
    this.longestStallNs = 0;
    this.awaitingNow = 0;
    this.peakAwaiting = 0;
    this.taskCount = 0;
  }

  get ended() {
    return this.end !== null;
  }

  /** Applies one batch of stream events; `arrivalMs` (performance.now()) anchors the live clock. */
  apply(events, arrivalMs) {
    for (const event of events) {
      if (event.seq !== undefined && event.seq <= this.lastSeq) continue;
      this.lastSeq = event.seq ?? this.lastSeq + 1;
      this.eventCount += 1;
      if (event.t_ns > this.lastT) this.lastT = event.t_ns;
      this.applyOne(event);
    }
    this.anchorClock(arrivalMs);
  }

  /** A heartbeat: the run has reached `tNs` though nothing was recorded (a task holds the loop, or it is idle). */
  tick(tNs, arrivalMs) {
    if (tNs > this.lastT) this.lastT = tNs;
    this.anchorClock(arrivalMs);
  }

  /** The smallest (arrival − run time) seen is the best estimate of when t = 0 happened locally. */
  anchorClock(arrivalMs) {
    this.clockOffsetNs = Math.min(this.clockOffsetNs, arrivalMs * 1e6 - this.lastT);
  }

  /** The run's current time: its end once over, else the latest run time heard, extrapolated with the local clock. */
  now(nowMs) {
    if (this.end) return this.end.duration_ns;
    if (!Number.isFinite(this.clockOffsetNs)) return this.lastT;
    const extrapolated = Math.min(nowMs * 1e6 - this.clockOffsetNs, this.lastT + MAX_EXTRAPOLATION_NS);
    return Math.max(this.lastT, extrapolated);
  }

  /** Closes every open span at the run's end and records its outcome. */
  finish(end) {
    this.end = end;
    const endNs = end.duration_ns ?? this.lastT;
    if (endNs > this.lastT) this.lastT = endNs;
    for (const lane of this.lanes) {
      if (lane.open) this.closeSpan(lane, Math.max(endNs, lane.open.start));
    }
  }

  applyOne(event) {
    switch (event.kind) {
      case 'lane':
        this.declareLane(event);
        break;
      case 'state':
        this.changeState(this.laneFor(event.lane), event);
        break;
      case 'spawn':
        this.addPoint(event, POINT.spawn, this.laneFor(event.child).index, -1);
        break;
      case 'wake':
        this.addPoint(event, POINT.wake, this.laneFor(event.target).index, -1);
        break;
      case 'cancel':
        this.addPoint(event, POINT.cancel, this.laneFor(event.target).index, -1);
        break;
      case 'print':
        this.addPrint(event);
        break;
      case 'exception':
        this.addDiagnostic(event, POINT.exception, 'exception');
        break;
      case 'diagnostic':
        this.addDiagnostic(event, POINT.diagnostic, event.diagnostic);
        break;
      default:
        break;
    }
  }

  /** The lane with this id, created as a placeholder if an event names it before declaring it. */
  laneFor(id) {
    const known = this.laneById.get(id);
    if (known) return known;
    const lane = {
      index: this.lanes.length,
      id,
      kind: 'task',
      name: id,
      detail: null,
      parent: null,
      pid: 0,
      depth: 0,
      colorIndex: -1,
      spans: spanColumns(),
      open: null,
      outcome: null,
    };
    this.lanes.push(lane);
    this.laneById.set(id, lane);
    this.relayout();
    return lane;
  }

  declareLane(event) {
    const lane = this.laneFor(event.lane);
    lane.kind = event.lane_kind ?? lane.kind;
    lane.name = event.name ?? lane.id;
    lane.detail = event.detail ?? null;
    lane.parent = event.parent ?? null;
    lane.pid = event.pid ?? 0;
    if (lane.kind === 'task' && lane.colorIndex < 0) lane.colorIndex = this.taskCount++;
    if (lane.kind === 'event_loop' && !this.loopLane) this.loopLane = lane;
    this.laneByName.set(lane.name, lane);
    this.relayout();
  }

  /** Marks the display order stale; it is recomputed once, when next asked for. */
  relayout() {
    this.orderStale = true;
    this.lanesRevision += 1;
  }

  /** Lane indices in display order: depth-first along `parent`, siblings in declaration order. */
  displayOrder() {
    if (!this.orderStale) return this.order;
    const children = new Map();
    for (const lane of this.lanes) {
      const parent = lane.parent !== null ? this.laneById.get(lane.parent) : undefined;
      const key = parent && parent !== lane ? parent.index : -1;
      if (!children.has(key)) children.set(key, []);
      children.get(key).push(lane);
    }
    const order = [];
    const placed = new Set();
    const visit = (lane, depth) => {
      if (placed.has(lane.index)) return;
      placed.add(lane.index);
      lane.depth = depth;
      order.push(lane.index);
      for (const child of children.get(lane.index) ?? []) visit(child, depth + 1);
    };
    for (const root of children.get(-1) ?? []) visit(root, 0);
    // Lanes whose parents form a cycle are reached from no root; show them at the top level.
    for (const lane of this.lanes) visit(lane, 0);
    this.order = order;
    this.orderStale = false;
    return order;
  }

  intern(label) {
    if (!label) return 0;
    let index = this.labelIndex.get(label);
    if (index === undefined) {
      index = this.labels.length;
      this.labels.push(label);
      this.labelIndex.set(label, index);
    }
    return index;
  }

  changeState(lane, event) {
    const t = event.t_ns;
    if (lane.open) this.closeSpan(lane, t);
    if (TERMINAL_STATES.has(event.state)) {
      lane.outcome = { state: event.state, t, line: event.line ?? 0 };
      this.lanesRevision += 1;
      return;
    }
    const state = STATE[event.state] ?? STATE.other;
    lane.open = { state, start: t, label: this.intern(event.label), line: event.line ?? 0 };
    if (state === STATE.awaiting && lane.kind === 'task') {
      this.awaitingNow += 1;
      this.peakAwaiting = Math.max(this.peakAwaiting, this.awaitingNow);
    }
  }

  closeSpan(lane, t) {
    const { state, start, label, line } = lane.open;
    const spans = lane.spans;
    const i = spans.grow();
    spans.start[i] = start;
    spans.end[i] = t;
    spans.state[i] = state;
    spans.label[i] = label;
    spans.line[i] = line;
    lane.open = null;
    if (state === STATE.awaiting && lane.kind === 'task') this.awaitingNow -= 1;
    if (lane.kind === 'event_loop' && LOOP_BUSY.has(state)) {
      this.loopBusyNs += t - start;
      this.longestStallNs = Math.max(this.longestStallNs, t - start);
    }
  }

  /** Inserts a point event keeping `points` sorted by time (events of different lanes may arrive slightly out of order). */
  addPoint(event, kind, other, ref) {
    const points = this.points;
    const i = points.grow();
    let at = i;
    if (i > 0 && points.t[i - 1] > event.t_ns) {
      at = points.firstAbove('t', event.t_ns);
      for (const column of Object.keys(points.spec)) points[column].copyWithin(at + 1, at, i);
    }
    points.t[at] = event.t_ns;
    points.kind[at] = kind;
    points.lane[at] = this.laneFor(event.lane).index;
    points.other[at] = other;
    points.line[at] = event.line ?? 0;
    points.ref[at] = ref;
  }

  addPrint(event) {
    this.texts.push(event.text ?? '');
    this.addPoint(event, POINT.print, -1, this.texts.length - 1);
    this.output.push({ t: event.t_ns, lane: this.laneFor(event.lane).index, text: event.text ?? '', line: event.line ?? 0 });
  }

  addDiagnostic(event, kind, diagnosticKind) {
    this.texts.push(event.message ?? '');
    this.addPoint(event, kind, -1, this.texts.length - 1);
    this.diagnostics.push({
      t: event.t_ns,
      lane: this.laneFor(event.lane).index,
      kind: diagnosticKind ?? 'diagnostic',
      message: event.message ?? '',
      line: event.line ?? 0,
    });
  }

  /** The lane a loop `running` span stepped (its label is the task's name), for colouring the loop lane. */
  laneNamed(labelIndex) {
    return this.laneByName.get(this.labels[labelIndex]);
  }

  /** Summary figures: the server's once the run has ended, else computed live up to `now`. */
  stats(now) {
    const summary = this.end?.summary;
    if (summary) {
      return {
        wallNs: summary.wall_ns ?? now,
        loopBusyPct: summary.loop_busy_pct ?? 0,
        longestStallNs: summary.longest_stall_ns ?? 0,
        peakAwaiting: summary.peak_awaiting ?? 0,
        tasks: summary.tasks ?? this.taskCount,
        events: summary.events ?? this.eventCount,
      };
    }
    let busy = this.loopBusyNs;
    let stall = this.longestStallNs;
    const loop = this.loopLane;
    if (loop?.open && LOOP_BUSY.has(loop.open.state)) {
      busy += now - loop.open.start;
      stall = Math.max(stall, now - loop.open.start);
    }
    return {
      wallNs: now,
      loopBusyPct: now > 0 ? (100 * busy) / now : 0,
      longestStallNs: stall,
      peakAwaiting: this.peakAwaiting,
      tasks: this.taskCount,
      events: this.eventCount,
    };
  }
}
