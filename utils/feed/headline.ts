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
export function isGenericTitle(title: string, feedTitle: string): boolean {
  const t = normalize(title);
  // An empty feed title normalizes to '', which is generic anyway.
  return GENERIC_TITLES.has(t) || t === normalize(feedTitle);
}

/**
 * The headline a reader should see, and the sponsor named in the greeting. A post with a real title
 * keeps it; otherwise the headline is the body's first line after any sponsor greeting or "AD" marker.
 * The greeting is looked for in the first two lines that say something: before the headline or
 * right after it.
 */
export function deriveHeadline(title: string, html: string, feedTitle: string): Headline {
  const ownTitle = isGenericTitle(title, feedTitle) ? null : cutAtWord(title.trim(), MAX_HEADLINE);
  let sponsor: string | null = null;
  let firstLine: string | null = null;
  let scanned = 0;
  let said = 0;
  for (const line of textLines(html)) {
    if (++scanned > MAX_LINES_SCANNED) break;
    if (MARKER.test(line) || CREDIT_LINE.test(line)) continue;
    said++;
    // Only the first greeting names the sponsor; a second one is no headline either.
    const greeting = GREETING.exec(line) ?? SPONSOR_LINE.exec(line);
    if (greeting) {
      sponsor ??= greeting[1]!;
      // "Dear viewers, sponsored by X, Rates rise again": the rest of the line is the headline.
      firstLine ??= greeting[2]?.trim() || null;
    } else {
      firstLine ??= line;
    }
    if (firstLine !== null && said > 1) break;
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
