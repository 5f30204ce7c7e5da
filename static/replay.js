// Replay: re-animates a finished (or shared) run on the timeline with a scrubber, play/pause, a speed and "step to the next await", keyboard included.
//
// The playhead is a run time: the timeline then shows only what had happened by it (spans cut at
// it, later events hidden) and draws it as a line. `null` means no replay: the whole run shows.
// Playing moves the playhead once per animation frame, at the chosen speed of run time per
// wall-clock time.

import { formatTimestamp } from './format.js';
import { STATE } from './model.js';

/** Replay speeds offered, run seconds per wall-clock second. */
const SPEEDS = [0.25, 1, 4, 16];
const DEFAULT_SPEED = 1;

/**
 * Keys, when no text field has the focus: Space plays or pauses, `.` and `,` step to the next or
 * previous await. They leave the timeline's own keys (+ − 0 arrows Escape) and Ctrl+Enter alone.
 */
const KEYS = { ' ': 'toggle', '.': 'next', ',': 'previous' };

/**
 * Whether span `state` of `lane` is a suspension worth stepping to: a task awaiting, or in a run
 * without tasks, a thread waiting in a blocking call.
 */
function suspends(model, lane, state) {
  if (lane.kind === 'task') return state === STATE.awaiting;
  return model.taskCount === 0 && lane.kind === 'thread' && state === STATE.blocked;
}

/**
 * The first suspension that starts after `t` (direction 1) or the last one that starts before it
 * (direction −1), as `{t, laneIndex, start, end, line}`, or null.
 */
function findSuspension(model, t, direction) {
  let best = null;
  for (const lane of model.lanes) {
    if (lane.kind !== 'task' && lane.kind !== 'thread') continue;
    const spans = lane.spans;
    const found = direction > 0 ? firstSuspensionAfter(model, lane, t) : lastSuspensionBefore(model, lane, t);
    if (found < 0) continue;
    const start = spans.start[found];
    if (!best || (direction > 0 ? start < best.t : start > best.t)) {
      best = { t: start, laneIndex: lane.index, start, end: spans.end[found], line: spans.line[found] };
    }
  }
  return best;
}

function firstSuspensionAfter(model, lane, t) {
  const spans = lane.spans;
  for (let i = spans.firstAbove('start', t); i < spans.length; i += 1) {
    if (suspends(model, lane, spans.state[i])) return i;
  }
  return -1;
}

function lastSuspensionBefore(model, lane, t) {
  const spans = lane.spans;
  for (let i = spans.firstAtLeast('start', t) - 1; i >= 0; i -= 1) {
    if (suspends(model, lane, spans.state[i])) return i;
  }
  return -1;
}

/**
 * The replay bar. `onPlayhead(t)` hears every move of the playhead (null: the whole run again);
 * `onStep(moment)` hears where a step to an await landed, and `onStep(null)` when playing or
 * seeking moves on from it.
 */
export class Replay {
  constructor(root, { timeline, onPlayhead, onStep }) {
    this.root = root;
    this.timeline = timeline;
    this.onPlayhead = onPlayhead;
    this.onStep = onStep;
    this.playButton = root.querySelector('[data-replay="play"]');
    this.scrubber = root.querySelector('[data-replay="scrubber"]');
    this.clock = root.querySelector('[data-replay="time"]');
    this.speedPicker = root.querySelector('[data-replay="speed"]');
    this.model = null;
    this.playhead = null;
    this.playing = false;
    this.speed = DEFAULT_SPEED;
    this.lastFrameMs = 0;
    this.buildSpeeds();
    this.bind();
  }

  buildSpeeds() {
    this.speedPicker.replaceChildren(
      ...SPEEDS.map((speed) => {
        const option = document.createElement('option');
        option.value = String(speed);
        option.textContent = `${speed}×`;
        option.selected = speed === this.speed;
        return option;
      }),
    );
  }

  bind() {
    this.playButton.addEventListener('click', () => this.toggle());
    this.root.querySelector('[data-replay="next"]').addEventListener('click', () => this.stepToAwait(1));
    this.root.querySelector('[data-replay="previous"]').addEventListener('click', () => this.stepToAwait(-1));
    this.scrubber.addEventListener('input', () => this.seek(Number(this.scrubber.value)));
    this.speedPicker.addEventListener('change', () => {
      this.speed = Number(this.speedPicker.value);
    });
    document.addEventListener('keydown', (event) => this.handleKey(event));
  }

