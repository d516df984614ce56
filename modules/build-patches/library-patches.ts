// The installed libraries' code this extension rewrites at build time, each with why. A patch that
// stops applying (a moved file, changed code) fails the build: see library-patch.ts.
import type { LibraryPatch } from './library-patch';

export const LIBRARY_PATCHES: readonly LibraryPatch[] = [
  {
    // `dangerouslySetInnerHTML`: story HTML reaches the page only through SafeHtml, as sanitized
    // nodes, so no page can assign markup to innerHTML (and Mozilla's linter has nothing to flag).
    name: 'no innerHTML in preact',
    library: 'preact',
    file: 'dist/preact.mjs',
    pattern: /\b\w+\.innerHTML=\w+\.__html\b/g,
    // Short: the message ships in every page. It names the way to render HTML here.
    replacement: '(()=>{throw TypeError("dangerouslySetInnerHTML: use SafeHtml")})()',
  },
  {
    // DOMPurify's fallback when DOMParser fails to build a document. Extension pages always have
    // DOMParser; without the fallback such a failure yields an empty result (fail closed).
    name: 'no innerHTML in dompurify',
    library: 'dompurify',
    file: 'dist/purify.es.mjs',
    pattern: /\bdoc\.documentElement\.innerHTML = IS_EMPTY_INPUT \? emptyHTML : dirtyPayload;/g,
    replacement: 'void 0;',
  },
  {
    // storage.defineItem reads its key the moment it is defined, whether or not the item has an
    // `init` to write (only `init` needs that read). utils/storage/index.ts defines every item, so
    // every start of the worker (and every test) read all of them, the story index included, and
    // threw the answers away. Defining an item without `init` now reads nothing; getValue() reads
    // as before. (The pages build with their own storage module, utils/storage/page-storage.ts.)
    // The same line is still in @wxt-dev/storage upstream: README "Build patches".
    name: 'storage read on use',
    library: '@wxt-dev/storage',
    file: 'dist/index.mjs',
    pattern: /^(\s*)migrationsDone\.then\(getOrInitValue\);$/gm,
    replacement: '$1if (opts?.init != null) migrationsDone.then(getOrInitValue);',
  },
];
