import { CREDIT_LINE } from './credit-line';
import { textLines } from './html-text';

export interface Headline {
  headline: string;
  sponsor: string | null;
}

// "Dear 222 News viewers, sponsored by smileband," — optionally followed by more text on the same line.
const GREETING = /^dear\b[^,]{0,80},\s*sponsored by\s+([^,.;:!]+?)\s*(?:[,.;:!]\s*(.*))?$/i;
const SPONSOR_LINE = /^sponsored by\s+([^,.;:!]+?)\s*(?:[,.;:!]\s*(.*))?$/i;
// Lines that mark a post rather than say anything: "AD", "Advertisement", …
const MARKER = /^(?:ad|ads|advert|advertisement|advertorial|sponsored|promoted)[\s.:!-]*$/i;
const GENERIC_TITLES = new Set(['smileband news', '222 news', 'untitled', '']);
const MAX_HEADLINE = 200;
// The greeting sits at the top; never scan a whole body for it.
const MAX_LINES_SCANNED = 12;

/** True when a post's own title says nothing (this site titles every post with the blog's name). */
export function isGenericTitle(title: string, feedTitle = ''): boolean {
  const t = normalize(title);
  return GENERIC_TITLES.has(t) || (feedTitle !== '' && t === normalize(feedTitle));
}

/**
 * The headline a reader should see, and the sponsor named in the greeting. A post with a real title
 * keeps it; otherwise the headline is the body's first line after any sponsor greeting or "AD" marker.
 */
export function deriveHeadline(title: string, html: string, feedTitle = ''): Headline {
  const ownTitle = isGenericTitle(title, feedTitle) ? null : cutAtWord(title.trim(), MAX_HEADLINE);
  let sponsor: string | null = null;
  let firstLine: string | null = null;
  let scanned = 0;
  for (const line of textLines(html)) {
    if (++scanned > MAX_LINES_SCANNED) break;
    if (MARKER.test(line) || CREDIT_LINE.test(line)) continue;
    const greeting = GREETING.exec(line) ?? SPONSOR_LINE.exec(line);
    if (greeting && sponsor === null) {
      sponsor = greeting[1]!;
      const rest = greeting[2]?.trim();
      if (rest && !firstLine) firstLine = rest;
      if (ownTitle || firstLine) break;
      continue;
    }
    firstLine ??= line;
    // The greeting, when there is one, comes before the headline; a line past the headline ends it.
    if (sponsor !== null || scanned > 1 || ownTitle) break;
  }
  const headline = ownTitle ?? cutAtWord(firstLine ?? (title.trim() || 'Untitled story'), MAX_HEADLINE);
  return { headline, sponsor };
}

function normalize(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Cuts text longer than `max` at a word near the limit, with an ellipsis. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  // The last space at or before the limit: a word that ends exactly there stays whole.
  const space = text.lastIndexOf(' ', max);
  const head = space > max / 2 ? text.slice(0, space) : text.slice(0, max);
  return `${head.replace(/[\s,;:.–—-]+$/, '')}…`;
}
