// Narration: the run told as a log of plain sentences ("0.001 s Task-2 pauses at line 7 awaiting asyncio.sleep(1)"), built from a RunModel, synced with the timeline.
//
// `narrate(model)` turns the model's spans, outcomes and point events into steps, in time order;
// `collapse(steps)` folds long repetitions into one row each ("… 37 more steps like the ones above");
// `NarrationPane` shows a window of those rows, grows with a live run, follows the replay and
// tells the page which moment a sentence means when it is hovered or clicked. Words come from the
// current theme (themes.js), so the chess picture says "board 2" where the plain one says "Task-2".

import { formatDuration, formatTimestamp } from './format.js';
import { POINT, STATE, spanAt } from './model.js';
import { laneColor } from './palette.js';
import { element } from './panels.js';
import { currentTheme, laneRole } from './themes.js';

/** Rows in the DOM at most; the rest of a long run is reached with "earlier" / "later" buttons. */
const WINDOW_ROWS = 400;
/** A stretch of GIL hand-offs longer than this keeps its first steps and folds the rest. */
const GIL_RUN_MIN = 8;
const GIL_RUN_SHOWN = 2;
/**
 * How repetitions are folded. A short run folds only exact repeats (same lanes, lines, labels):
 * its story is the lesson. A long one (at least `minSteps` steps) also folds repeats of the same
 * shape by other lanes (ten tasks taking turns in the same way, round after round), with longer
 * periods. A repeat folds once it comes back `minRepeats` more times and hides `minFolded` steps.
 */
const EXACT_FOLDING = { maxPeriod: 8, minRepeats: 2, minFolded: 4 };
const SHAPE_FOLDING = { minSteps: 400, maxPeriod: 64, minRepeats: 3, minFolded: 12 };
/** A live run's narration is rebuilt at most this often, or less often if building takes longer. */
const LIVE_REBUILD_MS = 250;
const LIVE_REBUILD_FACTOR = 4;
/** Printed text and messages are cut to this length in a sentence. */
const MAX_TEXT_CHARS = 120;
const GROUP_SUBJECTS_SHOWN = 3;

/**
 * Order of moments recorded in the same nanosecond: a spawn or cancel before what it causes, a
 * lane's own step before the loop moves on, the loop's step before what the task then prints.
 */
const RANK = { spawn: 0, state: 1, wake: 2, loop: 3, print: 4, note: 5, end: 6 };
const POINT_RANK = {
  [POINT.spawn]: RANK.spawn,
  [POINT.cancel]: RANK.spawn,
  [POINT.wake]: RANK.wake,
  [POINT.print]: RANK.print,
  [POINT.exception]: RANK.note,
  [POINT.diagnostic]: RANK.note,
};
const GIL_KINDS = new Set(['gilTake', 'gilWait']);
/** Steps whose sentence is about another lane (`other`) more than about the one that logged it. */
const ABOUT_OTHER = new Set(['enter', 'reenter', 'resume', 'spawnTask', 'spawnThread', 'spawnProcess', 'timer', 'event', 'wakeBy', 'cancel']);

// ── steps from the model ──────────────────────────────────────────────────

/**
 * The run's steps in time order: `{t, kind, lane, other, label, line, text, end}`, `lane` and
 * `other` being lane indexes (-1: none), `end` the end of the span a state step opens.
 */
export function narrate(model) {
  const moments = gatherMoments(model);
  moments.sort((a, b) => a.t - b.t || a.rank - b.rank);
  const entered = new Set();
  const steps = [];
  for (const moment of moments) {
    const step = stepOf(model, moment, entered);
    if (step) steps.push(step);
  }
  return steps;
}

