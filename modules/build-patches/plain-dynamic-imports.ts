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
    generateBundle(_options, bundle) {
      const lazy = Object.values(bundle).reduce(
        (sum, file) => sum + (file.type === 'chunk' ? file.dynamicImports.length : 0),
        0,
      );
      const problem = helperProblem(lazy, loads);
      if (problem) this.error(problem);
    },
  };
}
