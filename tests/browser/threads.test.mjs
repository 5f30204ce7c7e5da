// Browser tests of threads on the page: thread and CPU-core lanes with their badges, the GIL drawn on the timeline, and the GIL switch.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { artifactsDir, openApp } from './harness.mjs';

const RUN_TIMEOUT_MS = 30_000;

/** Two threads running a CPU-bound Python loop: under the GIL they take turns, each waiting for it. */
const TWO_CPU_THREADS = `import threading
import time

def work(n):
    total = 0
    for i in range(n):
        total += i
    return total

start = time.perf_counter()
threads = [threading.Thread(target=work, args=(4_000_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"two threads took {time.perf_counter() - start:.2f} s")
`;

/** The stripe colour of "waiting for the GIL" (THEME.gilStripe in static/timeline.js). */
const GIL_STRIPE = [0xb6, 0x9c, 0xf5];

let app;
let server;
let page;
let pageErrors;

before(async () => {
  app = await openApp();
  ({ server, page, pageErrors } = app);
});

after(async () => app?.close());

/** Runs `source` from the editor and waits until the run has ended. */
async function runFromEditor(source) {
  await page.locator('.scenario').first().click();
  await page.fill('.editor-input', source);
  await page.click('#run-button');
  await page.waitForSelector('body[data-run-status="live"], body[data-run-status="ok"]', { timeout: RUN_TIMEOUT_MS });
}

async function waitForEnd() {
  await page.waitForSelector('body[data-run-status="ok"]', { timeout: RUN_TIMEOUT_MS });
}

/** Canvas pixels in a lane's row within `tolerance` of an RGB colour. */
async function pixelsLike(laneName, rgb, tolerance) {
  return page.evaluate(
    ([name, [r0, g0, b0], tol]) => {
      const rect = window.interleave.timeline.laneRect(name);
      if (!rect) return 0;
      const canvas = document.querySelector('#timeline-canvas');
      const box = canvas.getBoundingClientRect();
      const scale = canvas.width / box.width;
      const pixels = canvas
        .getContext('2d')
        .getImageData(
          Math.round((rect.x - box.left) * scale),
          Math.round((rect.y - box.top) * scale),
          Math.round(rect.width * scale),
          Math.round(rect.height * scale),
        ).data;
      let count = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (Math.abs(pixels[i] - r0) <= tol && Math.abs(pixels[i + 1] - g0) <= tol && Math.abs(pixels[i + 2] - b0) <= tol) count += 1;
      }
      return count;
    },
    [laneName, rgb, tolerance],
  );
}

const laneLabel = (kind, name) => page.locator(`#lane-labels .lane-label.kind-${kind}:has-text("${name}")`);

test('two CPU-bound threads get badged thread lanes, hatched GIL waits and CPU-core lanes', async () => {
  await runFromEditor(TWO_CPU_THREADS);
  for (const name of ['Thread-1 (work)', 'Thread-2 (work)']) {
    const label = laneLabel('thread', name);
    await label.waitFor({ timeout: RUN_TIMEOUT_MS });
    assert.equal((await label.locator('.lane-kind').textContent()).trim(), 'thread');
  }
  assert.equal((await page.locator('#lane-labels .lane-label.kind-event_loop .lane-kind').textContent()).trim(), 'loop');
  await waitForEnd();

  // Under the GIL each thread spends part of the run waiting for it: hatched violet on its row.
  const waiting = await page.evaluate(() => window.interleave.timeline.findSpan({ state: 'waiting for the GIL', lane: 'Thread-2 (work)' }));
  assert.ok(waiting, 'no waiting-for-the-GIL span on Thread-2');
  for (const name of ['Thread-1 (work)', 'Thread-2 (work)']) {
    const stripes = await pixelsLike(name, GIL_STRIPE, 24);
    assert.ok(stripes > 30, `the ${name} row has ${stripes} pixels of the waiting-for-the-GIL hatch`);
  }

  // The CPU cores come last, under their heading, each with a CPU badge.
  const core = page.locator('#lane-labels .lane-label.kind-core').first();
  await core.waitFor();
  assert.equal((await core.locator('.lane-kind').textContent()).trim(), 'CPU');
  assert.match(await core.textContent(), /CPU \d+/);
  assert.equal((await page.locator('#lane-labels .lane-group-heading').textContent()).trim(), 'CPU cores');
  const order = await page.$$eval('#lane-labels .lane-label', (labels) =>
    labels.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top)).map((label) => label.className.replace(/.*kind-/, '')),
  );
  assert.deepEqual(order.slice(0, 3), ['event_loop', 'thread', 'thread']);
  assert.ok(order.slice(3).every((kind) => kind === 'core'), `lanes in order: ${order.join(', ')}`);

  // The summary counts threads and cores instead of the loop-only figures.
  assert.equal(await page.textContent('#stats [data-stat="threads"]'), '2');
  assert.match(await page.textContent('#stats [data-stat="cores"]'), /^\d+ of \d+$/);
  assert.ok(await page.locator('#stats [data-stat="busy"]').isHidden(), 'the loop-busy figure is still shown');
  assert.ok(await page.locator('.timeline-panel .legend [data-legend="gil"]').isVisible(), 'the legend does not explain the GIL hatch');
  assert.ok(await page.locator('.timeline-panel .legend [data-legend="ready"]').isHidden(), 'the legend shows asyncio states this run has not');

  // Hovering a GIL wait says what it is and how long it lasted.
  await page.mouse.move(waiting.rect.x + Math.min(waiting.rect.width / 2, 20), waiting.rect.y + waiting.rect.height / 2);
  const tooltip = page.locator('#timeline-tooltip');
  await tooltip.waitFor({ state: 'visible' });
  assert.match(await tooltip.textContent(), /waiting for the GIL · [\d.]+ (µs|ms|s)/i);
  await page.screenshot({ path: path.join(artifactsDir, 'threads.png') });
  await page.mouse.move(0, 0);
});

test('with the GIL switched off the run asks for it and the threads never wait for it', async () => {
  await page.click('.gil-toggle');
  assert.equal(await page.isChecked('#gil-toggle'), false);
  const request = page.waitForRequest((candidate) => candidate.url().endsWith('/api/runs') && candidate.method() === 'POST');
  await runFromEditor(TWO_CPU_THREADS);
  assert.deepEqual((await request).postDataJSON().options, { gil: false });
  await waitForEnd();
  assert.match(await page.textContent('#status-text'), /GIL off/);
  await laneLabel('thread', 'Thread-1 (work)').waitFor();
  const waiting = await page.evaluate(() => window.interleave.timeline.findSpan({ state: 'waiting for the GIL' }));
  assert.equal(waiting, null, 'a thread waited for a GIL that is switched off');
  assert.ok(await page.evaluate(() => window.interleave.timeline.findSpan({ lane: 'Thread-2 (work)', state: 'running' })));
  await page.screenshot({ path: path.join(artifactsDir, 'threads-gil-off.png') });
  await page.click('.gil-toggle');
});

test('the page raised no script errors', () => {
  assert.deepEqual(pageErrors, []);
});
