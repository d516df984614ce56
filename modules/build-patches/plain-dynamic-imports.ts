// Build patch for the pages: Vite wraps each dynamic import in a helper that fetches the lazy
// chunk's CSS and imports ahead (about 0.4 KB gzipped in the shared chunk, which the popup and the
// side panel budgets count). Extension pages load their files from disk, and the lazily loaded
// chunks carry no CSS of their own (their rules live in the static stylesheets; the bundles test
// holds that), so this helper just imports. A build with a dynamic import that did not load this
// helper exactly once fails: Vite renamed its helper, and would ship the full one.
import type { Plugin } from 'vite';

/** Vite's own id for the helper (`preloadHelperId` in vite/dist/node). */
export const PRELOAD_HELPER = '\0vite/preload-helper.js';

export const PLAIN_HELPER = 'export const __vitePreload = (load) => load();';

/** Why a build's helper is wrong, or null: `dynamicImports` counts the bundle's lazy imports. */
export function helperProblem(dynamicImports: number, loads: number): string | null {
  if (dynamicImports === 0 || loads === 1) return null;
  return (
    `Build patch "plain dynamic imports": the build has ${dynamicImports} dynamic imports but loaded ` +
    `${PRELOAD_HELPER.slice(1)} ${loads} times, not once: Vite changed its helper. ` +
    'Review modules/build-patches/plain-dynamic-imports.ts.'
  );
}

// Vite then writes, after minifying, the files each lazy import would preload: a table at the top
// of the chunk and a lookup at each import. The plain helper reads neither, so both go: the table
// (with every lazy chunk's and stylesheet's hashed name) costs the popup's budget for nothing.
const MAP_DEPS_TABLE =
  /^const __vite__mapDeps=\(i,m=__vite__mapDeps,d=\(m\.f\|\|\(m\.f=\[[^\]]*\]\)\)\)=>i\.map\(i=>d\[i\]\);\n/gm;
const MAP_DEPS_LOOKUP = /__vite__mapDeps\(\[[\d,]*\]\)/g;

/** A chunk without Vite's preload table and lookups (each lookup becomes 0, which nothing reads). Throws unless the table is there once and nothing of it is left. */
export function withoutPreloadTable(code: string, chunk: string): string {
  if (!code.includes('__vite__mapDeps')) return code;
  const tables = code.match(MAP_DEPS_TABLE)?.length ?? 0;
  const result = code.replace(MAP_DEPS_TABLE, '').replace(MAP_DEPS_LOOKUP, '0');
  if (tables !== 1 || result.includes('__vite__mapDeps')) {
    throw new Error(
      `Build patch "plain dynamic imports": ${chunk} has ${tables} preload tables, not one, or a lookup of another ` +
        'shape: Vite changed how it writes them. Review modules/build-patches/plain-dynamic-imports.ts.',
    );
  }
  return result;
}

export function plainDynamicImports(): Plugin {
  let loads = 0;
  return {
    name: 'smileband:plain-dynamic-imports',
    // Before Vite's own build plugins, whose hook would load the full helper.
    enforce: 'pre',
    buildStart: () => void (loads = 0),
    resolveId: (id) => (id === PRELOAD_HELPER ? id : undefined),
    load(id) {
      if (id !== PRELOAD_HELPER) return;
      loads += 1;
      return PLAIN_HELPER;
    },
    generateBundle: {
      // After Vite's own step, which writes the table.
      order: 'post',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
        const problem = helperProblem(
          chunks.reduce((sum, chunk) => sum + chunk.dynamicImports.length, 0),
          loads,
        );
        if (problem) this.error(problem);
        for (const chunk of chunks) chunk.code = withoutPreloadTable(chunk.code, chunk.fileName);
      },
    },
  };
}
