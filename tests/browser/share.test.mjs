// Browser tests of sharing: a run shared as a link opens read-only at its saved view in a fresh browser, the address follows the view, and trace files open or are refused with the reason.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { artifactsDir, launchBrowser, openApp } from './harness.mjs';

const SCENARIO = 'gather';
/** Appended to the scenario before running it, so the shared code is edited code. */
const EDIT = '\n# edited before sharing\n';
const RUN_TIMEOUT_MS = 30_000;

let app;
let server;
let page;
let pageErrors;
/** A second browser, with its own profile: the person the link is sent to. */
let reader;
let readerPage;
/** What the sharer saw: the run's id, its trace document, the link and the view it was shared at. */
let shared;

before(async () => {
  app = await openApp();
  ({ server, page, pageErrors } = app);
  // The Copy buttons write to the clipboard, which the test reads back.
  const clipboard = [['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin }];
  await page.context().grantPermissions(...clipboard);
  reader = await launchBrowser();
  await reader.context.grantPermissions(...clipboard);
  readerPage = await reader.context.newPage();
  readerPage.on('pageerror', (error) => pageErrors.push(`shared page: ${error.message}`));
});

after(async () => {
  await reader?.close();
  await app?.close();
});

async function getJson(url) {
  const response = await fetch(new URL(url, server.url));
  assert.equal(response.status, 200, `GET ${url}`);
  return response.json();
}

/** The timeline's window, the id of its selected lane and the editor's state, read in the page. */
function readView(target) {
  return target.evaluate(() => {
    const { timeline } = window.interleave;
    const lane = timeline.model?.lanes[timeline.selectedLane];
    return { t0: timeline.view.t0, t1: timeline.view.t1, follow: timeline.follow, lane: lane?.id ?? null };
  });
}

/** The id of the lane a label names ("Task-2" → "task-4"). */
function laneIdOf(target, name) {
  return target.evaluate((laneName) => {
    const lane = window.interleave.timeline.model.lanes.find((candidate) => candidate.name === laneName);
    return lane.id;
  }, name);
}

function assertSameWindow(actual, expected, what) {
  assert.ok(Math.abs(actual.t0 - expected.t0) <= 1, `${what}: t0 ${actual.t0} != ${expected.t0}`);
  assert.ok(Math.abs(actual.t1 - expected.t1) <= 1, `${what}: t1 ${actual.t1} != ${expected.t1}`);
}

/** Drops a file on the page the way a browser does: dragenter shows the overlay, drop hands over the file. */
async function dropFile(target, name, text) {
  await target.evaluate(
    ({ fileName, content }) => {
      const transfer = () => {
        const data = new DataTransfer();
        data.items.add(new File([content], fileName, { type: 'application/json' }));
        return data;
      };
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer(), bubbles: true }));
      window.dropOverlayShown = !document.querySelector('#drop-overlay').hidden;
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer(), bubbles: true, cancelable: true }));
    },
    { fileName: name, content: text },
  );
  assert.equal(await target.evaluate(() => window.dropOverlayShown), true, 'dragging a file over the page shows the drop overlay');
  assert.equal(await target.isHidden('#drop-overlay'), true, 'the overlay goes once the file is dropped');
}