function gatherMoments(model) {
  const moments = [];
  for (const lane of model.lanes) {
    if (lane.kind === 'core') continue;
    const rank = lane.kind === 'event_loop' ? RANK.loop : RANK.state;
    for (let i = 0; i < lane.spans.length; i += 1) moments.push({ t: lane.spans.start[i], rank, type: 'span', lane, i });
    if (lane.open) moments.push({ t: lane.open.start, rank, type: 'span', lane, i: lane.spans.length });
    if (lane.outcome && lane.kind !== 'event_loop') moments.push({ t: lane.outcome.t, rank: RANK.state, type: 'outcome', lane });
  }
  const points = model.points;
  for (let i = 0; i < points.length; i += 1) moments.push({ t: points.t[i], rank: POINT_RANK[points.kind[i]], type: 'point', i });
  if (model.end) moments.push({ t: model.end.duration_ns ?? model.lastT, rank: RANK.end, type: 'end' });
  return moments;
}

function stepOf(model, moment, entered) {
  if (moment.type === 'span') return spanStep(model, moment.lane, moment.i, entered);
  if (moment.type === 'outcome') return outcomeStep(moment.lane);
  if (moment.type === 'point') return pointStep(model, moment.i);
  return { t: moment.t, kind: 'end', lane: -1, other: -1, label: '', line: 0, text: model.end.status, end: moment.t };
}

function spanStep(model, lane, i, entered) {
  const span = spanAt(lane, i);
  const previous = i > 0 ? spanAt(lane, i - 1) : null;
  // A lane logging the state it is already in adds nothing to the story.
  if (previous && previous.state === span.state && previous.label === span.label) return null;
  const step = (kind, other = -1, label = model.labels[span.label]) => ({
    t: span.start,
    kind,
    lane: lane.index,
    other,
    label,
    line: span.line,
    text: '',
    end: span.end,
  });
  const family = model.styleFamily(lane);
  if (family === 'loop') return loopStep(model, span, previous, entered, step);
  if (lane.kind === 'task') {
    if (span.state === STATE.awaiting) return step('pause');
    return span.state === STATE.blocked ? step('taskBlocked') : null;
  }
  return workerStep(model, lane, span, previous, step);
}

/** The event loop of a run with tasks: which task it steps, when it idles, what blocks it. */
function loopStep(model, span, previous, entered, step) {
  switch (span.state) {
    case STATE.running: {
      const stepped = model.shownLane(span.label, span.start);
      if (!stepped || stepped.kind !== 'task') return step('mainRuns');
      if (previous?.state === STATE.blocked) return step('resume', stepped.index, model.labels[previous.label]);
      const kind = entered.has(stepped.index) ? 'reenter' : 'enter';
      entered.add(stepped.index);
      // The span's label is the task's name, which `other` already says.
      return step(kind, stepped.index, '');
    }
    case STATE.idle:
      return step('idle');
    case STATE.blocked: {
      const stepped = previous?.state === STATE.running ? model.shownLane(previous.label, previous.start) : undefined;
      return step('loopBlocked', stepped?.index ?? -1);
    }
    case STATE.waiting_gil:
      return step('gilWait');
    default:
      return null;
  }
}

/** A thread, a process, or the main thread of a run without tasks. */
function workerStep(model, lane, span, previous, step) {
  switch (span.state) {
    case STATE.running:
      if (lane.kind === 'event_loop' && !previous) return step('mainRuns');
      // Each process has a GIL of its own, so only threads of one process take turns on one.
      return step(model.gil && lane.kind !== 'process' ? 'gilTake' : 'run');
    case STATE.waiting_gil:
      return step('gilWait');
    case STATE.native:
      return step('native');
    case STATE.blocked:
      return step('threadBlocked');
    case STATE.idle:
      return step('workerIdle');
    default:
      return null;
  }
}

const OUTCOME_KINDS = {
  task: 'taskDone',
  thread: 'threadDone',
  process: 'processDone',
};

function outcomeStep(lane) {
  const { state, t, line } = lane.outcome;
  const kind = state === 'done' ? OUTCOME_KINDS[lane.kind] ?? 'threadDone' : state;
  return { t, kind, lane: lane.index, other: -1, label: '', line, text: '', end: t };
}

