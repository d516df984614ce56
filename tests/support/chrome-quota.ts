import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { entryBytes } from '@/utils/feed/stored-size';

export const CHROME_QUOTA_BYTES = 10 * 1024 * 1024;

/** Everything in the fake storage.local, in the bytes Chrome charges (key + JSON value). */
export async function bytesInUse(keys: string[] | null = null): Promise<number> {
  const items = await fakeBrowser.storage.local.get(keys);
  return Object.entries(items).reduce((sum, [key, value]) => sum + entryBytes(key, value), 0);
}

/**
 * Makes the fake storage.local behave like Chrome's: a write that would take the store past the
 * quota fails whole with Chrome's message, and getBytesInUse answers (unless `measure` is false,
 * as in a browser without it). Returns a function that undoes both.
 */
export function enforceChromeQuota({ quota = CHROME_QUOTA_BYTES, measure = true } = {}): () => void {
  const local = fakeBrowser.storage.local;
  const set = local.set.bind(local);
  const spy = vi.spyOn(local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    const next = { ...(await local.get(null)), ...items };
    const total = Object.entries(next).reduce((sum, [key, value]) => sum + entryBytes(key, value), 0);
    if (total > quota) throw new Error('QUOTA_BYTES quota exceeded');
    return set(items);
  });
  const previous = Reflect.get<typeof local, 'getBytesInUse'>(local, 'getBytesInUse');
  if (measure) local.getBytesInUse = (keys) => bytesInUse(typeof keys === 'string' ? [keys] : (keys ?? null));
  return () => {
    spy.mockRestore();
    local.getBytesInUse = previous;
  };
}