test('a finished run is shared as a link that opens read-only, at the saved view, in a fresh browser', async () => {
  await page.click(`.scenario[data-scenario="${SCENARIO}"]`);
  assert.equal(await page.isHidden('#share-button'), true, 'Share is offered only once a run has ended');
  const source = (await page.inputValue('.editor-input')) + EDIT;
  await page.fill('.editor-input', source);
  await page.click('#run-button');
  await page.waitForSelector('body[data-run-status="ok"]', { timeout: RUN_TIMEOUT_MS });

  // Select a task, zoom in and draw it as the bakery: that is the view the link must open at.
  await page.click('[data-theme-choice="bakery"]');
  await page.click('#lane-labels .lane-label:has-text("Task-2")');
  await page.click('#zoom-in');
  await page.click('#zoom-in');
  const view = await readView(page);
  assert.equal(view.follow, false);
  assert.equal(view.lane, await laneIdOf(page, 'Task-2'));

  await page.click('#share-button');
  await page.waitForFunction(() => document.querySelector('#share-link').value !== '');
  const link = await page.inputValue('#share-link');
  assert.ok(link.startsWith(`${server.url}s/`), `not an absolute link to /s/{id}: ${link}`);
  assert.match(new URL(link).pathname, /^\/s\/[A-Za-z0-9_-]{11,}$/, 'an unguessable, URL-safe id');
  await page.click('#share-copy');
  await page.locator('#share-note', { hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await page.screenshot({ path: path.join(artifactsDir, 'share-dialog.png') });
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#share-dialog'), false, 'Escape closes the dialog');

  const runId = await page.evaluate(() => window.interleave.runId);
  const trace = await getJson(`api/runs/${runId}`);
  assert.equal(trace.run.source, source);
  const wall = await page.textContent('#stats [data-stat="wall"]');
  shared = { runId, trace, link, view, wall };

  // The reader's browser has never seen this run.
  const response = await readerPage.goto(link);
  assert.equal(response.status(), 200);
  assert.equal(await readerPage.getAttribute('body', 'data-mode'), 'shared');
  await readerPage.waitForSelector('body[data-run-status="ok"]', { timeout: RUN_TIMEOUT_MS });

  // The same run: lanes drawn, code, output, summary.
  await readerPage.waitForSelector('#lane-labels .lane-label:has-text("Task-4")');
  assert.ok(await readerPage.evaluate(() => window.interleave.timeline.findSpans({ state: 'awaiting' }).length > 0), 'no awaiting spans drawn');
  assert.equal(await readerPage.inputValue('.editor-input'), source);
  const printed = trace.output.map((entry) => entry.text.replace(/\n$/, ''));
  assert.deepEqual(await readerPage.locator('#output-list .output-text').allTextContents(), printed);
  assert.equal(await readerPage.textContent('#stats [data-stat="wall"]'), wall);
  assert.match(await readerPage.textContent('#stats [data-stat="events"]'), new RegExp(`${trace.summary.events.toLocaleString('en')} events`));

  // Read-only, and it says what it is.
  assert.equal(await readerPage.locator('.editor-input').getAttribute('readonly'), '');
  for (const hidden of ['#run-button', '#stop-button', '.catalog', '#share-button']) {
    assert.equal(await readerPage.isVisible(hidden), false, `${hidden} is shown on a shared run`);
  }
  assert.equal(await readerPage.textContent('#shared-title'), 'Four downloads at once (edited)');
  assert.match(await readerPage.textContent('#shared-meta'), /^Recorded .* · finished in .* · read-only$/);
  assert.match(await readerPage.title(), /Four downloads at once/);

  // At the view it was shared at.
  const opened = await readView(readerPage);
  assertSameWindow(opened, view, 'the shared window');
  assert.equal(opened.lane, view.lane);
  assert.equal(await readerPage.getAttribute('#lane-labels .lane-label:has-text("Task-2")', 'aria-pressed'), 'true');
  assert.equal(await readerPage.getAttribute('body', 'data-theme'), 'bakery');
  await readerPage.screenshot({ path: path.join(artifactsDir, 'shared-run.png') });
});

test('the shared page offers both downloads, from the menu, by keyboard', async () => {
  const id = new URL(shared.link).pathname.split('/').pop();
  await readerPage.focus('#download-menu summary');
  await readerPage.keyboard.press('Enter');
  const documentLink = readerPage.locator('#download-menu [data-download="document"]');
  const chromeLink = readerPage.locator('#download-menu [data-download="chrome"]');
  await documentLink.waitFor({ state: 'visible' });
  assert.equal(await documentLink.getAttribute('href'), `/s/${id}/document.json`);
  assert.equal(await chromeLink.getAttribute('href'), `/s/${id}/trace.json`);
  assert.match(await chromeLink.getAttribute('title'), /Perfetto/);
  await readerPage.keyboard.press('Escape');
  await documentLink.waitFor({ state: 'hidden' });

  const document = await getJson(`s/${id}/document.json`);
  assert.equal(document.run.source, shared.trace.run.source);
  assert.deepEqual(document.output, shared.trace.output);
  const chrome = await getJson(`s/${id}/trace.json`);
  const events = Array.isArray(chrome) ? chrome : chrome.traceEvents;
  assert.ok(events.length > 0, 'the Chrome trace has no events');
});

test('the address follows the view, and opening it again comes back to that view', async () => {
  await readerPage.click('#lane-labels .lane-label:has-text("Task-3")');
  await readerPage.click('#zoom-out');
  await readerPage.click('[data-theme-choice="chess"]');
  const task3 = await laneIdOf(readerPage, 'Task-3');
  await readerPage.waitForFunction((lane) => {
    const params = new URL(location.href).searchParams;
    return params.get('lane') === lane && params.get('theme') === 'chess';
  }, task3);
  const view = await readView(readerPage);
  const params = new URL(readerPage.url()).searchParams;
  assertSameWindow({ t0: Number(params.get('t0')), t1: Number(params.get('t1')) }, view, 'the window in the address');
  await readerPage.click('#copy-view-button');
  await readerPage.locator('#copy-view-button', { hasText: 'Copied' }).waitFor();
  assert.equal(await readerPage.evaluate(() => navigator.clipboard.readText()), readerPage.url(), 'Copy link copies the address with the view');

  await readerPage.reload();
  await readerPage.waitForSelector('body[data-run-status="ok"]', { timeout: RUN_TIMEOUT_MS });
  const reopened = await readView(readerPage);
  assertSameWindow(reopened, view, 'the window after a reload');
  assert.equal(reopened.lane, task3, 'the lane in the address wins over the saved one');
  assert.equal(await readerPage.getAttribute('body', 'data-theme'), 'chess', 'and so does the theme');
});

test('an unknown snapshot is a 404 page, and a 404 from the API', async () => {
  const response = await readerPage.goto(new URL('s/AAAAAAAAAAAAAAAA', server.url).href);
  assert.equal(response.status(), 404);
  assert.match(await readerPage.textContent('body'), /does not exist/);
  const api = await fetch(new URL('api/snapshots/AAAAAAAAAAAAAAAA', server.url));
  assert.equal(api.status, 404);
  assert.ok((await api.json()).error.message);
});

test('"Open in playground" puts the shared code in the editor, ready to edit and run', async () => {
  await readerPage.goto(shared.link);
  await readerPage.waitForSelector('body[data-run-status="ok"]', { timeout: RUN_TIMEOUT_MS });
  await readerPage.click('#open-in-playground');
  await readerPage.waitForSelector(`.scenario.is-selected[data-scenario="${SCENARIO}"]`);
  assert.equal(await readerPage.getAttribute('body', 'data-mode'), 'playground');
  assert.equal(await readerPage.inputValue('.editor-input'), shared.trace.run.source);
  assert.equal(await readerPage.isVisible('#edited-badge'), true, 'the code is shown as an edited scenario');
  assert.equal(await readerPage.locator('.editor-input').getAttribute('readonly'), null);
  assert.equal(new URL(readerPage.url()).search, '', 'the address no longer names the snapshot');

  await readerPage.click('#run-button');
  await readerPage.waitForSelector('body[data-run-status="ok"]', { timeout: RUN_TIMEOUT_MS });
  const runId = await readerPage.evaluate(() => window.interleave.runId);
  assert.equal((await getJson(`api/runs/${runId}`)).run.source, shared.trace.run.source);
});

test('a trace document opens from a file; a malformed or future-version file is refused, saying why', async () => {
  await page.goto(server.url);
  await page.waitForSelector('.scenario');
  const alert = page.locator('#page-alert');

  await dropFile(page, 'broken.json', '{"format": "interleave-trace",');
  await alert.waitFor({ state: 'visible' });
  assert.match(await page.textContent('#page-alert-title'), /broken\.json is not a trace document/);
  assert.match(await page.textContent('#page-alert-message'), /^It is not valid JSON: .+/);
  await page.click('#page-alert-close');
  await alert.waitFor({ state: 'hidden' });

  const future = JSON.stringify({ ...shared.trace, format_version: 2 });
  await page.setInputFiles('#open-trace-input', { name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(future) });
  await alert.waitFor({ state: 'visible' });
  assert.match(await page.textContent('#page-alert-title'), /future\.json could not be opened/);
  assert.match(await page.textContent('#page-alert-message'), /version 2/);
  assert.equal(await page.textContent('#page-alert-field-path'), 'format_version');
  assert.equal(new URL(page.url()).pathname, '/', 'a refused file opens nothing');
  await page.screenshot({ path: path.join(artifactsDir, 'upload-refused.png') });
  await page.click('#page-alert-close');

  await page.setInputFiles('#open-trace-input', { name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(shared.trace)) });
  await page.waitForURL(/\/s\/[A-Za-z0-9_-]+$/);
  await page.waitForSelector('body[data-run-status="ok"]', { timeout: RUN_TIMEOUT_MS });
  assert.equal(await page.inputValue('.editor-input'), shared.trace.run.source);
  const printed = shared.trace.output.map((entry) => entry.text.replace(/\n$/, ''));
  assert.deepEqual(await page.locator('#output-list .output-text').allTextContents(), printed);
  assert.equal(await page.textContent('#stats [data-stat="wall"]'), shared.wall);
});

test('the pages raised no script errors', () => {
  assert.deepEqual(pageErrors, []);
});