function pointStep(model, i) {
  const points = model.points;
  const t = points.t[i];
  const lane = points.lane[i];
  const other = points.other[i];
  const step = (kind, extra = {}) => ({ t, kind, lane, other, label: '', line: points.line[i], text: '', end: t, ...extra });
  switch (points.kind[i]) {
    case POINT.spawn: {
      const kind = { task: 'spawnTask', thread: 'spawnThread', process: 'spawnProcess' }[model.lanes[other]?.kind];
      return kind ? step(kind) : null;
    }
    case POINT.wake: {
      const label = awaitedAt(model, model.lanes[other], t);
      if (model.lanes[lane].kind !== 'event_loop') return step('wakeBy', { label });
      return step(/sleep/.test(label) ? 'timer' : 'event', { label });
    }
    case POINT.cancel:
      return step('cancel');
    case POINT.print:
      return step('print', { text: model.texts[points.ref[i]] ?? '' });
    case POINT.exception:
      return step('exception', { text: model.texts[points.ref[i]] ?? '' });
    case POINT.diagnostic:
      return step('diagnostic', { text: model.texts[points.ref[i]] ?? '' });
    default:
      return null;
  }
}

/** What a lane was awaiting when it was woken at `t`: the label of its await that ends there. */
function awaitedAt(model, lane, t) {
  if (!lane) return '';
  const spans = lane.spans;
  const i = spans.firstAtLeast('end', t);
  if (i < spans.length && spans.start[i] < t && spans.state[i] === STATE.awaiting) return model.labels[spans.label[i]];
  if (lane.open?.state === STATE.awaiting && lane.open.start < t) return model.labels[lane.open.label];
  return '';
}

// ── folding repetitions ───────────────────────────────────────────────────

/** What makes two steps "the same" for folding: everything but the time and printed text. */
function exactKey(step) {
  return `${step.kind}|${step.lane}|${step.other}|${step.label}|${step.line}`;
}

/** What makes two steps alike in a long run: what happens, where in the code, whichever lanes. */
function shapeKey(step) {
  return `${step.kind}|${step.label}|${step.line}`;
}

/** Keys as small integers, so comparing two steps is one integer comparison. */
function internedKeys(steps, key) {
  const ids = new Map();
  const keys = new Int32Array(steps.length);
  steps.forEach((step, i) => {
    const text = key(step);
    let id = ids.get(text);
    if (id === undefined) {
      id = ids.size;
      ids.set(text, id);
    }
    keys[i] = id;
  });
  return keys;
}

/**
 * The rows to show: step indexes, and folded groups `{from, to, kind}` (steps [from, to)). A run
 * of GIL hand-offs keeps its first steps; a stretch that repeats the steps just before it keeps
 * its first round.
 */
export function collapse(steps) {
  const long = steps.length >= SHAPE_FOLDING.minSteps;
  const folding = long ? SHAPE_FOLDING : EXACT_FOLDING;
  const keys = internedKeys(steps, long ? shapeKey : exactKey);
  const rows = [];
  let i = 0;
  while (i < steps.length) {
    const gilEnd = gilRunEnd(steps, i);
    if (gilEnd - i >= GIL_RUN_MIN) {
      for (let k = i; k < i + GIL_RUN_SHOWN; k += 1) rows.push(k);
      rows.push({ from: i + GIL_RUN_SHOWN, to: gilEnd, kind: 'gil' });
      i = gilEnd;
      continue;
    }
    const { period, to } = longestRepeat(keys, i, folding);
    if (period > 0) {
      for (let k = i; k < i + period; k += 1) rows.push(k);
      rows.push({ from: i + period, to, kind: 'repeat' });
      i = to;
      continue;
    }
    rows.push(i);
    i += 1;
  }
  return rows;
}

function gilRunEnd(steps, from) {
  let end = from;
  while (end < steps.length && GIL_KINDS.has(steps[end].kind)) end += 1;
  return end;
}

