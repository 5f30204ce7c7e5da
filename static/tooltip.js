// Hover card of the timeline: what a span or marker is, where in the code, and when.

import { formatDuration } from './format.js';
import { POINT, STATE } from './model.js';
import { themeNamed } from './themes.js';

const POINT_WORDS = { [POINT.print]: 'print', [POINT.diagnostic]: 'diagnostic', [POINT.exception]: 'exception' };

export class Tooltip {
  constructor(element) {
    this.element = element;
    /** The picture (themes.js) whose words the card adds: "opponent thinking" on a chess board. */
    this.theme = themeNamed('plain');
  }

  /** Shows the card for `hit` near (x, y), in the pixels of the element's positioned parent, kept inside `bounds`. */
  show(hit, model, { x, y, bounds }) {
    const card = this.element;
    card.replaceChildren(...(hit.type === 'point' ? pointParts(hit) : spanParts(hit, model, this.theme)));
    card.hidden = false;
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    const left = x + 16 + width > bounds.width ? x - width - 12 : x + 16;
    const top = y + 18 + height > bounds.height ? y - height - 12 : y + 18;
    card.style.transform = `translate(${Math.max(4, left)}px, ${Math.max(4, top)}px)`;
  }

  hide() {
    this.element.hidden = true;
  }
}

function line(className, text) {
  const element = document.createElement('div');
  element.className = className;
  element.textContent = text;
  return element;
}

/** The lane's name and what it runs; a process, or the main thread, also says which OS process it is. */
function title(lane) {
  const pid = lane.pid && (lane.kind === 'process' || lane.kind === 'event_loop') ? `pid ${lane.pid}` : '';
  return line('tip-title', [lane.name, lane.detail, pid].filter(Boolean).join(' · '));
}

function pointParts(hit) {
  const what = POINT_WORDS[hit.kind];
  return [
    title(hit.lane),
    line(`tip-state tip-${what}`, what),
    line('tip-main', hit.text.replace(/\n$/, '')),
    line('tip-meta', `at ${formatDuration(hit.t)}${hit.line ? ` · line ${hit.line}` : ''}`),
  ];
}

function spanParts(hit, model, theme) {
  const word = theme.stateWord(hit.lane, hit.state, model) ?? stateWord(hit, model);
  const duration = formatDuration(hit.end - hit.start);
  const state = document.createElement('div');
  state.className = 'tip-state-row';
  state.append(line(`tip-state tip-${hit.stateName.replace(/\s.*/, '')}`, word), document.createTextNode(` · ${duration}${hit.open ? ' so far' : ''}`));
  const parts = [title(hit.lane), state, line('tip-main', describeSpan(hit, model))];
  const picture = theme.picture(hit.lane, hit.state, model);
  if (picture) parts.push(line('tip-picture', picture));
  if (hit.line > 0) parts.push(line('tip-meta', `line ${hit.line}`));
  parts.push(line('tip-meta', `${formatDuration(hit.start)} → ${hit.open ? 'now' : formatDuration(hit.end)}`));
  return parts;
}

/** The state in a word or two, as the lane's kind means it. */
function stateWord(hit, model) {
  const family = model.styleFamily(hit.lane);
  if (family === 'core') return hit.state === STATE.running ? 'busy' : 'idle';
  if (family === 'thread' && hit.state === STATE.running) return 'running Python';
  return hit.stateName;
}

/** The span in plain words, the way the loop, the thread or the CPU would tell it. */
function describeSpan(hit, model) {
  const family = model.styleFamily(hit.lane);
  if (family === 'core') return describeCore(hit);
  if (family === 'thread') return describeThread(hit, model);
  return describeTask(hit, model);
}

function describeCore({ state, label, lane }) {
  if (state === STATE.running) return `${label} is executing on ${lane.name}`;
  return `none of this run's threads is executing on ${lane.name}`;
}

function describeThread({ state, label, lane }, model) {
  const who = lane.kind === 'event_loop' ? 'the main thread' : 'this thread';
  switch (state) {
    case STATE.running:
      if (!model.gil) return `${label ? `${label}: ` : ''}running Python; the GIL is off, so other threads may run Python at the same time`;
      return `${label ? `${label}: ` : ''}running Python, holding the GIL: no other thread of this process runs Python meanwhile`;
    case STATE.waiting_gil:
      return `${who} wants to run Python and waits for another thread to release the GIL`;
    case STATE.native:
      return `${label || 'native code'} runs in C with the GIL released, so other threads can run Python meanwhile`;
    case STATE.blocked:
      return `blocked in ${label || 'a call'}; the GIL is released while it waits`;
    case STATE.idle:
      return 'a pool worker with no work: it waits for the next job';
    default:
      return label || hit.stateName;
  }
}

function describeTask({ state, label, lane, start }, model) {
  if (lane.kind === 'event_loop') {
    if (state === STATE.running) {
      const stepped = model.shownLane(model.labelIndex.get(label) ?? 0, start);
      if (!stepped) return `the main thread runs ${label || 'Python code'} outside any task`;
      return `stepping ${label}${stepped.detail ? ` (${stepped.detail})` : ''}`;
    }
    if (state === STATE.idle) return 'no task is ready: the loop waits for a timer or I/O';
    if (state === STATE.blocked) return `${label || 'a synchronous call'} holds the loop: no task can run`;
    if (state === STATE.waiting_gil) return 'the loop wants to run Python and waits for another thread to release the GIL';
  }
  if (state === STATE.awaiting) return `awaiting ${label || 'something'}`;
  if (state === STATE.ready) return 'ready to run, but the loop is busy';
  if (state === STATE.running) return label ? `running ${label}` : 'running on the loop';
  if (state === STATE.blocked) return `blocked in ${label || 'a synchronous call'}`;
  return label || hit.stateName;
}
