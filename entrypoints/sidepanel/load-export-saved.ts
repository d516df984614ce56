import type { exportSaved } from './export-saved';

type ExportSaved = typeof exportSaved;

declare global {
  interface Window {
    /** Set by /saved-export.js (entrypoints/saved-export.ts) once it has run. */
    smilebandExportSaved?: ExportSaved;
  }
}

const SCRIPT = '/saved-export.js';

/** The saved-stories export, its script loaded into the page on first use. */
export function loadExportSaved(): Promise<ExportSaved> {
  if (window.smilebandExportSaved) return Promise.resolve(window.smilebandExportSaved);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = SCRIPT;
    script.onload = () => {
      if (window.smilebandExportSaved) resolve(window.smilebandExportSaved);
      else reject(new Error(`${SCRIPT} ran without the export`));
    };
    // Removed so that the next click tries again rather than waiting on a dead element.
    script.onerror = () => {
      script.remove();
      reject(new Error(`${SCRIPT} could not be loaded`));
    };
    document.head.append(script);
  });
}
