// The keys a page reads for its first screen, apart from utils/storage/index.ts (which defines their
// items) so that a page's early-read script can name them without loading the storage library.

export const STORIES_KEY = 'local:stories';
export const READER_FONT_SCALE_KEY = 'local:readerFontScale';
export const READING_STYLE_KEY = 'local:readingStyle';

/** One key per story body, apart from the index: the side panel reads one, a poll writes changed ones. */
export function bodyKey(id: string): `local:body:${string}` {
  return `local:body:${id}`;
}
