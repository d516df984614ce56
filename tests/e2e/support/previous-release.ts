import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The release readers have: 0.1.0, tagged v0.1.0 (the tag is not needed: the commit is in main's history). */
export const PREVIOUS_RELEASE = { version: '0.1.0', commit: '9b12b8eb71080bc4e1a812a7abcbbf6c8faa3d6f' };

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Builds a release's Chromium extension from git, as the e2e build is made (global-setup.ts): its
 * tree from `git archive`, this checkout's node_modules (the release's lockfile pins the same
 * packages). Returns the folder to load, and a function that removes everything it made.
 */
export function buildRelease(commit: string, env: Record<string, string>): { path: string; remove: () => void } {
  const work = mkdtempSync(join(tmpdir(), 'smileband-release-'));
  const source = join(work, 'source');
  execFileSync('mkdir', [source]);
  try {
    const tree = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', commit], { maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', source], { input: tree });
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`Release ${commit} is not in this clone's history (a shallow clone?): ${String(error)}`);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');
  execFileSync(join(source, 'node_modules/.bin/wxt'), ['build'], {
    cwd: source,
    env: { ...process.env, ...env, NODE_ENV: 'production', WXT_OUT_DIR: join(work, 'output') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const path = join(work, 'output', 'chrome-mv3');
  if (!existsSync(join(path, 'manifest.json'))) throw new Error(`Release ${commit} built no extension`);
  return { path, remove: () => rmSync(work, { recursive: true, force: true }) };
}
