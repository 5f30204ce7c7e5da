// Compare view: two runs (a built-in pair run live, or two snapshots) stacked on one time axis, their summaries side by side and the ratio of their wall times.

import { cancelRun, createSnapshot, getSnapshot, listComparisons, listScenarios, startRun } from './api.js';
import { formatDuration, formatRunError } from './format.js';
import { Legend } from './legend.js';
import { RunModel } from './model.js';
import { StatsBar, element } from './panels.js';
import { copyFromField, windowView } from './share.js';
import { followRun } from './stream.js';
import { currentTheme, onThemeChange, setTheme } from './themes.js';
import { TimeWindow, Timeline } from './timeline.js';

/** Wall times less than this share of the slower one apart are "about the same". */
const SAME_WITHIN = 0.05;

/** Bounds of one run's timeline height: room for a few lanes, yet both runs fit on a screen. */
const TRACK_MIN_PX = 110;
const TRACK_MAX_PX = 340;

const $ = (selector) => document.querySelector(selector);

/** Which of two wall times is shorter, and how many times over the other one is. */
function verdict(leftNs, rightNs) {
  const faster = leftNs <= rightNs ? 'left' : 'right';
  const [fast, slow] = faster === 'left' ? [leftNs, rightNs] : [rightNs, leftNs];
  return { faster, same: slow - fast < slow * SAME_WITHIN, ratio: slow / Math.max(fast, 1) };
}

/** "3.1×" below ten, "12×" above: a ratio reads best with two significant digits. */
function ratioText(ratio) {
  return `${ratio < 10 ? ratio.toFixed(1) : Math.round(ratio)}×`;
}

/** A copy of a `<template>`'s single top element. */
function fromTemplate(id) {
  return document.getElementById(id).content.firstElementChild.cloneNode(true);
}

/**
 * One of the two runs: its summary card, its timeline track, and where it came from (a run of a
 * scenario, or a snapshot). Side A draws the time axis both share.
 */
class Side {
  constructor(key, letter, timeWindow) {
    this.key = key;
    this.letter = letter;
    this.card = fromTemplate('compare-side-template');
    this.track = fromTemplate('compare-track-template');
    this.card.dataset.side = key;
    this.track.dataset.side = key;
    for (const badge of [...this.card.querySelectorAll('.side-badge'), ...this.track.querySelectorAll('.side-badge')]) {
      badge.textContent = letter;
    }
    $(`.compare-side-slot[data-side="${key}"]`).replaceWith(this.card);
    $(`.compare-track-slot[data-side="${key}"]`).replaceWith(this.track);
    this.body = this.track.querySelector('.timeline-body');
    this.note = this.track.querySelector('.compare-track-note');
    this.placeholder = this.track.querySelector('.compare-placeholder');
    this.stats = new StatsBar(this.card.querySelector('.compare-stats'));
    this.timeline = new Timeline({
      canvas: this.track.querySelector('canvas'),
      labels: this.track.querySelector('.lane-labels'),
      tooltip: this.track.querySelector('.timeline-tooltip'),
      onHover: () => {},
      onSelect: () => {},
      timeWindow,
      axis: key === 'left',
    });
    this.heightPx = 0;
    this.reset('');
  }

  /** Empties the side for a new comparison; a run still going on it is cancelled. */
  reset(title) {
    this.stop();
    this.title = title;
    this.model = null;
    this.runId = null;
    this.snapshotId = null;
    this.error = '';
    for (const node of [this.card.querySelector('.compare-side-title'), this.track.querySelector('.compare-track-title')]) {
      node.textContent = title;
    }
    this.track.querySelector('canvas').setAttribute('aria-label', `Timeline of run ${this.letter}: ${title}`);
    this.card.classList.remove('is-faster');
    this.timeline.setModel(null);
    this.timeline.setLive(false);
    this.stats.reset();
    this.wait('');
  }

  /** Shows a message over the empty timeline until a run arrives. */
  wait(message) {
    this.placeholder.textContent = message;
    this.placeholder.hidden = !message;
    this.note.textContent = '';
  }

