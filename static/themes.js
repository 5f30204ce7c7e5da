// Pictures a run can be drawn in: plain, the chess grandmaster's simultaneous exhibition, and the bakery; each names lanes, states and the narration in its own words.
//
// The current theme is one per page: `setTheme(name)` switches it and tells every listener
// (`onThemeChange`), `currentTheme()` reads it. A scenario's metadata names its theme; a snapshot
// saves it in its view.

import { STATE } from './model.js';

/** A piece of a narrated sentence shown as code: an await label, a call. */
const code = (text) => ({ code: text });
/** A lane named in a sentence, with what it runs when `detail` is set. */
const withDetail = (part) => (part ? { ...part, detail: true } : part);
const atLine = (line) => (line > 0 ? ` at line ${line}` : '');

/**
 * The plain words of the narration, one phrase per kind of step. A phrase gets the step's pieces
 * (`who` and `other` are lanes, `role` and `otherRole` the parts they play (see `laneRole`),
 * `label` a call or await, `line` a source line, `text` what was printed, a message, or the run's
 * status) and returns the sentence as strings, lanes and code pieces. The pictures override some.
 */
const PLAIN_VOICE = {
  enter: ({ other }) => ['the loop enters ', withDetail(other)],
  reenter: ({ other }) => ['the loop goes back to ', other],
  resume: ({ other, label }) => [code(label), ' returns: ', other, ' goes on'],
  mainRuns: ({ label }) => (label === '<module>' || !label ? ['the main thread runs the program’s top-level code'] : ['the main thread runs ', code(label)]),
  idle: () => ['no task is ready: the loop waits for events'],
  loopBlocked: ({ other, label, line }) => [other ?? 'a call', ' blocks the loop', atLine(line), ' in ', code(label), ': no other task can run'],
  pause: ({ who, label, line }) => [who, ' pauses', atLine(line), ' awaiting ', code(label || 'something')],
  taskBlocked: ({ who, label, line }) => [who, ' is blocked in ', code(label || 'a call'), atLine(line)],
  timer: ({ other }) => ['the timer for ', other, ' fires'],
  event: ({ other, label }) => ['what ', other, ' awaited is ready', ...(label ? [': ', code(label)] : [])],
  wakeBy: ({ who, other, label }) => [who, ' wakes ', other, ...(label ? [', which was awaiting ', code(label)] : [])],
  spawnTask: ({ who, other, line }) => [who, ' creates ', withDetail(other), atLine(line)],
  spawnThread: ({ who, other, line }) => [who, ' starts thread ', withDetail(other), atLine(line)],
  spawnProcess: ({ who, other, pid }) => [who, ' starts process ', withDetail(other), pid ? ` (pid ${pid})` : ''],
  gilTake: ({ who }) => [who, ' takes the GIL and runs Python'],
  run: ({ who }) => [who, ' runs Python'],
  gilWait: ({ who }) => [who, ' waits for the GIL'],
  native: ({ who, label }) => [who, ' is in native code', ...(label ? [' (', code(label), ')'] : []), ', with the GIL released'],
  threadBlocked: ({ who, label, line }) => [who, ' waits in ', code(label || 'a call'), atLine(line)],
  workerIdle: ({ who }) => [who, ' waits for work'],
  taskDone: ({ who }) => [who, ' finishes'],
  threadDone: ({ who }) => [who, ' ends'],
  processDone: ({ who }) => [who, ' exits'],
  cancelled: ({ who }) => [who, ' is cancelled'],
  failed: ({ who, line }) => [who, ' fails', atLine(line)],
  cancel: ({ who, other, line }) => [who, ' asks to cancel ', other, atLine(line)],
  print: ({ who, text }) => [who, ' prints ', code(text)],
  exception: ({ who, text, line }) => ['an exception escapes ', who, atLine(line), ': ', text],
  diagnostic: ({ text }) => ['⚠ ', text],
  end: ({ text, duration }) => [END_WORDS[text] ?? `the run ends (${text})`, ` after ${duration}`],
  gilGroup: ({ count, subjects, until }) => [`… ${count} more steps: `, ...subjects, ` take turns holding the GIL, until ${until}`],
  repeatGroup: ({ count, subjects, until }) => [`… ${count} more steps like the ones above (`, ...subjects, `), until ${until}`],
};

