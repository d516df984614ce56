import { browser } from 'wxt/browser';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LabelBar } from './LabelBar';
import { ListHeader } from './ListHeader';
import { StateMessage } from './StateMessage';
import { StoryList } from './StoryList';
import { UndoBar } from './UndoBar';
import { unreadCount } from '@/utils/feed/read-state';
import { SAVED_LIMIT, savedCount } from '@/utils/feed/saved';
import { hasRules, judgeStory, rulesOf, type Rules, type Verdict } from '@/utils/feed/story-rules';
import type { StoryMeta } from '@/utils/feed/types';
import type { OpenIn } from '@/utils/settings/settings-defaults';
import { sendRequest } from '@/utils/messages';
import { withLastCheck, type PollStatus } from '@/utils/storage';
import { filterStories, queryWords } from '@/utils/ui/filter-stories';
import { labelCounts } from '@/utils/ui/label-counts';
import { readListFilter, writeListFilter } from '@/utils/ui/remembered-filter';
import { statusText } from '@/utils/ui/status-text';
import { clockTime } from '@/utils/ui/clock-time';
import { useExpiring } from '@/utils/ui/use-expiring';
import { useLazy } from '@/utils/ui/use-lazy';
import { useNow } from '@/utils/ui/use-now';
import { t, uiLocale } from '@/utils/ui/i18n';
import './StoryBrowser.css';

/** How long Undo and a refresh's outcome stay on screen. */
const NOTICE_MS = 8000;

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
  /** Writes the saved stories to a file (the side panel, which has the sanitizer, offers it). */
  onExportSaved?: () => Promise<void>;
  /** The reader's notification rules: hidden stories leave the list, quiet ones say why. */
  rules?: Rules;
}

const LOCALE = uiLocale();
/** Fewer stored matches than this, and a search offers the whole blog's. */
const FEW_MATCHES = 5;
const NO_RULES: Rules = rulesOf(undefined);

