// Page controller: scenario catalog, editor, run lifecycle and the links between timeline, code, output and diagnostics.

import { RunRejected, cancelRun, getSnapshot, listScenarios, startRun } from './api.js';
import { CompareView } from './compare.js';
import { CodeEditor } from './editor.js';
import { formatDuration, formatRunError } from './format.js';
import { Legend } from './legend.js';
import { RunModel } from './model.js';
import { NarrationPane, PaneTabs } from './narration.js';
import { DiagnosticsPane, OutputPane, StatsBar } from './panels.js';
import {
  ShareDialog,
  applyView,
  closableMenu,
  copyLinkButton,
  runDownloads,
  showDownloads,
  showSharedHeader,
  snapshotDownloads,
  snapshotView,
  urlWithView,
  viewFromUrl,
  viewUrlFollower,
} from './share.js';
import { Replay } from './replay.js';
import { followRun } from './stream.js';
import { ThemePicker, onThemeChange, setTheme } from './themes.js';
import { Timeline } from './timeline.js';
import { PageAlert, installTraceOpening } from './upload.js';

/** How long to wait for the server's `end` after a cancel before giving up on the stream. */
const CANCEL_GRACE_MS = 3000;

const $ = (selector) => document.querySelector(selector);

/** What the page is (`<body data-mode>`, set by the server): `playground` at `/`, `shared` at `/s/{id}`. */
const MODE = document.body.dataset.mode || 'playground';

const page = {
  scenarios: [],
  current: null,
  runId: null,
  model: null,
  stream: null,
  status: 'idle',
  hoverLine: 0,
  selectedLine: 0,
  framePending: false,
  /** Called when the timeline's window or selected lane changes (a shared page keeps its address in step). */
  onView: () => {},
};

const editor = new CodeEditor($('#editor'), { onRun: () => run(), onChange: () => showEdited() });
const timeline = new Timeline({
  canvas: $('#timeline-canvas'),
  labels: $('#lane-labels'),
  tooltip: $('#timeline-tooltip'),
  onHover: (hit) => {
    page.hoverLine = hit?.line ?? 0;
    showCodeLine();
  },
  onSelect: (selection) => {
    page.selectedLine = selection?.line ?? 0;
    showCodeLine();
    page.onView();
  },
  onView: () => page.onView(),
});
const stats = new StatsBar($('#stats'));
// A comparison runs two scenarios of its own: the playground's run is stopped so they have the CPU.
const compare = new CompareView({ onOpen: () => stopRun() });
const legend = new Legend($('.legend'));
const output = new OutputPane($('#output-list'), $('#output-count'), { onPick: (entry) => jumpTo(entry) });
const diagnostics = new DiagnosticsPane($('#diagnostics-list'), $('#diagnostics-count'), { onPick: (entry) => jumpTo(entry) });
// Hovering a sentence of the narration shows its moment on the timeline and its line in the code.
const narration = new NarrationPane($('#narration-list'), $('#narration-count'), {
  onHover: (moment) => showMoment(moment),
  onPick: (entry) => jumpTo(entry),
});
new PaneTabs($('.pane-tabs'), { onShow: () => narration.markCurrent(true) });
const replay = new Replay($('#replay-bar'), {
  timeline,
  onPlayhead: (t) => narration.follow(t),
  onStep: (moment) => showMoment(moment),
});
const themePicker = new ThemePicker($('#theme-picker'));
onThemeChange((theme) => {
  timeline.setTheme(theme);
  legend.setTheme(theme);
  narration.refresh();
});

// ── catalog ───────────────────────────────────────────────────────────────

async function loadCatalog() {
  try {
    page.scenarios = await listScenarios();
  } catch (error) {
    $('#catalog-list').replaceChildren(Object.assign(document.createElement('li'), { className: 'pane-empty', textContent: error.message }));
    return;
  }
  renderCatalog();
  linkPictures();
  compare.showPairs(page.scenarios);
}

function renderCatalog() {
  const items = page.scenarios.map((scenario, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'scenario';
    button.dataset.scenario = scenario.id;
    const number = Object.assign(document.createElement('span'), { className: 'scenario-number', textContent: String(index + 1) });
    const title = Object.assign(document.createElement('span'), { className: 'scenario-title', textContent: scenario.title });
    const summary = Object.assign(document.createElement('span'), { className: 'scenario-summary', textContent: scenario.summary });
    const concept = Object.assign(document.createElement('span'), { className: 'concept-chip', textContent: scenario.concept });
    button.append(number, title, summary, concept);
    button.addEventListener('click', () => selectScenario(scenario));
    const item = document.createElement('li');
    item.append(button);
    return item;
  });
  $('#catalog-list').replaceChildren(...items);
}

