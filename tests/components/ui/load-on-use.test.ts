import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadExportSaved } from '@/entrypoints/sidepanel/load-on-use';

const exportScripts = () =>
  [...document.head.querySelectorAll('script')].filter((s) => s.src.endsWith('/saved-export.js'));

describe('loading the saved-stories export on first use', () => {
  afterEach(() => {
    delete window.smilebandExportSaved;
    for (const script of exportScripts()) script.remove();
  });

  it('adds the export’s script to the page and answers with what that script hands over', async () => {
    const exportSaved = vi.fn();
    const loaded = loadExportSaved();
    const [script] = exportScripts();
    expect(new URL(script!.src).pathname).toBe('/saved-export.js');
    window.smilebandExportSaved = exportSaved;
    script!.dispatchEvent(new Event('load'));
    await expect(loaded).resolves.toBe(exportSaved);
  });

  it('loads the script once: later uses take the export it left', async () => {
    const exportSaved = vi.fn();
    window.smilebandExportSaved = exportSaved;
    await expect(loadExportSaved()).resolves.toBe(exportSaved);
    expect(exportScripts()).toHaveLength(0);
  });

  it('fails when the script cannot load, and leaves no dead script behind for the next try', async () => {
    const loaded = loadExportSaved();
    exportScripts()[0]!.dispatchEvent(new Event('error'));
    await expect(loaded).rejects.toThrow('/saved-export.js could not be loaded');
    expect(exportScripts()).toHaveLength(0);
  });

  it('fails when the script ran but handed over nothing', async () => {
    const loaded = loadExportSaved();
    exportScripts()[0]!.dispatchEvent(new Event('load'));
    await expect(loaded).rejects.toThrow('/saved-export.js ran without handing anything over');
  });
});
