import { fold } from './story-rules';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether `word` (folded) starts a word of `token` (folded): "rate" in "(rates", not in "strategy". */
function startsWordIn(token: string, word: string): boolean {
  for (let at = token.indexOf(word); at !== -1; at = token.indexOf(word, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(token[at - 1]!)) return true;
  }
  return false;
}

/**
 * Why the blog's search found a story whose headline does not say it: a stretch of its text, about
 * `max` characters cut at spaces, around the first word of the query the headline lacks, with "…"
 * where it was cut. Null when the headline has every word already (its marks say why), or when the
 * text has none of the missing ones (the blog matched something it keeps to itself).
 */
export function searchSnippet(text: string, headline: string, query: string, max = 160): string | null {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const title = fold(headline).split(/\s+/);
  const missing = words.filter((word) => !title.some((token) => startsWordIn(token, word)));
  if (!missing.length) return null;
  const tokens = text.split(/\s+/).filter(Boolean);
  const hit = tokens.findIndex((token) => missing.some((word) => startsWordIn(fold(token), word)));
  if (hit === -1) return null;
  // A few words before the match for context (about a quarter of the room), then as many after as fit.
  let first = hit;
  for (let room = max / 4; first > 0 && room > tokens[first - 1]!.length; first--)
    room -= tokens[first - 1]!.length + 1;
  let last = hit;
  let length = tokens.slice(first, hit + 1).join(' ').length;
  while (last + 1 < tokens.length && length + 1 + tokens[last + 1]!.length <= max) length += 1 + tokens[++last]!.length;
  const stretch = tokens.slice(first, last + 1).join(' ');
  return `${first > 0 ? '…' : ''}${stretch}${last < tokens.length - 1 ? '…' : ''}`;
}