const END_WORDS = {
  ok: 'the program ends',
  error: 'the program fails',
  cancelled: 'the run is cancelled',
  limit: 'the run stops at a limit',
  detached: 'the page stops watching',
};

const PLAIN = {
  name: 'plain',
  voice: PLAIN_VOICE,
  badge: () => null,
  laneName: (lane) => (lane.kind === 'event_loop' ? 'the main thread' : null),
  stateWord: () => null,
  picture: () => null,
  spanText: () => null,
  legend: {},
  rowPattern: () => null,
};

// ── who is who in a picture ───────────────────────────────────────────────

/** Each model's casting (its host task and the lanes' numbers), redone when lanes are added. */
const castings = new WeakMap();

/**
 * Who plays what in a model: the host task, and each lane's number among its kind (board 2,
 * baker 3). Numbers follow declaration order, so a lane keeps its number as later ones arrive.
 */
function casting(model) {
  // A number, not a string: this runs for every themed span drawn. The four counts only ever
  // grow, so their sum changes whenever one of them does.
  const key = model.lanes.length + model.taskCount + model.threadCount + model.processCount;
  const known = castings.get(model);
  if (known?.key === key) return known;
  const hostIndex = model.taskCount > 1 ? model.lanes.find((lane) => lane.kind === 'task')?.index ?? -1 : -1;
  const numbers = new Int32Array(model.lanes.length);
  let tasks = 0;
  // The main thread is the first worker, so the others count from 2.
  let workers = 1;
  for (const lane of model.lanes) {
    if (lane.kind === 'task' && lane.index !== hostIndex) numbers[lane.index] = ++tasks;
    else if (lane.kind === 'thread' || lane.kind === 'process') numbers[lane.index] = ++workers;
  }
  const cast = { key, hostIndex, numbers };
  castings.set(model, cast);
  return cast;
}

/**
 * A lane's part in a picture: `loop` (the main thread), `host` (the first task of a run with
 * several: `asyncio.run`'s main coroutine, which sets the others up), `task`, `worker` (threads
 * and processes) or `core`.
 */
export function laneRole(lane, model) {
  if (lane.kind === 'event_loop') return 'loop';
  if (lane.kind === 'task') return lane.index === casting(model).hostIndex ? 'host' : 'task';
  if (lane.kind === 'thread' || lane.kind === 'process') return 'worker';
  return 'core';
}

const numberOf = (lane, model) => casting(model).numbers[lane.index];

/** The name, in `theme`'s words, of the task a loop `running` span steps; null if it steps none. */
function steppedName(theme, model, label, start) {
  const stepped = model.shownLane(label, start);
  return stepped ? theme.laneName(stepped, model) ?? stepped.name : null;
}

// ── the chess grandmaster ─────────────────────────────────────────────────

const CHESS_VOICE = {
  enter: ({ other }) => ['the grandmaster steps up to ', withDetail(other)],
  reenter: ({ other }) => ['the grandmaster comes back to ', other],
  resume: ({ other }) => ['the grandmaster makes her move on ', other],
  idle: () => ['every opponent is thinking: the grandmaster waits for a reply'],
  loopBlocked: ({ other, label, line }) => [
    'the grandmaster thinks over her move on ', other ?? 'a board', ' (', code(label), atLine(line), '): every other board waits',
  ],
  pause: (parts) =>
    parts.role === 'task'
      ? [parts.who, ': the opponent thinks (', code(parts.label || 'an await'), atLine(parts.line), '), the grandmaster walks on']
      : PLAIN_VOICE.pause(parts),
  timer: ({ other }) => ['the opponent on ', other, ' has replied: its timer fires'],
  spawnTask: (parts) =>
    parts.otherRole === 'task' ? [parts.who, ' sets up ', withDetail(parts.other), atLine(parts.line)] : PLAIN_VOICE.spawnTask(parts),
  taskDone: ({ who, role }) => (role === 'task' ? [who, ': game over'] : [who, ' finishes']),
};

