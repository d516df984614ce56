import { useEffect } from 'preact/hooks';
import type { RefObject } from 'preact';

/** "/" jumps to search from anywhere, "l" to the labels (not while typing in search). */
export function useListKeys(
  search: RefObject<HTMLInputElement | null>,
  labelBar: RefObject<HTMLDivElement | null>,
): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || document.activeElement === search.current) return;
      const to =
        event.key === '/' ? search.current : event.key === 'l' ? labelBar.current?.querySelector('button') : null;
      if (to) {
        event.preventDefault();
        to.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [search, labelBar]);
}