  /** Follows the page's model: the bar shows once a run has ended; a new model starts over. */
  sync(model) {
    if (model !== this.model) {
      this.pause();
      this.model = model;
      this.playhead = null;
    }
    const ready = Boolean(model?.ended);
    if (this.root.hidden === ready) {
      this.root.hidden = !ready;
      if (ready) this.showPlayhead();
    }
  }

  get duration() {
    return this.model?.end?.duration_ns ?? 0;
  }

  /** Whether the bar is there to use: a finished run, and the bar on screen (not behind the compare view). */
  get active() {
    return Boolean(this.model?.ended) && this.root.offsetParent !== null;
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  play() {
    if (!this.active || this.playing) return;
    if (this.playhead === null || this.playhead >= this.duration) this.setPlayhead(0);
    this.onStep(null);
    this.playing = true;
    this.lastFrameMs = performance.now();
    this.showPlaying();
    requestAnimationFrame((ms) => this.advance(ms));
  }

  pause() {
    if (!this.playing) return;
    this.playing = false;
    this.showPlaying();
  }

  /** One animation frame of playing: the playhead moves by the wall time elapsed × speed. */
  advance(frameMs) {
    if (!this.playing) return;
    const elapsedMs = Math.max(0, frameMs - this.lastFrameMs);
    this.lastFrameMs = frameMs;
    const next = this.playhead + elapsedMs * 1e6 * this.speed;
    if (next >= this.duration) {
      this.pause();
      this.setPlayhead(null);
      return;
    }
    this.setPlayhead(next);
    this.keepInView(next);
    requestAnimationFrame((ms) => this.advance(ms));
  }

  /** Moves the playhead where the user dragged the scrubber (the end: the whole run again); the replay pauses there. */
  seek(t) {
    this.pause();
    this.onStep(null);
    this.setPlayhead(t >= this.duration ? null : Math.max(t, 0));
  }

  /** Jumps to the next (1) or previous (−1) moment a task suspends, and shows it. */
  stepToAwait(direction) {
    if (!this.active) return;
    this.pause();
    const from = this.playhead ?? (direction > 0 ? -1 : this.duration + 1);
    const found = findSuspension(this.model, from, direction);
    if (!found) return;
    this.setPlayhead(found.t);
    this.keepInView(found.t);
    this.timeline.revealLane(found.laneIndex);
    this.onStep(found);
  }

  /** When the playhead leaves the visible window, the window turns a page: the playhead near its left edge. */
  keepInView(t) {
    const { t0, t1 } = this.timeline.view;
    if (t >= t0 && t <= t1) return;
    const width = t1 - t0;
    this.timeline.setWindow(t - width * 0.1, t + width * 0.9);
  }

  setPlayhead(t) {
    this.playhead = t;
    this.timeline.setPlayhead(t);
    this.showPlayhead();
    this.onPlayhead(t);
  }

  showPlayhead() {
    const end = this.duration;
    this.scrubber.max = String(end);
    this.scrubber.value = String(this.playhead ?? end);
    this.clock.textContent = `${formatTimestamp(this.playhead ?? end)} / ${formatTimestamp(end)}`;
    this.root.dataset.playhead = this.playhead === null ? '' : String(Math.round(this.playhead));
  }

  showPlaying() {
    this.root.dataset.playing = String(this.playing);
    this.playButton.setAttribute('aria-label', this.playing ? 'Pause the replay' : 'Replay the run');
    this.playButton.querySelector('[data-replay="play-icon"]').textContent = this.playing ? '❚❚' : '▶';
    this.playButton.querySelector('[data-replay="play-text"]').textContent = this.playing ? 'Pause' : 'Replay';
  }

  handleKey(event) {
    const action = KEYS[event.key];
    if (!action || !this.active || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (typesText(event.target) || (event.key === ' ' && event.target.closest?.('button, select, a, [role="tab"]'))) return;
    event.preventDefault();
    if (action === 'toggle') this.toggle();
    else this.stepToAwait(action === 'next' ? 1 : -1);
  }
}

/** Whether keys typed into `target` are text (the editor, a link field) rather than commands. */
function typesText(target) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target.tagName === 'INPUT' && target.type !== 'range' && target.type !== 'checkbox';
}
