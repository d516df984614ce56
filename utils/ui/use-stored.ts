import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * A storage item's value, kept current by watching it. `undefined` until the first read, so a page
 * can tell "loading" from "empty". `reconcile` may keep parts of the previous value (see
 * keep-unchanged.ts) so that unchanged rows do not re-render. The browser answers storage reads in
 * order, so a small read queued behind a large one waits for it: `enabled` lets a page sequence them.
 */
export function useStored<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
  reconcile?: (previous: T | undefined, next: T) => T,
  /** False holds the read back (the popup reads its small head first, then the whole list). */
  enabled = true,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const accept = (next: T) => live && setValue((previous) => (reconcile ? reconcile(previous, next) : next));
    void item.getValue().then(accept);
    const unwatch = item.watch(accept);
    return () => {
      live = false;
      unwatch();
    };
  }, [item, enabled, reconcile]);
  return value;
}
