// Reads one raw feed entry, as xml2js shapes it inside rss-parser, the way the specs define it:
// Atom 1.0 text constructs (RFC 4287 §3.1: text, html, xhtml), Atom 0.3 content modes (xml,
// escaped, base64), ids and links with extra attributes, RSS 2.0 guid as the link. Every value is
// read defensively: a node may be a string, an object with attributes, or absent.
import { cutAtWord as cut, deriveHeadline } from './headline';
import { attributeValue, htmlTokens, htmlToText } from './html-text';
import { hashString } from './hash';
import {
  MAX_AUTHOR_CHARS,
  MAX_BODY_SCAN_CHARS,
  MAX_ID_CHARS,
  MAX_LABEL_CHARS,
  MAX_LABELS,
  MAX_TEXT_SCAN_CHARS,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS,
} from './limits';
import { isTrackerImage } from './tracker-image';
import type { FeedItem } from './types';

/** An element as xml2js gives it: text, or an object with `_` text, `$` attributes, children. */
export type XmlValue = string | XmlElement;
export interface XmlElement {
  _?: string;
  $?: Record<string, string | undefined>;
  /** Ordered children (only when the document was parsed with order kept, for XHTML). */
  $$?: XmlOrdered[];
  [child: string]: unknown;
}
interface XmlOrdered extends XmlElement {
  '#name': string;
}

export type EntryFormat = 'atom' | 'rss';

export interface EntryContext {
  feedTitle: string;
  /** Absolute base for relative links: the feed's site link or its URL. */
  base: string | undefined;
  /** ISO date to fall back on for an undated entry: the feed's own date, else the time of reading. */
  fallbackDate: string;
  /**
   * The latest date taken from the feed (ms): later ones are a wrong clock or a typo, and would keep
   * a post on top for years; such an entry counts as undated. Absent: no bound.
   */
  latest?: number;
}

/** One entry → one item. Throws on an entry that cannot be read; the caller skips and counts it. */
export function readEntry(entry: XmlElement, format: EntryFormat, context: EntryContext): FeedItem {
  if (!entry || typeof entry !== 'object') throw new TypeError('The entry is empty.');
  const fields = format === 'atom' ? atomFields(entry) : rssFields(entry);
  if (!fields.id && !fields.link && !fields.title && !fields.contentHtml.trim()) {
    throw new TypeError('The entry has no id, link, title or content.');
  }
  const link = absoluteUrl(fields.link, context.base) ?? '';
  const base = link || context.base;
  const ownDate = isoDate(fields.published, context.latest) ?? isoDate(fields.updated, context.latest);
  const published = ownDate ?? context.fallbackDate;
  const title = cut(fields.title, MAX_TITLE_CHARS);
  const body = fields.contentHtml;
  const { headline, sponsor } = deriveHeadline(title, body.slice(0, MAX_BODY_SCAN_CHARS), context.feedTitle);
  // No id and no link: the title with the entry's own date, or its body, which do not move between
  // polls (the fallback date does, and would make the same post new every time).
  const id = fields.id || link || `${title}|${ownDate ?? hashString(body)}`;
  return {
    id: id.length > MAX_ID_CHARS ? `${id.slice(0, MAX_ID_CHARS - 9)}#${hashString(id)}` : id,
    title,
    headline,
    sponsor: sponsor === null ? null : cut(sponsor, MAX_AUTHOR_CHARS),
    link,
    published,
    updated: isoDate(fields.updated, context.latest) ?? published,
    ...(ownDate ? {} : { undated: true }),
    author: authorName(fields.author),
    labels: labels(fields.labels),
    image: absoluteUrl(fields.image ?? firstBodyImage(body), base) ?? null,
    ...commentsOf(fields, link, base),
    contentHtml: body,
  };
}

interface EntryFields {
  id: string;
  title: string;
  link: string | undefined;
  published: string | undefined;
  updated: string | undefined;
  author: string;
  labels: string[];
  image: string | undefined;
  /** The comment count as written, and the comments page. */
  comments: string;
  commentsLink: string | undefined;
  contentHtml: string;
}