  /** Follows a live run; resolves once it has ended (true) or was given up (false). */
  follow(runId, model, onFrame) {
    this.runId = runId;
    this.show(model);
    this.timeline.setLive(true);
    return new Promise((resolve) => {
      const settle = (ended) => {
        this.stream = null;
        this.settle = null;
        this.timeline.setLive(false);
        onFrame();
        resolve(ended);
      };
      this.settle = () => settle(false);
      this.stream = followRun(runId, model, {
        onBatch: onFrame,
        onEnd: () => settle(true),
        onLost: () => {
          this.error = 'the connection to the server was lost';
          settle(false);
        },
      });
    });
  }

  show(model) {
    this.model = model;
    this.placeholder.hidden = true;
    this.timeline.setModel(model);
  }

  /** Stops following the run; the server is asked to cancel it if it has not ended. */
  stop() {
    if (!this.stream) return;
    this.stream.close();
    if (this.model && !this.model.ended) cancelRun(this.runId).catch(() => false);
    this.settle();
  }

  get live() {
    return Boolean(this.stream);
  }

  /** The run's wall time once it has ended well, else null. */
  get wallNs() {
    const end = this.model?.end;
    return end && end.status === 'ok' ? this.model.stats(end.duration_ns).wallNs : null;
  }

  /** Brings the figures, the track's note and the timeline's height up to date. */
  sync() {
    const model = this.model;
    if (!model) return;
    const stats = model.stats(model.now(performance.now()));
    this.stats.update(stats);
    const note = this.describe(stats.wallNs);
    if (this.note.textContent !== note) this.note.textContent = note;
    this.fitHeight();
  }

  describe(wallNs) {
    if (this.error) return this.error;
    const end = this.model.end;
    if (!end) return `running · ${formatDuration(wallNs)}`;
    if (end.status === 'ok') return `finished in ${formatDuration(wallNs)}`;
    const why = end.error ? formatRunError(end.error) : end.status;
    return `ended after ${formatDuration(end.duration_ns)} · ${why}`;
  }

  /** The track is as tall as its lanes, within bounds, so both runs show without scrolling the page. */
  fitHeight() {
    const height = Math.min(Math.max(this.timeline.contentHeight(), TRACK_MIN_PX), TRACK_MAX_PX);
    if (height === this.heightPx) return;
    this.heightPx = height;
    this.body.style.height = `${height}px`;
  }
}

export class CompareView {
  /** `onOpen` runs when the view opens in the playground (to stop the playground's own run). */
  constructor({ onOpen }) {
    this.root = $('#compare-view');
    this.onOpen = onOpen;
    this.standalone = document.body.dataset.mode === 'compare';
    this.scenarios = [];
    this.pairs = [];
    this.pair = null;
    this.offeredFor = null;
    /** Bumped whenever a comparison starts or is left, so the steps of an older one stop. */
    this.generation = 0;
    this.framePending = false;
    this.timeWindow = new TimeWindow();
    this.sides = { left: new Side('left', 'A', this.timeWindow), right: new Side('right', 'B', this.timeWindow) };
    this.legend = new Legend(this.cloneLegend());
    this.bindControls();
    this.applyTheme(currentTheme());
    onThemeChange((theme) => this.applyTheme(theme));
  }

  /** Both runs and the legend speak the page's theme (the chess exhibition draws boards). */
  applyTheme(theme) {
    for (const side of Object.values(this.sides)) side.timeline.setTheme(theme);
    this.legend.setTheme(theme);
    this.scheduleFrame();
  }

  /** The theme both scenarios name, if they name the same one. */
  pairTheme(leftId, rightId) {
    const [left, right] = [leftId, rightId].map((id) => this.scenarios.find((scenario) => scenario.id === id)?.theme ?? null);
    return left === right && left ? left : 'plain';
  }

  get open() {
    return !this.root.hidden;
  }

  /** The compare view's legend is the playground's, without its ids; it shows what either run needs. */
  cloneLegend() {
    const legend = $('.timeline-panel .legend').cloneNode(true);
    for (const node of legend.querySelectorAll('[id]')) node.removeAttribute('id');
    $('.compare-legend-slot').replaceWith(legend);
    return legend;
  }

