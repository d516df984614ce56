import { useEffect } from 'preact/hooks';
import type { RefObject } from 'preact';

const ROW_KEYS = new Set(['j', 'k', 'ArrowDown', 'ArrowUp']);

/**
 * "/" jumps to search from anywhere, "l" to the labels (not while typing in search); with nothing
 * focused, as when the popup opens, j k ↓ ↑ go to the list's current story, where they move on.
 */
export function useListKeys(
  search: RefObject<HTMLInputElement | null>,
  labelBar: RefObject<HTMLDivElement | null>,
  list: RefObject<HTMLUListElement | null>,
): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || document.activeElement === search.current) return;
      const nothingFocused = !document.activeElement || document.activeElement === document.body;
      const to =
        event.key === '/'
          ? search.current
          : event.key === 'l'
            ? labelBar.current?.querySelector('button')
            : nothingFocused && ROW_KEYS.has(event.key)
              ? list.current?.querySelector<HTMLElement>('.row-main[tabindex="0"]')
              : null;
      if (to) {
        event.preventDefault();
        to.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [search, labelBar, list]);
}
