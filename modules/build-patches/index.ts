// WXT module: every change this build makes to code it does not own (libraries, Vite's helper,
// WXT's page markup) in one place. Each patch declares its target and fails the build unless it
// applies exactly once, by path and by text; tests/unit/build-patches/ checks each against what is
// installed. WXT loads this folder by itself (modules/*/index.ts).
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { libraryPatches, missingTargets } from './library-patch';
import { LIBRARY_PATCHES } from './library-patches';
import { plainDynamicImports } from './plain-dynamic-imports';
import { scriptPage } from './script-page';

// The pages that load their own single script rather than modules: the side panel and options.
const SCRIPT_PAGES = [
  /[\\/]entrypoints[\\/]sidepanel[\\/]index\.html$/,
  /[\\/]entrypoints[\\/]options[\\/]index\.html$/,
];

export default defineWxtModule({
  name: 'build-patches',
  setup(wxt) {
    const missing = missingTargets(wxt.config.root, LIBRARY_PATCHES);
    if (missing.length) throw new Error(missing.join('\n'));
    // Every build, `wxt dev` included: a fresh plugin (and count) per build.
    addViteConfig(wxt, () => ({ plugins: [libraryPatches(LIBRARY_PATCHES)] }));
    wxt.hook('vite:build:extendConfig', (entrypoints, config) => {
      // The HTML pages build together; the lazy chunks and the script pages are theirs.
      if (!entrypoints.some((entrypoint) => entrypoint.type === 'popup')) return;
      config.plugins = [...(config.plugins ?? []), plainDynamicImports(), scriptPage(SCRIPT_PAGES)];
    });
  },
});
