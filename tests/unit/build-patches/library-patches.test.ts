// Each library patch against the library as installed: it applies once, leaves valid code, and
// fails the build when the file or the code moves.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  applyLibraryPatch,
  missingTargets,
  unpatchedLibraries,
  type LibraryPatch,
} from '../../../modules/build-patches/library-patch';
import { LIBRARY_PATCHES } from '../../../modules/build-patches/library-patches';

const root = resolve(import.meta.dirname, '../../..');
const installed = (patch: LibraryPatch) =>
  resolve(root, 'node_modules', patch.library, patch.file).replaceAll('\\', '/');
const byName = (name: string) => LIBRARY_PATCHES.find((patch) => patch.name === name)!;
// An assignment, not a comparison: `x.innerHTML = …` but not `x.innerHTML == …`.
const ASSIGNMENT = /\.innerHTML\s*=(?!=)/;

describe('library patches', () => {
  it('each target is the installed file the build resolves the library to', () => {
    expect(missingTargets(root, LIBRARY_PATCHES)).toEqual([]);
    // What a bundler takes for `import 'preact'` etc. under the import condition, as the build does.
    const entries = LIBRARY_PATCHES.map((patch) => new URL(import.meta.resolve(patch.library)).pathname);
    expect(entries).toEqual(LIBRARY_PATCHES.map(installed));
  });

  it.each(['no innerHTML in preact', 'no innerHTML in dompurify'])(
    '%s: the installed file loses its innerHTML assignment, still valid code',
    (name) => {
      const file = installed(byName(name));
      const original = readFileSync(file, 'utf8');
      expect(original).toMatch(ASSIGNMENT);
      const result = applyLibraryPatch(original, file, LIBRARY_PATCHES)!;
      expect(result).not.toMatch(ASSIGNMENT);
      expect(() => transformSync(result, { format: 'esm', loader: 'js' })).not.toThrow();
      // Only the sink changed.
      expect(original.length - result.length).toBeLessThan(200);
    },
  );

  it('leave every other module alone', () => {
    expect(applyLibraryPatch('el.innerHTML = html;', '/project/utils/preview/sanitize.ts', LIBRARY_PATCHES)).toBeNull();
  });

  it('fail the build when an update moved or duplicated the code', () => {
    const file = installed(byName('no innerHTML in preact'));
    expect(() => applyLibraryPatch('export const x = 1;', file, LIBRARY_PATCHES)).toThrow(
      /"no innerHTML in preact": its pattern matched 0 times in preact\/dist\/preact\.mjs/,
    );
    const twice = readFileSync(file, 'utf8').repeat(2);
    expect(() => applyLibraryPatch(twice, file, LIBRARY_PATCHES)).toThrow(/matched 2 times/);
  });

  it('fail the build when the file is gone', () => {
    const moved = { ...byName('no innerHTML in preact'), file: 'dist/preact.module.mjs' };
    expect(missingTargets(root, [moved])).toEqual([
      expect.stringContaining('"no innerHTML in preact": preact/dist/preact.module.mjs is not installed'),
    ]);
  });

  it('fail the build when it bundled the library from another file, so the patch never applied', () => {
    const preact = byName('no innerHTML in preact');
    const ids = [
      '/p/node_modules/preact/dist/preact.module.js',
      '/p/node_modules/preact/hooks/dist/hooks.mjs',
      '/p/main.tsx',
    ];
    expect(unpatchedLibraries(ids, new Set(), LIBRARY_PATCHES)).toEqual([
      expect.stringContaining('took preact from preact/dist/preact.module.js, not preact/dist/preact.mjs'),
    ]);
    // Patched: its other files (hooks) are fine; a library the build does not bundle asks nothing.
    expect(unpatchedLibraries(ids, new Set([preact]), LIBRARY_PATCHES)).toEqual([]);
    expect(unpatchedLibraries(['/p/node_modules/preact-iso/x.js'], new Set(), LIBRARY_PATCHES)).toEqual([]);
  });
});