function atomFields(entry: XmlElement): EntryFields {
  const content = child(entry, 'content');
  // Out-of-line content (`src`) has no body here; the summary stands in.
  const body = content !== undefined && !attr(content, 'src') ? content : child(entry, 'summary');
  return {
    id: textOf(child(entry, 'id')).trim(),
    title: htmlToText(textConstruct(child(entry, 'title'), MAX_TEXT_SCAN_CHARS)),
    link: atomLink(children(entry, 'link')),
    published: textOf(child(entry, 'published') ?? child(entry, 'issued') ?? child(entry, 'created')),
    updated: textOf(child(entry, 'updated') ?? child(entry, 'modified')),
    author: textOf(child(asElement(child(entry, 'author')), 'name')),
    labels: children(entry, 'category').map((c) => attr(c, 'term') ?? attr(c, 'label') ?? textOf(c)),
    image: mediaImage(entry),
    comments: textOf(child(entry, 'thr:total')),
    commentsLink: attr(
      children(entry, 'link').find(
        (link) => attr(link, 'rel')?.trim() === 'replies' && /^text\/html\b/i.test(attr(link, 'type') ?? ''),
      ),
      'href',
    ),
    contentHtml: body === undefined ? '' : textConstruct(body, Infinity),
  };
}

function rssFields(item: XmlElement): EntryFields {
  const guid = child(item, 'guid');
  const guidText = textOf(guid).trim();
  const permalink = guidText && attr(guid, 'isPermaLink')?.trim().toLowerCase() !== 'false' ? guidText : undefined;
  const enclosure = child(item, 'enclosure');
  return {
    id: guidText,
    // RSS titles may carry escaped markup; read them as HTML, as browsers and readers do.
    title: htmlToText(textOf(child(item, 'title')).slice(0, MAX_TEXT_SCAN_CHARS)),
    link: textOf(child(item, 'link')).trim() || permalink,
    published: textOf(child(item, 'pubDate') ?? child(item, 'dc:date')),
    updated: textOf(child(item, 'atom:updated') ?? child(item, 'dc:modified')),
    author: textOf(child(item, 'author') ?? child(item, 'dc:creator')),
    labels: children(item, 'category').map(textOf),
    image: mediaImage(item) ?? (/^image\//i.test(attr(enclosure, 'type') ?? '') ? attr(enclosure, 'url') : undefined),
    comments: textOf(child(item, 'slash:comments') ?? child(item, 'thr:total')),
    commentsLink: textOf(child(item, 'comments')).trim() || undefined,
    contentHtml: textOf(child(item, 'content:encoded') ?? child(item, 'description')),
  };
}

/** Atom's alternate link: `rel="alternate"` or no rel, HTML preferred; the href as written. */
function atomLink(links: XmlValue[]): string | undefined {
  const alternates = links.filter((link) => {
    const rel = (attr(link, 'rel') ?? 'alternate').trim().toLowerCase();
    return (rel === 'alternate' || rel === 'http://www.iana.org/assignments/relation/alternate') && attr(link, 'href');
  });
  const html = alternates.find((link) => /^(?:text\/html|application\/xhtml\+xml)\b/i.test(attr(link, 'type') ?? ''));
  return attr(html ?? alternates[0], 'href');
}

function mediaImage(entry: XmlElement): string | undefined {
  const thumbnail = attr(child(entry, 'media:thumbnail'), 'url');
  if (thumbnail) return thumbnail;
  const media = child(entry, 'media:content');
  const type = attr(media, 'type') ?? attr(media, 'medium') ?? 'image/';
  return /^image/i.test(type) ? attr(media, 'url') : undefined;
}

/**
 * A text construct as HTML: `text` is escaped, `html` (and Atom 0.3 `escaped`) is taken as markup,
 * `xhtml` (and 0.3 inline `xml`) is serialized from its XML; 0.3 `base64` is decoded first. `limit`
 * bounds the characters read before any scan.
 */
export function textConstruct(value: XmlValue | undefined, limit: number): string {
  if (value === undefined) return '';
  const type = (attr(value, 'type') ?? 'text').trim().toLowerCase();
  const mode = attr(value, 'mode')?.trim().toLowerCase();
  const isHtml = type === 'html' || type === 'text/html';
  const isXhtml = type === 'xhtml' || type === 'application/xhtml+xml';
  if (mode === 'base64') {
    const decoded = decodeBase64(textOf(value));
    return isHtml || isXhtml ? decoded.slice(0, limit) : escapeHtml(decoded.slice(0, limit));
  }
  if (mode === 'escaped' || isHtml) return textOf(value).slice(0, limit);
  if (isXhtml || (mode === 'xml' && typeof value === 'object' && hasElementChildren(value))) {
    return serializeXhtml(value as XmlElement, limit);
  }
  return escapeHtml(textOf(value).slice(0, limit));
}

/** Serializes inline XHTML without its wrapping `<div>` (RFC 4287 §3.1.1.3). Iterative: no depth limit. */
function serializeXhtml(construct: XmlElement, limit: number): string {
  const wrappers = construct.$$?.filter((node) => node['#name'] !== '__text__') ?? [];
  const root = wrappers.length === 1 && localName(wrappers[0]!['#name']) === 'div' ? wrappers[0]! : construct;
  if (!root.$$) return escapeHtml((root._ ?? '').slice(0, limit)); // order was not kept: text only
  let out = '';
  const stack: (XmlOrdered | string)[] = [...root.$$].reverse();
  while (stack.length && out.length < limit) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      out += node;
    } else if (node['#name'] === '__text__') {
      out += escapeHtml(node._ ?? '');
    } else {
      const name = localName(node['#name']);
      if (!/^[a-z][a-z0-9-]*$/i.test(name)) continue;
      const attributes = Object.entries(node.$ ?? {})
        .filter(([key]) => !key.startsWith('xmlns') && /^[a-z][\w:.-]*$/i.test(key))
        .map(([key, v]) => ` ${localName(key)}="${escapeHtml(v ?? '')}"`)
        .join('');
      out += `<${name}${attributes}>`;
      stack.push(`</${name}>`);
      for (let i = (node.$$ ?? []).length - 1; i >= 0; i--) stack.push(node.$$![i]!);
    }
  }
  return out.slice(0, limit);
}

