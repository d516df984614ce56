import { browser } from 'wxt/browser';
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { syncReadOf, type Settings } from '@/utils/settings/settings-defaults';
import { validateSettings } from '@/utils/settings/settings';
import {
  fromText,
  LOCAL_DOC_CHARS,
  SYNC_PREFIX,
  syncRound,
  syncTime,
  toText,
  withMarks,
} from '@/utils/stories/read-sync';
import {
  FONT_SCALES,
  readerFontScaleItem,
  readingStyleItem,
  settingsItem,
  storiesEntries,
  storiesItem,
  syncDocItem,
  syncStatusItem,
  type ReadingStyle,
} from '@/utils/storage';
import { serialize } from './write-queue';

// Read and saved state shared with the reader's other browsers: the reader's marks go into this
// browser's copy of the document at once, and into storage.sync at most once every two seconds
// and within the hourly write limit; the other browsers' arrive through storage.onChanged.

type SyncArea = Pick<typeof browser.storage.sync, 'get' | 'set'>;

export interface SyncDeps {
  area: SyncArea;
  now: () => number;
}

export function defaultSyncDeps(): SyncDeps {
  return { area: browser.storage.sync, now: () => Date.now() };
}

/** Chrome: one write every 2 s on average, 1,800 an hour; a batch keeps well inside both. */
export const WRITE_GAP_MS = 2000;
export const WRITES_AN_HOUR = 1500;

const writeSlots = /* @__PURE__ */ storage.defineItem<{ hour: number; count: number }>('session:syncWrites', {
  fallback: { hour: 0, count: 0 },
});

let pending: ReturnType<typeof setTimeout> | undefined;

/** The reader marked stories here: kept in this browser's copy, shared in the next batch. */
export async function noteMarks(
  kind: 'read' | 'saved',
  ids: readonly string[],
  on: boolean,
  deps: SyncDeps = defaultSyncDeps(),
): Promise<void> {
  // Off: nothing to keep (switched on later, the stories' own read state is what goes out).
  if (!ids.length || !syncReadOf(await settingsItem.getValue())) return;
  await serialize(async () => {
    const doc = fromText(await syncDocItem.getValue(), deps.now());
    await syncDocItem.setValue(toText(withMarks(doc, kind, ids, on, syncTime(deps.now())), LOCAL_DOC_CHARS));
  });
  scheduleSyncWrite(deps);
}

/** One write for every mark of the next two seconds. */
export function scheduleSyncWrite(deps: SyncDeps = defaultSyncDeps()): void {
  pending ??= setTimeout(() => {
    pending = undefined;
    void pushSync(deps).catch((error: unknown) => console.error('Smileband News: sync', error));
  }, WRITE_GAP_MS);
}

/**
 * Writes the document, merged with what storage.sync holds, and applies the merge here. Off, or
 * over the hour's writes, it writes nothing (the marks wait in this browser's copy); a refusal
 * (quota, rate) is recorded for the options page, and nothing stored here is lost.
 */
