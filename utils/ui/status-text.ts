import { describeError } from './error-text';
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
