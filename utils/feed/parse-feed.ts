// utils/feed: the pure pipeline from feed bytes to stored stories (fetch, parse, headline, merge, backoff, notification plan); no DOM, no browser APIs.
import Parser from 'rss-parser';
import { cutAtWord } from './headline';
import { MAX_AHEAD_MS, MAX_TITLE_CHARS } from './limits';
import {
  absoluteUrl,
  isoDate,
  readEntry,
  textOf,
  type EntryFormat,
  type XmlElement,
  type XmlValue,
} from './read-entry';
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

// XHTML text constructs need their children in order; xml2js keeps order only when asked, at a
// cost, so only documents that declare such a construct pay it.
const INLINE_XML = /\b(?:type\s*=\s*["'](?:xhtml|application\/xhtml\+xml)["']|mode\s*=\s*["']xml["'])/i;
const ORDERED = { explicitChildren: true, preserveChildrenOrder: true, charsAsChildren: true, includeWhiteChars: true };

/** What rss-parser hands back for each entry once its item builders are replaced (below). */
interface RawEntry {
  format: EntryFormat;
  node: XmlElement;
}
interface RawFeed {
  title?: XmlValue;
  link?: string;
  lastBuildDate?: XmlValue;
  items: RawEntry[];
}

export interface ParseOptions {
  /** Items normalized at most: bounds the work on a runaway feed (the newest come first). */
  maxItems?: number;
  /** The time of reading (ms), the date of an entry and feed that carry none. */
  now?: number;
}

/**
 * Parses an RSS 2.0/1.0 or Atom 1.0/0.3 document into items with real headlines and sponsors. Pure:
 * no browser APIs, no DOM, so it runs in the MV3 service worker. Relative links resolve against
 * `feedUrl` (or the feed's own link). Rejects with a FeedParseError on anything that is not a feed;
 * never because of one entry: an entry that cannot be read is left out and counted in `skipped`.
 */
export async function parseFeed(
  xml: string,
  feedUrl?: string,
  { maxItems = Infinity, now = Date.now() }: ParseOptions = {},
): Promise<ParsedFeed> {
  const text = xml.replace(/^\ufeff/, '');
  refuseNonFeed(text);
  let raw: RawFeed;
  try {
    raw = (await entryParser(INLINE_XML.test(text)).parseString(text)) as unknown as RawFeed;
  } catch (error) {
    const { reason, detail } = describe(error);
    throw new FeedParseError(`The feed could not be read: ${detail}`, reason, detail);
  }
  const base = absoluteUrl(typeof raw.link === 'string' ? raw.link : undefined, feedUrl) ?? feedUrl;
  const title = cutAtWord(textOf(raw.title).replace(/\s+/g, ' ').trim(), MAX_TITLE_CHARS);
  // A day ahead of this clock at most: the server's clock may be off, not by years.
  const latest = now + MAX_AHEAD_MS;
  const context = {
    feedTitle: title,
    base,
    fallbackDate: isoDate(textOf(raw.lastBuildDate), latest) ?? new Date(now).toISOString(),
    latest,
  };
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  let skipped = 0;
  for (const entry of raw.items) {
    if (items.length >= maxItems) break;
    let item: FeedItem;
    try {
      item = readEntry(entry.node, entry.format, context);
    } catch {
      skipped++;
      continue;
    }
    // A feed that repeats an id keeps its first (newest) copy.
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    items.push(item);
  }
  return { title, link: base ?? null, items, skipped };
}

/**
 * rss-parser reads the document (xml2js, format detection, the feed's own fields); each entry is
 * handed back raw and read by readEntry, one at a time, so one odd entry cannot fail the others.
 * Replacing the item builders also skips rss-parser's `contentSnippet`, whose HTML stripping takes
 * time quadratic in a body of unclosed tags.
 */
function entryParser(ordered: boolean): Parser {
  // A parser per call: xml2js keeps per-parse state on the instance.
  const parser = new Parser(ordered ? { xml2js: ORDERED } : {}) as Parser & {
    parseItemAtom: (node: XmlElement) => RawEntry;
    parseItemRss: (node: XmlElement) => RawEntry;
  };
  parser.parseItemAtom = (node) => ({ format: 'atom', node });
  parser.parseItemRss = (node) => ({ format: 'rss', node });
  return parser;
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
