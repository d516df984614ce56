// Build step: removes the two HTML-string sinks the bundled libraries carry and this extension never
// uses, so no extension page can assign markup to innerHTML (and Mozilla's linter has nothing to
// flag). Each rewrite must match exactly once: a library update that moves the code fails the build
// instead of silently keeping the sink.
import { applyLibraryPatch, libraryPatches, type LibraryPatch } from './patch-library';

const OWNER = 'no-html-sinks';
const EXPECTED = 'one innerHTML assignment';

export const HTML_SINKS: LibraryPatch[] = [
  {
    // `dangerouslySetInnerHTML`: story HTML reaches the page only through SafeHtml, as sanitized nodes.
    library: 'preact',
    file: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/,
    pattern: /\b\w+\.innerHTML=\w+\.__html\b/g,
    replacement: '(()=>{throw new TypeError("dangerouslySetInnerHTML is disabled: render feed HTML with SafeHtml")})()',
    expected: EXPECTED,
    owner: OWNER,
  },
  {
    // DOMPurify's fallback when DOMParser fails to build a document. Extension pages always have
    // DOMParser; without the fallback such a failure yields an empty result (fail closed).
    library: 'dompurify',
    file: /[\\/]node_modules[\\/]dompurify[\\/]dist[\\/]purify\.es\.mjs$/,
    pattern: /\bdoc\.documentElement\.innerHTML = IS_EMPTY_INPUT \? emptyHTML : dirtyPayload;/g,
    replacement: 'void 0;',
    expected: EXPECTED,
    owner: OWNER,
  },
];

/** The library file without its sink, or null when `id` is not one of them. Throws on a mismatch. */
export function removeHtmlSinks(code: string, id: string): string | null {
  return applyLibraryPatch(code, id, HTML_SINKS);
}

export function noHtmlSinks() {
  return libraryPatches(OWNER, HTML_SINKS);
}
