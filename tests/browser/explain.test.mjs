// Browser tests of the explaining features against the real server: the narration, its link to the timeline, the replay and the chess picture.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { artifactsDir, openApp } from './harness.mjs';

const RUN_TIMEOUT_MS = 30_000;
/** The colour of the timeline's cursor for a pointed-at moment (timeline.js THEME.moment). */
const MOMENT_RGB = [0x0f, 0x17, 0x2a];

let app;
let server;
let page;
let pageErrors;

before(async () => {
  app = await openApp();
  ({ server, page, pageErrors } = app);
});

after(async () => app?.close());

async function runScenario(id) {
  await page.click(`.scenario[data-scenario="${id}"]`);
  await page.click('#run-button');
  await page.waitForSelector('body[data-run-status="ok"]', { timeout: RUN_TIMEOUT_MS });
}

/** The trace document of the run on screen, as the server recorded it. */
async function traceOnScreen() {
  const runId = await page.evaluate(() => window.interleave.runId);
  const response = await fetch(new URL(`api/runs/${runId}`, server.url));
  assert.equal(response.status, 200);
  return response.json();
}

/** The awaiting spans of the task lane named `name`, in time order. */
function awaitsOf(trace, name) {
  const lane = trace.lanes.find((candidate) => candidate.kind === 'task' && candidate.name === name);
  assert.ok(lane, `no task lane named ${name}`);
  return trace.spans.filter((span) => span.lane === lane.id && span.state === 'awaiting');
}

const sentences = () => page.evaluate(() => window.interleave.narration.sentences());

/** Asserts `patterns` match sentences in this order (others may come between them); returns the matches. */
function assertInOrder(all, patterns) {
  let from = 0;
  return patterns.map((pattern) => {
    const at = all.findIndex((sentence, index) => index >= from && pattern.test(sentence));
    assert.ok(at >= 0, `no sentence matching ${pattern} after:\n${all.slice(Math.max(0, from - 1), from + 3).join('\n')}`);
    from = at + 1;
    return all[at];
  });
}

/** Canvas pixels of the moment cursor's colour in the column at run time `t`, below the axis. */
async function cursorPixelsAt(t) {
  return page.evaluate(
    ({ t, rgb }) => {
      const timeline = window.interleave.timeline;
      const canvas = document.querySelector('#timeline-canvas');
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const x = Math.round((Math.round(timeline.timeToX(t)) + 0.5) * scale);
      const top = Math.round(40 * scale);
      const pixels = canvas.getContext('2d').getImageData(x - 1, top, 3, canvas.height - top).data;
      let matching = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (Math.abs(pixels[i] - rgb[0]) + Math.abs(pixels[i + 1] - rgb[1]) + Math.abs(pixels[i + 2] - rgb[2]) < 60) matching += 1;
      }
      return matching / 3;
    },
    { t, rgb: MOMENT_RGB },
  );
}

test('the narration tells a run step by step, in time order, grown live and complete at the end', async () => {
  await page.click('.scenario[data-scenario="grandmaster"]');
  await page.click('#run-button');
  await page.click('#narration-title');
  // While the run is live, the narration grows as events arrive.
  const live = () => page.evaluate(() => [document.body.dataset.runStatus, window.interleave.narration.steps.length]);
  await page.waitForFunction(() => document.body.dataset.runStatus === 'live' && window.interleave.narration.steps.length > 0, null, {
    timeout: RUN_TIMEOUT_MS,
  });
  const [, firstCount] = await live();
  await page.waitForFunction(
    (count) => document.body.dataset.runStatus === 'live' && window.interleave.narration.steps.length > count,
    firstCount,
    { timeout: RUN_TIMEOUT_MS },
  );
  await page.waitForSelector('body[data-run-status="ok"]', { timeout: RUN_TIMEOUT_MS });

  await runScenario('gather');
  const trace = await traceOnScreen();
  const sleep = awaitsOf(trace, 'Task-2').find((span) => span.label.startsWith('asyncio.sleep'));
  assert.ok(sleep && sleep.line > 0, 'Task-2 never awaited asyncio.sleep on a line');
  const all = await sentences();
  assertInOrder(all, [
    /^\d+\.\d{3} s the main thread creates Task-1 main\(\)/,
    /^\d+\.\d{3} s Task-1 creates Task-2 download\('cat\.jpg', 4, 0\.1\)/,
    /^\d+\.\d{3} s the loop enters Task-2 download\('cat\.jpg', 4, 0\.1\)$/,
    new RegExp(`^\\d+\\.\\d{3} s Task-2 pauses at line ${sleep.line} awaiting asyncio\\.sleep\\(seconds_per_chunk\\)$`),
    /^\d+\.\d{3} s no task is ready: the loop waits for events$/,
    /^0\.1\d\d s the timer for Task-2 fires$/,
    /^0\.1\d\d s the loop goes back to Task-2$/,
    /^0\.1\d\d s Task-2 prints cat\.jpg +25%$/,
    /^\d+\.\d{3} s Task-2 finishes$/,
    /^\d+\.\d{3} s the program ends after /,
  ]);
  const times = all.map((sentence) => Number.parseFloat(sentence));
  assert.deepEqual(times, [...times].sort((a, b) => a - b), 'the sentences are not in time order');
  // Every write of the program is told, in the order it was written.
  const printed = all.filter((sentence) => / prints /.test(sentence)).map((sentence) => sentence.replace(/^.*? prints /, ''));
  assert.deepEqual(printed, trace.output.map((entry) => entry.text.replace(/\n$/, '').replaceAll('\n', '⏎ ')));
  // A short run is shown whole, one row per sentence.
  assert.deepEqual(await page.evaluate(() => window.interleave.narration.shownSentences()), all);
  await page.screenshot({ path: path.join(artifactsDir, 'narration.png') });
});

