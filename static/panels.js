// DOM panels around the timeline: summary figures, the output pane and the diagnostics list, kept in sync with a RunModel.

import { formatDuration, formatTimestamp } from './format.js';
import { laneColor } from './timeline.js';

const DIAGNOSTIC_TITLES = {
  blocking_call: 'A blocking call held the loop',
  long_step: 'One step held the loop',
  never_awaited: 'A coroutine was never awaited',
  exception_never_retrieved: 'A task exception was never retrieved',
  limit: 'The run reached a limit',
  exception: 'An exception escaped',
};

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The row of summary figures above the timeline. */
export class StatsBar {
  constructor(root) {
    this.fields = Object.fromEntries([...root.querySelectorAll('[data-stat]')].map((node) => [node.dataset.stat, node]));
  }

  reset() {
    for (const node of Object.values(this.fields)) node.textContent = '—';
  }

  update(stats) {
    this.set('wall', formatDuration(stats.wallNs));
    this.set('busy', `${stats.loopBusyPct < 10 ? stats.loopBusyPct.toFixed(1) : stats.loopBusyPct.toFixed(0)} %`);
    this.set('stall', formatDuration(stats.longestStallNs));
    this.set('awaiting', `${stats.peakAwaiting} ${stats.peakAwaiting === 1 ? 'task' : 'tasks'}`);
    this.set('tasks', `${stats.tasks} · ${stats.events.toLocaleString('en')}`);
  }

  set(name, text) {
    const node = this.fields[name];
    if (node && node.textContent !== text) node.textContent = text;
  }
}

/** What the program printed, one row per write, each with its time; a row click jumps the timeline there. */
export class OutputPane {
  constructor(list, count, { onPick }) {
    this.list = list;
    this.count = count;
    this.onPick = onPick;
    this.reset();
  }

  reset(message = 'Press Run: what the program prints appears here, with the moment it was printed.') {
    this.rendered = 0;
    this.list.replaceChildren(element('li', 'pane-empty', message));
    this.count.textContent = '';
  }

  sync(model) {
    const entries = model.output;
    if (entries.length === this.rendered) return;
    const stickToBottom = this.list.scrollTop + this.list.clientHeight >= this.list.scrollHeight - 24;
    if (this.rendered === 0) this.list.replaceChildren();
    const fragment = document.createDocumentFragment();
    for (let i = this.rendered; i < entries.length; i += 1) fragment.append(this.row(model, entries[i]));
    this.list.append(fragment);
    this.rendered = entries.length;
    this.count.textContent = `${entries.length} ${entries.length === 1 ? 'write' : 'writes'}`;
    if (stickToBottom) this.list.scrollTop = this.list.scrollHeight;
  }

  row(model, entry) {
    const lane = model.lanes[entry.lane];
    const item = element('li');
    const button = element('button', 'output-line');
    button.type = 'button';
    button.title = `Show this moment on the timeline${entry.line ? ` and line ${entry.line} in the code` : ''}`;
    const laneTag = element('span', 'output-lane', lane?.name ?? '');
    laneTag.style.setProperty('--lane-color', laneColor(lane));
    button.append(
      element('span', 'output-time', formatTimestamp(entry.t)),
      laneTag,
      element('span', 'output-text', entry.text.replace(/\n$/, '')),
    );
    button.addEventListener('click', () => this.onPick(entry));
    item.append(button);
    return item;
  }

  showEmptyIfNothing(message) {
    if (this.rendered === 0) this.reset(message);
  }

  /** The run's uncaught error, in the shape of a Python traceback. */
  showError(error) {
    const block = element('li', 'output-error');
    const frames = (error.traceback ?? []).map((frame) => `  ${frame.function}, line ${frame.line}`);
    const text = ['Traceback (most recent call last):', ...frames, `${error.kind}: ${error.message}`];
    block.append(element('pre', '', frames.length ? text.join('\n') : `${error.kind}: ${error.message}`));
    if (this.rendered === 0) this.list.replaceChildren();
    this.list.append(block);
    this.list.scrollTop = this.list.scrollHeight;
  }
}

/** Diagnostics of the run (blocking calls, never-awaited coroutines, ...) with links to their lines. */
export class DiagnosticsPane {
  constructor(list, count, { onPick }) {
    this.list = list;
    this.count = count;
    this.onPick = onPick;
    this.reset('Problems show up here: calls that block the loop, coroutines never awaited, exceptions nobody saw.');
  }

  reset(message) {
    this.rendered = 0;
    this.list.replaceChildren(element('li', 'pane-empty', message));
    this.count.textContent = '';
    this.count.hidden = true;
  }

  sync(model) {
    const entries = model.diagnostics;
    if (entries.length === this.rendered) return;
    if (this.rendered === 0) this.list.replaceChildren();
    for (let i = this.rendered; i < entries.length; i += 1) this.list.append(this.row(model, entries[i]));
    this.rendered = entries.length;
    this.count.textContent = String(entries.length);
    this.count.hidden = false;
  }

  row(model, entry) {
    const item = element('li');
    const button = element('button', `diagnostic diagnostic-${entry.kind}`);
    button.type = 'button';
    const lane = model.lanes[entry.lane];
    const where = [entry.line ? `line ${entry.line}` : '', formatTimestamp(entry.t), lane?.name ?? ''].filter(Boolean);
    button.append(
      element('span', 'diagnostic-icon', entry.kind === 'exception' ? '✕' : '!'),
      element('span', 'diagnostic-title', DIAGNOSTIC_TITLES[entry.kind] ?? entry.kind),
      element('span', 'diagnostic-message', entry.message),
      element('span', 'diagnostic-where', where.join(' · ')),
    );
    button.addEventListener('click', () => this.onPick(entry));
    item.append(button);
    return item;
  }

  showEmptyIfNothing(message) {
    if (this.rendered === 0) this.reset(message);
  }
}
