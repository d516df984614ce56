import type { StoryMeta } from '@/utils/feed/types';
import { ReadingListButton } from './ReadingListButton';
import { SafeHtml } from './SafeHtml';
import type { ReadingListOutcome } from '@/utils/ui/reading-list';
import { readingMinutes } from '@/utils/ui/reading-time';
import { t, uiLocale } from '@/utils/ui/i18n';
import './StoryView.css';
import { sourceHost } from '@/utils/ui/source-host';

export interface StoryViewProps {
  story: StoryMeta;
  /** Untrusted body HTML; undefined while it loads, null when none is stored. */
  bodyHtml: string | null | undefined;
  /** Shows the list of this label's stories. */
  onLabel?: (label: string) => void;
  /** Adds the story to the browser's Reading List; absent where there is none (Firefox). */
  onReadingList?: () => Promise<ReadingListOutcome>;
}

const DATE = new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'long', timeStyle: 'short' });

/** One story: headline, byline, sponsor disclosure, sanitized body, and the way to the original. */
export function StoryView({ story, bodyHtml, onLabel, onReadingList }: StoryViewProps) {
  const source = story.link ? <SourceLink link={story.link} /> : null;
  const published = dateText(story.published);
  const updated = dateText(story.updated);
  // A body dropped to keep storage bounded, or missing: say so, rather than show an empty story.
  const notStored = bodyHtml === null || (bodyHtml !== undefined && !bodyHtml.trim() && story.bodyDropped === true);
  return (
    <article class="story" aria-labelledby="story-headline">
      <header>
        <h1 id="story-headline">{story.headline}</h1>
        {/* Its parts, separated by the stylesheet's "·": a line breaks between them. */}
        <p class="byline">
          {published !== null && <time dateTime={story.published}>{published}</time>}
          {story.author && <span>{story.author}</span>}
          {updated !== null && Date.parse(story.updated) - Date.parse(story.published) > 3600e3 && (
            <span>{t('storyUpdated', updated)}</span>
          )}
          {bodyHtml && <span>{t('readingTime', readingMinutes(bodyHtml))}</span>}
          {story.comments !== undefined && (
            <span>
              <Comments count={story.comments} link={story.commentsLink} />
            </span>
          )}
        </p>
        {story.labels.length > 0 && (
          <ul class="labels" aria-label={t('labels')}>
            {story.labels.map((label) => (
              <li key={label}>
                {onLabel ? (
                  <button
                    type="button"
                    class="label-link"
                    title={t('labelFilterHint', label)}
                    onClick={() => onLabel(label)}
                  >
                    {label}
                  </button>
                ) : (
                  <span class="label-word">{label}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        {story.sponsor && <p class="sponsor">{t('sponsoredBy', story.sponsor)}</p>}
      </header>
      {bodyHtml === undefined ? (
        <p class="loading">{t('loadingStory')}</p>
      ) : (
        <SafeHtml class="body" html={bodyHtml ?? ''} baseUrl={story.link} headline={story.headline} />
      )}
      {notStored && <p class="truncated">{t('storyNotStored')}</p>}
      {story.truncated && <p class="truncated">{t('storyTruncated')}</p>}
      {source}
      {source && onReadingList && <ReadingListButton onAdd={onReadingList} />}
    </article>
  );
}

function SourceLink({ link }: { link: string }) {
  return (
    <a class="source" href={link} target="_blank" rel="noopener noreferrer">
      {t('readOn', sourceHost(link))}
    </a>
  );
}

/** The date in the reader's words, or null for a missing or invalid one. */
function dateText(iso: string | undefined): string | null {
  const time = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(time) ? null : DATE.format(time);
}

/** "3 comments", a link to where they are read when the feed says where. */
function Comments({ count, link }: { count: number; link: string | undefined }) {
  const text = count === 1 ? t('commentsOne') : t('commentsMany', count);
  if (!link) return <>{text}</>;
  return (
    <a class="comments" href={link} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  );
}
