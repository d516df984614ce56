// The side panel page's rewrite against what WXT and Vite give it: WXT's installed plugin loader
// still adds its module to every page, and each removal applies once or the build fails.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepOwnScript } from '../../../modules/build-patches/script-page';

const PAGE = '/entrypoints/sidepanel/index.html';
// The page as Vite hands it over after WXT and the bundler linked their module (from a build).
const BUILT = `<head>
    <title>__MSG_extName__</title>
    <script src="/sidepanel-app.js"></script>
    <link rel="stylesheet" href="/assets/sidepanel-app.css" >
    <script type="module" crossorigin src="/chunks/shared-BjpJVRDa.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/shared-Cihy6j6Y.css">
  </head>`;

describe('script page', () => {
  it("WXT's installed plugin loader still adds a module script to every page", () => {
    const loader = readFileSync(
      resolve(import.meta.dirname, '../../../node_modules/wxt/dist/core/builders/vite/plugins/wxtPluginLoader.mjs'),
      'utf8',
    );
    expect(loader).toContain('script.type = "module"');
    expect(loader).toContain('document.head.prepend(script)');
  });

  it("keeps only the page's own script and stylesheet", () => {
    const result = keepOwnScript(BUILT, PAGE);
    expect(result).toContain('<script src="/sidepanel-app.js"></script>');
    expect(result).toContain('<link rel="stylesheet" href="/assets/sidepanel-app.css" >');
    expect(result).not.toMatch(/shared|type="module"|crossorigin/);
  });

  it('fails the build when a removal does not apply once, or leaves a module linked', () => {
    const own = keepOwnScript(BUILT, PAGE);
    expect(() => keepOwnScript(own, PAGE)).toThrow(
      /found 0 of its module script in \/entrypoints\/sidepanel\/index\.html/,
    );
    const twoScripts = BUILT.replace('</head>', '<script type="module" src="/chunks/b.js"></script></head>');
    expect(() => keepOwnScript(twoScripts, PAGE)).toThrow(/found 2 of its module script/);
    // The module's stylesheet only where its chunk has styles (WXT's plugin module alone has none).
    const noSheet = BUILT.replace(/\s*<link rel="stylesheet" crossorigin[^>]*>/, '');
    expect(keepOwnScript(noSheet, PAGE)).toBe(keepOwnScript(BUILT, PAGE));
    const twoSheets = BUILT.replace('</head>', '<link rel="stylesheet" crossorigin href="/assets/b.css"></head>');
    expect(() => keepOwnScript(twoSheets, PAGE)).toThrow(/found 2 of its stylesheet of that script/);
    const preload = BUILT.replace('</head>', '<link rel="modulepreload" crossorigin href="/chunks/c.js"></head>');
    expect(() => keepOwnScript(preload, PAGE)).toThrow(/still links a module after the rewrite/);
  });
});
