import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * A storage item's value, kept current by watching it. `undefined` until the first read, so a page
 * can tell "loading" from "empty". `reconcile` may keep parts of the previous value (see
 * keep-unchanged.ts) so that unchanged rows do not re-render.
 */
export function useStored<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
  reconcile?: (previous: T | undefined, next: T) => T,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const accept = (next: T) => live && setValue((previous) => (reconcile ? reconcile(previous, next) : next));
    void item.getValue().then(accept);
    const unwatch = item.watch(accept);
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}