/** The two pictures under the catalog link to the scenarios that act them out, when the catalog has them. */
function linkPictures() {
  for (const link of document.querySelectorAll('[data-scenario-link]')) {
    const scenario = page.scenarios.find((candidate) => candidate.id === link.dataset.scenarioLink);
    link.hidden = !scenario;
    link.onclick = () => selectScenario(scenario);
  }
}

function selectScenario(scenario) {
  if (scenario) openCode(scenario, scenario.source);
}

/**
 * Puts code in the editor, ready to run: a catalog scenario's, as it is or edited (`source`), or
 * with no scenario, code of its own (from a shared run of code the catalog does not have).
 */
function openCode(scenario, source) {
  stopWatching();
  page.current = scenario;
  for (const button of document.querySelectorAll('.scenario')) {
    const selected = button.dataset.scenario === scenario?.id;
    button.classList.toggle('is-selected', selected);
    if (selected) {
      button.setAttribute('aria-current', 'true');
      button.scrollIntoView({ block: 'nearest' });
    } else {
      button.removeAttribute('aria-current');
    }
  }
  const hash = scenario ? `#${encodeURIComponent(scenario.id)}` : '';
  history.replaceState(null, '', `${location.pathname}${hash}`);
  editor.value = source;
  clearRunError();
  showScenarioText(scenario);
  compare.offerFor(scenario?.id);
  showEdited();
  resetRunView();
  setStatus('idle');
}

/**
 * The code pane's title and "what to notice": the scenario's, or a word on code that is not one;
 * and the picture the scenario names (chess, bakery), which the run is drawn as.
 */
function showScenarioText(scenario) {
  setTheme(scenario?.theme ?? 'plain');
  $('#code-title').textContent = scenario?.title ?? 'Your code';
  $('#notice-concept').textContent = scenario?.concept ?? '';
  $('#notice-text').textContent =
    scenario?.notice ?? 'This code is not one of the built-in scenarios: its timeline shows how its tasks take turns.';
}

function isEdited() {
  return page.current !== null && editor.value !== page.current.source;
}

function showEdited() {
  const edited = isEdited();
  $('#edited-badge').hidden = !edited;
  $('#reset-button').hidden = !edited;
  clearRunError();
}

// ── runs ──────────────────────────────────────────────────────────────────

async function run() {
  if (page.status === 'starting' || MODE === 'shared') return;
  stopWatching();
  clearRunError();
  resetRunView();
  setStatus('starting');
  let runId;
  try {
    runId = await startRun(runRequest());
  } catch (error) {
    if (error instanceof RunRejected) showRunRejected(error.detail);
    else setStatus('failed-to-start', error.message);
    return;
  }
  const model = new RunModel({ gil: gilOn() });
  page.runId = runId;
  page.model = model;
  timeline.setModel(model);
  timeline.setLive(true);
  $('#timeline-empty').hidden = true;
  output.reset('Running… nothing printed yet.');
  diagnostics.reset('Nothing so far.');
  setStatus('live');
  page.stream = followRun(runId, model, {
    onBatch: () => scheduleFrame(),
    onEnd: () => finishRun(model),
    onLost: () => {
      if (page.model !== model) return;
      page.stream = null;
      timeline.setLive(false);
      setStatus('lost');
    },
  });
  scheduleFrame();
}

/**
 * A catalog scenario runs by id; edited code runs as source, with the id of the scenario it came
 * from. The GIL option is sent only when it is switched off, so default runs ask for nothing special.
 */
function runRequest() {
  const options = gilOn() ? {} : { options: { gil: false } };
  if (!page.current) return { source: editor.value, ...options };
  const code = isEdited() ? { scenario: page.current.id, source: editor.value } : { scenario: page.current.id };
  return { ...code, ...options };
}

function gilOn() {
  return $('#gil-toggle').checked;
}

/** Asks the server to cancel the current run; the stream then ends with status `cancelled`. */
async function stopRun() {
  if (page.status !== 'live' || !page.runId) return;
  const model = page.model;
  const runId = page.runId;
  setStatus('stopping');
  const ending = await cancelRun(runId).catch(() => false);
  if (ending) {
    setTimeout(() => {
      if (page.model === model && !model.ended) endLocally(model, 'cancelled');
    }, CANCEL_GRACE_MS);
  } else if (page.model === model && !model.ended) {
    endLocally(model, 'detached');
  }
}

/** Stops following a run without waiting for the server (it cannot be cancelled, or did not answer). */
function endLocally(model, status) {
  page.stream?.close();
  page.stream = null;
  model.finish({ status, duration_ns: model.now(performance.now()), error: null, summary: null });
  finishRun(model);
}

/** Leaves the current run behind (a new scenario was picked); it is cancelled if still going. */
function stopWatching() {
  if (page.status === 'live' && page.runId) cancelRun(page.runId).catch(() => false);
  page.stream?.close();
  page.stream = null;
  page.model = null;
  page.runId = null;
}

