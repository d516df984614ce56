// Build step for the pages: Vite wraps each dynamic import in a helper that fetches the lazy
// chunk's CSS and imports ahead (about 0.4 KB gzipped in the shared chunk, which the popup and the
// side panel budgets count). Extension pages load their files from disk, and the lazily loaded
// chunks carry no CSS of their own (their rules live in the static stylesheets; the bundles test
// holds that), so this helper just imports.
import type { Plugin } from 'vite';

const PRELOAD_HELPER = '\0vite/preload-helper.js';

export function plainDynamicImports(): Plugin {
  return {
    name: 'smileband:plain-dynamic-imports',
    // Before Vite's own build plugins, whose hook would load the full helper.
    enforce: 'pre',
    resolveId: (id) => (id === PRELOAD_HELPER ? id : undefined),
    load: (id) => (id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : undefined),
  };
}
