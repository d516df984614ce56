import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

export interface ReaderKeys {
  next: () => void;
  previous: () => void;
  openOriginal: () => void;
  toggleSaved: () => void;
  toList: () => void;
  /** Listen: start, pause, go on. */
  listen: () => void;
}

/**
 * The story's keys (not while typing): → or j the next story, ← or k the previous, o the original,
 * s save, r Listen (start, pause, go on), Escape the list. One listener for the page's life; it calls the latest handlers.
 */
export function useReaderKeys(keys: ReaderKeys | null): void {
  // The latest handlers, in place before the browser paints: a key pressed the moment the story
  // shows already works.
  const latestRef = useRef(keys);
  useLayoutEffect(() => {
    latestRef.current = keys;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const handlers = latestRef.current;
      if (!handlers || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const action = new Map([
        ['ArrowRight', handlers.next],
        ['j', handlers.next],
        ['ArrowLeft', handlers.previous],
        ['k', handlers.previous],
        ['o', handlers.openOriginal],
        ['s', handlers.toggleSaved],
        ['Escape', handlers.toList],
        ['r', handlers.listen],
      ]).get(event.key);
      if (!action) return;
      action();
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}
