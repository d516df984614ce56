// Build step: removes the two HTML-string sinks the bundled libraries carry and this extension never
// uses, so no extension page can assign markup to innerHTML (and Mozilla's linter has nothing to
// flag). Each rewrite must match exactly once: a library update that moves the code fails the build
// instead of silently keeping the sink.
import type { Plugin } from 'vite';

interface Sink {
  library: string;
  file: RegExp;
  pattern: RegExp;
  replacement: string;
}

export const HTML_SINKS: Sink[] = [
  {
    // `dangerouslySetInnerHTML`: story HTML reaches the page only through SafeHtml, as sanitized nodes.
    library: 'preact',
    file: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/,
    pattern: /\b\w+\.innerHTML=\w+\.__html\b/g,
    replacement: '(()=>{throw new TypeError("dangerouslySetInnerHTML is disabled: render feed HTML with SafeHtml")})()',
  },
  {
    // DOMPurify's fallback when DOMParser fails to build a document. Extension pages always have
    // DOMParser; without the fallback such a failure yields an empty result (fail closed).
    library: 'dompurify',
    file: /[\\/]node_modules[\\/]dompurify[\\/]dist[\\/]purify\.es\.mjs$/,
    pattern: /\bdoc\.documentElement\.innerHTML = IS_EMPTY_INPUT \? emptyHTML : dirtyPayload;/g,
    replacement: 'void 0;',
  },
];

/** The library file without its sink, or null when `id` is not one of them. Throws on a mismatch. */
export function removeHtmlSinks(code: string, id: string): string | null {
  const sink = HTML_SINKS.find((candidate) => candidate.file.test(id.split('?')[0]!));
  if (!sink) return null;
  const found = code.match(sink.pattern)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `no-html-sinks: expected one innerHTML assignment in ${sink.library} (${id}), found ${found}. ` +
        'The library changed: review scripts/no-html-sinks.ts.',
    );
  }
  return code.replace(sink.pattern, sink.replacement);
}

export function noHtmlSinks(): Plugin {
  return {
    name: 'smileband:no-html-sinks',
    enforce: 'pre',
    transform(code, id) {
      const result = removeHtmlSinks(code, id);
      return result === null ? null : { code: result, map: null };
    },
  };
}