const CHESS = {
  name: 'chess',
  voice: { ...PLAIN_VOICE, ...CHESS_VOICE },
  badge(lane, model) {
    const role = laneRole(lane, model);
    if (role === 'loop') return { glyph: '♔', text: 'grandmaster' };
    if (role === 'host') return { glyph: '♖', text: 'host' };
    if (role === 'task') return { glyph: '♟', text: `board ${numberOf(lane, model)}` };
    return null;
  },
  laneName(lane, model) {
    const role = laneRole(lane, model);
    if (role === 'loop') return 'the grandmaster';
    if (role === 'host') return 'the host';
    if (role === 'task') return `board ${numberOf(lane, model)}`;
    return null;
  },
  stateWord(lane, state, model) {
    const role = laneRole(lane, model);
    if (role === 'task') return { [STATE.running]: 'move', [STATE.awaiting]: 'opponent thinking' }[state] ?? null;
    if (role === 'loop' && model.taskCount > 0) {
      return { [STATE.running]: 'at a board', [STATE.blocked]: 'thinking', [STATE.idle]: 'waiting for a reply' }[state] ?? null;
    }
    return null;
  },
  picture(lane, state, model) {
    const role = laneRole(lane, model);
    if (role === 'task' && state === STATE.awaiting) return 'The opponent on this board is thinking; the grandmaster plays on other boards meanwhile.';
    if (role === 'task' && state === STATE.running) return 'The grandmaster is at this board, making a move.';
    if (role === 'loop' && state === STATE.idle) return 'Every opponent is thinking: the grandmaster has no board to play.';
    if (role === 'loop' && state === STATE.blocked) return 'The grandmaster thinks over a move: no other board gets her attention.';
    return null;
  },
  spanText(lane, state, model, label, start) {
    const role = laneRole(lane, model);
    if (role === 'loop' && model.taskCount > 0) {
      if (state === STATE.running) return steppedName(this, model, label, start);
      if (state === STATE.blocked) return 'thinking over a move';
      if (state === STATE.idle) return 'waiting for a reply';
    }
    if (role === 'task' && state === STATE.awaiting) return 'opponent thinking';
    if (role === 'task' && state === STATE.running) return 'move';
    return null;
  },
  legend: {
    running: 'move',
    awaiting: 'opponent thinking',
    'loop-idle': 'grandmaster waits',
    'loop-blocked': 'grandmaster thinks',
  },
  rowPattern: (lane, model) => (laneRole(lane, model) === 'task' ? 'board' : null),
};

// ── the bakery ────────────────────────────────────────────────────────────

/** Small line icons (a chef's hat, a cake, an order slip) drawn in the badge's colour. */
const ICONS = {
  baker:
    '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4.5 10.5h7V13h-7zM4.5 10.5C2.6 10 1.8 8.4 2.4 6.9c.6-1.4 2.2-1.9 3.3-1.3C6 4 7 3 8 3s2 1 2.3 2.6c1.1-.6 2.7-.1 3.3 1.3.6 1.5-.2 3.1-2.1 3.6" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round"/></svg>',
  cake:
    '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M2.5 13.5h11M3.5 13.5V9.5h9v4M3.5 11.2c1.5 1 3 1 4.5 0s3-1 4.5 0M8 9.5V6.8M8 3.2c.9.9.9 2.3 0 2.6-.9-.3-.9-1.7 0-2.6z" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  order:
    '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5h8v11H4zM6 5.5h4M6 8h4M6 10.5h2.5" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round"/></svg>',
};

const BAKERY_VOICE = {
  enter: ({ other }) => ['the baker turns to ', withDetail(other)],
  reenter: ({ other }) => ['the baker goes back to ', other],
  resume: ({ other }) => ['the baker’s hands are free again: ', other, ' goes on'],
  idle: () => ['everything is in the oven: the baker waits'],
  loopBlocked: ({ other, label, line }) => [
    'the baker works on ', other ?? 'a cake', ' by hand (', code(label), atLine(line), '): mixing or decorating, nothing else gets done',
  ],
  pause: (parts) =>
    parts.role === 'task'
      ? [parts.who, ' waits for the oven (', code(parts.label || 'an await'), atLine(parts.line), '): the baker is free']
      : PLAIN_VOICE.pause(parts),
  timer: ({ other }) => ['the oven timer rings for ', other],
  spawnTask: (parts) =>
    parts.otherRole === 'task' ? [parts.who, ' starts ', withDetail(parts.other), atLine(parts.line)] : PLAIN_VOICE.spawnTask(parts),
  spawnThread: ({ who, other, line }) => [who, ' calls in another baker, ', withDetail(other), atLine(line)],
  spawnProcess: ({ who, other, pid }) => [who, ' calls in a baker with a kitchen of its own, ', withDetail(other), pid ? ` (pid ${pid})` : ''],
  taskDone: ({ who, role }) => (role === 'task' ? [who, ' is ready'] : [who, ' is done']),
};

