import type { StoryMeta } from '@/utils/feed/types';
import { relativeTime } from '@/utils/relative-time';

export interface HeadlineListProps {
  stories: readonly StoryMeta[];
  now: number;
  onOpen: (story: StoryMeta) => void;
}

/** Real headlines, newest first, each with its age and an unread marker. */
export function HeadlineList({ stories, now, onOpen }: HeadlineListProps) {
  return (
    <ul class="headlines" aria-label="Stories">
      {stories.map((story) => (
        <li key={story.id} class={story.read ? 'story' : 'story unread'}>
          <button type="button" class="story-open" onClick={() => onOpen(story)}>
            {!story.read && <span class="unread-dot" aria-label="Unread" />}
            <span class="headline">{story.headline}</span>
            <time dateTime={story.published} title={new Date(story.published).toLocaleString()}>
              {relativeTime(Date.parse(story.published), now)}
            </time>
          </button>
        </li>
      ))}
    </ul>
  );
}
