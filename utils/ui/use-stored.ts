import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * A storage item's value, kept current by watching it. `undefined` until the first read (unless
 * `peek` has it at hand for the first render), so a page can tell "loading" from "empty". The
 * browser answers storage reads in order, so a small read queued behind a large one waits for it:
 * `enabled` lets a page sequence them.
 */
export interface UseStoredOptions<T> {
  /** Keeps parts of the previous value (keep-unchanged.ts), so unchanged rows do not re-render. */
  reconcile?: (previous: T | undefined, next: T) => T;
  /** False holds the read back (the popup reads its small head first, then the whole list). */
  enabled?: boolean;
  /** The first read: the side panel passes readItem (early-reads.ts) to take its early answers. */
  read?: (item: WxtStorageItem<T, Record<string, unknown>>) => Promise<T>;
  /** A value already at hand for the first render (peekItem: an early answer that has come). */
  peek?: (item: WxtStorageItem<T, Record<string, unknown>>) => { value: T } | undefined;
}

export function useStored<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
  { reconcile, enabled = true, read = readNow, peek }: UseStoredOptions<T> = {},
): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => {
    const held = enabled ? peek?.(item) : undefined;
    return held?.value;
  });
  // Whether the first render's value was at hand: then the first effect only watches.
  const heldFirstRef = useRef(value !== undefined);
  // A layout effect: the read leaves with the first render instead of after the first frame, so
  // the answer can make the page's first real paint.
  useLayoutEffect(() => {
    if (!enabled) return;
    let live = true;
    const accept = (next: T) => live && setValue((previous) => (reconcile ? reconcile(previous, next) : next));
    if (heldFirstRef.current) heldFirstRef.current = false;
    else void read(item).then(accept);
    const unwatch = item.watch(accept);
    return () => {
      live = false;
      unwatch();
    };
  }, [item, enabled, reconcile, read]);
  return value;
}

// One function for every render: the read is an effect dependency.
function readNow<T>(item: WxtStorageItem<T, Record<string, unknown>>): Promise<T> {
  return item.getValue();
}
