// The pages' dynamic-import helper against the Vite installed: the id it replaces is Vite's own,
// and a build whose lazy imports did not load it once fails.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { helperProblem, PLAIN_HELPER, PRELOAD_HELPER } from '../../../modules/build-patches/plain-dynamic-imports';

const viteChunks = resolve(import.meta.dirname, '../../../node_modules/vite/dist/node/chunks');

describe('plain dynamic imports', () => {
  it('replace the helper under the id the installed Vite gives it', () => {
    const declared = readdirSync(viteChunks)
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) => [...readFileSync(resolve(viteChunks, file), 'utf8').matchAll(/preloadHelperId = "([^"]+)"/g)])
      .map((match) => match[1]!.replace('\\0', '\0'));
    expect(declared).toEqual([PRELOAD_HELPER]);
  });

  it('give a helper that only imports, as valid code', () => {
    expect(() => transformSync(PLAIN_HELPER, { format: 'esm', loader: 'js' })).not.toThrow();
    expect(PLAIN_HELPER).not.toMatch(/link|css|document|fetch/i);
  });

  it('fail a build whose lazy imports did not load it exactly once', () => {
    expect(helperProblem(3, 1)).toBeNull();
    expect(helperProblem(0, 0)).toBeNull();
    expect(helperProblem(3, 0)).toMatch(/3 dynamic imports but loaded vite\/preload-helper\.js 0 times, not once/);
    expect(helperProblem(1, 2)).toMatch(/2 times/);
  });
});
