// Test harness: starts the real Interleave server on a free port and a headless Chromium to drive the page.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const artifactsDir = path.join(repoRoot, 'tests/browser/artifacts');

const SERVER_START_TIMEOUT_MS = 30_000;
const LISTENING = /Interleave listening on (http:\/\/\S+?)\/?\s*$/m;

/**
 * Starts `interleave serve --addr 127.0.0.1:0 --data-dir DIR` and resolves once it prints the
 * address it listens on. `DIR` is a fresh temp dir, removed when the server stops, unless
 * `dataDir` names one. `restart()` stops the server and starts a new one (on a new port) on the
 * same data dir, so snapshots saved before are there again.
 */
export function startServer({ dataDir } = {}) {
  const ownsDataDir = dataDir === undefined;
  return launchServer(dataDir ?? mkdtempSync(path.join(tmpdir(), 'interleave-data-')), ownsDataDir);
}

async function launchServer(dataDir, ownsDataDir) {
  let child;
  try {
    child = await spawnServer(dataDir);
  } catch (error) {
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: child.url,
    dataDir,
    stop: async () => {
      await stopProcess(child.process);
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    restart: async () => {
      await stopProcess(child.process);
      return launchServer(dataDir, ownsDataDir);
    },
  };
}

function spawnServer(dataDir) {
  const binary = process.env.INTERLEAVE_BIN ?? path.join(repoRoot, 'target/debug/interleave');
  const args = ['serve', '--addr', '127.0.0.1:0', '--data-dir', dataDir];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not print its address within ${SERVER_START_TIMEOUT_MS} ms:\n${printed}`));
    }, SERVER_START_TIMEOUT_MS);
    const onOutput = (chunk) => {
      printed += chunk;
      const match = printed.match(LISTENING);
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: `${match[1]}/`, process: child });
    };
    child.stdout.setEncoding('utf8').on('data', onOutput);
    child.stderr.setEncoding('utf8').on('data', onOutput);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${binary} (build it with \`cargo build\`, or set INTERLEAVE_BIN): ${error.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${code} before listening:\n${printed}`));
    });
  });
}

function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A headless Chromium (the Debian package, never a downloaded build) with a fresh profile. */
export async function launchBrowser() {
  const profile = mkdtempSync(path.join(tmpdir(), 'interleave-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the server and a browser and opens the page at the scenario catalog; `viewport`
 * overrides the default window size. Page script errors are collected in `pageErrors`.
 */
export async function openApp({ viewport } = {}) {
  mkdirSync(artifactsDir, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(server.url);
  await page.waitForSelector('.scenario');
  const close = async () => {
    await browser.close();
    await server.stop();
  };
  return { server, page, pageErrors, close };
}
