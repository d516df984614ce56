// The keys a page reads for its first screen, apart from utils/storage/index.ts (which defines their
// items) so that a page's early-read script can name them without loading the storage library.

export const STORIES_KEY = 'local:stories' as const;
/** The index's newest stories, which a list paints first. */
export const STORIES_HEAD_KEY = 'local:storiesHead' as const;
export const SETTINGS_KEY = 'local:settings' as const;
export const POLL_STATUS_KEY = 'local:pollStatus' as const;
export const READER_FONT_SCALE_KEY = 'local:readerFontScale' as const;
export const READING_STYLE_KEY = 'local:readingStyle' as const;

/** One key per story body, apart from the index: the side panel reads one, a poll writes changed ones. */
export function bodyKey(id: string): `local:body:${string}` {
  return `local:body:${id}`;
}