  bindControls() {
    // The timelines share one window: zooming either zooms both.
    const anyTimeline = () => this.sides.left.timeline;
    $('#compare-back').addEventListener('click', () => this.leave());
    $('#compare-rerun').addEventListener('click', () => this.pair && this.runPair(this.pair));
    $('#compare-share').addEventListener('click', () => this.share());
    $('#compare-copy').addEventListener('click', () => this.copyLink());
    $('#compare-zoom-in').addEventListener('click', () => anyTimeline().zoomAt(anyTimeline().width / 2, 0.7));
    $('#compare-zoom-out').addEventListener('click', () => anyTimeline().zoomAt(anyTimeline().width / 2, 1 / 0.7));
    $('#compare-zoom-fit').addEventListener('click', () => anyTimeline().fit());
    $('#comparisons-jump').addEventListener('click', () => $('#comparisons').scrollIntoView({ behavior: 'smooth' }));
  }

  // ── the catalog's comparisons ─────────────────────────────────────────

  /** Lists the built-in pairs under the scenarios; `scenarios` name their two sides. */
  async showPairs(scenarios) {
    this.scenarios = scenarios;
    try {
      this.pairs = await listComparisons();
    } catch {
      // The playground works without comparisons; their group just stays hidden.
      return;
    }
    $('#comparison-list').replaceChildren(...this.pairs.map((pair) => this.pairItem(pair)));
    $('#comparisons').hidden = this.pairs.length === 0;
    $('#comparisons-jump').hidden = this.pairs.length === 0;
    this.offerFor(this.offeredFor);
  }

  pairItem(pair) {
    const button = element('button', 'comparison');
    button.type = 'button';
    button.dataset.comparison = pair.id;
    const sides = element('span', 'comparison-sides');
    for (const [letter, id] of [['A', pair.left], ['B', pair.right]]) {
      const side = element('span', 'comparison-side');
      side.append(element('span', 'side-badge', letter), element('span', '', this.scenarioTitle(id)));
      sides.append(side);
    }
    button.append(
      element('span', 'comparison-title', pair.title),
      sides,
      element('span', 'concept-chip', pair.concept),
      element('span', 'comparison-run', '▶ Run both'),
    );
    button.addEventListener('click', () => this.runPair(pair));
    const item = document.createElement('li');
    item.append(button);
    return item;
  }

  scenarioTitle(id) {
    return this.scenarios.find((scenario) => scenario.id === id)?.title ?? id;
  }

  /** Under the notice of a scenario that is one side of a pair, a button runs the pair. */
  offerFor(scenarioId) {
    this.offeredFor = scenarioId;
    const pair = this.pairs.find((candidate) => candidate.left === scenarioId || candidate.right === scenarioId);
    const button = $('#notice-compare');
    button.hidden = !pair;
    if (!pair) return;
    const other = pair.left === scenarioId ? pair.right : pair.left;
    button.textContent = `Compare it with “${this.scenarioTitle(other)}” →`;
    button.onclick = () => this.runPair(pair);
  }

  // ── opening and leaving ───────────────────────────────────────────────

  /** Shows the view for a new comparison and returns its generation. */
  begin(heading) {
    if (!this.open) this.themeBefore = currentTheme().name;
    this.generation += 1;
    this.onOpen?.();
    for (const side of Object.values(this.sides)) side.stop();
    $('.workspace').hidden = true;
    this.root.hidden = false;
    $('#compare-share-box').hidden = true;
    this.showHeading(heading);
    this.setVerdict('', '…', '');
    return this.generation;
  }

  /** The comparison's title, summary and concept; a built-in pair can be run again. */
  showHeading({ title, summary, concept }) {
    $('#compare-title').textContent = title;
    $('#compare-summary').textContent = summary;
    $('#compare-concept').textContent = concept;
    $('#compare-rerun').hidden = !this.pair;
  }

