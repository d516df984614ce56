// The pages' dynamic-import helper against the Vite installed: the id it replaces is Vite's own,
// and a build whose lazy imports did not load it once fails.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  helperProblem,
  PLAIN_HELPER,
  PRELOAD_HELPER,
  withoutPreloadTable,
} from '../../../modules/build-patches/plain-dynamic-imports';

const viteChunks = resolve(import.meta.dirname, '../../../node_modules/vite/dist/node/chunks');
const viteSource = () =>
  readdirSync(viteChunks)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(resolve(viteChunks, file), 'utf8'))
    .join('\n');

/** A pages' chunk as Vite leaves it: its preload table on top, a lookup at the lazy import. */
const CHUNK =
  'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["chunks/ListEnd-qx.js","chunks/shared-7t.js","assets/shared-Ci.css"])))=>i.map(i=>d[i]);\n' +
  'import{a as e}from"./shared-7t.js";function w(n){n&&(__vite__mapDeps([0,1,2]),import("./ListEnd-qx.js")).then(e)}';

describe('plain dynamic imports', () => {
  it('replace the helper under the id the installed Vite gives it', () => {
    const declared = [...viteSource().matchAll(/preloadHelperId = "([^"]+)"/g)].map((match) =>
      match[1]!.replace('\\0', '\0'),
    );
    expect(declared).toEqual([PRELOAD_HELPER]);
  });

  it('give a helper that only imports, as valid code', () => {
    expect(() => transformSync(PLAIN_HELPER, { format: 'esm', loader: 'js' })).not.toThrow();
    expect(PLAIN_HELPER).not.toMatch(/link|css|document|fetch/i);
  });

  it("drop Vite's preload table, in the shape the installed Vite writes it, leaving valid code", () => {
    const source = viteSource();
    // The table and the lookup, as the installed Vite writes them after minifying.
    expect(source).toContain('const mapDepsCode = `const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=${');
    expect(source).toContain('})))=>i.map(i=>d[i]);\\n`;');
    expect(source).toContain('`__vite__mapDeps([${renderedDeps.join(",")}])`');
    const result = withoutPreloadTable(CHUNK, 'chunks/popup.js');
    expect(result).toBe('import{a as e}from"./shared-7t.js";function w(n){n&&(0,import("./ListEnd-qx.js")).then(e)}');
    expect(() => transformSync(result, { format: 'esm', loader: 'js' })).not.toThrow();
    // A chunk without lazy imports is left as it is.
    expect(withoutPreloadTable('export const x = 1;', 'chunks/a.js')).toBe('export const x = 1;');
  });

  it('fail the build when the table is not there once, or a lookup has another shape', () => {
    const lookupOnly = CHUNK.slice(CHUNK.indexOf('\n') + 1);
    expect(() => withoutPreloadTable(lookupOnly, 'chunks/popup.js')).toThrow(/chunks\/popup\.js has 0 preload tables/);
    const twice = CHUNK.split('\n')[0] + '\n' + CHUNK;
    expect(() => withoutPreloadTable(twice, 'chunks/popup.js')).toThrow(/has 2 preload tables/);
    const otherLookup = CHUNK.replace('__vite__mapDeps([0,1,2])', '__vite__mapDeps(deps)');
    expect(() => withoutPreloadTable(otherLookup, 'chunks/popup.js')).toThrow(/a lookup of another shape/);
  });

  it('fail a build whose lazy imports did not load it exactly once', () => {
    expect(helperProblem(3, 1)).toBeNull();
    expect(helperProblem(0, 0)).toBeNull();
    expect(helperProblem(3, 0)).toMatch(/3 dynamic imports but loaded vite\/preload-helper\.js 0 times, not once/);
    expect(helperProblem(1, 2)).toMatch(/2 times/);
  });
});
