// Build patch: a page that runs one classic script of its own (the side panel and the options page:
// see entrypoints/sidepanel-app.tsx and entrypoints/options-app.tsx) keeps exactly what its HTML names. WXT adds a module that starts
// its plugins to every page (wxtPluginLoader); this extension has none, and the page's script runs
// WXT's start-up itself (its unlisted-script wrapper). Left in, that module would bring the popup's
// shared chunk and stylesheet: two requests before the first paint. Each removal must apply
// exactly once, to exactly one page; otherwise the build fails.
import type { Plugin } from 'vite';

/** What is taken out of the page: the module Vite linked for WXT's plugins, and its stylesheet. */
const REMOVALS = [
  { what: 'module script', pattern: /\s*<script type="module"[^>]*><\/script>/g, none: false },
  // Only where that module's chunk carries styles.
  { what: 'stylesheet of that script', pattern: /\s*<link rel="stylesheet" crossorigin[^>]*>/g, none: true },
] as const;

/** Left after the removals, a sign that Vite linked something more. */
const LEFT = /type="module"|rel="modulepreload"|crossorigin/;

/** The page's HTML without them. Throws unless each applies once and nothing of theirs is left. */
export function keepOwnScript(html: string, page: string): string {
  let result = html;
  for (const { what, pattern, none } of REMOVALS) {
    const found = result.match(pattern)?.length ?? 0;
    if (found > 1 || (found === 0 && !none))
      throw new Error(patchError(`found ${found} of its ${what} in ${page}, not one`));
    result = result.replace(pattern, '');
  }
  if (LEFT.test(result)) throw new Error(patchError(`${page} still links a module after the rewrite`));
  return result;
}

function patchError(problem: string): string {
  return `Build patch "script page": ${problem}. Review modules/build-patches/script-page.ts.`;
}

/** Each of `pages` (one pattern per page) keeps only its own script; every one must be seen once. */
export function scriptPage(pages: readonly RegExp[]): Plugin {
  let seen: number[] = [];
  return {
    name: 'smileband:script-page',
    buildStart: () => void (seen = pages.map(() => 0)),
    transformIndexHtml: {
      // After Vite has linked the page's chunks and their stylesheets.
      order: 'post',
      handler(html, context) {
        const index = pages.findIndex((page) => page.test(context.path));
        if (index === -1) return;
        seen[index]! += 1;
        return keepOwnScript(html, context.path);
      },
    },
    // Vite rewrites the pages while generating the bundle; by writing, every page was seen.
    writeBundle() {
      pages.forEach((page, index) => {
        if (seen[index] !== 1) this.error(patchError(`${page} matched ${seen[index]} pages, not one`));
      });
    },
  };
}