  /** Back to the playground: on the compare page that is the playground's own page. */
  leave() {
    if (this.standalone) {
      location.assign('/');
      return;
    }
    this.generation += 1;
    for (const side of Object.values(this.sides)) side.stop();
    this.root.hidden = true;
    $('.workspace').hidden = false;
    setTheme(this.themeBefore);
    this.setStatus('idle');
  }

  setStatus(status) {
    this.root.dataset.compareStatus = status;
    $('#compare-share').disabled = status !== 'done';
    $('#compare-rerun').disabled = status.startsWith('running');
  }

  // ── a built-in pair, run live ─────────────────────────────────────────

  /** Runs A, then B (one after the other, so they do not compete for the CPU), then gives the verdict. */
  async runPair(pair) {
    this.pair = pair;
    const generation = this.begin(pair);
    setTheme(this.pairTheme(pair.left, pair.right));
    const { left, right } = this.sides;
    left.reset(this.scenarioTitle(pair.left));
    right.reset(this.scenarioTitle(pair.right));
    left.wait('Starting…');
    right.wait('B runs once A has finished, so the two runs do not compete for the CPU.');
    for (const [side, scenario] of [[left, pair.left], [right, pair.right]]) {
      if (!(await this.runSide(side, scenario, generation))) return;
    }
    this.conclude();
  }

  /** Starts one scenario on a side and follows it to its end; false if the comparison was left or the run got lost. */
  async runSide(side, scenario, generation) {
    this.setStatus(`running-${side.key}`);
    this.setVerdict('', `Running ${side.letter}…`, side.title);
    let runId;
    try {
      runId = await startRun({ scenario });
    } catch (error) {
      if (generation === this.generation) this.fail(`${side.letter} did not start: ${error.message}`);
      return false;
    }
    if (generation !== this.generation) {
      cancelRun(runId).catch(() => false);
      return false;
    }
    const ended = await side.follow(runId, new RunModel(), () => this.scheduleFrame());
    if (generation !== this.generation) return false;
    if (!ended) this.fail(`${side.letter}: ${side.error || 'the run was stopped'}`);
    return ended;
  }

  // ── two snapshots (the /compare/{a}/{b} page) ────────────────────────

  /**
   * Loads two snapshots and shows them, opening at the window saved with A (or B). The catalogs
   * name the sides and recognise a built-in pair.
   */
  async openSnapshots(leftId, rightId) {
    const generation = this.begin({ title: 'Comparing two runs', summary: '', concept: '' });
    let snapshots;
    try {
      const scenarios = listScenarios().catch(() => []);
      snapshots = await Promise.all([getSnapshot(leftId), getSnapshot(rightId)]);
      await this.showPairs(await scenarios);
    } catch (error) {
      if (generation === this.generation) this.fail(error.message);
      return;
    }
    if (generation !== this.generation) return;
    const [left, right] = snapshots;
    this.pair = this.pairs.find((pair) => pair.left === this.scenarioOf(left.trace) && pair.right === this.scenarioOf(right.trace)) ?? null;
    const title = this.pair?.title ?? `${this.sideTitle(left.trace)} vs ${this.sideTitle(right.trace)}`;
    this.showHeading(this.pair ?? { title, summary: 'Two shared runs on one time axis.', concept: '' });
    setTheme(left.view?.theme ?? this.pairTheme(left.trace.run.scenario, right.trace.run.scenario));
    document.title = `${title} · Interleave`;
    for (const [side, snapshot] of [[this.sides.left, left], [this.sides.right, right]]) {
      side.reset(this.sideTitle(snapshot.trace));
      side.snapshotId = snapshot.id;
      side.show(RunModel.fromDocument(snapshot.trace));
    }
    this.conclude();
    this.openAt(left.view ?? {}, right.view ?? {});
  }

  /** The catalog scenario a trace ran, if it ran it unedited. */
  scenarioOf(trace) {
    const scenario = this.scenarios.find((candidate) => candidate.id === trace.run.scenario);
    return scenario && scenario.source === trace.run.source ? scenario.id : null;
  }

  sideTitle(trace) {
    const id = this.scenarioOf(trace);
    if (id) return this.scenarioTitle(id);
    return trace.run.scenario ? `${this.scenarioTitle(trace.run.scenario)} (edited)` : 'Your code';
  }

