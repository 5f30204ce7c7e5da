// DOM panels around the timeline: summary figures, the output pane and the diagnostics list, kept in sync with a RunModel.

import { formatDuration, formatRunError, formatTimestamp } from './format.js';
import { laneColor } from './palette.js';

const DIAGNOSTIC_TITLES = {
  blocking_call: 'A blocking call held the loop',
  long_step: 'One step held the loop',
  never_awaited: 'A coroutine was never awaited',
  exception_never_retrieved: 'A task exception was never retrieved',
  limit: 'The run reached a limit',
  exception: 'An exception escaped',
};

/** A new `tag` element with an optional class and text. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Two significant digits for small shares ("0.04", "2.5"), whole numbers for large ones. */
function percent(value) {
  if (value < 1) return value.toFixed(2);
  return value < 10 ? value.toFixed(1) : value.toFixed(0);
}

/**
 * The row of summary figures above the timeline. A run with threads or processes swaps the
 * loop-only figures (loop busy, longest stall, peak awaiting) for threads, processes and the peak
 * number of CPU cores busy at once; wall time and tasks stay.
 */
export class StatsBar {
  constructor(root) {
    this.fields = Object.fromEntries([...root.querySelectorAll('[data-stat]')].map((node) => [node.dataset.stat, node]));
    this.cards = [...root.querySelectorAll('[data-stat-for]')];
    this.mode = '';
  }

  reset() {
    for (const [name, node] of Object.entries(this.fields)) node.textContent = name === 'events' ? 'recorded events' : '—';
    this.showMode('loop');
  }

  update(stats) {
    this.showMode(stats.hasThreads ? 'threads' : 'loop');
    this.set('wall', formatDuration(stats.wallNs));
    this.set('busy', `${percent(stats.loopBusyPct)} %`);
    this.set('stall', formatDuration(stats.longestStallNs));
    this.set('awaiting', `${stats.peakAwaiting} ${stats.peakAwaiting === 1 ? 'task' : 'tasks'}`);
    this.set('threads', String(stats.threads));
    this.set('processes', String(stats.processes));
    this.set('cores', stats.cores > 0 ? `${stats.peakCoresBusy} of ${stats.cores}` : '—');
    this.set('tasks', String(stats.tasks));
    this.set('events', `${stats.events.toLocaleString('en')} events`);
  }

  showMode(mode) {
    if (mode === this.mode) return;
    this.mode = mode;
    for (const card of this.cards) card.hidden = card.dataset.statFor !== mode;
  }

  set(name, text) {
    const node = this.fields[name];
    if (node && node.textContent !== text) node.textContent = text;
  }
}

/** A list pane that appends the model's new entries each frame and shows a message while it has none. */
class ListPane {
  constructor(list, count, { onPick }) {
    this.list = list;
    this.count = count;
    this.onPick = onPick;
    this.reset();
  }

  reset(message) {
    this.rendered = 0;
    this.list.replaceChildren(element('li', 'pane-empty', message));
    this.count.textContent = '';
  }

  showEmptyIfNothing(message) {
    if (this.rendered === 0) this.reset(message);
  }

  /** Appends rows for `entries[rendered..]`; returns whether anything was added. */
  append(model, entries) {
    if (entries.length === this.rendered) return false;
    if (this.rendered === 0) this.list.replaceChildren();
    const fragment = document.createDocumentFragment();
    for (let i = this.rendered; i < entries.length; i += 1) {
      const item = element('li');
      const button = this.row(model, entries[i]);
      button.type = 'button';
      button.addEventListener('click', () => this.onPick(entries[i]));
      item.append(button);
      fragment.append(item);
    }
    this.list.append(fragment);
    this.rendered = entries.length;
    return true;
  }
}

/** What the program printed, one row per write, each with its time; a row click jumps the timeline there. */
export class OutputPane extends ListPane {
  reset(message = 'Press Run: what the program prints appears here, with the moment it was printed.') {
    super.reset(message);
  }

  sync(model) {
    const stickToBottom = this.list.scrollTop + this.list.clientHeight >= this.list.scrollHeight - 24;
    if (!this.append(model, model.output)) return;
    const writes = model.output.length;
    this.count.textContent = `${writes} ${writes === 1 ? 'write' : 'writes'}`;
    if (stickToBottom) this.list.scrollTop = this.list.scrollHeight;
  }

  row(model, entry) {
    const lane = model.lanes[entry.lane];
    const button = element('button', 'output-line');
    button.title = `Show this moment on the timeline${entry.line ? ` and line ${entry.line} in the code` : ''}`;
    // The main thread's lane has a long name ("main thread · event loop"); its writes say "main".
    const laneTag = element('span', 'output-lane', lane?.kind === 'event_loop' ? 'main' : lane?.name ?? '');
    laneTag.style.setProperty('--lane-color', laneColor(lane));
    button.append(
      element('span', 'output-time', formatTimestamp(entry.t)),
      laneTag,
      element('span', 'output-text', entry.text.replace(/\n$/, '')),
    );
    return button;
  }

  /** The run's uncaught error, in the shape of a Python traceback. */
  showError(error) {
    const frames = (error.traceback ?? []).map((frame) => `  ${frame.function}, line ${frame.line}`);
    const last = formatRunError(error);
    const text = frames.length ? ['Traceback (most recent call last):', ...frames, last].join('\n') : last;
    const block = element('li', 'output-error');
    block.append(element('pre', '', text));
    if (this.rendered === 0) this.list.replaceChildren();
    this.list.append(block);
    this.list.scrollTop = this.list.scrollHeight;
  }
}

/** Diagnostics of the run (blocking calls, never-awaited coroutines, ...) with links to their lines. */
export class DiagnosticsPane extends ListPane {
  reset(message = 'Problems show up here: calls that block the loop, coroutines never awaited, exceptions nobody saw.') {
    super.reset(message);
    this.count.hidden = true;
  }

  sync(model) {
    if (!this.append(model, model.diagnostics)) return;
    this.count.textContent = String(model.diagnostics.length);
    this.count.hidden = false;
  }

  row(model, entry) {
    const button = element('button', `diagnostic diagnostic-${entry.kind}`);
    const lane = model.lanes[entry.lane];
    const where = [entry.line ? `line ${entry.line}` : '', formatTimestamp(entry.t), lane?.name ?? ''].filter(Boolean);
    button.append(
      element('span', 'diagnostic-icon', entry.kind === 'exception' ? '✕' : '!'),
      element('span', 'diagnostic-title', DIAGNOSTIC_TITLES[entry.kind] ?? entry.kind),
      element('span', 'diagnostic-message', entry.message),
      element('span', 'diagnostic-where', where.join(' · ')),
    );
    return button;
  }
}
