#!/usr/bin/env node
/* global chrome -- the callbacks passed to worker.evaluate run in the extension */
// Screenshot of a real new-story notification for the README (docs/notification.png). Headless
// browsers draw no system notifications, so this runs Chromium in a window on a virtual X display
// (Xvfb) and photographs the screen. Needs Debian's chromium, xvfb, x11-apps (xwd) and netpbm.
// Run: node scripts/notification-screenshot.mjs
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const PORT = 8799;
const FEED_PATH = '/feeds/posts/default';
const DISPLAY = ':97';
const out = resolve(root, process.argv[2] ?? 'docs/notification.png');
const wait = (ms) => new Promise((done) => setTimeout(done, ms));

const full = readFileSync(resolve(root, 'tests/fixtures/smileband-atom.xml'), 'utf8');
// The first poll sees the feed without its two newest posts; the next one finds them and notifies.
const older = full.replace(/<entry>[\s\S]*?<\/entry>\s*<entry>[\s\S]*?<\/entry>/, '');
let feed = older;
let version = 1;
const server = createServer((request, response) => {
  const etag = `"v${version}"`;
  if (request.headers['if-none-match'] === etag) return response.writeHead(304, { ETag: etag }).end();
  response.writeHead(200, { 'Content-Type': 'application/atom+xml; charset=UTF-8', ETag: etag }).end(feed);
}).listen(PORT, '127.0.0.1');

const outDir = resolve(root, '.output-shot');
execFileSync(resolve(root, 'node_modules/.bin/wxt'), ['build'], {
  cwd: root,
  env: { ...process.env, WXT_FEED_URL: `http://127.0.0.1:${PORT}${FEED_PATH}`, WXT_OUT_DIR: outDir },
  stdio: 'ignore',
});
const extensionPath = join(outDir, 'chrome-mv3');

const xvfb = spawn('Xvfb', [DISPLAY, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
await wait(1000);
const profile = mkdtempSync(join(tmpdir(), 'smileband-shot-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath:
    process.env.CHROMIUM_PATH ?? execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim(),
  headless: false,
  viewport: null,
  env: { ...process.env, DISPLAY, DBUS_SESSION_BUS_ADDRESS: '' },
  args: [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-sandbox',
    '--no-first-run',
    '--window-size=1280,800',
    '--window-position=0,0',
  ],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const badge = () => worker.evaluate(() => chrome.action.getBadgeText({}));
  for (let i = 0; (await badge()) !== '23'; i++) {
    if (i > 150) throw new Error('the first poll did not happen');
    await wait(100);
  }
  feed = full;
  version = 2;
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.getByRole('button', { name: 'Refresh' }).click();
  for (let i = 0; Object.keys(await worker.evaluate(() => chrome.notifications.getAll())).length < 2; i++) {
    if (i > 150) throw new Error('no notifications');
    await wait(100);
  }
  await wait(2000);
  // Chromium's own notification popups stack in the bottom-right corner of the screen.
  const crop = 'pamcut -left 900 -top 536 -width 380 -height 264';
  execFileSync('sh', [
    '-c',
    `xwd -root -display ${DISPLAY} -silent | xwdtopnm 2>/dev/null | ${crop} | pnmtopng > "${out}"`,
  ]);
  console.log(`wrote ${out}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  xvfb.kill();
  server.close();
}
