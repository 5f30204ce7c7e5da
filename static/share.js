// Sharing a run: the view a snapshot and the address bar carry, the share dialog, the download links and the shared page's header.

import { createSnapshot } from './api.js';
import { formatDuration } from './format.js';
import { currentTheme, setTheme } from './themes.js';

/** The view must stay still this long before the address bar follows it (browsers rate-limit replaceState). */
const URL_DELAY_MS = 250;

/** How long "Copied" stays on a copy button. */
const COPIED_MS = 2000;

/** The address-bar parameters of a view: its window in ns, the selected lane's id and the theme. */
const URL_VIEW_PARAMS = ['t0', 't1', 'lane', 'theme'];

/**
 * A time window (a timeline's, or one timelines share) as a snapshot stores it: `{t0_ns, t1_ns}`,
 * or nothing when it shows the whole run (the shared page then fits the run to its own width).
 */
export function windowView({ follow, view }) {
  if (follow) return {};
  const t0Ns = Math.max(0, Math.round(view.t0));
  return { t0_ns: t0Ns, t1_ns: Math.max(t0Ns + 1, Math.round(view.t1)) };
}

/** A timeline's view as a snapshot stores it: its window, the selected lane's id and the page's theme. */
export function snapshotView(timeline) {
  const view = windowView(timeline);
  const lane = timeline.model?.lanes[timeline.selectedLane];
  if (lane) view.lane = lane.id;
  view.theme = currentTheme().name;
  return view;
}

/**
 * What the address bar says about the view (`?t0=…&t1=…&lane=…&theme=…`), or null if nothing.
 * The page always writes the whole view there, so a view in the address replaces the saved one.
 */
export function viewFromUrl(search = location.search) {
  const params = new URLSearchParams(search);
  if (!URL_VIEW_PARAMS.some((name) => params.has(name))) return null;
  const view = {};
  const t0 = Number(params.get('t0'));
  const t1 = Number(params.get('t1'));
  if (params.has('t0') && params.has('t1') && Number.isFinite(t0) && Number.isFinite(t1) && t1 > t0) {
    view.t0_ns = t0;
    view.t1_ns = t1;
  }
  if (params.get('lane')) view.lane = params.get('lane');
  if (params.get('theme')) view.theme = params.get('theme');
  return view;
}

/** The current address with the view in it: the visible window and the theme always, the lane when one is selected. */
export function urlWithView(timeline) {
  const url = new URL(location.href);
  const lane = timeline.model?.lanes[timeline.selectedLane];
  const values = { t0: Math.round(timeline.view.t0), t1: Math.round(timeline.view.t1), lane: lane?.id, theme: currentTheme().name };
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') url.searchParams.delete(name);
    else url.searchParams.set(name, String(value));
  }
  return url.href;
}

/**
 * Returns a function to call whenever the view changes: a moment later the address bar shows the
 * view, so copying it links to what is on screen.
 */
export function viewUrlFollower(timeline) {
  let timer = 0;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => history.replaceState(history.state, '', urlWithView(timeline)), URL_DELAY_MS);
  };
}

/** Opens the timeline at a view (a snapshot's, or the address bar's): its window, its selected lane and its theme. */
export function applyView(timeline, view) {
  if (view.theme) setTheme(view.theme);
  if (Number.isFinite(view.t0_ns) && Number.isFinite(view.t1_ns) && view.t1_ns > view.t0_ns) {
    timeline.setWindow(view.t0_ns, view.t1_ns);
  }
  const lane = view.lane ? timeline.model?.laneById.get(view.lane) : undefined;
  if (lane) {
    timeline.selectLane(lane.index);
    timeline.revealLane(lane.index);
  }
}

// ── downloads ─────────────────────────────────────────────────────────────

/** The two files of a run the server holds: its trace document and its Chrome trace. */
export function runDownloads(runId) {
  const id = encodeURIComponent(runId);
  return { document: `/api/runs/${id}`, chrome: `/api/runs/${id}/trace.json`, name: `interleave-${runId}` };
}

/** The two files of a snapshot. */
export function snapshotDownloads(snapshotId) {
  const id = encodeURIComponent(snapshotId);
  return { document: `/s/${id}/document.json`, chrome: `/s/${id}/trace.json`, name: `interleave-${snapshotId}` };
}

/** Points every download link of the page (`[data-download]`, in the menu and the share dialog) at these files. */
export function showDownloads(downloads) {
  for (const link of document.querySelectorAll('[data-download]')) {
    const kind = link.dataset.download;
    link.href = downloads[kind];
    link.download = kind === 'chrome' ? `${downloads.name}.chrome-trace.json` : `${downloads.name}.json`;
  }
}

/** A `<details>` drop-down that closes on Escape, on a click outside it and once a link in it is picked. */
export function closableMenu(details) {
  const summary = details.querySelector('summary');
  document.addEventListener('click', (event) => {
    if (details.open && !details.contains(event.target)) details.open = false;
  });
  details.addEventListener('click', (event) => {
    if (event.target.closest('a')) details.open = false;
  });
  details.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !details.open) return;
    details.open = false;
    summary.focus();
  });
}

