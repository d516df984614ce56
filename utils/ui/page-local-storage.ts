// What the pages remember for themselves in their own localStorage (shared by the popup and the
// side panel, never by the worker): read synchronously, so the first frame already has it. A copy
// for display only; extension storage stays the source of truth for anything the worker owns.

/** The value stored under `key` if `accept` takes it, else undefined (absent, corrupt, unavailable). */
export function recall<T>(key: string, accept: (value: unknown) => T | undefined): T | undefined {
  try {
    return accept(JSON.parse(localStorage.getItem(key) ?? 'null'));
  } catch {
    return undefined;
  }
}

export function remember(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Full or unavailable: the page just does without it next time.
  }
}

/**
 * Loads the page's localStorage ahead of its first read. The first access waits for the browser to
 * hand over the whole area (about a millisecond); the side panel's script makes it while its first
 * storage reads are on their way, rather than inside the render they hold back.
 */
export function warmPageMemory(): void {
  try {
    void localStorage.length;
  } catch {
    // Unavailable: recall() does without it.
  }
}
