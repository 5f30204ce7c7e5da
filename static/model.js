// Run model: lanes, per-lane span columns, point events, output and live statistics, built incrementally from trace events.

import { colorFamily } from './palette.js';

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
 * Cores count as busy together only when they stay so for at least this long: a hand-off between
 * two threads logs "idle" on one core and "running" on another a few microseconds apart, which
 * is not parallelism.
 */
const MIN_PARALLEL_NS = 50_000;

/** Order of sibling lanes under one parent: the thread that runs the loop, then threads, then its tasks. */
const KIND_RANK = { event_loop: 0, thread: 1, process: 1, task: 2 };

/** The legend and the styles group lane kinds into these families. */
const STYLE_FAMILY = { event_loop: 'loop', task: 'task', thread: 'thread', process: 'thread', core: 'core' };

/**
 * The kind a lane id implies (`thread-4` → thread), or null (`lane-4`: named before the server knew
 * its kind). Ids derive from kinds, and events of a new thread can overtake its declaration.
 */
function kindFromId(id) {
  const prefix = /^([a-z]+)/.exec(id)?.[1];
  return { loop: 'event_loop', task: 'task', thread: 'thread', process: 'process', core: 'core' }[prefix] ?? null;
}

/**
 * The lane number at the end of an id (`thread-4` → 4), unique within a run whatever the kind, so
 * `lane-4` and `thread-4` are one lane; null for the main loop's `loop`.
 */
function laneNumber(id) {
  const match = /-(\d+)$/.exec(id);
  return match ? Number(match[1]) : null;
}

/** The number at the end of a core lane's name ("CPU 3" → 3), for ordering cores by CPU. */
function cpuNumber(lane) {
  const match = /(\d+)\s*$/.exec(lane.name);
  return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}

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

/** Span `i` of a lane (`i === spans.length` is the open one) as `{state, label, line, start, end}`. */
export function spanAt(lane, i) {
  const spans = lane.spans;
  if (i < spans.length) {
    return { state: spans.state[i], label: spans.label[i], line: spans.line[i], start: spans.start[i], end: spans.end[i] };
  }
  return { state: lane.open.state, label: lane.open.label, line: lane.open.line, start: lane.open.start, end: Infinity };
}

/** Point events of the whole run, sorted by time. `other` is the target/child lane, `ref` an index into `texts`. */
function pointColumns() {
  return new Columns({ t: Float64Array, kind: Uint8Array, lane: Int32Array, other: Int32Array, line: Int32Array, ref: Int32Array });
}

/**
 * A trace document (docs/trace-format.md) as the stream events that would have built it: the lane
 * declarations first, in the document's order (which sets the lanes' colours and order, as live),
 * then in time order one `state` per span start, each lane's terminal state and the point events.
 * Those pieces are each sorted already, so the stable sort only merges them, and a lane's states
 * at one moment keep their recorded order.
 */
function documentEvents(doc) {
  const declarations = doc.lanes.map((lane) => ({
    kind: 'lane',
    t_ns: lane.start_ns ?? 0,
    lane: lane.id,
    lane_kind: lane.kind,
    name: lane.name,
    detail: lane.detail,
    parent: lane.parent,
    pid: lane.pid,
  }));
  const states = doc.spans.map((span) => ({
    kind: 'state',
    t_ns: span.start_ns,
    lane: span.lane,
    state: span.state,
    label: span.label,
    line: span.line,
  }));
  const outcomes = doc.lanes
    .filter((lane) => TERMINAL_STATES.has(lane.outcome))
    .map((lane) => ({ kind: 'state', t_ns: lane.end_ns, lane: lane.id, state: lane.outcome }));
  // A document's point events carry their stream `seq`, which the synthesized events above lack.
  const points = doc.events.map(({ seq, ...event }) => event);
  return [...declarations, ...[...states, ...outcomes, ...points].sort((a, b) => a.t_ns - b.t_ns)];
}

