// Build step: a page that runs one classic script of its own (the side panel: see
// entrypoints/sidepanel-app.tsx) keeps exactly what its HTML names. WXT adds a module that starts
// its plugins to every page; this extension has none, and the page's script runs WXT's start-up
// itself (its unlisted-script wrapper). Left in, that module would bring the popup's shared chunk
// and stylesheet: two requests before the first paint, each a few milliseconds on this path.
import type { Plugin } from 'vite';

export function scriptPage(page: RegExp): Plugin {
  return {
    name: 'smileband:script-page',
    transformIndexHtml: {
      // After Vite has linked the page's chunks and their stylesheets.
      order: 'post',
      handler(html, context) {
        if (!page.test(context.path)) return;
        return html
          .replace(/\s*<script type="module"[^>]*><\/script>/g, '')
          .replace(/\s*<link rel="(?:stylesheet|modulepreload)" crossorigin[^>]*>/g, '');
      },
    },
  };
}
