import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../tests/e2e/support/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    benchExtension: string;
    benchChromium: string;
  }
}

/** A production build (the site's feed URL) in its own folder, measured as shipped. */
export default function setup(project: TestProject): void {
  const root = resolve(import.meta.dirname, '..');
  const outDir = resolve(root, '.output-bench');
  // NODE_ENV as shipped: vitest sets it to "test", which builds larger bundles.
  const env: NodeJS.ProcessEnv = { ...process.env, WXT_OUT_DIR: outDir, NODE_ENV: 'production' };
  delete env.WXT_FEED_URL;
  delete env.WXT_FETCH_TIMEOUT_MS;
  execFileSync(resolve(root, 'node_modules/.bin/wxt'), ['build'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  project.provide('benchExtension', resolve(outDir, 'chrome-mv3'));
  project.provide('benchChromium', findChromium());
}