/** The period whose repetition from `from` on folds the most steps, and where it stops; period 0: none. */
function longestRepeat(keys, from, { maxPeriod, minRepeats, minFolded }) {
  let best = { period: 0, to: from };
  for (let period = 1; period <= maxPeriod && from + 2 * period <= keys.length; period += 1) {
    let end = from + period;
    while (end < keys.length && keys[end] === keys[end - period]) end += 1;
    const folded = end - from - period;
    if (folded >= Math.max(minRepeats * period, minFolded) && end > best.to) best = { period, to: end };
  }
  return best;
}

// ── sentences ─────────────────────────────────────────────────────────────

/** The pieces of a step's sentence in the theme's words: strings, `{lane}` and `{code}` parts. */
function sentenceParts(model, step, theme) {
  const lanePart = (index) => (index >= 0 && model.lanes[index] ? { lane: model.lanes[index] } : null);
  const who = lanePart(step.lane);
  const other = lanePart(step.other);
  const phrase = theme.voice[step.kind];
  return phrase({
    who,
    other,
    role: who ? laneRole(who.lane, model) : '',
    otherRole: other ? laneRole(other.lane, model) : '',
    label: step.label,
    line: step.line,
    // A line break the program printed shows as ⏎, so one write stays one sentence.
    text: shorten(step.text.replace(/\n$/, '').replaceAll('\n', '⏎ ')),
    pid: step.other >= 0 ? model.lanes[step.other]?.pid : 0,
    duration: formatDuration(step.t),
  });
}

function shorten(text) {
  return text.length > MAX_TEXT_CHARS ? `${text.slice(0, MAX_TEXT_CHARS - 1)}…` : text;
}

/** The lane a step is about: the task the loop enters, the child a spawn creates, else the step's own; -1 for none. */
function subjectOf(step) {
  return ABOUT_OTHER.has(step.kind) && step.other >= 0 ? step.other : step.lane;
}

function groupParts(model, steps, group, theme) {
  const phrase = group.kind === 'gil' ? theme.voice.gilGroup : theme.voice.repeatGroup;
  const count = (group.to - group.from).toLocaleString('en');
  return phrase({ count, subjects: subjectParts(model, steps, group), until: formatTimestamp(steps[group.to - 1].t) });
}

/** The lanes a folded row is about, as sentence parts: "Task-2, Task-3 and Task-4", or "…, and others". */
function subjectParts(model, steps, group) {
  const seen = new Set();
  for (let k = group.from; k < group.to && seen.size <= GROUP_SUBJECTS_SHOWN; k += 1) {
    const subject = subjectOf(steps[k]);
    if (subject >= 0) seen.add(subject);
  }
  const more = seen.size > GROUP_SUBJECTS_SHOWN;
  const lanes = [...seen].slice(0, GROUP_SUBJECTS_SHOWN);
  const parts = [];
  lanes.forEach((index, k) => {
    if (k > 0) parts.push(k === lanes.length - 1 && !more ? ' and ' : ', ');
    parts.push({ lane: model.lanes[index] });
  });
  if (more) parts.push(' and others');
  return parts;
}

/**
 * A lane as a sentence names it: its name in the theme's words, and, when `detail` is asked for,
 * what it runs (with its real name too when the theme renamed it: "board 1 (Task-2 play(1))").
 */
function laneWords(model, { lane, detail }, theme) {
  const name = theme.laneName(lane, model) ?? lane.name;
  if (!detail || !lane.detail) return { name, detail: '' };
  return { name, detail: name === lane.name ? ` ${lane.detail}` : ` (${lane.name} ${lane.detail})` };
}

/** A sentence as plain text, for tests and for copying. */
function partsText(model, parts, theme) {
  return parts
    .filter((part) => part !== null && part !== undefined && part !== '')
    .map((part) => {
      if (typeof part === 'string') return part;
      if (part.code !== undefined) return part.code;
      const { name, detail } = laneWords(model, part, theme);
      return name + detail;
    })
    .join('');
}

