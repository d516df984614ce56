import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { RowActionsContext, type RowActions } from '@/components/row-actions';

/** What a story list's owner gives its rows (StoryBrowser does), for a list rendered on its own. */
export function WithRows({ children, ...given }: Partial<RowActions> & { children: ComponentChildren }) {
  const { now, highlight, onOpen, onOpenOriginal, onToggleRead, onToggleSaved, activeLabel, onLabel, ruleNote } = given;
  // One value while the props stay the same, as the list's owner keeps it: rows re-render only when they change.
  const value = useMemo(
    (): RowActions => ({
      now: now ?? Date.now(),
      highlight: highlight ?? [],
      onOpen: onOpen ?? (() => {}),
      onOpenOriginal,
      onToggleRead,
      onToggleSaved,
      activeLabel,
      onLabel,
      ruleNote,
    }),
    [now, highlight, onOpen, onOpenOriginal, onToggleRead, onToggleSaved, activeLabel, onLabel, ruleNote],
  );
  return <RowActionsContext.Provider value={value}>{children}</RowActionsContext.Provider>;
}
