// Minutes a story takes to read, from its body as stored: tags and entities out, words counted.
// Counting only: this text is never rendered, so a rough tag strip is enough.
const WORDS_PER_MINUTE = 230;
const TAG = /<[^>]*>/g;
const ENTITY = /&#?\w+;/g;

export function readingMinutes(html: string): number {
  const words =
    html
      .replace(TAG, ' ')
      .replace(ENTITY, ' ')
      .match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