  openAt(...views) {
    const view = views.find((candidate) => candidate.t1_ns > (candidate.t0_ns ?? 0));
    if (view) this.sides.left.timeline.setWindow(view.t0_ns ?? 0, view.t1_ns);
  }

  // ── the verdict ───────────────────────────────────────────────────────

  /** Both runs are over: the figures, the ratio, and sharing. */
  conclude() {
    this.setStatus('done');
    this.scheduleFrame();
    const { left, right } = this.sides;
    if (left.wallNs === null || right.wallNs === null) {
      const failed = [left, right].filter((side) => side.wallNs === null).map((side) => side.letter);
      this.setVerdict('', 'No verdict', `${failed.join(' and ')} did not finish normally, so their times say little.`);
      return;
    }
    const { faster, same, ratio } = verdict(left.wallNs, right.wallNs);
    const fast = this.sides[faster];
    const slow = faster === 'left' ? right : left;
    left.card.classList.toggle('is-faster', !same && fast === left);
    right.card.classList.toggle('is-faster', !same && fast === right);
    if (same) {
      this.setVerdict('', 'About the same', `${left.letter} took ${formatDuration(left.wallNs)} and ${right.letter} ${formatDuration(right.wallNs)}: less than ${SAME_WITHIN * 100} % apart.`);
      return;
    }
    this.setVerdict(
      fast.letter,
      `${ratioText(ratio)} faster`,
      `${fast.letter} finished in ${formatDuration(fast.wallNs)}, ${slow.letter} took ${formatDuration(slow.wallNs)}.`,
    );
  }

  /** The big line (with the faster side's letter, if any) and the sentence under it. */
  setVerdict(letter, headline, text) {
    const ratio = $('#compare-ratio');
    ratio.dataset.faster = letter;
    const badge = letter ? [element('span', 'side-badge', letter)] : [];
    ratio.replaceChildren(...badge, document.createTextNode(headline));
    $('#compare-verdict-text').textContent = text;
  }

  fail(message) {
    this.setStatus('failed');
    this.setVerdict('', 'No verdict', message);
  }

  // ── frames ────────────────────────────────────────────────────────────

  scheduleFrame() {
    if (this.framePending) return;
    this.framePending = true;
    requestAnimationFrame(() => this.frame());
  }

  frame() {
    this.framePending = false;
    const { left, right } = this.sides;
    left.sync();
    right.sync();
    this.legend.show(left.model, right.model);
    if (left.live || right.live) this.scheduleFrame();
  }

  // ── sharing ───────────────────────────────────────────────────────────

  /** One link for both runs: each is saved as a snapshot (once), with the window on screen. */
  async share() {
    const button = $('#compare-share');
    button.disabled = true;
    this.showLink('', 'Saving both runs…');
    try {
      const view = this.savedView();
      for (const side of Object.values(this.sides)) {
        if (!side.snapshotId) side.snapshotId = (await createSnapshot({ run: side.runId }, view)).id;
      }
      const { left, right } = this.sides;
      const path = `/compare/${encodeURIComponent(left.snapshotId)}/${encodeURIComponent(right.snapshotId)}`;
      this.showLink(new URL(path, location.origin).href, 'Anyone with this link sees both runs and the verdict.');
    } catch (error) {
      this.showLink('', error.message);
    } finally {
      button.disabled = false;
    }
  }

  /** The window on screen if the user zoomed or panned; a fitted view needs none. */
  savedView() {
    return { ...windowView(this.timeWindow), theme: currentTheme().name };
  }

  showLink(url, note) {
    $('#compare-share-box').hidden = false;
    $('#compare-link').value = url;
    $('#compare-copy').disabled = !url;
    $('#compare-share-note').textContent = note;
  }

  /** Copies the comparison's link, or leaves it selected for the user to copy. */
  copyLink() {
    const say = (text) => {
      $('#compare-share-note').textContent = text;
    };
    return copyFromField($('#compare-link'), say, { copied: 'Copied.', fallback: 'Press Ctrl+C to copy the selected link.' });
  }
}
