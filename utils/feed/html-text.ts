import { decodeHTML } from './decode-entities';

// Elements whose start or end begins a new line of text, as a browser would lay them out.
const LINE_BREAKING = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'iframe',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
// Elements whose content is never visible text.
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'title', 'xmp']);

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * The visible lines of text in an HTML fragment, in order, without a DOM (the MV3 worker has none).
 * Lazy: a caller that needs only the first lines of a 50 KB body reads only its start.
 */
export function* textLines(html: string): Generator<string> {
  let pending = '';
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    pending += html.slice(last, m.index);
    last = TOKEN.lastIndex;
    const [, closing, rawName] = m;
    if (!rawName) continue; // comment
    const name = rawName.toLowerCase();
    if (!closing && RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}\\b`, 'ig');
      close.lastIndex = last;
      last = close.exec(html)?.index ?? html.length;
      TOKEN.lastIndex = last;
      continue;
    }
    if (LINE_BREAKING.has(name)) {
      const line = cleanText(pending);
      pending = '';
      if (line) yield line;
    }
  }
  const line = cleanText(pending + html.slice(last));
  if (line) yield line;
}

/** Decoded, whitespace-collapsed text (no-break spaces included). */
export function cleanText(fragment: string): string {
  if (!fragment) return '';
  const decoded = fragment.includes('&') ? decodeHTML(fragment) : fragment;
  return decoded.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}
