import { browser } from '#imports';
import { useEffect, useState } from 'preact/hooks';
import { HeadlineList } from '@/components/HeadlineList';
import { openSidePanel } from '@/utils/browser-compat';
import type { StoryMeta } from '@/utils/feed/types';
import { sendRequest, type ShowStory } from '@/utils/messages';
import { mainSponsor, statusText } from '@/utils/status-text';
import { pollStatusItem, storiesItem } from '@/utils/storage';
import { useStored } from '@/utils/use-stored';

export function Popup() {
  const stories = useStored(storiesItem);
  const status = useStored(pollStatusItem);
  const [windowId, setWindowId] = useState<number>();
  const [refreshing, setRefreshing] = useState(false);
  useEffect(() => {
    void browser.windows.getCurrent().then((window) => setWindowId(window.id));
  }, []);

  const open = (story: StoryMeta) => {
    // Synchronously inside the click: the side panel needs the user gesture.
    void openSidePanel(`sidepanel.html?item=${encodeURIComponent(story.id)}`, windowId).catch((error: unknown) =>
      console.error('Smileband News: could not open the side panel', error),
    );
    // An open panel follows the pick at once; a new one starts from its ?item= address.
    void browser.runtime.sendMessage({ type: 'show-story', id: story.id } satisfies ShowStory).catch(() => {});
    void sendRequest({ type: 'set-read', ids: [story.id], read: true });
  };
  const refresh = async () => {
    setRefreshing(true);
    try {
      await sendRequest({ type: 'refresh' });
    } finally {
      setRefreshing(false);
    }
  };

  const now = Date.now();
  const sponsor = stories ? mainSponsor(stories) : null;
  const line = status ? statusText(status, now) : null;
  return (
    <main class="popup">
      <header>
        <h1>Smileband News</h1>
        {sponsor && <p class="sponsor">Sponsored by {sponsor}</p>}
        <p class={line?.isError ? 'status error' : 'status'} role="status">
          {refreshing ? 'Checking for stories…' : line?.text}
        </p>
        <button type="button" onClick={() => void refresh()} disabled={refreshing}>
          Refresh
        </button>
      </header>
      {stories === undefined ? (
        <p class="empty">Loading…</p>
      ) : stories.length === 0 ? (
        <p class="empty">No stories yet.</p>
      ) : (
        <HeadlineList stories={stories} now={now} onOpen={open} />
      )}
    </main>
  );
}
