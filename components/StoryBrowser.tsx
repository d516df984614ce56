import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import { FilterRow } from './FilterRow';
import { ListBody } from './ListBody';
import { ListHeader } from './ListHeader';
import { RowActionsContext } from './row-actions';
import { SearchBar } from './SearchBar';
import { UndoBar } from './UndoBar';
import { rulesOf, type Rules, type Verdict } from '@/utils/stories/story-rules';
import type { StoryMeta } from '@/utils/feed/types';
import type { OpenIn } from '@/utils/settings/settings-defaults';
import { withLastCheck, type PollStatus } from '@/utils/storage';
import { queryWords } from '@/utils/ui/filter-stories';
import { statusText } from '@/utils/ui/status-text';
import { useListFilter } from '@/utils/ui/use-list-filter';
import { useListKeys } from '@/utils/ui/use-list-keys';
import { useListView } from '@/utils/ui/use-list-view';
import { useMarkOlder, useScrollRead } from '@/utils/ui/use-scroll-read';
import { useNow } from '@/utils/ui/use-now';
import { useStoryActions } from '@/utils/ui/use-story-actions';
import { t, uiLocale } from '@/utils/ui/i18n';
import './StoryBrowser.css';

export interface StoryBrowserProps {
  /** What to list now: the popup passes its first screen while the whole index loads. */
  stories: readonly StoryMeta[] | undefined;
  /** The whole index once read: the unread count and Mark all read wait for it. */
  all: readonly StoryMeta[] | undefined;
  status: PollStatus | undefined;
  lastChecked: string | null | undefined;
  /** Opens the story in the side panel (the popup opens the panel; the panel shows it). */
  onOpen: (story: StoryMeta) => void;
  /** The reader's choice of what a click on a headline opens (settings). */
  openIn: OpenIn;
  /** Controls under the Saved view while it holds stories (the side panel's Export). */
  savedTools?: ComponentChildren;
  /** The reader's notification rules: hidden stories leave the list, quiet ones say why. */
  rules?: Rules;
  /** Read as you scroll (the reader's option). */
  markOnScroll?: boolean;
}

const LOCALE = uiLocale();
const NO_RULES: Rules = rulesOf(undefined);

/** Why a story is quiet or hidden, in the reader's words; null for one that notifies. */
function ruleNote(verdict: Verdict | undefined): string | null {
  if (!verdict?.because || verdict.action === 'notify') return null;
  const rule = t(verdict.because.kind === 'keyword' ? 'ruleKeyword' : 'ruleLabel', verdict.because.text);
  return t(verdict.action === 'hide' ? 'ruleHidden' : 'ruleQuiet', rule);
}

/**
 * The list home, the same in the popup and the side panel: title, unread count, Refresh and the
 * status line; search, Unread only, a label and the Saved view (all remembered) and Mark all read
 * with Undo; the headlines, or the one message that stands in for them (loading, first run, failure
 * with Retry, no match, nothing saved).
 */
export function StoryBrowser({
  stories,
  all,
  status,
  lastChecked,
  onOpen,
  openIn,
  savedTools,
  rules = NO_RULES,
  markOnScroll = false,
}: StoryBrowserProps) {
  const now = useNow();
  const filter = useListFilter();
  const actions = useStoryActions();
  const view = useListView(stories, all, rules, filter, LOCALE);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const labelBar = useRef<HTMLDivElement>(null);
  useListKeys(search, labelBar, list);

  const { query, saved, label, toggleLabel } = filter;
  const words = useMemo(() => queryWords(query), [query]);
  const { verdicts } = view;
  const { toggleSaved, toggleRead, openOriginal, markRead } = actions;
  useScrollRead(list, markOnScroll, !!view.visible?.length, markRead);
  const markOlder = useMarkOlder(view.visible, markRead);
  const rows = useMemo(
    () => ({
      now,
      highlight: words,
      onOpen: openIn === 'original' ? openOriginal : onOpen,
      onOpenOriginal: openOriginal,
      onToggleRead: toggleRead,
      onToggleSaved: toggleSaved,
      onMarkOlder: markOlder,
      activeLabel: label,
      onLabel: toggleLabel,
      ruleNote: (story: StoryMeta) => ruleNote(verdicts.get(story.id)),
    }),
    [now, words, openIn, onOpen, openOriginal, toggleRead, toggleSaved, markOlder, label, toggleLabel, verdicts],
  );
  const current = status ? statusText(withLastCheck(status, lastChecked), now) : null;
  const { outcome } = actions;
  const line = current && outcome && !current.isError ? { ...current, text: `${current.text} · ${outcome}` } : current;
  // A failed first run: the message in the list's place says what failed, once.
  const failedFirstRun = stories?.length === 0 && !!status?.error;
  const listed = !!stories && stories.length > 0;

  return (
    <div class="story-browser">
      <ListHeader
        unread={view.unread}
        status={failedFirstRun ? null : line}
        refreshing={actions.refreshing}
        onRefresh={() => void actions.refresh()}
      />
      {listed && (
        <SearchBar
          query={query}
          onQuery={(next) => filter.change({ query: next })}
          searchRef={search}
          listRef={list}
          unread={view.unread}
          onMarkAllRead={() => void actions.markAllRead()}
        />
      )}
      {listed && <FilterRow filter={filter} labelBarRef={labelBar} {...view} />}
      {actions.message && (
        <p class="list-notice" role="alert">
          {actions.message}
        </p>
      )}
      {saved && view.savedTotal > 0 && savedTools}
      <RowActionsContext.Provider value={rows}>
        <ListBody
          stories={stories}
          all={all}
          status={status}
          visible={view.visible}
          filter={filter}
          savedTotal={view.savedTotal}
          failure={line?.text}
          refreshing={actions.refreshing}
          onRetry={() => void actions.refresh()}
          listRef={list}
        />
      </RowActionsContext.Provider>
      {actions.undo && (
        <UndoBar
          message={t(
            'markedRead',
            actions.undo.length === 1 ? t('storyCountOne') : t('storyCountMany', actions.undo.length),
          )}
          onUndo={actions.undoMarkAll}
          onDismiss={actions.dismissUndo}
        />
      )}
    </div>
  );
}
