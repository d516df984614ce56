import { storage } from '#imports';
import { useEffect, useState } from 'preact/hooks';
import { HeadlineList } from '@/components/HeadlineList';
import { StoryView } from '@/components/StoryView';
import type { StoryMeta } from '@/utils/feed/types';
import { sendRequest } from '@/utils/messages';
import { bodyKey, storiesItem } from '@/utils/storage';
import { useStored } from '@/utils/use-stored';

export interface SidePanelProps {
  /** The story from `?item=`, or null to pick one. */
  itemId: string | null;
}

export function SidePanel({ itemId }: SidePanelProps) {
  const stories = useStored(storiesItem);
  const [selected, setSelected] = useState(itemId);
  const [body, setBody] = useState<{ id: string; html: string } | null>(null);
  const story = stories?.find((candidate) => candidate.id === selected);

  useEffect(() => {
    if (!selected) return;
    let live = true;
    void storage.getItem<string>(bodyKey(selected)).then((html) => live && setBody({ id: selected, html: html ?? '' }));
    void sendRequest({ type: 'set-read', ids: [selected], read: true });
    return () => {
      live = false;
    };
  }, [selected]);

  if (stories === undefined) return <p class="empty">Loading…</p>;
  if (selected && !story) {
    return (
      <main class="panel">
        <p class="empty" role="alert">
          This story is no longer stored. It may have been removed from the feed.
        </p>
        <button type="button" onClick={() => setSelected(null)}>
          Show all stories
        </button>
      </main>
    );
  }
  if (!story) {
    return (
      <main class="panel">
        <h1 class="panel-title">Smileband News</h1>
        {stories.length ? (
          <HeadlineList stories={stories} now={Date.now()} onOpen={(pick: StoryMeta) => setSelected(pick.id)} />
        ) : (
          <p class="empty">No stories yet.</p>
        )}
      </main>
    );
  }
  return (
    <main class="panel">
      <StoryView story={story} bodyHtml={body?.id === story.id ? body.html : undefined} />
    </main>
  );
}
