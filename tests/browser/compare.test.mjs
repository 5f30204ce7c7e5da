// Browser test of the compare view: a built-in pair runs both scenarios onto one time axis with the ratio of their wall times, and shares as one link.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { artifactsDir, launchBrowser, openApp } from './harness.mjs';

const RUN_TIMEOUT_MS = 60_000;
const SIDES = ['left', 'right'];

let app;
let server;
let page;
let pageErrors;
/** The pair under test and what the first test saw of it, for the shared page to match. */
let pair;
let seen;

before(async () => {
  app = await openApp({ viewport: { width: 1440, height: 1100 } });
  ({ server, page, pageErrors } = app);
  // The Copy button writes to the clipboard, which the test reads back.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
});

after(async () => app?.close());

async function getJson(url) {
  const response = await fetch(new URL(url, server.url));
  assert.equal(response.status, 200, `GET ${url}`);
  return response.json();
}

/** "1.40 s", "572 ms", "85.3 µs", "900 ns" as nanoseconds. */
function parseDuration(text) {
  const match = /^([\d.]+)\s*(s|ms|µs|ns)$/.exec(text.trim());
  assert.ok(match, `not a duration: ${text}`);
  return Number(match[1]) * { s: 1e9, ms: 1e6, µs: 1e3, ns: 1 }[match[2]];
}

/** What a compare page shows: titles, wall times, the verdict, lane labels and the spans drawn. */
async function readComparison(target) {
  return target.evaluate((sides) => {
    const text = (selector) => document.querySelector(selector)?.textContent.trim() ?? '';
    const view = window.interleave.compare;
    const side = (key) => {
      const track = document.querySelector(`.compare-track[data-side="${key}"]`);
      const { timeline } = view.sides[key];
      const spans = timeline.findSpans({});
      return {
        title: text(`.compare-side[data-side="${key}"] .compare-side-title`),
        wall: text(`.compare-side[data-side="${key}"] [data-stat="wall"]`),
        lanes: [...track.querySelectorAll('.lane-label')].map((label) => label.dataset.lane).sort(),
        spans: spans.length,
        right: Math.max(...spans.map((span) => span.rect.x + span.rect.width)),
        zeroX: timeline.canvas.getBoundingClientRect().left + timeline.timeToX(0),
        nsPerPx: timeline.nsPerPx(),
        runId: view.sides[key].runId,
      };
    };
    return {
      ratio: text('#compare-ratio'),
      faster: document.querySelector('#compare-ratio').dataset.faster,
      left: side(sides[0]),
      right: side(sides[1]),
    };
  }, SIDES);
}

/** The headline's "3.1× faster" agrees with the two wall times on the page, and names the faster side. */
function assertRatioMatches(shown) {
  const left = parseDuration(shown.left.wall);
  const right = parseDuration(shown.right.wall);
  const match = /([\d.]+)×\s*faster/.exec(shown.ratio);
  assert.ok(match, `the verdict gives no ratio: ${shown.ratio}`);
  const expected = Math.max(left, right) / Math.min(left, right);
  // The walls are shown to three digits and the ratio to two: allow for both roundings.
  assert.ok(Math.abs(Number(match[1]) - expected) <= 0.06 + expected * 0.01, `${shown.ratio} for ${shown.left.wall} vs ${shown.right.wall}`);
  assert.equal(shown.faster, left < right ? 'A' : 'B', 'the verdict names the slower run as faster');
}

