// Hover card of the timeline: what a span or marker is, where in the code, and when.

import { formatDuration } from './format.js';
import { POINT, STATE } from './model.js';

const POINT_WORDS = { [POINT.print]: 'print', [POINT.diagnostic]: 'diagnostic', [POINT.exception]: 'exception' };

export class Tooltip {
  constructor(element) {
    this.element = element;
  }

  /** Shows the card for `hit` near (x, y), in the pixels of the element's positioned parent, kept inside `bounds`. */
  show(hit, model, { x, y, bounds }) {
    const card = this.element;
    card.replaceChildren(...(hit.type === 'point' ? pointParts(hit) : spanParts(hit, model)));
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

function title(lane) {
  return line('tip-title', lane.detail ? `${lane.name} · ${lane.detail}` : lane.name);
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

function spanParts(hit, model) {
  const parts = [title(hit.lane), line(`tip-state tip-${hit.stateName.replace(/\s.*/, '')}`, hit.stateName)];
  parts.push(line('tip-main', describeSpan(hit, model)));
  if (hit.line > 0) parts.push(line('tip-meta', `line ${hit.line}`));
  const duration = formatDuration(hit.end - hit.start);
  parts.push(
    line(
      'tip-meta',
      hit.open
        ? `from ${formatDuration(hit.start)} · ${duration} so far`
        : `${formatDuration(hit.start)} → ${formatDuration(hit.end)} · ${duration}`,
    ),
  );
  return parts;
}

/** The span in plain words, the way the loop would tell it. */
function describeSpan(hit, model) {
  const { state, label, lane } = hit;
  if (lane.kind === 'event_loop') {
    if (state === STATE.running) {
      const stepped = model.laneByName.get(label);
      return `stepping ${label}${stepped?.detail ? ` (${stepped.detail})` : ''}`;
    }
    if (state === STATE.idle) return 'no task is ready: the loop waits for a timer or I/O';
    if (state === STATE.blocked) return `${label || 'a synchronous call'} holds the loop: no task can run`;
  }
  if (state === STATE.awaiting) return `awaiting ${label || 'something'}`;
  if (state === STATE.ready) return 'ready to run, but the loop is busy';
  if (state === STATE.running) return label ? `running ${label}` : 'running on the loop';
  if (state === STATE.blocked) return `blocked in ${label || 'a synchronous call'}`;
  return label || hit.stateName;
}
