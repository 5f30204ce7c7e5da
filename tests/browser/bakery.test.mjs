// Browser test of the bakery scenario: one baker on one event loop, then two bakers in two worker processes, on process, loop, task and CPU-core lanes.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { artifactsDir, openApp } from './harness.mjs';

const SCENARIO = 'two-bakers';
const RUN_TIMEOUT_MS = 30_000;

/**
 * Round 1 takes about 0.25 + 0.38 (mixing) + 0.4 (oven) + 0.17 + 0.3 (decorating) = 1.5 s, round 2
 * max(0.38 mixing, 0.5 preheat) + 0.4 + 0.3 = 1.2 s: the oven is the same, so two bakers take 0.8
 * of the time, a little more with starting the workers. Below this they are visibly quicker.
 */
const TWO_BAKERS_AT_MOST = 0.9;

/** Runs of the scenario before a slow round 2 counts as a failure. */
const ATTEMPTS = 3;

/** `body[data-run-status]` once the run is over, one way or another. */
const ENDED = ['ok', 'error', 'cancelled', 'limit', 'rejected', 'failed-to-start', 'detached', 'lost'];

let app;
let server;
let page;
let pageErrors;

before(async () => {
  // Tall enough for every lane of the scenario, CPU cores included, without scrolling the timeline.
  app = await openApp({ viewport: { width: 1440, height: 1250 } });
  ({ server, page, pageErrors } = app);
});

after(async () => app?.close());

/** Canvas pixels within `tolerance` of an RGB colour inside a client rectangle. */
async function pixelsIn(rect, rgb, tolerance) {
  return page.evaluate(
    ([{ x, y, width, height }, [r0, g0, b0], tol]) => {
      const canvas = document.querySelector('#timeline-canvas');
      const box = canvas.getBoundingClientRect();
      const scale = canvas.width / box.width;
      const pixels = canvas
        .getContext('2d')
        .getImageData(Math.round((x - box.left) * scale), Math.round((y - box.top) * scale), Math.round(width * scale), Math.round(height * scale)).data;
      let count = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (Math.abs(pixels[i] - r0) <= tol && Math.abs(pixels[i + 1] - g0) <= tol && Math.abs(pixels[i + 2] - b0) <= tol) count += 1;
      }
      return { count, of: pixels.length / 4 };
    },
    [rect, rgb, tolerance],
  );
}

/** Canvas pixels in a lane's row (by name) within `tolerance` of an RGB colour. */
async function pixelsLike(laneName, rgb, tolerance) {
  const rect = await page.evaluate((name) => window.interleave.timeline.laneRect(name), laneName);
  return rect ? (await pixelsIn(rect, rgb, tolerance)).count : 0;
}

/** The colour a lane's label badge wears, the colour of its bars, as [r, g, b]. */
async function badgeColor(laneId) {
  const color = await page
    .locator(`#lane-labels .lane-label[data-lane="${laneId}"] .lane-kind`)
    .evaluate((badge) => badge.style.getPropertyValue('--lane-color'));
  return rgbOf(color);
}

/** `#2563eb` or `rgb(37, 99, 235)` as [r, g, b]. */
function rgbOf(color) {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (hex) return hex.slice(1).map((part) => parseInt(part, 16));
  const rgb = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(color);
  assert.ok(rgb, `not a colour: ${color}`);
  return rgb.slice(1).map(Number);
}

/** How far the bars of these lanes reach on screen: the leftmost and rightmost client x of their spans. */
async function xExtent(laneIds) {
  const spans = await page.evaluate(
    (ids) => ids.flatMap((laneId) => window.interleave.timeline.findSpans({ laneId })),
    laneIds,
  );
  assert.ok(spans.length > 0, `no spans on screen for ${laneIds.join(', ')}`);
  const left = Math.min(...spans.map((span) => span.rect.x));
  const right = Math.max(...spans.map((span) => span.rect.x + span.rect.width));
  return { left, right, width: right - left };
}

/** The time of the first output line matching `pattern`, and the line. */
function printed(trace, pattern, from = 0) {
  const entry = trace.output.find((candidate) => candidate.t_ns >= from && pattern.test(candidate.text));
  assert.ok(entry, `the run never printed ${pattern}`);
  return entry;
}

/**
 * Runs the scenario from its card and waits for the end; returns the trace document and the two
 * rounds' durations, timed by what the program printed.
 */
