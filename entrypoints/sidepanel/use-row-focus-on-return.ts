import { useEffect, useRef } from 'preact/hooks';

/**
 * Back at the list from a story (Escape, the list button), focus is on that story's row, where the
 * reader left the list: the keyboard goes on from there. A row not drawn yet is not looked for.
 */
export function useRowFocusOnReturn(selected: string | null): void {
  const leftRef = useRef(selected);
  useEffect(() => {
    const left = leftRef.current;
    // By the row's id (its data-id), compared rather than put into a selector: a feed's id or link
    // may hold what a selector cannot, and a story may have no link at all.
    if (!selected && left) {
      const row = [...document.querySelectorAll<HTMLElement>('.stories > .row')].find((at) => at.dataset.id === left);
      row?.querySelector<HTMLElement>('.row-main')?.focus();
    }
    leftRef.current = selected;
  }, [selected]);
}
