import { useCallback, useEffect, useState } from 'preact/hooks';
import { readListFilter, writeListFilter } from './remembered-filter';

/**
 * What the list shows: a search, Unread only, a label and the Saved view (remembered for the next
 * opening, and for the side panel's previous/next), and the Hidden view (not remembered: hiding is
 * the rule).
 */
export function useListFilter() {
  const [remembered] = useState(readListFilter);
  const [query, setQuery] = useState(remembered.query);
  const [unreadOnly, setUnreadOnly] = useState(remembered.unreadOnly);
  const [label, setLabel] = useState(remembered.label);
  const [saved, setSaved] = useState(remembered.saved);
  const [showHidden, setShowHidden] = useState(false);
  useEffect(() => writeListFilter({ query, unreadOnly, label, saved }), [query, unreadOnly, label, saved]);
  // Stable: every row's label chips call it (row-actions.ts).
  const toggleLabel = useCallback((next: string) => setLabel((current) => (current === next ? null : next)), []);
  return {
    query,
    setQuery,
    unreadOnly,
    setUnreadOnly,
    label,
    setLabel,
    /** A chip pressed again clears its label. */
    toggleLabel,
    saved,
    setSaved,
    showHidden,
    setShowHidden,
    /** Anything narrows the list. */
    narrowed: !!query || unreadOnly || label !== null || saved || showHidden,
    showAll: () => {
      setQuery('');
      setUnreadOnly(false);
      setLabel(null);
      setSaved(false);
      setShowHidden(false);
    },
  };
}

export type ListFilter = ReturnType<typeof useListFilter>;
