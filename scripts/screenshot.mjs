// Regenerates docs/screenshot.png: runs a built-in scenario on a real server and captures the page.
// Usage: node scripts/screenshot.mjs [scenario-id]   (after `cargo build` and `tests/browser/run.sh` once)

import path from 'node:path';
import { launchBrowser, repoRoot, startServer } from '../tests/browser/harness.mjs';

const scenario = process.argv[2] ?? 'blocking-sleep';
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.click(`.scenario[data-scenario="${scenario}"]`);
  await page.click('#run-button');
  await page.waitForSelector('body[data-run-status="ok"]', { timeout: 60_000 });
  await page.screenshot({ path: path.join(repoRoot, 'docs/screenshot.png') });
} finally {
  await browser.close();
  await server.stop();
}
