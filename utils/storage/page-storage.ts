// The pages' build of `wxt/utils/storage` (an alias in wxt.config.ts; the worker keeps WXT's own).
// The pages only read, watch and set whole items, and the worker, which writes almost everything,
// owns every migration. WXT's module also carries versioning, metadata, migrations and locks, 3 KB
// of the popup's 15 KB budget, none of which a page runs. tests/unit/storage/page-storage.test.ts holds this
// to WXT's behaviour for every call the pages make.
import { browser } from 'wxt/browser';
import type { StorageItemKey, WxtStorage, WxtStorageItem } from 'wxt/utils/storage';

// The areas a page may keep items in (`managed` is the administrator's, read only: not for items).
type Area = 'local' | 'session' | 'sync';
type Changes = Record<string, { newValue?: unknown; oldValue?: unknown }>;

function resolve(key: string): { area: () => typeof browser.storage.local; name: string } {
  const colon = key.indexOf(':');
  const areaName = key.slice(0, colon) as Area;
  if (!['local', 'session', 'sync'].includes(areaName)) {
    throw new Error(`Invalid area in ${key}`);
  }
  return { area: () => browser.storage[areaName] as typeof browser.storage.local, name: key.slice(colon + 1) };
}

async function read(key: string): Promise<unknown> {
  const { area, name } = resolve(key);
  return (await area().get<Record<string, unknown>>(name))[name] ?? null;
}

function defineItem<T>(key: StorageItemKey, options: { fallback: T }): WxtStorageItem<T, Record<string, unknown>> {
  const { area, name } = resolve(key);
  const fallback = options.fallback ?? null;
  const item = {
    key,
    fallback,
    getValue: async () => (await read(key)) ?? fallback,
    setValue: async (value: T) => {
      await (value == null ? area().remove(name) : area().set({ [name]: value }));
    },
    // Each browser reports a change only when a key's value differs (WXT also compares itself).
    watch(callback: (next: T, previous: T) => void) {
      const listener = (changes: Changes) => {
        const change = changes[name];
        if (change) callback((change.newValue ?? fallback) as T, (change.oldValue ?? fallback) as T);
      };
      area().onChanged.addListener(listener);
      return () => area().onChanged.removeListener(listener);
    },
  };
  // The rest of WXT's item (metadata, migrations, removal) is the worker's; a page never calls it.
  return item as unknown as WxtStorageItem<T, Record<string, unknown>>;
}

export const storage = {
  defineItem,
  getItem: read,
} as unknown as WxtStorage;

export type { StorageItemKey, WxtStorage, WxtStorageItem };
