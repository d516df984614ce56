import { useEffect, useRef, useState } from 'preact/hooks';

/** Rows drawn at first: a screenful and a half of the popup. */
export const FIRST_ROWS = 30;
/** Rows added each time the reader nears the end of those drawn. */
export const MORE_ROWS = 100;

/**
 * How many rows of a long list to draw: the first screenful, then more as the reader scrolls near
 * the end of what is drawn, watched through `sentinel` (the list's last element). A page of 2000
 * stories then holds the rows a reader has reached, not 2000 of them. `setLimit` draws more at once
 * (a keyboard move to the end, for one).
 */
export function useRowsOnScroll(total: number) {
  const [limit, setLimit] = useState(FIRST_ROWS);
  const sentinel = useRef<HTMLLIElement>(null);
  useEffect(() => {
    const node = sentinel.current;
    // What scrolls: the list's box (.list-scroll) in the popup, the page in the side panel.
    const box = node?.parentElement?.parentElement;
    if (!node || !box) return;
    const observer = new IntersectionObserver(([entry]) => entry?.isIntersecting && setLimit(limit + MORE_ROWS), {
      // The margin reaches ahead only inside the element that scrolls: the popup's list scrolls
      // in its box, the side panel's with the page. Far enough ahead that scrolling never meets
      // a gap, near enough that an open page holds about what was seen.
      root: getComputedStyle(box).overflowY === 'auto' ? box : null,
      rootMargin: '0px 0px 1200px',
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [limit, total]);
  return { limit, setLimit, sentinel };
}
