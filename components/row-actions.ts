import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StoryMeta } from '@/utils/feed/types';

/**
 * What every row of a story list shares: the time its age is told from, the search's words, and
 * what the row's controls do. Given once by the list's owner (StoryBrowser), not passed down.
 */
export interface RowActions {
  /** Rounded to the minute (see use-now.ts), so rows re-render only when their age label changes. */
  now: number;
  /** The search's folded words (queryWords), marked where they match in each headline. */
  highlight: readonly string[];
  onOpen: (story: StoryMeta) => void;
  onOpenOriginal?: (story: StoryMeta) => void;
  onToggleRead?: (story: StoryMeta) => void;
  /** Saves the story for later, or takes it off the shelf. */
  onToggleSaved?: (story: StoryMeta) => void;
  /** Marks the unread stories below it in the list read (with Undo). */
  onMarkOlder?: (story: StoryMeta) => void;
  /** The label the list is filtered to (its chips show pressed), and what pressing a chip does. */
  activeLabel?: string | null;
  onLabel?: (label: string) => void;
  /** Which of the reader's rules quiets or hides a story, in words; null for none. */
  ruleNote?: (story: StoryMeta) => string | null;
  /** The text a search found in the story where its headline does not show why (the blog's search). */
  snippet?: (story: StoryMeta) => string | undefined;
}

// Given by StoryBrowser (tests give it with tests/support/row-actions.tsx); a list has no rows without it.
export const RowActionsContext = createContext<RowActions>(null!);

export function useRowActions(): RowActions {
  return useContext(RowActionsContext);
}

/**
 * The list's actions for rows the blog's search found (components/BlogSearch.tsx): their chips do
 * not filter, they say no rule (they are not stored yet), and each shows what matched where its
 * headline does not. Here, not in that lazily loaded module: the names it sets are mangled, and
 * only this chunk's names are the rows' (tests/unit/page-properties.test.ts).
 */
export function foundRowActions(actions: RowActions, snippets: Record<string, string> | undefined): RowActions {
  return {
    ...actions,
    activeLabel: null,
    onLabel: undefined,
    ruleNote: undefined,
    snippet: (story) => snippets?.[story.id],
  };
}
