import { describeError } from './error-text';
import type { StoryMeta } from '../feed/types';
import { relativeTime } from './relative-time';
import type { PollStatus } from '../storage';
import { t, uiLocale } from './i18n';

/** The status line under the popup header: when the feed last updated, or what failed. */
export function statusText(status: PollStatus, now: number): { text: string; isError: boolean } {
  const when = status.lastSuccessAt ? relativeTime(Date.parse(status.lastSuccessAt), now, uiLocale()) : null;
  if (status.error) {
    const since = when ? t('lastUpdatedAgo', when) : t('notUpdatedYet');
    return { text: `${describeError(status.error)} ${since}`, isError: true };
  }
  if (when) return { text: t('updatedAgo', when), isError: false };
  return { text: status.lastAttemptAt ? t('checking') : t('notUpdatedYet'), isError: false };
}

/** The sponsor most stories name, for one disclosure instead of one per row. */
export function mainSponsor(stories: readonly Pick<StoryMeta, 'sponsor'>[]): string | null {
  const counts = new Map<string, number>();
  for (const { sponsor } of stories) if (sponsor) counts.set(sponsor, (counts.get(sponsor) ?? 0) + 1);
  let best: string | null = null;
  for (const [name, count] of counts) if (best === null || count > counts.get(best)!) best = name;
  return best;
}
