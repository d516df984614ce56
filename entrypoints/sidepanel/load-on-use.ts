import type { exportSaved } from './export-saved';
import type { listen } from './reader-tools/listen';
import type { textSettings } from './reader-tools/text-settings';

/** What each script loaded on use hands over, by the window property it sets. */
interface OnUse {
  /** Set by /saved-export.js (entrypoints/saved-export.ts) once it has run. */
  smilebandExportSaved?: typeof exportSaved;
  /** Set by /reader-tools.js (entrypoints/reader-tools.ts). */
  smilebandReaderTools?: { listen: typeof listen; textSettings: typeof textSettings };
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the properties those scripts set
  interface Window extends OnUse {}
}

/**
 * A script of the extension's, loaded into the page on first use, and what it handed over. The
 * panel is one classic script, which cannot leave code in a chunk for later.
 */
function loadOnUse<K extends keyof OnUse>(src: string, name: K): Promise<NonNullable<OnUse[K]>> {
  const ready = () => window[name] as NonNullable<OnUse[K]> | undefined;
  if (ready()) return Promise.resolve(ready()!);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => {
      const handed = ready();
      if (handed) resolve(handed);
      else reject(new Error(`${src} ran without handing anything over`));
    };
    // Removed so that the next click tries again rather than waiting on a dead element.
    script.onerror = () => {
      script.remove();
      reject(new Error(`${src} could not be loaded`));
    };
    document.head.append(script);
  });
}

/** The saved-stories export. */
export const loadExportSaved = () => loadOnUse('/saved-export.js', 'smilebandExportSaved');

/** The reader's tools: Listen (text to speech) and Text settings. */
export const loadReaderTools = () => loadOnUse('/reader-tools.js', 'smilebandReaderTools');