function partsNodes(model, parts, theme) {
  const nodes = [];
  for (const part of parts) {
    if (part === null || part === undefined || part === '') continue;
    if (typeof part === 'string') {
      nodes.push(document.createTextNode(part));
    } else if (part.code !== undefined) {
      nodes.push(element('code', 'story-code', part.code));
    } else {
      nodes.push(laneNode(model, part, theme));
    }
  }
  return nodes;
}

/** A lane in a sentence: its name in its colour, then what it runs in the muted code style. */
function laneNode(model, part, theme) {
  const { name, detail } = laneWords(model, part, theme);
  const node = element('span', 'story-lane', name);
  node.style.setProperty('--lane-color', laneColor(part.lane));
  if (!detail) return node;
  const wrapper = document.createDocumentFragment();
  wrapper.append(node, element('span', 'story-detail', detail));
  return wrapper;
}

// ── the pane ──────────────────────────────────────────────────────────────

/**
 * The narration list. `onHover(moment)` gets `{t, laneIndex, start, end, line}` for the hovered
 * sentence (null when the pointer leaves); `onPick(entry)` gets `{t, lane, line}` for a clicked one,
 * the lane being the one the sentence is about.
 */
export class NarrationPane {
  constructor(list, count, { onHover, onPick }) {
    this.list = list;
    this.count = count;
    this.onHover = onHover;
    this.onPick = onPick;
    list.addEventListener('pointerover', (event) => this.hoverRow(event.target.closest('[data-row]')));
    list.addEventListener('pointerleave', () => this.hoverRow(null));
    list.addEventListener('focusin', (event) => this.hoverRow(event.target.closest('[data-row]')));
    list.addEventListener('click', (event) => this.click(event.target.closest('button')));
    list.addEventListener('scroll', () => {
      this.stickToEnd = this.atBottom();
    });
    this.reset();
  }

  reset() {
    this.model = null;
    this.steps = [];
    this.rows = [];
    this.windowStart = 0;
    this.current = -1;
    this.stickToEnd = true;
    this.builtAt = { events: -1, ended: false, ms: 0, cost: 0 };
    this.expanded = new Set();
    this.hovered = -1;
    this.list.replaceChildren(element('li', 'pane-empty', 'Press Run: the run is told here step by step, in plain words.'));
    this.count.textContent = '';
  }

  /** Keeps up with `model` (once per frame): rebuilt when it changed, at most every so often while live. */
  sync(model) {
    if (model !== this.model) {
      this.reset();
      this.model = model;
    }
    if (!model || !this.needsBuild(model)) return;
    this.build(model);
  }

  needsBuild(model) {
    const built = this.builtAt;
    if (built.events === model.eventCount && built.ended === model.ended) return false;
    if (model.ended) return true;
    const wait = Math.max(LIVE_REBUILD_MS, built.cost * LIVE_REBUILD_FACTOR);
    return performance.now() - built.ms >= wait;
  }

  build(model) {
    const started = performance.now();
    this.steps = narrate(model);
    this.rows = collapse(this.steps);
    for (const from of this.expanded) this.expandRows(from);
    const finished = performance.now();
    this.builtAt = { events: model.eventCount, ended: model.ended, ms: finished, cost: finished - started };
    this.count.textContent = `${this.steps.length.toLocaleString('en')} ${this.steps.length === 1 ? 'step' : 'steps'}`;
    if (this.stickToEnd && this.current < 0) this.windowStart = Math.max(0, this.rows.length - WINDOW_ROWS);
    this.render();
    if (this.stickToEnd && this.current < 0) this.list.scrollTop = this.list.scrollHeight;
  }

  /** Re-renders in the current theme's words. */
  refresh() {
    if (this.model) this.render();
  }

