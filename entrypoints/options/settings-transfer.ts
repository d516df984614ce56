// The settings file: written from what is stored (settings, read stories per feed, the shelf), and
// read back through the worker's intents for read state and the shelf.
import { browser } from 'wxt/browser';
import { sendRequest } from '@/utils/platform/messages';
import type { Settings } from '@/utils/settings/settings-defaults';
import { hostPattern } from '@/utils/settings/feed-url';
import { createSettingsFile, MAX_IMPORT_BYTES, parseSettingsFile } from '@/utils/settings/settings-file';
import { readArchiveItem, storiesItem } from '@/utils/storage';
import { downloadFile } from '@/utils/ui/download-file';
import { t } from '@/utils/ui/i18n';
import { say } from '@/utils/ui/wording';

export async function exportSettingsFile(saved: Settings): Promise<void> {
  const [stories, archive] = await Promise.all([storiesItem.getValue(), readArchiveItem.getValue()]);
  const read = { ...archive, [saved.feedUrl]: stories.filter((story) => story.read).map((story) => story.id) };
  const shelf = stories.filter((story) => story.saved).map((story) => story.id);
  const data = createSettingsFile(saved, read, new Date(), shelf);
  downloadFile('smileband-news-settings.json', 'application/json', JSON.stringify(data, null, 2));
}

/**
 * Takes a chosen file's read state and shelf (through the worker) and hands back its settings for
 * the page to store, or why it was refused.
 */
export async function importSettingsFile(chosen: File): Promise<{ settings: Settings } | { problem: string }> {
  // Checked before reading: a huge file is refused without loading it.
  const parsed =
    chosen.size > MAX_IMPORT_BYTES
      ? { ok: false as const, reason: { key: 'errImportTooLarge' as const, subs: [MAX_IMPORT_BYTES / 1024 / 1024] } }
      : parseSettingsFile(await chosen.text());
  if (!parsed.ok) return { problem: say(parsed.reason) };
  const { settings, read, saved: shelf } = parsed.file;
  const granted = await browser.permissions.contains({ origins: [hostPattern(settings.feedUrl)] });
  if (!granted) return { problem: t('importNeedsPermission', settings.feedUrl) };
  // Read state first: a feed switch caused by the settings then archives it correctly.
  await sendRequest({ type: 'import-read', read });
  // The shelf of the stories stored now: the file's feed is, nearly always, the current one.
  if (shelf.length) await sendRequest({ type: 'set-saved', ids: shelf, saved: true });
  return { settings };
}