export async function pushSync(deps: SyncDeps = defaultSyncDeps()): Promise<void> {
  if (!syncReadOf(await settingsItem.getValue())) return;
  const hour = Math.floor(deps.now() / 3600e3);
  const slots = await writeSlots.getValue();
  const used = slots.hour === hour ? slots.count : 0;
  if (used >= WRITES_AN_HOUR) return;
  const at = new Date(deps.now()).toISOString();
  try {
    await serialize(async () => {
      const round = await exchange(deps, true);
      if (round.items) {
        await writeSlots.setValue({ hour, count: used + 1 });
        await deps.area.set(round.items);
      }
      await keep(round, [{ key: syncStatusItem.key, value: { error: null, at } }]);
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn('Smileband News: sync write refused; read state stays in this browser', error);
    await syncStatusItem.setValue({ error: reason, at });
  }
}

/** What the other browsers marked (storage.sync changed, or this browser starts): applied here. */
export async function pullSync(deps: SyncDeps = defaultSyncDeps()): Promise<void> {
  if (!syncReadOf(await settingsItem.getValue())) return;
  await serialize(async () => keep(await exchange(deps, false)));
}

/** This browser's copy, its stories and what storage.sync holds, as one exchange (syncRound). */
async function exchange(deps: SyncDeps, write: boolean) {
  const [doc, stories, remote] = await Promise.all([
    syncDocItem.getValue(),
    storiesItem.getValue(),
    deps.area.get(null),
  ]);
  return { ...syncRound(fromText(doc, deps.now()), remote, stories, deps.now(), write), doc, before: stories };
}

/** Keeps what an exchange changed here: the copy and the stories (an idle exchange writes nothing). */
async function keep(
  round: Awaited<ReturnType<typeof exchange>>,
  also: { key: StorageItemKey; value: unknown }[] = [],
): Promise<void> {
  const text = toText(round.local, LOCAL_DOC_CHARS);
  const same = text === round.doc || (!round.doc && round.local.read.size + round.local.saved.size === 0);
  const entries = [
    ...(same ? [] : [{ key: syncDocItem.key, value: text }]),
    ...(round.stories === round.before ? [] : storiesEntries(round.stories)),
    ...also,
  ];
  if (entries.length) await storage.setItems(entries);
}

/** Whether a storage change touches the shared document. */
export function isSyncChange(changes: Record<string, unknown>, area: string): boolean {
  return area === 'sync' && Object.keys(changes).some((key) => key.startsWith(SYNC_PREFIX));
}

/** Whether a storage change brings settings shared by another browser. */
export function isSettingsChange(changes: Record<string, unknown>, area: string): boolean {
  return area === 'sync' && Object.hasOwn(changes, SETTINGS_KEY);
}

/** Where the shared settings live in storage.sync. */
export const SETTINGS_KEY = 'st';

/** How the side panel sets a story (Text settings), shared with the settings. */
interface Reading {
  style: ReadingStyle;
  scale: number;
}

/**
 * What another browser may take: all but the feed's address and the sharing switches, with the
 * side panel's Text settings.
 */
function shareable(settings: Settings, reading: Reading): string {
  const rest: Partial<Settings> & { reading?: Reading } = { ...settings, reading };
  delete rest.feedUrl;
  delete rest.syncRead;
  delete rest.syncSettings;
  return JSON.stringify(rest);
}

async function readingHere(): Promise<Reading> {
  const [style, scale] = await Promise.all([readingStyleItem.getValue(), readerFontScaleItem.getValue()]);
  return { style, scale };
}

const READING_CHOICES: { [K in keyof ReadingStyle]: readonly ReadingStyle[K][] } = {
  font: ['serif', 'sans'],
  spacing: ['tight', 'normal', 'loose'],
  width: ['narrow', 'medium', 'wide'],
  theme: ['system', 'light', 'sepia', 'dark'],
};

/** Shared Text settings as this version knows them, or null (absent, from an older version, or not valid). */
function checkReading(value: unknown): Reading | null {
  const { style, scale } = (value ?? {}) as { style?: Record<string, unknown> | null; scale?: unknown };
  if (!FONT_SCALES.includes(scale as never) || !style) return null;
  const keys = Object.keys(READING_CHOICES) as (keyof ReadingStyle)[];
  if (!keys.every((key) => (READING_CHOICES[key] as readonly unknown[]).includes(style[key]))) return null;
  return {
    style: Object.fromEntries(keys.map((key) => [key, style[key]])) as unknown as ReadingStyle,
    scale: scale as number,
  };
}

/** The settings saved here, shared (when the reader shares them). */
export async function pushSettings(settings: Settings, deps: SyncDeps = defaultSyncDeps()): Promise<void> {
  if (!settings.syncSettings) return;
  const value = shareable(settings, await readingHere());
  const remote = await deps.area.get(SETTINGS_KEY);
  if (remote[SETTINGS_KEY] === value) return;
  try {
    await deps.area.set({ [SETTINGS_KEY]: value });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await syncStatusItem.setValue({ error: reason, at: new Date(deps.now()).toISOString() });
  }
}

/**
 * Settings another browser shared, taken here when this browser shares settings too: checked
 * like a file's, this browser's feed address and switches kept. Returns whether they changed.
 */
export async function pullSettings(deps: SyncDeps = defaultSyncDeps()): Promise<boolean> {
  const local = await settingsItem.getValue();
  if (!local.syncSettings) return false;
  const remote = (await deps.area.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (typeof remote !== 'string' || remote.length > 8192) return false;
  let shared: unknown;
  try {
    shared = JSON.parse(remote);
  } catch {
    return false;
  }
  // Whatever it holds, the options page's own checks decide (a number or a list holds no settings).
  const result = validateSettings({
    ...(shared as Record<string, unknown>),
    feedUrl: local.feedUrl,
    syncRead: syncReadOf(local),
    syncSettings: true,
  });
  if (!result.ok) return false;
  const here = await readingHere();
  const reading = checkReading((shared as { reading?: unknown }).reading) ?? here;
  if (shareable(result.settings, reading) === shareable(local, here)) return false;
  // The one write of settings not made by the options page (and of Text settings not made by the
  // side panel): the reader's own, made elsewhere.
  await settingsItem.setValue(result.settings);
  if (JSON.stringify(reading.style) !== JSON.stringify(here.style)) await readingStyleItem.setValue(reading.style);
  if (reading.scale !== here.scale) await readerFontScaleItem.setValue(reading.scale);
  return true;
}
