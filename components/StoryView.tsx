import type { StoryMeta } from '@/utils/feed/types';
import { SafeHtml } from './SafeHtml';

export interface StoryViewProps {
  story: StoryMeta;
  /** Untrusted body HTML, or undefined while it loads. */
  bodyHtml: string | undefined;
}

/** One story: headline, byline, sponsor disclosure, sanitized body, and the way to the original. */
export function StoryView({ story, bodyHtml }: StoryViewProps) {
  const source = hostOf(story.link);
  return (
    <article class="story">
      <header>
        <h1>{story.headline}</h1>
        <p class="byline">
          <time dateTime={story.published}>{new Date(story.published).toLocaleString()}</time>
          {story.author && <span> · {story.author}</span>}
        </p>
        {story.labels.length > 0 && (
          <ul class="labels" aria-label="Labels">
            {story.labels.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        )}
        {story.sponsor && <p class="sponsor">Sponsored by {story.sponsor}</p>}
      </header>
      {bodyHtml === undefined ? (
        <p class="loading">Loading story…</p>
      ) : (
        <SafeHtml class="body" html={bodyHtml} baseUrl={story.link} headline={story.headline} />
      )}
      {story.truncated && <p class="truncated">This story is long; the rest is on the site.</p>}
      {story.link && (
        <a class="source" href={story.link} target="_blank" rel="noopener noreferrer">
          Read on {source}
        </a>
      )}
    </article>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return 'the site';
  }
}