function hasElementChildren(value: XmlElement): boolean {
  return value.$$?.some((node) => node['#name'] !== '__text__') ?? false;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function decodeBase64(text: string): string {
  try {
    const binary = atob(text.replace(/\s+/g, ''));
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** The body's first picture that is not a tracking pixel, scanning only the top of the body. */
function firstBodyImage(html: string): string | undefined {
  for (const token of htmlTokens(html.slice(0, MAX_BODY_SCAN_CHARS))) {
    if (token.kind !== 'tag' || token.closing || token.name !== 'img') continue;
    const a = token.attributes;
    const src = attributeValue(a, 'src');
    if (!src || !/^https?:\/\//i.test(src.trim())) continue;
    const size = {
      width: attributeValue(a, 'width'),
      height: attributeValue(a, 'height'),
      style: attributeValue(a, 'style'),
    };
    if (!isTrackerImage(size)) return src;
  }
  return undefined;
}

/** A post's comments, when it has any: their count, and the comments page (else the post). */
function commentsOf(
  fields: EntryFields,
  link: string,
  base: string | undefined,
): { comments?: number; commentsLink?: string } {
  const count = Number(/^\s*(\d{1,7})\s*$/.exec(fields.comments)?.[1] ?? 0);
  if (!count) return {};
  const commentsLink = absoluteUrl(fields.commentsLink, base) ?? (link || undefined);
  return { comments: count, ...(commentsLink ? { commentsLink } : {}) };
}

function labels(names: string[]): string[] {
  const kept = new Set<string>();
  for (const name of names) {
    const label = cut(name.replace(/\s+/g, ' ').trim(), MAX_LABEL_CHARS);
    if (label) kept.add(label);
    if (kept.size >= MAX_LABELS) break;
  }
  return [...kept];
}

// RSS gives "noreply@blogger.com (Christopher Stanley)"; keep the name, never the address.
function authorName(raw: string): string | null {
  const value = raw.replace(/\s+/g, ' ').trim().slice(0, 1024);
  if (!value) return null;
  const named = /\(([^()]+)\)$/.exec(value);
  if (named) return cut(named[1]!.trim(), MAX_AUTHOR_CHARS) || null;
  return value.includes('@') ? null : cut(value, MAX_AUTHOR_CHARS);
}

/** An absolute http(s) URL of sane length, or undefined: never `javascript:` or `data:` from a feed. */
export function absoluteUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value || value.length > MAX_URL_CHARS) return undefined;
  try {
    const url = new URL(value.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href.length > MAX_URL_CHARS ? undefined : url.href;
  } catch {
    return undefined;
  }
}

export function isoDate(value: string | undefined, latest = Infinity): string | undefined {
  if (!value || value.length > 100) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) || time > latest ? undefined : new Date(time).toISOString();
}

// --- xml2js shapes --------------------------------------------------------------------------

function asElement(value: XmlValue | undefined): XmlElement | undefined {
  return value !== undefined && typeof value === 'object' ? value : undefined;
}

export function children(node: XmlElement | undefined, name: string): XmlValue[] {
  const value = node?.[name];
  return Array.isArray(value) ? (value as XmlValue[]) : [];
}

export function child(node: XmlElement | undefined, name: string): XmlValue | undefined {
  return children(node, name)[0];
}

/** The text directly inside an element (xml2js gathers it in `_`). */
export function textOf(value: XmlValue | undefined): string {
  if (typeof value === 'string') return value;
  return typeof value?._ === 'string' ? value._ : '';
}

function attr(value: XmlValue | undefined, name: string): string | undefined {
  if (value === undefined || typeof value !== 'object') return undefined;
  const found = value.$?.[name];
  return typeof found === 'string' ? found : undefined;
}
