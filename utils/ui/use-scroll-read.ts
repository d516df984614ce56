import type { RefObject } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { StoryMeta } from '../feed/types';

/** How long a batch gathers rows scrolled past before it is sent, as one intent. */
const BATCH_MS = 400;

// Marking many stories read at once, as the reader reads: by scrolling past them, or from a row.

/**
 * Read as you scroll: an unread row that has been on screen whole and then leaves it upward is
 * marked read, the rows scrolled past in one go sent together (`onRead`). A row never shown whole
 * stays unread; rows drawn later (the windowed list) are watched as they come.
 */
export function useScrollRead(
  listRef: RefObject<HTMLElement | null>,
  enabled: boolean,
  /** Rows are on the page (the list may come after a loading message). */
  listed: boolean,
  onRead: (ids: string[]) => void,
): void {
  const onReadRef = useRef(onRead);
  useEffect(() => {
    onReadRef.current = onRead;
  });
  useEffect(() => {
    const list = listRef.current;
    if (!enabled || !listed || !list) return;
    const whole = new Set<string>();
    let batch: string[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      if (batch.length) onReadRef.current(batch);
      batch = [];
    };
    const watcher = new IntersectionObserver(
      (entries) => {
        for (const { target, intersectionRatio, isIntersecting, boundingClientRect, rootBounds } of entries) {
          const row = target as HTMLElement;
          const id = row.dataset.id!;
          if (intersectionRatio > 0.99) whole.add(id);
          // Gone above the top: a row taken off the page (re-drawn, filtered out) has no box, and
          // is not read for that.
          else if (!isIntersecting && whole.delete(id) && boundingClientRect.height > 0) {
            if (boundingClientRect.bottom > (rootBounds?.top ?? 0) || !row.classList.contains('unread')) continue;
            batch.push(id);
            clearTimeout(timer);
            timer = setTimeout(send, BATCH_MS);
          }
        }
      },
      { root: scrollParent(list), threshold: [0, 1] },
    );
    // Observing a row twice is nothing: every row, then each one drawn later.
    const watchRows = () => list.querySelectorAll(':scope > .row').forEach((row: Element) => watcher.observe(row));
    watchRows();
    const drawn = new MutationObserver(watchRows);
    drawn.observe(list, { childList: true });
    return () => {
      watcher.disconnect();
      drawn.disconnect();
      clearTimeout(timer);
      send();
    };
  }, [listRef, enabled, listed]);
}

/** The element the list scrolls in (the popup's and the panel's list box), or null for the page. */
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    if (/auto|scroll/.test(getComputedStyle(parent).overflowY)) return parent;
  }
  return null;
}

/**
 * Mark older as read (a row's action, Shift+M): the unread stories below a row in the list as it
 * shows now, in one batch. Stable, for the rows' shared actions.
 */
export function useMarkOlder(
  visible: readonly StoryMeta[] | undefined,
  onRead: (ids: string[]) => void,
): (story: StoryMeta) => void {
  // Before the browser paints: a row clicked the moment it shows has its list.
  const visibleRef = useRef(visible);
  useLayoutEffect(() => {
    visibleRef.current = visible;
  });
  return useCallback(
    (story: StoryMeta) => {
      const shown = visibleRef.current ?? [];
      const older = shown.slice(shown.findIndex((each) => each.id === story.id) + 1);
      onRead(older.filter((each) => !each.read).map((each) => each.id));
    },
    [onRead],
  );
}
