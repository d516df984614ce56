// Minutes a story takes to read, from its body as stored: tags and entities out, words counted.
// Counting only: this text is never rendered, so a rough tag strip is enough.
const WORDS_PER_MINUTE = 230;
const TAG = /<[^>]*>/g;
const ENTITY = /&#?\w+;/g;
// A word starts with a letter or digit and runs on through letters, digits, apostrophes and
// hyphens. Letters, roughly: ASCII ones and anything from Latin-1's letters on, except the general
// punctuation block (dashes, curly quotes, ellipsis). Unicode's own classes (\p{L}) cost the side
// panel a millisecond of its first frame to compile, for a count that only sizes a reading time.
const WORD = /[A-Za-z0-9\u00C0-\u1FFF\u2070-\uFFFF][A-Za-z0-9'’\u00C0-\u1FFF\u2070-\uFFFF-]*/g;

export function readingMinutes(html: string): number {
  const words = html.replace(TAG, ' ').replace(ENTITY, ' ').match(WORD)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