function finishRun(model) {
  if (page.model !== model) return;
  page.stream = null;
  timeline.setLive(false);
  const end = model.end;
  if (end.error) {
    output.showError(end.error);
    if (end.error.line) editor.markError(end.error.line);
  }
  output.showEmptyIfNothing('The program printed nothing.');
  diagnostics.showEmptyIfNothing('None: nothing blocked the loop for long, every coroutine was awaited.');
  setStatus(end.status, end.error ? formatRunError(end.error) : '');
  // A run the server ended can be shared and downloaded; one only stopped here may still be going there.
  if (page.runId && end.summary) offerSharing(page.runId);
  scheduleFrame();
}

function resetRunView() {
  page.model = null;
  page.runId = null;
  page.hoverLine = 0;
  page.selectedLine = 0;
  showCodeLine();
  timeline.setModel(null);
  timeline.setLive(false);
  legend.show(null);
  narration.sync(null);
  replay.sync(null);
  themePicker.show(false);
  withdrawSharing();
  $('#timeline-empty').hidden = false;
  $('#empty-title').textContent = 'Press Run to watch this program execute';
  stats.reset();
  output.reset();
  diagnostics.reset();
}

function showRunRejected(detail) {
  $('#empty-title').textContent = 'The code did not start: fix the error marked in the editor';
  setStatus('rejected', detail.line ? `${detail.kind ?? 'Error'} at line ${detail.line}` : detail.message);
  const where = detail.line ? `line ${detail.line}${detail.column ? `, column ${detail.column}` : ''}` : '';
  const box = $('#editor-error');
  box.replaceChildren(
    Object.assign(document.createElement('strong'), { textContent: detail.kind ?? 'Error' }),
    document.createTextNode(where ? ` at ${where}: ` : ': '),
    document.createTextNode(detail.message),
  );
  box.hidden = false;
  editor.markError(detail.line ?? 0);
}

function clearRunError() {
  $('#editor-error').hidden = true;
  editor.markError(0);
}

// ── status and frames ─────────────────────────────────────────────────────

const STATUS_TEXT = {
  idle: () => 'Ready · press Run',
  starting: () => 'Starting…',
  stopping: () => 'Stopping…',
  live: (model) => `Live · ${formatDuration(model.now(performance.now()))} · ${model.eventCount.toLocaleString('en')} events`,
  ok: (model) => `Finished · ${formatDuration(model.end.duration_ns)} · ${model.eventCount.toLocaleString('en')} events`,
  error: (model, detail) => `Failed after ${formatDuration(model.end.duration_ns)} · ${detail}`,
  cancelled: (model) => `Stopped after ${formatDuration(model.end.duration_ns)} · the run was cancelled`,
  detached: () => 'Stopped watching · the run goes on on the server',
  limit: (model, detail) => `Stopped at a limit · ${detail || formatDuration(model.end.duration_ns)}`,
  rejected: (model, detail) => `Not started · ${detail}`,
  'failed-to-start': (model, detail) => `Not started · ${detail}`,
  lost: () => 'Connection to the server lost',
  loading: () => 'Loading the shared run…',
  'failed-to-load': (model, detail) => `Not loaded · ${detail}`,
};

function setStatus(status, detail = '') {
  page.status = status;
  page.statusDetail = detail;
  document.body.dataset.runStatus = status;
  $('#run-button').disabled = status === 'starting' || status === 'stopping';
  $('#stop-button').disabled = status !== 'live';
  renderStatus();
}

function renderStatus() {
  const base = (STATUS_TEXT[page.status] ?? (() => page.status))(page.model, page.statusDetail);
  // A run without the GIL says so wherever its figures are read.
  const text = page.model && !page.model.gil ? `${base} · GIL off` : base;
  const node = $('#status-text');
  if (node.textContent !== text) node.textContent = text;
}

/** Panels update at most once per animation frame; until a run has ended, every frame (the clock moves). */
function scheduleFrame() {
  if (page.framePending) return;
  page.framePending = true;
  requestAnimationFrame(frame);
}

function frame() {
  page.framePending = false;
  const model = page.model;
  if (!model) return;
  output.sync(model);
  diagnostics.sync(model);
  stats.update(model.stats(model.now(performance.now())));
  legend.show(model);
  narration.sync(model);
  replay.sync(model);
  themePicker.show(true);
  renderStatus();
  if (page.status === 'live' || page.status === 'stopping') scheduleFrame();
}

// ── links between panes ───────────────────────────────────────────────────

function showCodeLine() {
  editor.highlightLine(page.hoverLine || page.selectedLine, { reveal: true });
}