test('hovering a sentence marks its moment on the timeline: a cursor line at its time, its lane and its code line', async () => {
  const trace = await traceOnScreen();
  const sleep = awaitsOf(trace, 'Task-2').find((span) => span.label.startsWith('asyncio.sleep'));
  const before = await cursorPixelsAt(sleep.start_ns);
  const row = page.locator('.story-row', { hasText: `Task-2 pauses at line ${sleep.line}` }).first();
  await row.hover();
  await page.waitForFunction(() => window.interleave.timeline.moment !== null);
  const moment = await page.evaluate(() => {
    const { moment, model } = window.interleave.timeline;
    return { ...moment, lane: model.lanes[moment.laneIndex].name };
  });
  assert.equal(moment.t, sleep.start_ns);
  assert.equal(moment.end, sleep.end_ns);
  assert.equal(moment.lane, 'Task-2');
  await page.locator(`.code-line.is-highlighted[data-line="${sleep.line}"]`).waitFor();
  // The cursor is drawn: a column of its colour down the lanes at that time, which was not there before.
  await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
  const during = await cursorPixelsAt(sleep.start_ns);
  assert.ok(during > before + 100, `cursor pixels at the moment: ${before} before hovering, ${during} while hovering`);
  await page.screenshot({ path: path.join(artifactsDir, 'narration-hover.png') });

  await page.mouse.move(5, 5);
  await page.waitForFunction(() => window.interleave.timeline.moment === null);

  // A click selects the lane the sentence is about.
  await row.click();
  assert.equal(await page.getAttribute('#lane-labels .lane-label:has-text("Task-2")', 'aria-pressed'), 'true');
});

test('replay re-animates the run: play moves the playhead and draws more, pause stops it, "." steps to the next await', async () => {
  const trace = await traceOnScreen();
  const taskIds = new Set(trace.lanes.filter((lane) => lane.kind === 'task').map((lane) => lane.id));
  const awaitStarts = trace.spans.filter((span) => taskIds.has(span.lane) && span.state === 'awaiting').map((span) => span.start_ns);
  const bar = page.locator('#replay-bar');
  await bar.waitFor({ state: 'visible' });
  const state = () =>
    page.evaluate(() => ({
      playhead: window.interleave.replay.playhead,
      playing: window.interleave.replay.playing,
      drawn: window.interleave.timeline.drawnSpans,
      current: document.querySelector('#narration-list .story-row.is-current .story-time')?.textContent ?? null,
    }));
  const drawnWhole = (await state()).drawn;

  await page.selectOption('[data-replay="speed"]', '0.25');
  await page.locator('body').click({ position: { x: 700, y: 12 } });
  await page.keyboard.press(' ');
  await page.waitForFunction(() => window.interleave.replay.playhead > 60e6);
  const early = await state();
  await page.waitForFunction((playhead) => window.interleave.replay.playhead > playhead + 100e6, early.playhead);
  await page.waitForTimeout(50);
  const later = await state();
  assert.ok(early.playing && later.playing, 'the replay is not playing');
  assert.ok(later.playhead > early.playhead, `the playhead did not move: ${early.playhead} → ${later.playhead}`);
  assert.ok(later.drawn > early.drawn, `no more spans drawn as the replay went on: ${early.drawn} → ${later.drawn}`);
  assert.ok(later.drawn < drawnWhole, `the replay drew ${later.drawn} spans, as many as the whole run (${drawnWhole})`);
  assert.ok(Number.parseFloat(later.current) <= later.playhead / 1e9 + 0.001, 'the marked sentence is after the playhead');
  await page.screenshot({ path: path.join(artifactsDir, 'replay-playing.png') });

  await page.keyboard.press(' ');
  const paused = await state();
  await page.waitForTimeout(300);
  assert.equal(paused.playing, false);
  assert.equal((await state()).playhead, paused.playhead, 'the playhead moved while paused');

  // Only what had started by the playhead is on screen.
  const onScreen = await page.evaluate(() => window.interleave.timeline.findSpans());
  assert.ok(onScreen.length > 0);
  assert.ok(onScreen.every((span) => span.startNs < paused.playhead), 'a span that starts after the playhead is on screen');

  await page.keyboard.press('.');
  const stepped = await state();
  const next = Math.min(...awaitStarts.filter((t) => t > paused.playhead));
  assert.equal(stepped.playhead, next, 'the step did not land on the next await');
  assert.match(await page.textContent('#narration-list .story-row.is-current'), /pauses at line \d+ awaiting/);
  await page.keyboard.press('.');
  assert.equal((await state()).playhead, Math.min(...awaitStarts.filter((t) => t > next)));
  await page.click('[data-replay="previous"]');
  assert.equal((await state()).playhead, next);
  await page.screenshot({ path: path.join(artifactsDir, 'replay-step.png') });

  // Dragging the scrubber to the end shows the whole run again.
  await page.evaluate(() => {
    const scrubber = document.querySelector('[data-replay="scrubber"]');
    scrubber.value = scrubber.max;
    scrubber.dispatchEvent(new Event('input'));
  });
  const whole = await state();
  assert.equal(whole.playhead, null);
  assert.ok(whole.drawn > later.drawn, 'the whole run does not show again');
});

