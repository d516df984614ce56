import { useEffect, useRef } from 'preact/hooks';

/**
 * Back at the list from a story (Escape, the list button), focus is on that story's row, where the
 * reader left the list: the keyboard goes on from there. A row not drawn yet is not looked for.
 */
export function useRowFocusOnReturn(selected: string | null, link: string | undefined): void {
  const leftRef = useRef(link);
  useEffect(() => {
    const href = leftRef.current;
    // Compared, not put into a selector: a feed's link may hold what a selector cannot (a "\").
    if (!selected && href)
      [...document.querySelectorAll<HTMLElement>('.row-main')]
        .find((row) => row.getAttribute('href') === href)
        ?.focus();
    leftRef.current = link;
  }, [selected, link]);
}
