import { storage } from 'wxt/utils/storage';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { bodyKey } from '@/utils/storage';
import { peekEarlyRead, takeEarlyRead } from '@/utils/ui/early-reads';

export interface StoryBody {
  id: string;
  /** The stored body (untrusted), or null when only the headline was kept. */
  html: string | null;
}

/**
 * The selected story's stored body, and the address kept in step so a reload shows the story
 * again. The first story's body may have come with the early-read script (the first render is
 * then the story itself); later ones are read in a layout effect, so the read leaves with the
 * render, not after its frame.
 */
export function useStoryBody(selected: string | null, itemId: string | null): StoryBody | null {
  const [body, setBody] = useState<StoryBody | null>(() => {
    const early = itemId ? peekEarlyRead<string>(bodyKey(itemId)) : undefined;
    return early && itemId ? { id: itemId, html: early.value } : null;
  });
  // The first story's body came with the first render: its effect has nothing to read.
  const heldBodyRef = useRef(body !== null);
  useLayoutEffect(() => {
    const search = selected ? `?item=${encodeURIComponent(selected)}` : '';
    // The address the panel opened with is already right: a history call would cost its first frame.
    if (location.search !== search) history.replaceState(null, '', search || location.pathname);
    if (!selected) return;
    window.scrollTo(0, 0);
    if (heldBodyRef.current) {
      heldBodyRef.current = false;
      return;
    }
    let live = true;
    const key = bodyKey(selected);
    const read = () => storage.getItem<string>(key);
    // A failed early read is read again, as readItem does for items.
    void (takeEarlyRead<string>(key)?.catch(read) ?? read()).then((html) => live && setBody({ id: selected, html }));
    return () => {
      live = false;
    };
  }, [selected]);
  return body;
}