async function runBakery() {
  await page.click(`.scenario[data-scenario="${SCENARIO}"]`);
  assert.match(await page.inputValue('.editor-input'), /ProcessPoolExecutor/);
  await page.click('#run-button');
  await page.waitForFunction((ended) => ended.includes(document.body.dataset.runStatus), ENDED, { timeout: RUN_TIMEOUT_MS });
  assert.equal(await page.getAttribute('body', 'data-run-status'), 'ok', await page.textContent('#status-text'));
  await page.click('#zoom-fit');
  // The scenario opens in the bakery picture; the lane checks below read the plain kind badges.
  await page.click('[data-theme-choice="plain"]');

  const runId = await page.evaluate(() => window.interleave.runId);
  const trace = await (await fetch(new URL(`api/runs/${runId}`, server.url))).json();
  assert.equal(trace.run.status, 'ok');
  const round1 = printed(trace, /^Round 1/);
  const round2 = printed(trace, /^\s*Round 2/);
  const done1 = printed(trace, /done after/);
  const done2 = printed(trace, /done after/, round2.t_ns);
  assert.ok(done1.t_ns < round2.t_ns, 'round 1 ended after round 2 began');
  const bothBakersWorked = /made in 2 other processes/.test(done2.text);
  return { trace, round2, bothBakersWorked, oneBakerNs: round2.t_ns - round1.t_ns, twoBakersNs: done2.t_ns - round2.t_ns };
}

