import { syncDocItem } from '@/utils/storage';

/**
 * An update of the extension (runtime.onInstalled, reason `update`) over a reader's stored data:
 * every item whose shape changed since a release is brought up to date here, at once, rather than
 * when something first reads it. Nothing else: no poll, no notices, no settings reset (a first
 * install's work). The alarm is the worker's start-up's (ensurePollAlarm), the menu the caller's.
 */
export async function migrateStorage(): Promise<void> {
  // Items without migrations are at version 1, the first release's shapes (README "Stored data").
  await syncDocItem.migrate();
}
