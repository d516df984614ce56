import { browser } from 'wxt/browser';
import { useCallback, useState } from 'preact/hooks';
import { SAVED_LIMIT } from '../stories/saved';
import type { StoryMeta } from '../feed/types';
import { sendRequest } from '../platform/messages';
import { clockTime } from './clock-time';
import { t } from './i18n';
import { useExpiring } from './use-expiring';

/** How long Undo and a refresh's outcome stay on screen. */
const NOTICE_MS = 8000;

/**
 * What the list asks of the worker (utils/platform/messages.ts), and what it says back for a while: a
 * refresh's outcome or the site's Retry-After, Undo after Mark all read, a full shelf. The pages never write storage for these: the worker does, and storage brings it back.
 */
export function useStoryActions() {
  const [refreshing, setRefreshing] = useState(false);
  const [outcome, setOutcome] = useExpiring<string>(NOTICE_MS);
  const [undo, setUndo] = useExpiring<string[]>(NOTICE_MS);
  const [notice, setNotice] = useExpiring<string>(NOTICE_MS);
  // The site's own Retry-After, said instead of asking; a press while it shows asks anyway.
  const [wait, setWait] = useExpiring<string>(NOTICE_MS);

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
  // Stories marked read in one go (scrolled past, or older than a row): Undo takes the batch back.
  const markRead = useCallback(
    (ids: string[]) => {
      if (!ids.length) return;
      void sendRequest({ type: 'set-read', ids, read: true });
      setUndo(ids);
    },
    [setUndo],
  );
  const undoMarkAll = () => {
    if (undo) void sendRequest({ type: 'set-read', ids: undo, read: false });
    setUndo(null);
  };
  // Stable: every row's Save button calls it (row-actions.ts).
  const toggleSaved = useCallback(
    (story: StoryMeta) =>
      void sendRequest({ type: 'set-saved', ids: [story.id], saved: !story.saved }).then((reply) =>
        setNotice(reply.full ? t('savedFull', SAVED_LIMIT) : null),
      ),
    [setNotice],
  );
  return {
    refreshing,
    refresh,
    outcome,
    /** What to say above the list: a notice, or the site's rest. */
    message: notice ?? wait,
    undo,
    dismissUndo: () => setUndo(null),
    markAllRead,
    markRead,
    undoMarkAll,
    toggleSaved,
    toggleRead,
    openOriginal,
  };
}

function toggleRead(story: StoryMeta): void {
  void sendRequest({ type: 'set-read', ids: [story.id], read: !story.read });
}

/** The story's own page in a new tab; it counts as read. */
function openOriginal(story: StoryMeta): void {
  void browser.tabs.create({ url: story.link });
  void sendRequest({ type: 'set-read', ids: [story.id], read: true });
}