test('the bakery shows the loop, the cakes, two baker processes with their pids and the CPU cores; two bakers finish sooner', async (t) => {
  // Round 2 starts two worker processes; on a machine busy with other work one can start late
  // enough to eat the gain, or so late that the first worker takes every job, so such a round 2
  // is run again before it counts as a failure.
  let run;
  for (let attempt = 1; ; attempt += 1) {
    run = await runBakery();
    const parallel = run.bothBakersWorked && run.twoBakersNs < TWO_BAKERS_AT_MOST * run.oneBakerNs;
    if (parallel || attempt === ATTEMPTS) break;
    t.diagnostic(
      `attempt ${attempt}: two bakers took ${run.twoBakersNs / 1e6} ms in ${run.bothBakersWorked ? 'two' : 'one'} worker(s), one baker ${run.oneBakerNs / 1e6} ms; running again`,
    );
  }
  const { trace, round2, oneBakerNs, twoBakersNs } = run;
  assert.ok(run.bothBakersWorked, 'one worker process made every stroke of round 2');
  assert.ok(
    twoBakersNs < TWO_BAKERS_AT_MOST * oneBakerNs,
    `two bakers took ${twoBakersNs / 1e6} ms, one baker ${oneBakerNs / 1e6} ms`,
  );
  assert.match(printed(trace, /Two bakers finished sooner/).text, /True/);
  const lanesOf = (kind) => trace.lanes.filter((lane) => lane.kind === kind);
  const loop = lanesOf('event_loop')[0];
  const processes = lanesOf('process');
  assert.equal(processes.length, 2, 'round 2 runs its two bakers in two worker processes');

  // Lane labels: the main thread's event loop, the cakes as tasks, the two bakers as processes, the cores.
  const loopLabel = page.locator('#lane-labels .lane-label.kind-event_loop');
  assert.equal(await loopLabel.count(), 1);
  assert.equal((await loopLabel.locator('.lane-kind').textContent()).trim(), 'loop');
  assert.match(await loopLabel.textContent(), /main thread · event loop/, 'the loop lane does not say it is the main thread');
  for (const cake of ['Ada: chocolate cake', 'Ada: lemon cake', 'Bea: lemon cake', 'oven']) {
    const label = page.locator(`#lane-labels .lane-label.kind-task:has-text("${cake}")`).first();
    assert.equal((await label.locator('.lane-kind').textContent()).trim(), 'task', `${cake} has no task badge`);
  }
  const processLabels = page.locator('#lane-labels .lane-label.kind-process');
  assert.equal(await processLabels.count(), 2);
  const processColors = [];
  for (let i = 0; i < 2; i += 1) {
    const label = processLabels.nth(i);
    const laneId = await label.getAttribute('data-lane');
    const lane = trace.lanes.find((candidate) => candidate.id === laneId);
    assert.equal(lane?.kind, 'process');
    assert.equal((await label.locator('.lane-kind').textContent()).trim(), 'process');
    assert.equal((await label.locator('.lane-pid').textContent()).trim(), `pid ${lane.pid}`);
    assert.notEqual(lane.pid, loop.pid, 'a worker process has the server-side main pid');
    // The end of the name tells the two workers apart even when the label is short of room.
    assert.equal(await label.locator('.lane-name').textContent(), lane.name);
    assert.equal((await label.locator('.lane-name-tail').textContent()).trim(), lane.name.slice(-4));
    processColors.push({ name: lane.name, rgb: await badgeColor(lane.id) });
  }
  assert.notEqual(processes[0].pid, processes[1].pid);
  const coreLabels = page.locator('#lane-labels .lane-label.kind-core');
  assert.equal(await coreLabels.count(), lanesOf('core').length);
  assert.ok((await coreLabels.count()) >= 1, 'no CPU-core lanes');
  assert.equal((await coreLabels.first().locator('.lane-kind').textContent()).trim(), 'CPU');
  assert.equal((await page.locator('#lane-labels .lane-group-heading').textContent()).trim(), 'CPU cores');

  // The loop group first (loop, then its tasks), then the two processes, then the cores.
  const order = await page.$$eval('#lane-labels .lane-label', (labels) =>
    labels.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top)).map((label) => label.className.replace(/.*kind-/, '')),
  );
  const tasks = lanesOf('task').length;
  assert.deepEqual(order.slice(0, 1 + tasks + 2), ['event_loop', ...Array(tasks).fill('task'), 'process', 'process']);
  assert.ok(order.slice(1 + tasks + 2).every((kind) => kind === 'core'), `lanes in order: ${order.join(', ')}`);
  assert.equal(await page.textContent('#stats [data-stat="processes"]'), '2');
  assert.match(await page.textContent('#stats [data-stat="cores"]'), /^\d+ of \d+$/);

  // The cores are busy, and they show the two bakers' processes in the processes' own colours.
  const coreNames = await coreLabels.locator('.lane-name').allTextContents();
  const onCores = new Map(processColors.map(({ name }) => [name, 0]));
  let busy = 0;
  for (const core of coreNames) {
    for (const { name, rgb } of processColors) {
      const pixels = await pixelsLike(core, rgb, 12);
      onCores.set(name, onCores.get(name) + pixels);
      busy = Math.max(busy, pixels);
    }
  }
  assert.ok(busy > 100, `no core row has more than ${busy} pixels of a baker's process`);
  for (const [name, pixels] of onCores) assert.ok(pixels > 100, `the core rows show ${name} in ${pixels} pixels of its colour`);

  // The cakes are made twice under the same names: the loop's long step of round 1's chocolate
  // cake wears the colour of round 1's task, not of its namesake in round 2.
  const [chocolate1, chocolate2] = lanesOf('task').filter((lane) => lane.name === 'Ada: chocolate cake');
  assert.ok(chocolate1 && chocolate2 && chocolate1.start_ns < round2.t_ns && chocolate2.start_ns > round2.t_ns);
  const step = await page.evaluate(
    (laneId) => window.interleave.timeline.findSpan({ laneId, state: 'running', label: 'Ada: chocolate cake' }),
    loop.id,
  );
  assert.ok(step && step.startNs < round2.t_ns, 'no step of round 1 chocolate cake on the loop lane');
  const [colour1, colour2] = [await badgeColor(chocolate1.id), await badgeColor(chocolate2.id)];
  assert.notDeepEqual(colour1, colour2, 'the two chocolate cakes have one colour');
  const stepPixels = await pixelsIn(step.rect, colour1, 12);
  assert.ok(stepPixels.count > stepPixels.of / 2, `${stepPixels.count} of ${stepPixels.of} pixels of the loop's step are in the cake's colour`);

  // On screen: the two bakers' process bars span less width than round 1's cakes on the loop.
  const roundOneCakes = lanesOf('task')
    .filter((lane) => /cake/.test(lane.name) && lane.start_ns < round2.t_ns)
    .map((lane) => lane.id);
  assert.equal(roundOneCakes.length, 2, 'round 1 makes two cakes');
  const oneBaker = await xExtent(roundOneCakes);
  const twoBakers = await xExtent(processes.map((lane) => lane.id));
  assert.ok(twoBakers.left >= oneBaker.right - 2, 'the two bakers started before Ada alone had finished');
  assert.ok(
    twoBakers.width < TWO_BAKERS_AT_MOST * oneBaker.width,
    `the two bakers' bars span ${twoBakers.width.toFixed(0)} px, Ada's cakes alone ${oneBaker.width.toFixed(0)} px`,
  );
  await page.screenshot({ path: path.join(artifactsDir, 'bakery.png') });
});

test('the page raised no script errors', () => {
  assert.deepEqual(pageErrors, []);
});
