// What an AMO reviewer does with the sources zip: unpack it in an empty folder, install, run
// `npm run build-for-amo`, and compare every file with the add-on's own zip.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** A clean environment: the site's own feed, as shipped (no test server, no short timeout). */
function shippedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...extra };
  delete env.WXT_FEED_URL;
  delete env.WXT_FETCH_TIMEOUT_MS;
  return env;
}

async function filesOf(zipPath: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  return files;
}

function filesUnder(dir: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      for (const [file, bytes] of filesUnder(path, `${prefix}${entry.name}/`)) files.set(file, bytes);
    else files.set(`${prefix}${entry.name}`, readFileSync(path));
  }
  return files;
}

describe('the sources AMO reviewers rebuild', () => {
  let work: string;
  let addon: Map<string, Buffer>;
  let sources: Map<string, Buffer>;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'smileband-amo-'));
    const out = join(work, 'zips');
    execFileSync(join(root, 'node_modules/.bin/wxt'), ['zip', '-b', 'firefox'], {
      cwd: root,
      env: shippedEnv({ WXT_OUT_DIR: out }),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    addon = await filesOf(join(out, `${name}-${version}-firefox.zip`));
    sources = await filesOf(join(out, `${name}-${version}-sources.zip`));
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('carries the version from package.json, in the zips’ names and the manifest', () => {
    const manifest = JSON.parse(addon.get('manifest.json')!.toString('utf8')) as { version: string };
    expect(manifest.version).toBe(version);
  });

  it('holds what a rebuild needs and nothing else: no build output, reports or tests', () => {
    const paths = [...sources.keys()];
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md'])
      expect(paths).toContain(needed);
    expect(paths.some((path) => path.startsWith('entrypoints/'))).toBe(true);
    expect(paths.some((path) => path.startsWith('modules/build-patches/'))).toBe(true);
    expect(
      paths.filter((path) => /^(\.|tests\/|bench\/|docs\/|reports\/|test-results\/|node_modules\/)/.test(path)),
    ).toEqual([]);
    expect(paths.filter((path) => /(^|\/)\.output|\.(spec|test)\.tsx?$|\.zip$/.test(path))).toEqual([]);
  });

  it('builds, unpacked in an empty folder with `npm run build-for-amo`, into the very files of the add-on', () => {
    const unpacked = join(work, 'sources');
    for (const [path, bytes] of sources) {
      mkdirSync(dirname(join(unpacked, path)), { recursive: true });
      writeFileSync(join(unpacked, path), bytes);
    }
    // What `npm ci` installs from the lock file, which the project's own install already is.
    symlinkSync(join(root, 'node_modules'), join(unpacked, 'node_modules'), 'dir');
    execFileSync('npm', ['run', '--silent', 'build-for-amo'], {
      cwd: unpacked,
      env: shippedEnv(),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const rebuilt = filesUnder(join(unpacked, '.output/firefox-mv2'));
    expect([...rebuilt.keys()].sort()).toEqual([...addon.keys()].sort());
    const differing = [...addon].filter(([path, bytes]) => !rebuilt.get(path)?.equals(bytes)).map(([path]) => path);
    expect(differing).toEqual([]);
  }, 120_000);
});