const BAKERY = {
  name: 'bakery',
  voice: { ...PLAIN_VOICE, ...BAKERY_VOICE },
  badge(lane, model) {
    const role = laneRole(lane, model);
    if (role === 'loop') return { icon: ICONS.baker, text: 'baker' };
    if (role === 'worker') return { icon: ICONS.baker, text: `baker ${numberOf(lane, model)}` };
    if (role === 'host') return { icon: ICONS.order, text: 'order' };
    if (role === 'task') return { icon: ICONS.cake, text: `cake ${numberOf(lane, model)}` };
    return null;
  },
  laneName(lane, model) {
    const role = laneRole(lane, model);
    if (role === 'loop') return 'the baker';
    if (role === 'worker') return `baker ${numberOf(lane, model)}`;
    if (role === 'host') return 'the order';
    if (role === 'task') return `cake ${numberOf(lane, model)}`;
    return null;
  },
  stateWord(lane, state, model) {
    const role = laneRole(lane, model);
    if (role === 'task') return { [STATE.running]: 'mixing, decorating', [STATE.awaiting]: 'in the oven' }[state] ?? null;
    if (role === 'loop' && model.taskCount > 0) {
      return { [STATE.running]: 'at a cake', [STATE.blocked]: 'hands busy', [STATE.idle]: 'waiting for the oven' }[state] ?? null;
    }
    return null;
  },
  picture(lane, state, model) {
    const role = laneRole(lane, model);
    if (role === 'task' && state === STATE.awaiting) return 'This cake is in the oven (or waits for it): the baker is free for other work.';
    if (role === 'task' && state === STATE.running) return 'The baker is mixing or decorating this cake.';
    if (role === 'loop' && state === STATE.idle) return 'Everything is in the oven: the baker has nothing to do.';
    if (role === 'loop' && state === STATE.blocked) return 'The baker’s hands are busy: nothing else gets done meanwhile.';
    if (role === 'worker' && state === STATE.running) return 'Another baker at work: with the GIL, only one baker of a kitchen works at a time.';
    return null;
  },
  spanText(lane, state, model, label, start) {
    const role = laneRole(lane, model);
    if (role === 'loop' && model.taskCount > 0) {
      if (state === STATE.running) return steppedName(this, model, label, start);
      if (state === STATE.blocked) return 'hands busy';
      if (state === STATE.idle) return 'waiting for the oven';
    }
    if (role === 'task' && state === STATE.awaiting) return 'in the oven';
    if (role === 'task' && state === STATE.running) return 'mixing';
    return null;
  },
  legend: {
    running: 'mixing, decorating',
    awaiting: 'in the oven',
    'loop-idle': 'baker waits',
    'loop-blocked': 'baker’s hands busy',
  },
  rowPattern: () => null,
};

const THEMES = { plain: PLAIN, chess: CHESS, bakery: BAKERY };

// ── the page's current theme ──────────────────────────────────────────────

let current = PLAIN;
const listeners = new Set();

/** A theme by name; an unknown or missing name is the plain one. */
export function themeNamed(name) {
  return THEMES[name] ?? PLAIN;
}

export function currentTheme() {
  return current;
}

/** Switches the page to the theme `name` (`plain`, `chess`, `bakery`; anything else is plain). */
export function setTheme(name) {
  const theme = themeNamed(name);
  document.body.dataset.theme = theme.name;
  if (theme === current) return;
  current = theme;
  for (const listener of listeners) listener(theme);
}

/** Calls `listener(theme)` whenever the theme changes; returns a function that stops it. */
export function onThemeChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A small segmented control (Plain / Chess / Bakery) of buttons with `data-theme-choice`. */
export class ThemePicker {
  constructor(root) {
    this.root = root;
    this.buttons = [...root.querySelectorAll('[data-theme-choice]')];
    for (const button of this.buttons) button.addEventListener('click', () => setTheme(button.dataset.themeChoice));
    onThemeChange(() => this.mark());
    this.mark();
  }

  mark() {
    for (const button of this.buttons) button.setAttribute('aria-checked', String(button.dataset.themeChoice === current.name));
  }

  show(visible) {
    this.root.hidden = !visible;
  }
}
