// wxt.config.ts mangles a list of our own property names in the pages' scripts. Each chunk is
// minified on its own, so a name must never be read in a chunk the popup loads on use (the list's
// end): there it could get another short name than in the popup's own chunk. (It did: the blog's
// search set `snippet` and `onLabel` for its rows under names the rows never read.)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_PROPERTIES } from '../../wxt.config';

const root = resolve(import.meta.dirname, '../..');

/** Every source module a page's entry imports, statically (dynamic imports are chunks of their own). */
function moduleGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)) {
      const base = spec!.startsWith('@/')
        ? resolve(root, spec!.slice(2))
        : spec!.startsWith('.')
          ? resolve(dirname(file), spec!)
          : null;
      const found = base && ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((path) => existsSync(path));
      if (found) visit(found);
    }
  };
  visit(resolve(root, entry));
  return seen;
}

/** A module's code without its comments and plain string literals (a message key is not a property). */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
}

describe('mangled page properties', () => {
  it('are never read or written in a module the popup loads on use', () => {
    const popup = moduleGraph('entrypoints/popup/main.tsx');
    const onUse = [...moduleGraph('components/ListEnd.ts')].filter((file) => !popup.has(file));
    expect(onUse.map((file) => file.slice(root.length + 1)).sort()).toEqual([
      'components/BlogSearch.tsx',
      'components/HiddenWhy.tsx',
      'components/ListEnd.ts',
      'components/OlderStories.tsx',
    ]);
    const names = PAGE_PROPERTIES.source.slice(2, -2).split('|');
    const found = onUse.flatMap((file) =>
      names.filter((name) => new RegExp(`\\b${name}\\b`).test(code(file))).map((name) => `${name} in ${file}`),
    );
    expect(found).toEqual([]);
  });
});