/** Marks a moment on the timeline (a sentence hovered, an await stepped to) and lights its code line; null clears it. */
function showMoment(moment) {
  timeline.showMoment(moment);
  page.hoverLine = moment?.line ?? 0;
  showCodeLine();
}

/** Shows an output line or diagnostic in context: its moment on the timeline, its lane and its code line. */
function jumpTo(entry) {
  timeline.pinTime(entry.t);
  timeline.reveal(entry.t, entry.lane);
  timeline.selectLane(entry.lane);
  page.selectedLine = entry.line;
  showCodeLine();
}

// ── page modes ────────────────────────────────────────────────────────────

/** The playground opens at the scenario in the address (`#id`), or with a shared run's code (`?from=ID`). */
async function openPlayground() {
  const from = new URLSearchParams(location.search).get('from');
  if (from) {
    await openCodeFrom(from);
    return;
  }
  const wanted = decodeURIComponent(location.hash.slice(1));
  selectScenario(page.scenarios.find((scenario) => scenario.id === wanted) ?? page.scenarios[0]);
}

/** "Open in playground" on a shared run: its code in the editor, under its scenario if the catalog has it. */
async function openCodeFrom(snapshotId) {
  let trace;
  try {
    ({ trace } = await getSnapshot(snapshotId));
  } catch (error) {
    selectScenario(page.scenarios[0]);
    pageAlert.show({ title: 'The shared code could not be opened', message: error.message });
    return;
  }
  openCode(page.scenarios.find((scenario) => scenario.id === trace.run.scenario) ?? null, trace.run.source);
}

/** A shared run (`/s/{id}`), read-only, at the view in the address if it has one, else at the saved view. */
async function openSharedRun(snapshotId) {
  editor.readOnly = true;
  $('#empty-title').textContent = 'Loading the shared run…';
  setStatus('loading');
  let snapshot;
  try {
    snapshot = await getSnapshot(snapshotId);
  } catch (error) {
    $('#shared-title').textContent = 'This shared run could not be loaded';
    $('#empty-title').textContent = error.message;
    setStatus('failed-to-load', error.message);
    return;
  }
  const { trace } = snapshot;
  page.current = page.scenarios.find((scenario) => scenario.id === trace.run.scenario) ?? null;
  editor.value = trace.run.source;
  showScenarioText(page.current);
  showEdited();
  showSharedHeader(snapshot, page.current);
  showDownloads(snapshotDownloads(snapshot.id));
  $('#download-menu').hidden = false;
  showFinishedRun(RunModel.fromDocument(trace));
  applyView(timeline, viewFromUrl() ?? snapshot.view);
  page.onView = viewUrlFollower(timeline);
}

/** Shows a whole recorded run at once, through the same panes a run that just ended fills. */
function showFinishedRun(model) {
  page.model = model;
  timeline.setModel(model);
  $('#timeline-empty').hidden = true;
  finishRun(model);
}

/** After a run the server ended: the Share button, and its two files to download. */
function offerSharing(runId) {
  showDownloads(runDownloads(runId));
  $('#share-button').hidden = false;
  $('#download-menu').hidden = false;
}

function withdrawSharing() {
  $('#share-button').hidden = true;
  $('#download-menu').hidden = true;
}

// ── controls ──────────────────────────────────────────────────────────────

const pageAlert = new PageAlert($('#page-alert'));
const shareDialog = new ShareDialog($('#share-dialog'));
$('#share-button').addEventListener('click', () => shareDialog.open(page.runId, snapshotView(timeline)));
copyLinkButton($('#copy-view-button'), () => urlWithView(timeline));
closableMenu($('#download-menu'));
onThemeChange(() => page.onView());
installTraceOpening({ button: $('#open-trace-button'), input: $('#open-trace-input'), overlay: $('#drop-overlay'), alert: pageAlert });

$('#run-button').addEventListener('click', () => run());
$('#empty-run-button').addEventListener('click', () => run());
$('#stop-button').addEventListener('click', () => stopRun());
$('#reset-button').addEventListener('click', () => {
  if (page.current) editor.value = page.current.source;
  showEdited();
});
$('#zoom-in').addEventListener('click', () => timeline.zoomAt(timeline.width / 2, 0.7));
$('#zoom-out').addEventListener('click', () => timeline.zoomAt(timeline.width / 2, 1 / 0.7));
$('#zoom-fit').addEventListener('click', () => timeline.fit());
document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented && !compare.open) {
    event.preventDefault();
    run();
  }
});

/** Hooks for the browser tests: find and hover spans precisely. */
window.interleave = { timeline, compare, narration, replay, get runId() { return page.runId; } };

if (compare.standalone) compare.openSnapshots(document.body.dataset.left, document.body.dataset.right);
else loadCatalog().then(() => (MODE === 'shared' ? openSharedRun(document.body.dataset.snapshot) : openPlayground()));
