import { useEffect, useRef } from 'preact/hooks';

/**
 * Back at the list from a story (Escape, the list button), focus is on that story's row, where the
 * reader left the list: the keyboard goes on from there. A row not drawn yet is not looked for.
 */
export function useRowFocusOnReturn(selected: string | null, link: string | undefined): void {
  const leftRef = useRef<string | null>(null);
  useEffect(() => {
    if (selected) {
      leftRef.current = link || null;
      return;
    }
    const href = leftRef.current;
    leftRef.current = null;
    if (!href) return;
    for (const row of document.querySelectorAll<HTMLElement>('.stories .row-main')) {
      if (row.getAttribute('href') === href) return row.focus();
    }
  }, [selected, link]);
}
