// What CI holds of the build, deterministically: bundle weights within budget, the polyfill only
// in the worker (pages use the browser's own promise-based namespace), and no new permission.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { BUNDLE_BUDGETS_KB, filesText, gzipKB, pageScripts, pageStylesheetLinks } from '../support/bundles';

// A sentence from webextension-polyfill's own source: present wherever the polyfill is bundled.
const POLYFILL = 'This script should only be loaded in a browser extension';
// One from WXT's storage module (its migrations): the worker's, never the pages'.
const WXT_STORAGE = 'Storage item version cannot be less than 1';

describe('the built extension (Chromium)', () => {
  const dir = inject('extensionPath');

  it.each([
    ['popup', 'popup.html', BUNDLE_BUDGETS_KB.popup],
    ['side panel', 'sidepanel.html', BUNDLE_BUDGETS_KB.sidepanel],
  ])('the %s loads at most its budget of JS, gzipped (%s: ≤ %d KB)', (_name, page, budget) => {
    const scripts = pageScripts(dir, page);
    expect(scripts.length).toBeGreaterThan(0);
    expect(gzipKB(dir, scripts)).toBeLessThanOrEqual(budget);
  });

  it('the popup is one script of its own (and WXT’s empty plugin module); options and the side panel one classic script each', () => {
    // Sharing a chunk with the options page cost the popup 0.9 KB gzipped: two files compressed
    // apart, import glue, and code only options runs (entrypoints/options-app.tsx).
    const scripts = pageScripts(dir, 'popup.html');
    expect(scripts).toHaveLength(2);
    const [own, plugins] = [
      scripts.find((file) => /\/popup-/.test(file)),
      scripts.find((file) => file.includes('wxt-html-plugins')),
    ];
    expect(own && plugins).toBeTruthy();
    expect(readFileSync(resolve(dir, plugins!), 'utf8').trim()).toBe('');
    expect(pageScripts(dir, 'options.html')).toEqual(['options-app.js']);
    expect(pageStylesheetLinks(dir, 'options.html')).toBe('<link rel="stylesheet" href="/assets/options-app.css">');
  });

  it('the side panel loads one script and one stylesheet, its own, and imports nothing (the export comes on use)', () => {
    // Each file costs the panel's first paint a few milliseconds (entrypoints/sidepanel-app.tsx).
    expect(pageScripts(dir, 'sidepanel.html')).toEqual(['sidepanel-app.js']);
    expect(pageStylesheetLinks(dir, 'sidepanel.html')).toBe('<link rel="stylesheet" href="/assets/sidepanel-app.css">');
    const text = filesText(dir, ['sidepanel-app.js']);
    expect(text).not.toMatch(/\bimport\(/);
    expect(text).not.toMatch(/^import\b|\bimport ?\{/m);
  });

  it('the side panel leaves the saved-stories export to a script of its own, loaded on use', () => {
    // The export file's title, a message only the export builder asks for.
    expect(filesText(dir, ['sidepanel-app.js'])).not.toContain('exportSavedTitle');
    const exporter = filesText(dir, ['saved-export.js']);
    expect(exporter).toContain('exportSavedTitle');
    expect(exporter.includes(POLYFILL)).toBe(false);
  });

  it.each(['popup.html'])(
    '%s loads what it fetches on use with a plain import: no stylesheet it does not link already',
    (page) => {
      // modules/build-patches/plain-dynamic-imports.ts: the helper only imports, so a lazy chunk's own CSS (which
      // Vite lists for its helper to fetch) would never load. Scripts load with the import anyway.
      const text = filesText(dir, pageScripts(dir, page));
      expect(text).toMatch(/import\("\.\/ListEnd-[\w-]+\.js"\)/);
      expect(text).not.toContain('modulepreload');
      const linked = pageStylesheetLinks(dir, page);
      const listed = [...text.matchAll(/m\.f=\[([^\]]*)\]/g)].flatMap((match) => match[1]!.split(','));
      const stylesheets = listed.map((file) => file.slice(1, -1)).filter((file) => !file.endsWith('.js'));
      expect(stylesheets.filter((file) => !linked.includes(`/${file}"`))).toEqual([]);
    },
  );

  it(`the worker stays within ${BUNDLE_BUDGETS_KB.background} KB gzipped`, () => {
    expect(gzipKB(dir, ['background.js'])).toBeLessThanOrEqual(BUNDLE_BUDGETS_KB.background);
  });

  it.each(['popup.html', 'sidepanel.html', 'options.html'])('%s carries no webextension-polyfill', (page) => {
    expect(filesText(dir, pageScripts(dir, page)).includes(POLYFILL), page).toBe(false);
  });

  it('the worker carries webextension-polyfill (its onMessage promise replies need it)', () => {
    expect(filesText(dir, ['background.js']).includes(POLYFILL)).toBe(true);
  });

  it.each(['popup.html', 'sidepanel.html', 'options.html'])(
    '%s carries the pages’ storage module, not WXT’s with its migrations',
    (page) => {
      expect(filesText(dir, pageScripts(dir, page)).includes(WXT_STORAGE), page).toBe(false);
    },
  );

  it('the worker keeps WXT’s storage module', () => {
    expect(filesText(dir, ['background.js']).includes(WXT_STORAGE)).toBe(true);
  });

  it('asks for no permission beyond the list the README documents', () => {
    const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as {
      permissions: string[];
      host_permissions: string[];
      optional_host_permissions: string[];
      optional_permissions?: string[];
    };
    expect([...manifest.permissions].sort()).toEqual([
      'alarms',
      'contextMenus',
      'notifications',
      'sidePanel',
      'storage',
    ]);
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.optional_permissions ?? []).toEqual(['readingList']);
  });
});

describe('the built extension (Firefox)', () => {
  const dir = inject('firefoxExtensionPath');

  it.each(['popup.html', 'sidepanel.html', 'options.html'])('%s carries no webextension-polyfill', (page) => {
    expect(filesText(dir, pageScripts(dir, page)).includes(POLYFILL), page).toBe(false);
  });

  it('the background carries it', () => {
    expect(filesText(dir, ['background.js']).includes(POLYFILL)).toBe(true);
  });
});