// ── links ─────────────────────────────────────────────────────────────────

/**
 * Puts `text` on the clipboard; resolves to whether that worked. Without the Clipboard API (or
 * its permission) the text is copied through a selected, off-screen text field.
 */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = Object.assign(document.createElement('textarea'), { value: text, readOnly: true });
    field.className = 'visually-hidden';
    document.body.append(field);
    field.select();
    const copied = document.execCommand('copy');
    field.remove();
    return copied;
  }
}

/** Makes `button` copy the link `link()` gives, and say on itself for a moment whether it did. */
export function copyLinkButton(button, link) {
  const label = button.textContent;
  let timer = 0;
  button.addEventListener('click', async () => {
    button.textContent = (await copyText(link())) ? 'Copied ✓' : 'Not copied: use the address bar';
    clearTimeout(timer);
    timer = setTimeout(() => {
      button.textContent = label;
    }, COPIED_MS);
  });
}

/**
 * Copies the link in `input` and tells `say` how it went: `copied`, or `fallback` when nothing
 * could copy, with the link left selected in its field, ready for Ctrl+C.
 */
export async function copyFromField(input, say, { copied, fallback }) {
  if (await copyText(input.value)) {
    say(copied);
    return;
  }
  // Focused too: Ctrl+C copies a field's selection only while it has focus.
  input.focus();
  input.select();
  say(fallback);
}

/**
 * The share dialog of the playground: saves the run that just ended as a snapshot, with the view
 * on screen, and shows its link to copy, next to the run's downloads. Sharing the same run and
 * view again shows the same link.
 */
export class ShareDialog {
  constructor(dialog) {
    this.dialog = dialog;
    this.link = dialog.querySelector('#share-link');
    this.copyButton = dialog.querySelector('#share-copy');
    this.note = dialog.querySelector('#share-note');
    this.saved = new Map();
    this.request = 0;
    dialog.querySelector('#share-dialog-close').addEventListener('click', () => dialog.close());
    this.copyButton.addEventListener('click', () => this.copy());
    this.link.addEventListener('focus', () => this.link.select());
  }

  async open(runId, view) {
    const request = ++this.request;
    this.link.value = '';
    this.copyButton.disabled = true;
    this.say('Saving a snapshot of this run…');
    this.dialog.showModal();
    const key = `${runId} ${JSON.stringify(view)}`;
    try {
      if (!this.saved.has(key)) this.saved.set(key, new URL((await createSnapshot({ run: runId }, view)).url, location.origin).href);
    } catch (error) {
      if (request === this.request) this.say(error.message, { error: true });
      return;
    }
    if (request !== this.request) return;
    this.link.value = this.saved.get(key);
    this.copyButton.disabled = false;
    this.say('Saved. The link opens this run read-only, where you are looking now.');
    this.copyButton.focus();
  }

  /** Copies the snapshot's link, or leaves it selected for the user to copy. */
  copy() {
    return copyFromField(this.link, (text) => this.say(text), {
      copied: 'Copied to the clipboard.',
      fallback: 'Press Ctrl+C (⌘C on a Mac) to copy the selected link.',
    });
  }

  say(text, { error = false } = {}) {
    this.note.textContent = text;
    this.note.classList.toggle('is-error', error);
  }
}

// ── the shared page ───────────────────────────────────────────────────────

const ENDED = {
  ok: (wall) => `finished in ${wall}`,
  error: (wall) => `failed after ${wall}`,
  cancelled: (wall) => `stopped after ${wall}`,
  limit: (wall) => `stopped at a limit after ${wall}`,
};

/** How a recorded run ended, and its wall time, in words: "finished in 1.30 s". */
function howItEnded(run) {
  const wall = formatDuration(run.duration_ns);
  return ENDED[run.status]?.(wall) ?? `${run.status} · ${wall}`;
}

/**
 * The header of a shared run: what ran (the scenario's title, or the program's own), when it was
 * recorded and how it ended, and the link that copies its code into the playground.
 */
export function showSharedHeader(snapshot, scenario) {
  const { run } = snapshot.trace;
  const edited = scenario && run.source !== scenario.source;
  const title = scenario ? `${scenario.title}${edited ? ' (edited)' : ''}` : 'A program run in Interleave';
  const events = (snapshot.trace.summary?.events ?? 0).toLocaleString('en');
  const recorded = new Date(snapshot.created_at * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  document.querySelector('#shared-title').textContent = title;
  document.querySelector('#shared-meta').textContent = `Recorded ${recorded} · ${howItEnded(run)} · ${events} events · read-only`;
  document.querySelector('#open-in-playground').href = `/?from=${encodeURIComponent(snapshot.id)}`;
  document.title = `${title} · shared run · Interleave`;
}