/** Both tracks show their run's loop and task lanes, with spans, on one scale starting at one x. */
function assertStackedOnOneAxis(shown, traces) {
  for (const [key, trace] of [['left', traces[0]], ['right', traces[1]]]) {
    const expected = trace.lanes.filter((lane) => lane.kind === 'event_loop' || lane.kind === 'task').map((lane) => lane.id);
    for (const lane of expected) assert.ok(shown[key].lanes.includes(lane), `${key} track lacks lane ${lane}: ${shown[key].lanes}`);
    assert.ok(shown[key].spans > 3, `${key} track draws ${shown[key].spans} spans`);
  }
  assert.equal(shown.left.nsPerPx, shown.right.nsPerPx, 'the two runs are drawn at different scales');
  assert.ok(Math.abs(shown.left.zeroX - shown.right.zeroX) < 0.5, 'the two runs do not start at the same x');
  // On one scale, each run's bars reach as far right as its wall time.
  const reach = (side, trace) => (side.right - side.zeroX) * side.nsPerPx / trace.summary.wall_ns;
  for (const [side, trace] of [[shown.left, traces[0]], [shown.right, traces[1]]]) {
    assert.ok(Math.abs(reach(side, trace) - 1) < 0.03, `bars reach ${reach(side, trace)} of the wall time`);
  }
}

test('the catalog lists the built-in comparisons, and a paired scenario offers its comparison', async () => {
  const pairs = await getJson('api/comparisons');
  assert.ok(pairs.length >= 3, `expected the built-in pairs, got ${pairs.length}`);
  pair = pairs[0];
  const scenarios = await getJson('api/scenarios');
  const titleOf = (id) => scenarios.find((scenario) => scenario.id === id).title;
  const card = page.locator(`.comparison[data-comparison="${pair.id}"]`);
  assert.match(await card.textContent(), new RegExp(`${pair.title}.*${titleOf(pair.left)}.*${titleOf(pair.right)}`));
  assert.equal(await page.locator('.comparison').count(), pairs.length);

  await page.click(`.scenario[data-scenario="${pair.left}"]`);
  const offer = page.locator('#notice-compare');
  await offer.waitFor({ state: 'visible' });
  assert.match(await offer.textContent(), new RegExp(titleOf(pair.right)));
});

test('one click runs both scenarios in turn and stacks them on one time axis with the ratio of their wall times', async () => {
  await page.click(`.comparison[data-comparison="${pair.id}"]`);
  assert.equal(await page.isVisible('#compare-view'), true);
  assert.equal(await page.isVisible('.workspace'), false);
  assert.equal(await page.textContent('#compare-title'), pair.title);

  // B starts only once A has ended, so the two runs never share the CPU.
  await page.waitForSelector('#compare-view[data-compare-status="running-right"]', { timeout: RUN_TIMEOUT_MS });
  assert.equal(await page.evaluate(() => window.interleave.compare.sides.left.model.ended), true, 'B started while A was running');
  await page.screenshot({ path: path.join(artifactsDir, 'compare-live.png') });
  await page.waitForSelector('#compare-view[data-compare-status="done"]', { timeout: RUN_TIMEOUT_MS });
  await page.waitForTimeout(100);

  seen = await readComparison(page);
  const traces = [await getJson(`api/runs/${seen.left.runId}`), await getJson(`api/runs/${seen.right.runId}`)];
  assert.deepEqual(traces.map((trace) => trace.run.scenario), [pair.left, pair.right]);
  assert.deepEqual(traces.map((trace) => trace.run.status), ['ok', 'ok']);
  for (const [side, trace] of [[seen.left, traces[0]], [seen.right, traces[1]]]) {
    const shown = parseDuration(side.wall);
    assert.ok(Math.abs(shown - trace.summary.wall_ns) <= trace.summary.wall_ns * 0.01, `${side.wall} shown for ${trace.summary.wall_ns} ns`);
  }
  assertStackedOnOneAxis(seen, traces);
  assertRatioMatches(seen);
  await page.screenshot({ path: path.join(artifactsDir, 'compare.png') });

  // Zooming moves both runs: they keep one scale and one origin.
  await page.click('#compare-zoom-in');
  await page.waitForTimeout(100);
  const zoomed = await readComparison(page);
  assert.ok(zoomed.left.nsPerPx < seen.left.nsPerPx * 0.8, 'zoom in did not zoom');
  assert.equal(zoomed.left.nsPerPx, zoomed.right.nsPerPx);
  assert.ok(Math.abs(zoomed.left.zeroX - zoomed.right.zeroX) < 0.5);
  await page.click('#compare-zoom-fit');
});

