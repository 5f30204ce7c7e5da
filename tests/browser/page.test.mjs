// Browser tests of the page against the real server: catalog, live timeline, hover, code highlight, output, errors and stopping a run.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { artifactsDir, openApp } from './harness.mjs';

const SCENARIO = 'gather';
const RUN_TIMEOUT_MS = 20_000;

let app;
let server;
let page;
let pageErrors;

before(async () => {
  app = await openApp();
  ({ server, page, pageErrors } = app);
});

after(async () => app?.close());

/** Coloured (not white or grey) canvas pixels inside a lane's row: bars, outlines and markers. */
async function colouredPixelsInLane(laneName) {
  return page.evaluate((name) => {
    const rect = window.interleave.timeline.laneRect(name);
    if (!rect) return 0;
    const canvas = document.querySelector('#timeline-canvas');
    const box = canvas.getBoundingClientRect();
    const scale = canvas.width / box.width;
    const x = Math.round((rect.x - box.left) * scale);
    const y = Math.round((rect.y - box.top) * scale);
    const pixels = canvas
      .getContext('2d')
      .getImageData(x, y, Math.round(rect.width * scale), Math.round(rect.height * scale)).data;
    let coloured = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured += 1;
    }
    return coloured;
  }, laneName);
}

test('the catalog explains each scenario and loads its code and what to notice', async () => {
  const cards = await page.locator('.scenario').count();
  assert.ok(cards >= 3, `expected the built-in scenarios, found ${cards}`);
  for (const part of ['.scenario-title', '.scenario-summary', '.concept-chip']) {
    assert.notEqual((await page.locator(`.scenario ${part}`).first().textContent()).trim(), '');
  }
  await page.click(`.scenario[data-scenario="${SCENARIO}"]`);
  assert.match(await page.inputValue('.editor-input'), /asyncio\.gather/);
  assert.notEqual((await page.textContent('#notice-text')).trim(), '');
  assert.equal(await page.getAttribute(`.scenario[data-scenario="${SCENARIO}"]`, 'aria-current'), 'true');
});

test('running a scenario draws its lanes live; hovering an await shows its label and highlights its line', async () => {
  await page.click(`.scenario[data-scenario="${SCENARIO}"]`);
  await page.click('#run-button');

  // While it runs: lane labels in the DOM and coloured pixels in their canvas rows.
  await page.waitForSelector('body[data-run-status="live"]');
  await page.waitForSelector('#lane-labels .lane-label:has-text("Task-2")', { timeout: RUN_TIMEOUT_MS });
  await page.waitForFunction(() => window.interleave.timeline.findSpan({ state: 'awaiting' }) !== null);
  assert.equal(await page.getAttribute('body', 'data-run-status'), 'live', 'the run ended before its lanes were seen');
  assert.ok((await colouredPixelsInLane('Task-2')) > 20, 'the Task-2 row has no bars drawn');
  assert.ok((await colouredPixelsInLane('Task-1')) > 20, 'the Task-1 row has no bars drawn');
  await page.screenshot({ path: path.join(artifactsDir, 'gather-live.png') });

  await page.waitForSelector('body[data-run-status="ok"]', { timeout: RUN_TIMEOUT_MS });

  // Hover an awaiting span: the tooltip names what it awaits and the code pane lights its line.
  const span = await page.evaluate(() =>
    window.interleave.timeline.findSpan({ state: 'awaiting', label: 'asyncio.sleep' }),
  );
  assert.ok(span, 'no awaiting asyncio.sleep span on screen');
  assert.ok(span.line > 0, 'the awaiting span has no source line');
  await page.mouse.move(span.rect.x + span.rect.width / 2, span.rect.y + span.rect.height / 2);
  const tooltip = page.locator('#timeline-tooltip');
  await tooltip.waitFor({ state: 'visible' });
  assert.match(await tooltip.textContent(), /asyncio\.sleep/);
  const highlighted = page.locator('.code-line.is-highlighted');
  await highlighted.waitFor();
  assert.equal(Number(await highlighted.getAttribute('data-line')), span.line);
  assert.match(await highlighted.textContent(), /asyncio\.sleep/);
  await page.screenshot({ path: path.join(artifactsDir, 'gather-hover.png') });

  // The output pane holds exactly what the program printed, in order.
  const runId = await page.evaluate(() => window.interleave.runId);
  const trace = await (await fetch(new URL(`api/runs/${runId}`, server.url))).json();
  const printed = trace.output.map((entry) => entry.text.replace(/\n$/, ''));
  assert.ok(printed.length > 0, 'the scenario printed nothing');
  const shown = await page.locator('#output-list .output-text').allTextContents();
  assert.deepEqual(shown, printed);

  // Clicking a lane label selects it.
  await page.click('#lane-labels .lane-label:has-text("Task-2")');
  assert.equal(await page.getAttribute('#lane-labels .lane-label:has-text("Task-2")', 'aria-pressed'), 'true');
});

test('a syntax error is shown under the editor and marks its line', async () => {
  await page.click(`.scenario[data-scenario="${SCENARIO}"]`);
  await page.fill('.editor-input', 'import asyncio\n\nasync def main(:\n    await asyncio.sleep(0.1)\n\nasyncio.run(main())\n');
  await page.click('#run-button');
  const error = page.locator('#editor-error');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.textContent(), /line 3/);
  await page.locator('.code-line.has-error[data-line="3"]').waitFor();
  assert.equal(await page.getAttribute('body', 'data-run-status'), 'rejected');
  await page.screenshot({ path: path.join(artifactsDir, 'syntax-error.png') });
});

test('while a blocking call holds the loop the clock keeps moving, and Stop cancels the run', async () => {
  const blocking = 'import asyncio\nimport time\n\nasync def main():\n    print("started")\n    await asyncio.sleep(0.05)\n    time.sleep(30)\n\nasyncio.run(main())\n';
  await page.click(`.scenario[data-scenario="${SCENARIO}"]`);
  await page.fill('.editor-input', blocking);
  await page.click('#run-button');
  await page.waitForSelector('body[data-run-status="live"]');
  await page.waitForSelector('#lane-labels .lane-label:has-text("Task-1")', { timeout: RUN_TIMEOUT_MS });

  // Nothing is recorded during time.sleep(30): only the server's ticks move the run's clock on.
  const runTime = () => page.evaluate(() => window.interleave.timeline.now());
  const statusText = () => page.textContent('#status-text');
  await page.waitForTimeout(300);
  const [before, statusBefore] = [await runTime(), await statusText()];
  await page.waitForTimeout(800);
  const [after, statusAfter] = [await runTime(), await statusText()];
  assert.ok(after - before >= 500e6, `the run's clock moved ${(after - before) / 1e6} ms in 800 ms`);
  assert.notEqual(statusAfter, statusBefore, 'the live status clock stopped');
  assert.match(statusAfter, /^Live/);

  await page.click('#stop-button');
  await page.waitForSelector('body[data-run-status="cancelled"]', { timeout: RUN_TIMEOUT_MS });
  assert.match(await statusText(), /^Stopped after .*cancelled/);
  const runId = await page.evaluate(() => window.interleave.runId);
  const trace = await (await fetch(new URL(`api/runs/${runId}`, server.url))).json();
  assert.equal(trace.run.status, 'cancelled', 'the server cancelled the run');
  await page.screenshot({ path: path.join(artifactsDir, 'stopped.png') });
});

test('the page raised no script errors', () => {
  assert.deepEqual(pageErrors, []);
});