  render() {
    if (this.steps.length === 0) {
      this.list.replaceChildren(element('li', 'pane-empty', this.model?.ended ? 'Nothing happened worth telling.' : 'Waiting for the first step…'));
      return;
    }
    const theme = currentTheme();
    const end = Math.min(this.rows.length, this.windowStart + WINDOW_ROWS);
    const fragment = document.createDocumentFragment();
    if (this.windowStart > 0) fragment.append(this.moreButton('earlier', this.windowStart));
    for (let r = this.windowStart; r < end; r += 1) fragment.append(this.rowElement(r, theme));
    if (end < this.rows.length) fragment.append(this.moreButton('later', this.rows.length - end));
    this.list.replaceChildren(fragment);
    this.markCurrent(false);
  }

  moreButton(direction, hidden) {
    const item = element('li', 'story-more');
    const shown = Math.min(hidden, WINDOW_ROWS).toLocaleString('en');
    const where = direction === 'earlier' ? `the previous ${shown} rows (${hidden.toLocaleString('en')} before these)` : `the next ${shown} rows (${hidden.toLocaleString('en')} after these)`;
    const button = element('button', 'story-more-button', `Show ${where}`);
    button.type = 'button';
    button.dataset.more = direction;
    item.append(button);
    return item;
  }

  rowElement(r, theme) {
    const row = this.rows[r];
    const grouped = typeof row !== 'number';
    const step = this.steps[grouped ? row.from : row];
    const parts = grouped ? groupParts(this.model, this.steps, row, theme) : sentenceParts(this.model, step, theme);
    const item = element('li', grouped ? 'story-row is-group' : `story-row story-${step.kind}`);
    item.dataset.row = String(r);
    const button = element('button', 'story-line');
    button.type = 'button';
    button.title = grouped ? 'Show these steps one by one' : 'Show this moment on the timeline';
    button.append(element('span', 'story-time', formatTimestamp(step.t)), element('span', 'story-text'));
    button.lastChild.append(...partsNodes(this.model, parts, theme));
    item.append(button);
    return item;
  }

  /** Every step's sentence as text, "0.001 s Task-2 pauses at line 7 awaiting asyncio.sleep(1)", unfolded. */
  sentences() {
    const theme = currentTheme();
    return this.steps.map((step) => `${formatTimestamp(step.t)} ${partsText(this.model, sentenceParts(this.model, step, theme), theme)}`);
  }

  /** The sentences of the rows in the list, folded rows included, as "time text". */
  shownSentences() {
    return [...this.list.querySelectorAll('.story-row')].map(
      (item) => `${item.querySelector('.story-time').textContent} ${item.querySelector('.story-text').textContent}`,
    );
  }

  // ── the moment a row means ──────────────────────────────────────────────

  /** The step a row stands for (a folded row: its first step). */
  rowStep(r) {
    const row = this.rows[r];
    return this.steps[typeof row === 'number' ? row : row.from];
  }

  momentOf(step) {
    const laneIndex = step.lane >= 0 ? step.lane : -1;
    const end = Number.isFinite(step.end) ? step.end : this.model.now(performance.now());
    return { t: step.t, laneIndex, start: step.t, end, line: step.line };
  }

  hoverRow(item) {
    const r = item ? Number(item.dataset.row) : -1;
    if (r === this.hovered) return;
    this.hovered = r;
    this.onHover(r >= 0 ? this.momentOf(this.rowStep(r)) : null);
  }

  click(button) {
    if (!button) return;
    if (button.dataset.more) {
      this.shiftWindow(button.dataset.more === 'earlier' ? -WINDOW_ROWS : WINDOW_ROWS);
      return;
    }
    const r = Number(button.closest('[data-row]').dataset.row);
    const row = this.rows[r];
    if (typeof row !== 'number') {
      this.expand(row.from);
      return;
    }
    const step = this.steps[row];
    this.onPick({ t: step.t, lane: subjectOf(step), line: step.line });
  }

  /** Moves the window of rows by `delta`; the list then shows the rows next to the ones left behind. */
  shiftWindow(delta) {
    this.windowStart = Math.min(Math.max(0, this.windowStart + delta), Math.max(0, this.rows.length - WINDOW_ROWS));
    this.render();
    this.list.scrollTop = delta < 0 ? this.list.scrollHeight : 0;
  }