test('a comparison is shared as one link that shows both runs and the verdict on a fresh page', async () => {
  await page.click('#compare-share');
  const link = page.locator('#compare-link');
  await page.waitForFunction(() => /\/compare\/[\w-]+\/[\w-]+$/.test(document.querySelector('#compare-link').value), null, { timeout: RUN_TIMEOUT_MS });
  const url = await link.inputValue();
  await page.click('#compare-copy');
  await page.waitForSelector('#compare-share-note:has-text("Copied")');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  await page.screenshot({ path: path.join(artifactsDir, 'compare-share.png') });

  const fresh = await launchBrowser();
  try {
    const shared = await fresh.context.newPage();
    const sharedErrors = [];
    shared.on('pageerror', (error) => sharedErrors.push(error.message));
    await shared.setViewportSize({ width: 1440, height: 1100 });
    await shared.goto(url);
    assert.equal(await shared.getAttribute('body', 'data-mode'), 'compare');
    await shared.waitForSelector('#compare-view[data-compare-status="done"]', { timeout: RUN_TIMEOUT_MS });
    await shared.waitForTimeout(100);
    const again = await readComparison(shared);
    assert.equal(await shared.textContent('#compare-title'), pair.title);
    for (const key of SIDES) {
      assert.equal(again[key].title, seen[key].title);
      assert.equal(again[key].wall, seen[key].wall);
      assert.deepEqual(again[key].lanes, seen[key].lanes);
      assert.ok(again[key].spans > 3, `${key} track of the shared page draws ${again[key].spans} spans`);
    }
    assert.equal(again.ratio, seen.ratio);
    assertRatioMatches(again);
    const [a, b] = new URL(url).pathname.split('/').slice(2);
    const traces = [(await getJson(`api/snapshots/${a}`)).trace, (await getJson(`api/snapshots/${b}`)).trace];
    assertStackedOnOneAxis(again, traces);
    await shared.screenshot({ path: path.join(artifactsDir, 'compare-shared.png') });

    // Leaving the shared comparison goes to the playground.
    await shared.click('#compare-back');
    await shared.waitForSelector('.scenario');
    assert.equal(new URL(shared.url()).pathname, '/');
    assert.deepEqual(sharedErrors, []);
  } finally {
    await fresh.close();
  }
});

test('leaving the compare view returns to the playground', async () => {
  await page.click('#compare-back');
  assert.equal(await page.isVisible('#compare-view'), false);
  assert.equal(await page.isVisible('.workspace'), true);
  assert.equal(await page.isVisible(`.scenario[data-scenario="${pair.left}"]`), true);
});

test('the simultaneous exhibition compares in the chess picture, and leaving restores the playground\'s picture', async () => {
  const before = await page.getAttribute('body', 'data-theme');
  await page.click('.comparison[data-comparison="simultaneous-exhibition"]');
  await page.waitForSelector('#compare-view[data-compare-status="done"]', { timeout: RUN_TIMEOUT_MS });
  assert.equal(await page.getAttribute('body', 'data-theme'), 'chess');
  for (const side of SIDES) {
    const labels = page.locator(`.compare-track[data-side="${side}"] .lane-label`);
    assert.match(await labels.allTextContents().then((texts) => texts.join(' ')), /♔\s*grandmaster.*♟\s*board 1/s, `side ${side} is not drawn as the exhibition`);
  }
  await page.click('#compare-back');
  assert.equal(await page.getAttribute('body', 'data-theme'), before);
});

test('the page raised no script errors', () => {
  assert.deepEqual(pageErrors, []);
});