export class RunModel {
  /**
   * A finished run from its trace document (`GET /api/runs/{id}`, a snapshot, an uploaded file):
   * the same model a live run builds from its stream, ended with the document's status and summary.
   */
  static fromDocument(doc) {
    const model = new RunModel();
    model.apply(documentEvents(doc), performance.now());
    // The document counts the events it was recorded from, not the ones rebuilt above.
    model.eventCount = doc.summary?.events ?? model.eventCount;
    const { status, duration_ns: durationNs, error } = doc.run;
    model.finish({ status, duration_ns: durationNs, error, summary: doc.summary });
    return model;
  }

  /** `gil` is the run's GIL option (false: free-threaded), which the page explains in its own words. */
  constructor({ gil = true } = {}) {
    this.gil = gil;
    this.lanes = [];
    this.laneById = new Map();
    /** Lanes by name, in declaration order: a scenario may make two tasks of one name. */
    this.lanesByName = new Map();
    this.laneByNumber = new Map();
    this.rowLayout = { order: [], breaks: [] };
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
    this.threadCount = 0;
    this.processCount = 0;
    this.coreCount = 0;
    this.colorCounts = { task: 0, thread: 0 };
    this.coresBusy = { count: 0, since: 0, peak: 0 };
    /** `family:state` pairs seen so far (`thread:waiting_gil`, ...), for a legend of what this run shows. */
    this.seenStyles = new Set();
    this.seenRevision = 0;
  }

  /**
   * The family whose styles a lane's spans use: `loop` (the event loop of a run with tasks, where
   * a blocking call is a problem), `task`, `thread` (threads, processes, and the main thread of a
   * run without tasks, which blocks in `join` as any thread does) or `core`.
   */
  styleFamily(lane) {
    if (lane.kind === 'event_loop') return this.taskCount > 0 ? 'loop' : 'thread';
    return STYLE_FAMILY[lane.kind] ?? 'task';
  }

  /** Whether the run has threads or processes besides the main thread. */
  get hasThreads() {
    return this.threadCount + this.processCount > 0;
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
    this.settleCoreLevel(endNs);
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
    const number = laneNumber(id);
    const sameNumber = number === null ? undefined : this.laneByNumber.get(number);
    if (sameNumber) return this.alias(sameNumber, id);
    const lane = {
      index: this.lanes.length,
      id,
      kind: kindFromId(id) ?? 'task',
      kindKnown: kindFromId(id) !== null,
      name: id,
      detail: null,
      parent: null,
      pid: 0,
      depth: 0,
      colorIndex: -1,
      declared: false,
      declaredAt: 0,
      spans: spanColumns(),
      open: null,
      outcome: null,
    };
    this.lanes.push(lane);
    this.laneById.set(id, lane);
    if (number !== null) this.laneByNumber.set(number, lane);
    this.relayout();
    return lane;
  }

  /** A second id for a lane first named by its provisional `lane-N` id (or the other way round). */
  alias(lane, id) {
    this.laneById.set(id, lane);
    const kind = kindFromId(id);
    if (kind && !lane.kindKnown) {
      lane.id = id;
      lane.kind = kind;
      lane.kindKnown = true;
      if (lane.name.startsWith('lane-')) lane.name = id;
      this.relayout();
    }
    return lane;
  }

  declareLane(event) {
    const lane = this.laneFor(event.lane);
    lane.kind = event.lane_kind ?? lane.kind;
    lane.name = event.name ?? lane.id;
    lane.detail = event.detail ?? null;
    lane.parent = event.parent ?? null;
    lane.pid = event.pid ?? 0;
    if (!lane.declared) {
      lane.declaredAt = event.t_ns ?? 0;
      this.countLane(lane);
    }
    lane.declared = true;
    lane.kindKnown = true;
    // States recorded before the lane's kind was known are shown in the legend from now on.
    if (lane.open) this.noteStyle(lane, STATES[lane.open.state]);
    const family = colorFamily(lane.kind);
    if (family && lane.colorIndex < 0) lane.colorIndex = this.colorCounts[family]++;
    if (lane.kind === 'event_loop' && !this.loopLane) this.loopLane = lane;
    const namesakes = this.lanesByName.get(lane.name);
    if (!namesakes) this.lanesByName.set(lane.name, [lane]);
    else if (!namesakes.includes(lane)) namesakes.push(lane);
    this.relayout();
  }