  /** Unfolds a folded row into its steps, and keeps it unfolded as the narration grows. */
  expand(from) {
    this.expanded.add(from);
    this.expandRows(from);
    this.render();
  }

  expandRows(from) {
    const r = this.rows.findIndex((row) => typeof row !== 'number' && row.from === from);
    if (r < 0) return;
    const { to } = this.rows[r];
    const unfolded = Array.from({ length: to - from }, (_, k) => from + k);
    this.rows = this.rows.slice(0, r).concat(unfolded, this.rows.slice(r + 1));
  }

  // ── following the replay ────────────────────────────────────────────────

  /** Marks the last sentence at or before `t` (null: none) and scrolls it into view. */
  follow(t) {
    if (!this.model) return;
    if (t === null) {
      this.current = -1;
      this.markCurrent(false);
      return;
    }
    const step = this.lastStepAtOrBefore(t);
    const r = step < 0 ? -1 : this.rowOfStep(step);
    if (r === this.current) return;
    this.current = r;
    if (r >= 0 && (r < this.windowStart || r >= this.windowStart + WINDOW_ROWS)) {
      this.windowStart = Math.max(0, Math.min(r - WINDOW_ROWS / 2, this.rows.length - WINDOW_ROWS));
      this.render();
    }
    this.markCurrent(true);
  }

  lastStepAtOrBefore(t) {
    let lo = 0;
    let hi = this.steps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.steps[mid].t <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** The row showing step `s`: itself, or the folded row that holds it. */
  rowOfStep(s) {
    let lo = 0;
    let hi = this.rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      const row = this.rows[mid];
      if ((typeof row === 'number' ? row : row.from) <= s) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Marks the current row (the replay's sentence); `reveal` scrolls the list to it. */
  markCurrent(reveal) {
    for (const item of this.list.querySelectorAll('.story-row.is-current')) {
      item.classList.remove('is-current');
      item.removeAttribute('aria-current');
    }
    if (this.current < 0) return;
    const item = this.list.querySelector(`[data-row="${this.current}"]`);
    if (!item) return;
    item.classList.add('is-current');
    item.setAttribute('aria-current', 'step');
    if (reveal && this.list.offsetParent !== null) this.scrollToItem(item);
  }

  /** Scrolls the list (never the page) so the item sits in its middle third. */
  scrollToItem(item) {
    const list = this.list;
    const top = item.offsetTop - list.offsetTop;
    if (top < list.scrollTop + list.clientHeight / 3 || top + item.offsetHeight > list.scrollTop + (2 * list.clientHeight) / 3) {
      list.scrollTop = Math.max(0, top - list.clientHeight / 3);
    }
  }

  atBottom() {
    return this.list.scrollTop + this.list.clientHeight >= this.list.scrollHeight - 24;
  }
}

/**
 * Tabs over panels of one pane (Output / Narration): buttons with `role="tab"` and
 * `aria-controls`; picking one shows its panel and hides the others. `onShow(id)` hears the change.
 */
export class PaneTabs {
  constructor(tablist, { onShow = () => {} } = {}) {
    this.tabs = [...tablist.querySelectorAll('[role="tab"]')];
    this.onShow = onShow;
    for (const tab of this.tabs) {
      tab.addEventListener('click', () => this.show(tab));
      tab.addEventListener('keydown', (event) => this.arrow(event, tab));
    }
  }

  show(tab) {
    for (const candidate of this.tabs) {
      const selected = candidate === tab;
      candidate.setAttribute('aria-selected', String(selected));
      candidate.tabIndex = selected ? 0 : -1;
      for (const id of candidate.getAttribute('aria-controls').split(' ')) document.getElementById(id).hidden = !selected;
    }
    this.onShow(tab.id);
  }

  arrow(event, tab) {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const next = this.tabs[(this.tabs.indexOf(tab) + step + this.tabs.length) % this.tabs.length];
    next.focus();
    this.show(next);
  }
}
