import { browser } from 'wxt/browser';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PopupHeader } from '@/components/PopupHeader';
import { StateMessage } from '@/components/StateMessage';
import { StoryList } from '@/components/StoryList';
import { UndoBar } from '@/components/UndoBar';
import { openSidePanel } from '@/utils/browser-compat';
import { unreadCount } from '@/utils/feed/read-state';
import type { StoryMeta } from '@/utils/feed/types';
import { filterStories } from '@/utils/ui/filter-stories';
import { readFirstScreen, writeFirstScreen } from '@/utils/ui/first-screen-cache';
import { keepUnchanged } from '@/utils/ui/keep-unchanged';
import { sendRequest, type ShowStory } from '@/utils/messages';
import { statusText } from '@/utils/ui/status-text';
import { lastCheckedItem, pollStatusItem, storiesHeadItem, storiesItem, withLastCheck } from '@/utils/storage';
import { useNow } from '@/utils/ui/use-now';
import { useAfterPaint } from '@/utils/ui/use-after-paint';
import { useExpiring } from '@/utils/ui/use-expiring';
import { useStored } from '@/utils/ui/use-stored';
import { t } from '@/utils/ui/i18n';

/** How long Undo and a refresh's outcome stay on screen. */
const NOTICE_MS = 8000;

export function Popup() {
  // The head paints first; the whole list is read after that first frame (its large answer would
  // otherwise land before the paint) and replaces it a moment later.
  const head = useStored(storiesHeadItem);
  const painted = useAfterPaint(head !== undefined);
  const full = useStored(storiesItem, keepUnchanged, painted);
  const stored = useStored(pollStatusItem);
  // Last time's first screen paints until storage answers (see first-screen-cache.ts).
  const [cached] = useState(readFirstScreen);
  useEffect(() => {
    if (head && stored) writeFirstScreen({ stories: head, status: stored });
  }, [head, stored]);
  const stories = full ?? head ?? cached?.stories;
  const status = stored ?? cached?.status;
  const lastChecked = useStored(lastCheckedItem);
  const now = useNow();
  const [query, setQuery] = useState('');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const [outcome, setOutcome] = useExpiring<string>(NOTICE_MS);
  const [undo, setUndo] = useExpiring<string[]>(NOTICE_MS);
  const [windowId, setWindowId] = useState<number>();
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    void (async () => setWindowId((await browser.windows.getCurrent())?.id))().catch(() => {});
  }, []);

  // Read the window id first: the side panel must open synchronously inside the click.
  const windowRef = useRef(windowId);
  useEffect(() => {
    windowRef.current = windowId;
  }, [windowId]);

  const open = useCallback((story: StoryMeta) => {
    void openSidePanel(`sidepanel.html?item=${encodeURIComponent(story.id)}`, windowRef.current).catch(
      (error: unknown) => console.error('Smileband News: could not open the side panel', error),
    );
    // An open panel follows the pick at once; a new one starts from its ?item= address.
    void browser.runtime.sendMessage({ type: 'show-story', id: story.id } satisfies ShowStory).catch(() => {});
    void sendRequest({ type: 'set-read', ids: [story.id], read: true });
  }, []);
  const openOriginal = useCallback((story: StoryMeta) => {
    void browser.tabs.create({ url: story.link });
    void sendRequest({ type: 'set-read', ids: [story.id], read: true });
  }, []);
  const toggleRead = useCallback((story: StoryMeta) => {
    void sendRequest({ type: 'set-read', ids: [story.id], read: !story.read });
  }, []);

  const refresh = async () => {
    setRefreshing(true);
    setOutcome(null);
    try {
      const reply = await sendRequest({ type: 'refresh' });
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
  const undoMarkAll = () => {
    if (undo) void sendRequest({ type: 'set-read', ids: undo, read: false });
    setUndo(null);
  };

  // "/" jumps to search from anywhere; ArrowDown leaves it for the list.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && document.activeElement !== search.current) {
        event.preventDefault();
        search.current?.focus();
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

  const visible = useMemo(
    () => (stories ? filterStories(stories, { query, unreadOnly }) : undefined),
    [stories, query, unreadOnly],
  );
  const unread = useMemo(() => (full ? unreadCount(full) : 0), [full]);
  const current = status ? statusText(withLastCheck(status, lastChecked), now) : null;
  const line = current && outcome && !current.isError ? { ...current, text: `${current.text} · ${outcome}` } : current;

  return (
    <main class="popup">
      <PopupHeader unread={unread} status={line} refreshing={refreshing} onRefresh={() => void refresh()} />
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
          <label class="toggle">
            <input
              type="checkbox"
              checked={unreadOnly}
              onChange={(event) => setUnreadOnly(event.currentTarget.checked)}
            />{' '}
            {t('unreadOnly')}
          </label>
          <button type="button" onClick={() => void markAllRead()} disabled={unread === 0}>
            {t('markAllRead')}
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
    </main>
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
    if (visible.length === 0) {
      return (
        <StateMessage title={query ? t('noMatch', query) : t('allCaughtUp')}>
          <button
            type="button"
            onClick={() => {
              setQuery('');
              setUnreadOnly(false);
            }}
          >
            {t('showAllStories')}
          </button>
        </StateMessage>
      );
    }
    return (
      <StoryList
        stories={visible}
        now={now}
        label={query || unreadOnly ? t('storiesShown', visible.length) : t('stories')}
        onOpen={open}
        onOpenOriginal={openOriginal}
        onToggleRead={toggleRead}
        listRef={list}
      />
    );
  }
}
