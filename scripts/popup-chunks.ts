// Build step: every module the popup shares with another page goes into one chunk. Left to itself
// Rollup splits them by which pages share them (all three, popup + side panel, popup + options),
// and the popup then loads four scripts, each with its own import glue, each compressed alone.
// One shared chunk makes the popup two scripts and lighter gzipped, for the page opened most. The
// options page loads a few KB it does not run; it has room. (The side panel shares nothing: it
// loads one script of its own, entrypoints/sidepanel-app.tsx.)
import type { GetManualChunk, ManualChunkMeta } from 'rollup';

const POPUP = /[\\/]entrypoints[\\/]popup[\\/]index\.html$/;

export function popupSharedChunk(): GetManualChunk {
  // The entry pages that import each module, directly or not.
  const pagesOf = new Map<string, Set<string>>();
  const inProgress = new Set<string>();
  const pages = (id: string, meta: ManualChunkMeta): Set<string> => {
    const known = pagesOf.get(id);
    if (known) return known;
    const info = meta.getModuleInfo(id);
    const found = new Set<string>(info?.isEntry ? [id] : []);
    inProgress.add(id);
    // Static imports only: what a page loads on use (a dynamic import) stays out of the shared
    // chunk, in a chunk of its own fetched when asked for.
    for (const importer of info?.importers ?? []) {
      // An import cycle back to a module still being walked adds nothing new.
      if (!inProgress.has(importer)) for (const page of pages(importer, meta)) found.add(page);
    }
    inProgress.delete(id);
    pagesOf.set(id, found);
    return found;
  };
  return (id, meta) => {
    const found = pages(id, meta);
    return found.size > 1 && [...found].some((page) => POPUP.test(page)) ? 'shared' : undefined;
  };
}
