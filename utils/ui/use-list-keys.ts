import { useEffect } from 'preact/hooks';
import type { RefObject } from 'preact';

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
      const { key } = event;
      const focused = document.activeElement;
      if (event.altKey || event.ctrlKey || event.metaKey || focused === search.current) return;
      const to =
        key === '/'
          ? search.current
          : key === 'l'
            ? labelBar.current?.querySelector('button')
            : focused === document.body && /^([jk]|Arrow(Up|Down))$/.test(key)
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
