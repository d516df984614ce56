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
const RAW_TEXT_ENDS = new Map<string, RegExp>();
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
// A picture's caption (Blogger's caption table cell, <figcaption>) is not the story's text. Class
// names match by case, as classList and CSS match them.
const CAPTION_CLASS = /(?:^|\s)tr-caption(?:\s|$)/;

export type HtmlToken =
  { kind: 'text'; text: string } | { kind: 'tag'; name: string; closing: boolean; attributes: string };

/**
 * The tags and text of an HTML fragment, in order, without a DOM (the MV3 worker has none).
 * Linear in the input: every character is looked at a bounded number of times, whatever the
 * markup, because an unclosed tag, comment or raw-text element ends the scan (as it ends the
 * document in a browser) instead of being searched for again from the next `<`.
 */
export function* htmlTokens(html: string): Generator<HtmlToken> {
  const length = html.length;
  let text = 0; // start of pending text
  let at = 0;
  while (at < length) {
    const open = html.indexOf('<', at);
    if (open < 0) break;
    const next = html.charCodeAt(open + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      // Comment, doctype, CDATA or processing instruction: invisible up to its end.
      const comment = html.startsWith('<!--', open);
      const end = comment ? html.indexOf('-->', open + 4) : html.indexOf('>', open + 2);
      if (open > text) yield { kind: 'text', text: html.slice(text, open) };
      if (end < 0) return;
      at = text = end + (comment ? 3 : 1);
      continue;
    }
    const closing = next === 47; /* / */
    const nameStart = open + (closing ? 2 : 1);
    let nameEnd = nameStart;
    while (nameEnd < length && isNameChar(html.charCodeAt(nameEnd), nameEnd === nameStart)) nameEnd++;
    if (nameEnd === nameStart) {
      at = open + 1; // "a < b": text
      continue;
    }
    const end = tagEnd(html, nameEnd);
    if (open > text) yield { kind: 'text', text: html.slice(text, open) };
    if (end < 0) return; // EOF inside a tag: the tag and all after it are not shown
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    yield { kind: 'tag', name, closing, attributes: html.slice(nameEnd, end) };
    at = text = end + 1;
    if (!closing && RAW_TEXT.has(name)) {
      let close = RAW_TEXT_ENDS.get(name);
      if (!close) RAW_TEXT_ENDS.set(name, (close = new RegExp(`</${name}\\b`, 'ig')));
      close.lastIndex = at;
      const found = close.exec(html);
      if (!found) return;
      at = text = found.index;
    }
  }
  if (text < length) yield { kind: 'text', text: html.slice(text) };
}

function isNameChar(code: number, first: boolean): boolean {
  const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return first ? letter : letter || (code >= 48 && code <= 57) || code === 45 || code === 58;
}

const TAG_STOP = /[>"']/g;

/** Index of the `>` that ends a tag, or -1. Quotes count only as attribute values (after `=`). */
function tagEnd(html: string, from: number): number {
  TAG_STOP.lastIndex = from;
  for (let stop = TAG_STOP.exec(html); stop; stop = TAG_STOP.exec(html)) {
    if (stop[0] === '>') return stop.index;
    // Back over the spaces before the quote (each space is passed once: only this quote looks).
    let before = stop.index - 1;
    while (before >= from && isSpace(html.charCodeAt(before))) before--;
    if (before < from || html.charCodeAt(before) !== 61 /* = */) continue;
    const close = html.indexOf(stop[0], stop.index + 1);
    if (close < 0) return -1;
    TAG_STOP.lastIndex = close + 1;
  }
  return -1;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12;
}

/** One attribute's raw value from a tag's attribute text, entities decoded; null when absent. */
export function attributeValue(attributes: string, name: string): string | null {
  let patterns = ATTRIBUTE_PATTERNS.get(name);
  if (!patterns) {
    patterns = [
      new RegExp(`(?:^|[\\s/])${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i'),
      new RegExp(`(?:^|[\\s/])${name}(?=[\\s/]|$)`, 'i'),
    ];
    ATTRIBUTE_PATTERNS.set(name, patterns);
  }
  const match = patterns[0].exec(attributes);
  if (!match) return patterns[1].test(attributes) ? '' : null;
  return decodeHTML(match[1] ?? match[2] ?? match[3] ?? '');
}
const ATTRIBUTE_PATTERNS = new Map<string, [RegExp, RegExp]>();

/**
 * The visible lines of text in an HTML fragment, in order. Picture captions are left out: a
 * caption above the headline is not the headline. Lazy: a caller that needs only the first lines of
 * a 50 KB body reads only its start.
 */
export function* textLines(html: string): Generator<string> {
  let pending = '';
  // While inside a caption: its element name and how deep in same-named elements we are.
  let skip: { name: string; depth: number } | null = null;
  for (const token of htmlTokens(html)) {
    if (token.kind === 'text') {
      if (!skip) pending += token.text;
      continue;
    }
    const { name, closing } = token;
    if (skip) {
      if (name === skip.name && !VOID.has(name)) skip.depth += closing ? -1 : 1;
      if (skip.depth > 0) continue;
      skip = null;
    } else if (!closing && !VOID.has(name) && isCaption(name, token.attributes)) {
      skip = { name, depth: 1 };
    }
    if (LINE_BREAKING.has(name)) {
      const line = cleanText(pending);
      pending = '';
      if (line) yield line;
    }
  }
  const line = cleanText(pending);
  if (line) yield line;
}

function isCaption(name: string, attributes: string): boolean {
  if (name === 'figcaption') return true;
  const className = attributes.includes('caption') ? attributeValue(attributes, 'class') : null;
  return className !== null && CAPTION_CLASS.test(className);
}

/** Decoded, whitespace-collapsed text (no-break spaces included). */
export function cleanText(fragment: string): string {
  if (!fragment) return '';
  const decoded = fragment.includes('&') ? decodeHTML(fragment) : fragment;
  return decoded.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/** The visible text of an HTML fragment on one line (a title given as HTML). */
export function htmlToText(html: string): string {
  return [...textLines(html)].join(' ');
}
