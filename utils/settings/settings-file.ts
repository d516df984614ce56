import { MAX_ID_CHARS } from '../feed/limits';
import { SAVED_LIMIT } from '../stories/saved';
import { isHttpUrl, validateSettings, type Settings } from './settings';
import type { Wording } from '../ui/wording';

/** An export is a few hundred KB at most; anything far larger is not one of ours. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** Read ids per feed: more than a store can hold (retention 1000 plus the read archive). */
export const MAX_IMPORT_READ_PER_FEED = 2000;
/** Feeds with read state in one file. */
const MAX_IMPORT_FEEDS = 50;

/**
 * What "Export" writes and "Import" reads: settings, read story ids per feed, and the ids on the
 * Saved shelf (of the settings' feed; absent in files written before the shelf existed).
 */
export interface SettingsFile {
  app: 'smileband-news';
  version: 1;
  exportedAt: string;
  settings: Settings;
  read: Record<string, string[]>;
  saved: string[];
}

export function createSettingsFile(
  settings: Settings,
  read: Record<string, string[]>,
  now: Date,
  saved: string[] = [],
): SettingsFile {
  return { app: 'smileband-news', version: 1, exportedAt: now.toISOString(), settings, read, saved };
}

export type ParsedSettingsFile = { ok: true; file: SettingsFile } | { ok: false; reason: Wording };

/** Checks an imported file completely before anything is applied: a bad file changes nothing. */
export function parseSettingsFile(text: string): ParsedSettingsFile {
  if (text.length > MAX_IMPORT_BYTES)
    return { ok: false, reason: { key: 'errImportTooLarge', subs: [String(MAX_IMPORT_BYTES / 1024 / 1024)] } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: { key: 'errNotJson' } };
  }
  const file = data as Partial<SettingsFile> | null;
  if (!file || typeof file !== 'object' || file.app !== 'smileband-news') {
    return { ok: false, reason: { key: 'errNotExport' } };
  }
  if (file.version !== 1) return { ok: false, reason: { key: 'errVersion', subs: [String(file.version)] } };
  const settings = validateSettings(file.settings);
  if (!settings.ok) {
    const [field, message] = Object.entries(settings.errors)[0]!;
    return { ok: false, reason: { key: 'errSettingsInvalid', subs: [field, message] } };
  }
  const read: unknown = file.read ?? {};
  if (!read || typeof read !== 'object' || Array.isArray(read)) return { ok: false, reason: { key: 'errReadState' } };
  const feeds = Object.entries(read as Record<string, unknown>);
  // Keys are feed addresses: "constructor" or "__proto__" is not one, and never reaches storage.
  const valid =
    feeds.length <= MAX_IMPORT_FEEDS &&
    feeds.every(([feed, ids]) => isHttpUrl(feed) && Array.isArray(ids) && ids.every(isStoryId));
  if (!valid) return { ok: false, reason: { key: 'errReadState' } };
  if (feeds.some(([, ids]) => (ids as string[]).length > MAX_IMPORT_READ_PER_FEED)) {
    return { ok: false, reason: { key: 'errReadTooMany', subs: [String(MAX_IMPORT_READ_PER_FEED)] } };
  }
  const saved: unknown = file.saved ?? [];
  if (!Array.isArray(saved) || saved.length > SAVED_LIMIT || !saved.every(isStoryId)) {
    return { ok: false, reason: { key: 'errSavedState', subs: [String(SAVED_LIMIT)] } };
  }
  return {
    ok: true,
    file: {
      app: 'smileband-news',
      version: 1,
      exportedAt: String(file.exportedAt ?? ''),
      settings: settings.settings,
      // Rebuilt from its own entries: no prototype, no inherited names.
      read: Object.fromEntries(feeds.map(([feed, ids]) => [new URL(feed).href, [...new Set(ids as string[])]])),
      saved: [...new Set(saved)],
    },
  };
}

function isStoryId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_CHARS;
}
