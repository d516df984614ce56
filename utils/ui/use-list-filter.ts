import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StoryFilter } from './filter-stories';
import { readListFilter, writeListFilter } from './remembered-filter';

export interface ListView extends StoryFilter {
  /** The stories the rules hide, shown on request (not remembered: hiding is the rule). */
  showHidden: boolean;
}

const EVERYTHING: ListView = { query: '', unreadOnly: false, label: null, saved: false, showHidden: false };

/**
 * What the list shows: a search, Unread only, a label and the Saved view (remembered for the next
 * opening, and for the side panel's previous/next), and the Hidden view.
 */
export function useListFilter() {
  const [view, setView] = useState<ListView>(() => ({ ...readListFilter(), showHidden: false }));
  const { query, unreadOnly, label, saved } = view;
  useEffect(() => writeListFilter({ query, unreadOnly, label, saved }), [query, unreadOnly, label, saved]);
  const change = useCallback((patch: Partial<ListView>) => setView((before) => ({ ...before, ...patch })), []);
  // Stable: every row's label chips call it (row-actions.ts). A chip pressed again clears its label.
  const toggleLabel = useCallback(
    (next: string) => setView((before) => ({ ...before, label: before.label === next ? null : next })),
    [],
  );
  return {
    ...view,
    change,
    toggleLabel,
    showAll: () => setView(EVERYTHING),
  };
}

export type ListFilter = ReturnType<typeof useListFilter>;
