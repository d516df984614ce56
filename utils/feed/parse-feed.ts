import Parser from 'rss-parser';
import { deriveHeadline } from './headline';
import type { FeedItem, FeedProblem, ParsedFeed } from './types';

/** Thrown when a document is not an RSS or Atom feed; the message says what it looked like. */
export class FeedParseError extends Error {
  override name = 'FeedParseError';
  constructor(
    message: string,
    /** What the document looked like, for a message in the reader's language. */
    readonly reason: FeedProblem,
    readonly detail?: string,
  ) {
    super(message);
  }
}

type XmlNode = { _?: string; $?: Record<string, string> } | string;
interface RawItem extends Parser.Item {
  id?: string;
  updated?: string;
  atomUpdated?: string;
  atomCategories?: XmlNode[];
  thumbnail?: XmlNode;
  mediaContent?: XmlNode;
  'content:encoded'?: string;
  author?: string;
}

const itemFields = [
  'updated',
  ['atom:updated', 'atomUpdated'],
  ['category', 'atomCategories', { keepArray: true }],
  ['media:thumbnail', 'thumbnail'],
  ['media:content', 'mediaContent'],
  'content:encoded',
  'author',
] as unknown as (keyof RawItem)[];

/**
 * Parses an RSS 2.0 or Atom 1.0 document into items with real headlines and sponsors. Pure: no
 * browser APIs, no DOM, so it runs in the MV3 service worker. Relative links resolve against
 * `feedUrl` (or the feed's own link). Rejects with a FeedParseError on anything that is not a feed.
 * `maxItems` bounds the work on a runaway feed (the newest come first).
 */
export async function parseFeed(
  xml: string,
  feedUrl?: string,
  { maxItems = Infinity }: { maxItems?: number } = {},
): Promise<ParsedFeed> {
  const text = xml.replace(/^\ufeff/, '');
  refuseNonFeed(text);
  let raw: Parser.Output<RawItem> & { lastBuildDate?: string };
  try {
    // A parser per call: xml2js keeps per-parse state on the instance.
    raw = await new Parser<object, RawItem>({ customFields: { item: itemFields } }).parseString(text);
  } catch (error) {
    const { reason, detail } = describe(error);
    throw new FeedParseError(`The feed could not be read: ${detail}`, reason, detail);
  }
  const base = absoluteUrl(raw.link, feedUrl) ?? feedUrl;
  const title = (raw.title ?? '').trim();
  const feedDate = isoDate(raw.lastBuildDate) ?? '';
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const entry of raw.items) {
    if (items.length >= maxItems) break;
    const item = normalizeItem(entry, title, base, feedDate);
    // A feed that repeats an id keeps its first (newest) copy.
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    items.push(item);
  }
  return { title, link: base ?? null, items };
}

function normalizeItem(entry: RawItem, feedTitle: string, base: string | undefined, feedDate: string): FeedItem {
  const contentHtml = entry['content:encoded'] || entry.content || entry.summary || '';
  const title = (entry.title ?? '').trim();
  const link = absoluteUrl(entry.link, base) ?? '';
  const published = isoDate(entry.isoDate) ?? isoDate(entry.updated) ?? feedDate;
  const { headline, sponsor } = deriveHeadline(title, contentHtml, feedTitle);
  return {
    id: (entry.id || entry.guid || link || `${title}|${published}`).trim(),
    title,
    headline,
    sponsor,
    link,
    published,
    updated: isoDate(entry.updated) ?? isoDate(entry.atomUpdated) ?? published,
    author: authorName(entry.author ?? entry.creator),
    labels: labels(entry),
    image: imageUrl(entry, contentHtml, link || base),
    contentHtml,
  };
}

function refuseNonFeed(text: string): void {
  const start = text.trimStart().slice(0, 512).toLowerCase();
  if (!start) throw new FeedParseError('The feed was empty.', 'empty');
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) {
    throw new FeedParseError('The server sent a web page, not a feed (a sign-in or Wi-Fi portal?).', 'html');
  }
  if (!start.startsWith('<')) {
    throw new FeedParseError('The server sent something that is not XML, so not a feed.', 'not-xml');
  }
}

function describe(error: unknown): { reason: FeedProblem; detail: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (/not recognized as RSS/i.test(message))
    return { reason: 'not-feed', detail: 'it is XML, but neither RSS nor Atom.' };
  return { reason: 'malformed', detail: message.split('\n')[0]!.replace(/\.?$/, '.') };
}

function nodeText(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  return (typeof node === 'string' ? node : (node._ ?? '')).trim();
}

function labels(entry: RawItem): string[] {
  const names = [
    ...(entry.atomCategories ?? []).map((c) => (typeof c === 'string' ? c : (c.$?.term ?? c._ ?? ''))),
    ...((entry.categories ?? []) as XmlNode[]).map(nodeText),
  ];
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}

// RSS gives "noreply@blogger.com (Christopher Stanley)"; keep the name, never the address.
function authorName(raw: string | undefined): string | null {
  const value = nodeText(raw as XmlNode | undefined);
  if (!value) return null;
  const named = /\(([^)]+)\)\s*$/.exec(value);
  if (named) return named[1]!.trim();
  return value.includes('@') ? null : value;
}

function imageUrl(entry: RawItem, html: string, base: string | undefined): string | null {
  // Lazily, in order: the body is only searched when the feed names no image.
  const candidates = [
    () => (typeof entry.thumbnail === 'object' ? entry.thumbnail.$?.url : undefined),
    () =>
      typeof entry.mediaContent === 'object' && /^image\//.test(entry.mediaContent.$?.type ?? 'image/')
        ? entry.mediaContent.$?.url
        : undefined,
    () => (entry.enclosure?.type?.startsWith('image/') ? entry.enclosure.url : undefined),
    // The body's first absolute image, skipping 1×1 trackers.
    () => /<img\b(?![^>]*\b(?:width|height)=["']?1["'\s/>])[^>]*\bsrc=["'](https?:\/\/[^"']+)["']/i.exec(html)?.[1],
  ];
  for (const candidate of candidates) {
    const url = absoluteUrl(candidate(), base);
    if (url) return url;
  }
  return null;
}

/** An absolute http(s) URL, or undefined: never `javascript:` or `data:` from a feed. */
function absoluteUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