/** Each story's verdict under the rules, by id (none to judge without rules). */
function judgeAll(stories: readonly StoryMeta[], rules: Rules): Map<string, Verdict> {
  const verdicts = new Map<string, Verdict>();
  if (!hasRules(rules)) return verdicts;
  for (const story of stories) verdicts.set(story.id, judgeStory(story, rules));
  return verdicts;
}

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
  onExportSaved,
  rules = NO_RULES,
}: StoryBrowserProps) {
  const now = useNow();
  const [remembered] = useState(readListFilter);
  const [query, setQuery] = useState(remembered.query);
  const [unreadOnly, setUnreadOnly] = useState(remembered.unreadOnly);
  const [label, setLabel] = useState(remembered.label);
  const [saved, setSaved] = useState(remembered.saved);
  // The stories the rules hide, shown on request (not remembered: hiding is the rule).
  const [showHidden, setShowHidden] = useState(false);
  // Remembered for the next opening, and for the side panel's previous/next.
  useEffect(() => writeListFilter({ query, unreadOnly, label, saved }), [query, unreadOnly, label, saved]);
  const [refreshing, setRefreshing] = useState(false);
  const [outcome, setOutcome] = useExpiring<string>(NOTICE_MS);
  const [undo, setUndo] = useExpiring<string[]>(NOTICE_MS);
  const [notice, setNotice] = useExpiring<string>(NOTICE_MS);
  // The site's own Retry-After, said instead of asking; a press while it shows asks anyway.
  const [wait, setWait] = useExpiring<string>(NOTICE_MS);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const labelBar = useRef<HTMLDivElement>(null);

  const refresh = async () => {
    setRefreshing(true);
    setOutcome(null);
    try {
      const reply = await sendRequest(wait ? { type: 'refresh', force: true } : { type: 'refresh' });
      setWait(reply.waitUntil ? t('refreshWait', clockTime(reply.waitUntil, Date.now())) : null);
      // Failures show in the status line from storage; success says what it found, briefly.
      if (reply.ok)
        setOutcome(
          reply.added === 1 ? t('newStoryOne') : reply.added ? t('newStoriesMany', reply.added) : t('noNewStories'),
        );
    } finally {
      setRefreshing(false);
    }
  };
  const markAllRead = async () => {
    const { changed } = await sendRequest({ type: 'mark-all-read' });
    if (changed.length) setUndo(changed);
  };
  const toggleSaved = async (story: StoryMeta) => {
    const reply = await sendRequest({ type: 'set-saved', ids: [story.id], saved: !story.saved });
    setNotice(reply.full ? t('savedFull', SAVED_LIMIT) : null);
  };
  const exportSaved = async () => {
    setNotice(null);
    try {
      await onExportSaved?.();
    } catch (error) {
      console.error('Smileband News: export of the saved stories failed', error);
      setNotice(t('exportSavedFailed'));
    }
  };
  const undoMarkAll = () => {
    if (undo) void sendRequest({ type: 'set-read', ids: undo, read: false });
    setUndo(null);
  };

  // "/" jumps to search from anywhere, "l" to the labels (not while typing); ArrowDown leaves
  // search for the list.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || document.activeElement === search.current) return;
      const to =
        event.key === '/' ? search.current : event.key === 'l' ? labelBar.current?.querySelector('button') : null;
      if (to) {
        event.preventDefault();
        to.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      list.current?.querySelector<HTMLElement>('.row-main[tabindex="0"]')?.focus();
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  const verdicts = useMemo(() => judgeAll(all ?? stories ?? [], rules), [all, stories, rules]);
  const hiddenTotal = useMemo(() => {
    let count = 0;
    for (const verdict of verdicts.values()) if (verdict.action === 'hide') count++;
    return count;
  }, [verdicts]);
  const visible = useMemo(() => {
    if (!stories) return undefined;
    const shown = stories.filter((story) => (verdicts.get(story.id)?.action === 'hide') === showHidden);
    return filterStories(shown, { query, unreadOnly, label, saved });
  }, [stories, verdicts, showHidden, query, unreadOnly, label, saved]);
  const savedTotal = useMemo(() => savedCount(all ?? stories ?? []), [all, stories]);
  const labels = useMemo(() => labelCounts(all ?? stories ?? [], LOCALE), [all, stories]);
  const toggleLabel = (next: string) => setLabel((current) => (current === next ? null : next));
  const unread = useMemo(
    () => (all ? unreadCount(all.filter((story) => verdicts.get(story.id)?.action !== 'hide')) : 0),
    [all, verdicts],
  );
  const words = useMemo(() => queryWords(query), [query]);
  // Older stories at the end of the list, for all posts or a label's; the archive arrives read, so
  // not under Unread only, and a search, Saved and Hidden look only at what is stored.
  const older = !query && !unreadOnly && !saved && !showHidden;
  // A search that finds few stored stories offers the blog's own.
  const askBlog = !saved && !showHidden && (visible?.length ?? FEW_MATCHES) < FEW_MATCHES && !!query.trim();
  const listEnd = useLazy(() => import('./ListEnd'), older || askBlog);
  const current = status ? statusText(withLastCheck(status, lastChecked), now) : null;
  const line = current && outcome && !current.isError ? { ...current, text: `${current.text} · ${outcome}` } : current;
  // A failed first run: the message in the list's place says what failed, once.
  const failedFirstRun = stories?.length === 0 && !!status?.error;

  return (
    <div class="story-browser">
      <ListHeader
        unread={unread}
        status={failedFirstRun ? null : line}
        refreshing={refreshing}
        onRefresh={() => void refresh()}
      />
      {stories && stories.length > 0 && (
        <div class="toolbar">
          <input
            ref={search}
            type="search"
            class="search"
            placeholder={t('searchPlaceholder')}
            aria-label={t('search')}
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={onSearchKey}
          />
          <button type="button" onClick={() => void markAllRead()} disabled={unread === 0}>
            {t('markAllRead')}
          </button>
        </div>
      )}
      {stories && stories.length > 0 && (
        // What the list shows: unread only, the Saved view, a label. The labels scroll sideways.
        <div class="filter-row">
          <label class="toggle">
            <input
              type="checkbox"
              checked={unreadOnly}
              onChange={(event) => setUnreadOnly(event.currentTarget.checked)}
            />{' '}
            {t('unreadOnly')}
          </label>
          <ViewToggle
            pressed={saved}
            name={t('savedStories', savedTotal)}
            hint={saved ? t('savedViewClearHint') : t('savedViewHint')}
            icon={saved ? '★' : '☆'}
            text={t('savedView')}
            count={savedTotal}
            onToggle={() => setSaved(!saved)}
          />
          {(hiddenTotal > 0 || showHidden) && (
            <ViewToggle
              pressed={showHidden}
              name={t('hiddenStories', hiddenTotal)}
              hint={showHidden ? t('hiddenViewClearHint') : t('hiddenViewHint')}
              icon="⊘"
              text={t('hiddenView')}
              count={hiddenTotal}
              onToggle={() => setShowHidden(!showHidden)}
            />
          )}
          {labels.length > 0 && <LabelBar labels={labels} active={label} onChoose={setLabel} barRef={labelBar} />}
        </div>
      )}
      {(notice ?? wait) && (
        <p class="list-notice" role="alert">
          {notice ?? wait}
        </p>
      )}
      {saved && savedTotal > 0 && onExportSaved && (
        <div class="saved-tools">
          <button type="button" onClick={() => void exportSaved()}>
            {t('exportSaved')}
          </button>
        </div>
      )}
      {body()}
      {undo && (
        <UndoBar
          message={t('markedRead', undo.length === 1 ? t('storyCountOne') : t('storyCountMany', undo.length))}
          onUndo={undoMarkAll}
          onDismiss={() => setUndo(null)}
        />
      )}
    </div>
  );

  function body() {
    if (!stories || !status || !visible) return <StateMessage title={t('loadingStories')} tone="busy" />;
    if (stories.length === 0) {
      if (status.error) {
        return (
          <StateMessage title={t('loadFailed')} tone="error">
            <p>{line?.text}</p>
            <button type="button" onClick={() => void refresh()} disabled={refreshing}>
              {t('tryAgain')}
            </button>
          </StateMessage>
        );
      }
      if (!status.lastSuccessAt) return <StateMessage title={t('fetchingFirst')} tone="busy" />;
      return <StateMessage title={t('noStoriesInFeed')} />;
    }
    const showAll = () => {
      setQuery('');
      setUnreadOnly(false);
      setLabel(null);
      setSaved(false);
      setShowHidden(false);
    };
    if (saved && savedTotal === 0) {
      return (
        <StateMessage title={t('noSavedStories')}>
          <p>{t('noSavedHint')}</p>
          <button type="button" onClick={showAll}>
            {t('showAllStories')}
          </button>
        </StateMessage>
      );
    }
    // The rows of both lists: the stored matches and what the blog's search finds.
    const rows = {
      now,
      highlight: words,
      onOpen: openIn === 'original' ? onOpenOriginal : onOpen,
      onOpenOriginal,
      onToggleRead,
      onToggleSaved: (story: StoryMeta) => void toggleSaved(story),
    };
    return (
      <div class="list-scroll">
        {visible.length ? (
          <StoryList
            stories={visible}
            label={
              query || unreadOnly || label !== null || saved || showHidden
                ? t('storiesShown', visible.length)
                : t('stories')
            }
            ruleNote={(story) => ruleNote(verdicts.get(story.id))}
            listRef={list}
            activeLabel={label}
            onLabel={toggleLabel}
            {...rows}
          />
        ) : (
          <StateMessage
            title={query ? t('noMatch', query) : label !== null ? t('noStoriesLabelled', label) : t('allCaughtUp')}
          >
            <button type="button" onClick={showAll}>
              {t('showAllStories')}
            </button>
          </StateMessage>
        )}
        {listEnd && older && <listEnd.OlderStories label={label} />}
        {listEnd && askBlog && (
          <listEnd.BlogSearch query={query.trim()} stories={all ?? stories} shown={visible} {...rows} />
        )}
      </div>
    );
  }
}

/** The story's own page in a new tab; it counts as read. */
function onOpenOriginal(story: StoryMeta): void {
  void browser.tabs.create({ url: story.link });
  void sendRequest({ type: 'set-read', ids: [story.id], read: true });
}

function onToggleRead(story: StoryMeta): void {
  void sendRequest({ type: 'set-read', ids: [story.id], read: !story.read });
}

interface ViewToggleProps {
  pressed: boolean;
  /** The accessible name, with the count. */
  name: string;
  hint: string;
  icon: string;
  text: string;
  count: number;
  onToggle: () => void;
}

/** A view of the list (Saved, Hidden): a pressed chip while it shows, with how many it holds. */
function ViewToggle({ pressed, name, hint, icon, text, count, onToggle }: ViewToggleProps) {
  return (
    <button type="button" class="view-toggle" aria-pressed={pressed} aria-label={name} title={hint} onClick={onToggle}>
      <span aria-hidden="true">
        {icon} {text} {count > 0 && <span class="view-count">{count}</span>}
      </span>
    </button>
  );
}
