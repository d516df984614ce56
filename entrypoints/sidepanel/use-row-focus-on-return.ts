import { useEffect, useRef } from 'preact/hooks';

/**
 * Back at the list from a story (Escape, the list button), focus is on that story's row, where the
 * reader left the list: the keyboard goes on from there. A row not drawn yet is not looked for.
 */
export function useRowFocusOnReturn(selected: string | null, link: string | undefined): void {
  const leftRef = useRef(link);
  useEffect(() => {
    // A story's link is a URL's href, in which a quote is always escaped: it cannot end the string.
    if (!selected && leftRef.current)
      document.querySelector<HTMLElement>(`.row-main[href="${leftRef.current}"]`)?.focus();
    leftRef.current = link;
  }, [selected, link]);
}