  countLane(lane) {
    if (lane.kind === 'task') this.taskCount += 1;
    else if (lane.kind === 'thread') this.threadCount += 1;
    else if (lane.kind === 'process') this.processCount += 1;
    else if (lane.kind === 'core') this.coreCount += 1;
  }

  /** Marks the display order stale; it is recomputed once, when next asked for. */
  relayout() {
    this.orderStale = true;
    this.lanesRevision += 1;
  }

  /**
   * Rows in display order, and where groups begin. Lanes are grouped by process: the main process
   * first (its event-loop lane, then its threads, then the loop's tasks), then each child process
   * lane followed by its own lanes, then the CPU cores under a heading. Inside a group lanes nest
   * along `parent`, siblings by kind and then in declaration order, so a lane arriving live takes
   * its place without reordering the others. `breaks` lists the first row of each group after the
   * first, with its heading (or null for a plain divider).
   */
  layout() {
    if (!this.orderStale) return this.rowLayout;
    const order = [];
    const breaks = [];
    for (const group of this.groups()) {
      if (group.lanes.length === 0) continue;
      if (order.length > 0 || group.heading) breaks.push({ row: order.length, heading: group.heading });
      if (group.kind === 'cores') this.placeCores(group.lanes, order);
      else this.placeTree(group, order);
    }
    this.rowLayout = { order, breaks };
    this.orderStale = false;
    return this.rowLayout;
  }

  /** The main process, each child process and the CPU cores, each with its lanes in declaration order. */
  groups() {
    const main = { kind: 'main', root: null, lanes: [], heading: null };
    const cores = { kind: 'cores', root: null, lanes: [], heading: 'CPU cores' };
    const processes = new Map();
    for (const lane of this.lanes) {
      if (lane.kind === 'process') processes.set(lane.index, { kind: 'process', root: lane, lanes: [], heading: null });
    }
    const processByPid = new Map();
    for (const { root } of processes.values()) if (root.pid && !processByPid.has(root.pid)) processByPid.set(root.pid, root);
    const mainPid = this.loopLane?.pid ?? 0;
    for (const lane of this.lanes) {
      if (lane.kind === 'core') {
        cores.lanes.push(lane);
        continue;
      }
      const owner = this.owningProcess(lane) ?? (lane.pid && lane.pid !== mainPid ? processByPid.get(lane.pid) : undefined);
      (owner ? processes.get(owner.index) : main).lanes.push(lane);
    }
    return [main, ...processes.values(), cores];
  }

  /** The nearest process lane among a lane's ancestors (itself included), if any. */
  owningProcess(lane) {
    const visited = new Set();
    for (let current = lane; current && !visited.has(current); current = this.laneById.get(current.parent)) {
      if (current.kind === 'process') return current;
      visited.add(current);
    }
    return undefined;
  }

  /** Appends a group's lanes depth-first along `parent`; a process group's stray lanes go under its process. */
  placeTree(group, order) {
    const members = new Set(group.lanes);
    const children = new Map();
    const roots = [];
    for (const lane of group.lanes) {
      let parent = this.laneById.get(lane.parent);
      if (!members.has(parent) || parent === lane) parent = lane === group.root ? undefined : group.root;
      if (!parent) {
        roots.push(lane);
        continue;
      }
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(lane);
    }
    const byKind = (a, b) => (KIND_RANK[a.kind] ?? 3) - (KIND_RANK[b.kind] ?? 3) || a.index - b.index;
    const placed = new Set();
    const visit = (lane, depth) => {
      if (placed.has(lane)) return;
      placed.add(lane);
      lane.depth = depth;
      order.push(lane.index);
      for (const child of (children.get(lane) ?? []).sort(byKind)) visit(child, depth + 1);
    };
    for (const root of roots.sort(byKind)) visit(root, 0);
    // Lanes whose parents form a cycle are reached from no root; show them at the top level.
    for (const lane of group.lanes) visit(lane, 0);
  }

