// Storage reads a page starts before it can render. The side panel's script (entrypoints/
// sidepanel-app.tsx) asks for the first screen's keys as soon as it runs in the page's head, before
// the parser has reached the panel's element; the panel then takes those answers instead of asking
// again, so the reads overlap the page's loading rather than follow it.
import { browser } from 'wxt/browser';
import type { WxtStorageItem } from 'wxt/utils/storage';

const LOCAL = 'local:';

interface EarlyReads {
  answer: Promise<Record<string, unknown>>;
  /** Keys whose early answer is still good to take: not yet taken, not written since. */
  waiting: Set<string>;
  /** The answer once it has come: a page whose code loads after it renders with it at once. */
  values?: Record<string, unknown>;
}

declare global {
  interface Window {
    smilebandEarlyReads?: EarlyReads;
  }
}

/** Starts reading `keys` (storage.local ones, as items name them) for the page to take later. */
export function startEarlyReads(keys: readonly `local:${string}`[]): void {
  const names = keys.map((key) => key.slice(LOCAL.length));
  const waiting = new Set(names);
  // A key written after the read left may have been answered with its old value: read it afresh.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') for (const name of Object.keys(changes)) waiting.delete(name);
  });
  const early: EarlyReads = { answer: browser.storage.local.get(names), waiting };
  early.answer.then(
    (values) => (early.values = values),
    () => undefined,
  );
  window.smilebandEarlyReads = early;
}

/** The early answer for `key` (null when nothing is stored), at most once; undefined when none waits. */
export function takeEarlyRead<T>(key: string): Promise<T | null> | undefined {
  const early = window.smilebandEarlyReads;
  const name = key.slice(LOCAL.length);
  if (!early || !key.startsWith(LOCAL) || !early.waiting.delete(name)) return undefined;
  return early.answer.then((values) => (values[name] ?? null) as T | null);
}

/**
 * The early answer for `key` when it has already come (null when nothing is stored), at most once,
 * like takeEarlyRead; undefined while it is on its way, or when none waits.
 */
export function peekEarlyRead<T>(key: string): { value: T | null } | undefined {
  const early = window.smilebandEarlyReads;
  if (!early?.values || !key.startsWith(LOCAL)) return undefined;
  const name = key.slice(LOCAL.length);
  if (!early.waiting.delete(name)) return undefined;
  return { value: (early.values[name] ?? null) as T | null };
}

/** An item's value from an early answer that has already come (its fallback when none is stored). */
export function peekItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): { value: T } | undefined {
  const early = peekEarlyRead<T>(item.key);
  return early && { value: early.value ?? item.fallback };
}

/** An item's value: the early answer when one waits, else a read now. */
export function readItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): Promise<T> {
  const early = takeEarlyRead<T>(item.key);
  if (!early) return item.getValue();
  return early.then(
    (value) => value ?? item.fallback,
    () => item.getValue(),
  );
}