test('the chess picture: the grandmaster scenario draws the loop as the grandmaster and tasks as boards', async () => {
  await runScenario('grandmaster');
  assert.equal(await page.getAttribute('body', 'data-theme'), 'chess', 'the grandmaster scenario does not open as chess');
  assert.equal(await page.getAttribute('[data-theme-choice="chess"]', 'aria-checked'), 'true');
  assert.match(await page.textContent('#lane-labels .lane-label.kind-event_loop'), /♔\s*grandmaster/);
  assert.match(await page.textContent('#lane-labels .lane-label:has-text("Task-2")'), /♟\s*board 1/);
  assert.match(await page.textContent('.timeline-panel .legend [data-legend="awaiting"]'), /opponent thinking/);

  const all = await sentences();
  assertInOrder(all, [
    /the grandmaster steps up to board 1 \(Task-2 play\(1\)\)$/,
    /the grandmaster thinks over her move on board 1 \(time\.sleep\(GRANDMASTER_THINKS\) at line \d+\)/,
    /board 1: the opponent thinks \(asyncio\.sleep\(OPPONENT_THINKS\) at line \d+\), the grandmaster walks on$/,
    /every opponent is thinking: the grandmaster waits for a reply$/,
    /the opponent on board 1 has replied: its timer fires$/,
    /board 1: game over$/,
  ]);

  const span = await page.evaluate(() => window.interleave.timeline.findSpan({ lane: 'Task-2', state: 'awaiting' }));
  await page.mouse.move(span.rect.x + span.rect.width / 2, span.rect.y + span.rect.height / 2);
  const tooltip = page.locator('#timeline-tooltip');
  await tooltip.waitFor({ state: 'visible' });
  assert.match(await tooltip.textContent(), /opponent thinking/i);
  await page.screenshot({ path: path.join(artifactsDir, 'theme-chess.png') });

  // The picker switches back to plain words, everywhere.
  await page.click('[data-theme-choice="plain"]');
  assert.match(await page.textContent('#lane-labels .lane-label:has-text("Task-2")'), /task/);
  assert.doesNotMatch(await page.textContent('#lane-labels .lane-label:has-text("Task-2")'), /board/);
  assert.ok((await sentences()).some((sentence) => / the loop enters Task-2 play\(1\)$/.test(sentence)));

  await page.click('.scenario[data-scenario="bakery"]');
  assert.equal(await page.getAttribute('body', 'data-theme'), 'bakery', 'the bakery scenario does not open as bakery');
});

test('a shared run is told and replayed as well, in the picture its view saved', async () => {
  await runScenario('gather');
  const runId = await page.evaluate(() => window.interleave.runId);
  const response = await fetch(new URL('api/snapshots', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ run: runId, view: { theme: 'bakery' } }),
  });
  assert.equal(response.status, 201);
  const { url } = await response.json();
  const shared = await page.context().newPage();
  shared.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await shared.goto(new URL(url, server.url).href);
    await shared.waitForSelector('#replay-bar:not([hidden])', { timeout: RUN_TIMEOUT_MS });
    assert.equal(await shared.getAttribute('body', 'data-theme'), 'bakery');
    const told = await shared.evaluate(() => window.interleave.narration.sentences());
    assertInOrder(told, [
      /the baker turns to cake 1 \(Task-2 download\('cat\.jpg', 4, 0\.1\)\)$/,
      /the oven timer rings for cake 1$/,
      /the program ends after /,
    ]);
    await shared.click('[data-replay="next"]');
    assert.ok((await shared.evaluate(() => window.interleave.replay.playhead)) > 0, 'Next await did not move the playhead');
  } finally {
    await shared.close();
  }
});

test('the page raised no script errors', () => {
  assert.deepEqual(pageErrors, []);
});
