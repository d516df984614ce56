import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from './support/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
    extensionPath: string;
    firefoxExtensionPath: string;
    feedPort: number;
    feedPath: string;
  }
}

export const FEED_PATH = '/feeds/posts/default';
export const FETCH_TIMEOUT_MS = 3000;

/** Finds Chromium, picks a free port and builds the extension (Chromium and Firefox) pointed at a feed on that port. */
export default async function setup(project: TestProject): Promise<void> {
  const chromiumPath = findChromium();
  const feedPort = await freePort();
  const root = resolve(import.meta.dirname, '../..');
  // Its own output folder: the tests never overwrite the reader's .output/chrome-mv3.
  const outDir = resolve(root, '.output-test');
  const env = {
    ...process.env,
    // Built as shipped: vitest sets NODE_ENV=test, which would give a larger, unminified-looking build.
    NODE_ENV: 'production',
    WXT_FEED_URL: `http://127.0.0.1:${feedPort}${FEED_PATH}`,
    WXT_OUT_DIR: outDir,
    // A hanging server is staged in seconds, not the real 20.
    WXT_FETCH_TIMEOUT_MS: String(FETCH_TIMEOUT_MS),
  };
  for (const args of [['build'], ['build', '-b', 'firefox']]) {
    execFileSync(resolve(root, 'node_modules/.bin/wxt'), args, {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  project.provide('chromiumPath', chromiumPath);
  project.provide('extensionPath', resolve(outDir, 'chrome-mv3'));
  project.provide('firefoxExtensionPath', resolve(outDir, 'firefox-mv2'));
  project.provide('feedPort', feedPort);
  project.provide('feedPath', FEED_PATH);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