  /** Core lanes by CPU number, whichever process declared them first. */
  placeCores(lanes, order) {
    const sorted = [...lanes].sort((a, b) => cpuNumber(a) - cpuNumber(b) || a.index - b.index);
    for (const lane of sorted) {
      lane.depth = 0;
      order.push(lane.index);
    }
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
    if (lane.kind === 'core' && lane.open?.state === STATE.running) this.trackCores(t, -1);
    if (lane.open) this.closeSpan(lane, t);
    if (TERMINAL_STATES.has(event.state)) {
      this.noteStyle(lane, event.state);
      lane.outcome = { state: event.state, t, line: event.line ?? 0 };
      this.lanesRevision += 1;
      return;
    }
    const state = STATE[event.state] ?? STATE.other;
    this.noteStyle(lane, event.state);
    if (lane.kind === 'core') this.trackCores(t, state === STATE.running ? 1 : 0);
    lane.open = { state, start: t, label: this.intern(event.label), line: event.line ?? 0 };
    if (state === STATE.awaiting && lane.kind === 'task') {
      this.awaitingNow += 1;
      this.peakAwaiting = Math.max(this.peakAwaiting, this.awaitingNow);
    }
  }

  /** Remembers that a lane of this family was seen in this state, for the legend. */
  noteStyle(lane, state) {
    if (!lane.kindKnown) return;
    const key = `${STYLE_FAMILY[lane.kind] ?? 'task'}:${state}`;
    if (this.seenStyles.has(key)) return;
    this.seenStyles.add(key);
    this.seenRevision += 1;
  }

  /** A core became busy (+1) or stopped being busy (−1) at `t`. */
  trackCores(t, delta) {
    if (delta === 0) return;
    this.settleCoreLevel(t);
    this.coresBusy.count += delta;
  }

  /** The number of busy cores held since the last change counts towards the peak if it lasted. */
  settleCoreLevel(t) {
    const busy = this.coresBusy;
    if (t - busy.since >= MIN_PARALLEL_NS) busy.peak = Math.max(busy.peak, busy.count);
    busy.since = Math.max(busy.since, t);
  }

  /** The most cores busy at once so far, counting the current level if it has lasted until `now`. */
  peakCoresBusy(now) {
    const busy = this.coresBusy;
    return now - busy.since >= MIN_PARALLEL_NS ? Math.max(busy.peak, busy.count) : busy.peak;
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
    // Searched before growing: the new, still empty row must not take part in the search.
    const count = points.length;
    const at = count > 0 && points.t[count - 1] > event.t_ns ? points.firstAbove('t', event.t_ns) : count;
    points.grow();
    if (at < count) {
      for (const column of Object.keys(points.spec)) points[column].copyWithin(at + 1, at, count);
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

  /**
   * The lane a loop or core `running` span from `t` shows at work, named by the span's label: the
   * task the loop steps, the thread a core executes. Names can repeat (a scenario that makes the
   * same tasks twice), so it is the namesake declared last by `t`. A core running a child
   * process's thread is labelled `SpawnProcess-1 · MainThread`: the process lane stands for it.
   */
  shownLane(labelIndex, t) {
    const name = this.labels[labelIndex];
    let namesakes = this.lanesByName.get(name);
    if (!namesakes) {
      const at = name.indexOf(' · ');
      const owner = at > 0 ? this.lanesByName.get(name.slice(0, at)) : undefined;
      namesakes = owner?.filter((lane) => lane.kind === 'process');
      if (!namesakes?.length) return undefined;
    }
    let shown = namesakes[0];
    for (const lane of namesakes) if (lane.declaredAt <= t) shown = lane;
    return shown;
  }

  /** Summary figures: the server's once the run has ended, else computed live up to `now`. */
  stats(now) {
    return { ...this.loopStats(now), ...this.threadStats(now) };
  }

  /** Threads, processes and cores are counted here from the lanes, live and after the end alike. */
  threadStats(now) {
    return {
      hasThreads: this.hasThreads,
      threads: this.threadCount,
      processes: this.processCount,
      cores: this.coreCount,
      peakCoresBusy: this.peakCoresBusy(now),
    };
  }

  loopStats(now) {
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
