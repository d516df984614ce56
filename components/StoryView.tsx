import type { StoryMeta } from '@/utils/feed/types';
import { SafeHtml } from './SafeHtml';
import { t, uiLocale } from '@/utils/i18n';

export interface StoryViewProps {
  story: StoryMeta;
  /** Untrusted body HTML, or undefined while it loads. */
  bodyHtml: string | undefined;
}

const DATE = new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'long', timeStyle: 'short' });

/** One story: headline, byline, sponsor disclosure, sanitized body, and the way to the original. */
export function StoryView({ story, bodyHtml }: StoryViewProps) {
  const source = story.link ? <SourceLink link={story.link} /> : null;
  return (
    <article class="story" aria-labelledby="story-headline">
      <header>
        <h1 id="story-headline">{story.headline}</h1>
        <p class="byline">
          <time dateTime={story.published}>{DATE.format(new Date(story.published))}</time>
          {story.author && <span> · {story.author}</span>}
          {story.updated !== story.published && Date.parse(story.updated) - Date.parse(story.published) > 3600e3 && (
            <span> · {t('storyUpdated', DATE.format(new Date(story.updated)))}</span>
          )}
        </p>
        {story.labels.length > 0 && (
          <ul class="labels" aria-label={t('labels')}>
            {story.labels.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        )}
        {story.sponsor && <p class="sponsor">{t('sponsoredBy', story.sponsor)}</p>}
      </header>
      {bodyHtml === undefined ? (
        <p class="loading">{t('loadingStory')}</p>
      ) : (
        <SafeHtml class="body" html={bodyHtml} baseUrl={story.link} headline={story.headline} />
      )}
      {story.truncated && <p class="truncated">{t('storyTruncated')}</p>}
      {source}
    </article>
  );
}

function SourceLink({ link }: { link: string }) {
  return (
    <a class="source" href={link} target="_blank" rel="noopener noreferrer">
      {t('readOn', hostOf(link))}
    </a>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return t('theSite');
  }
}
