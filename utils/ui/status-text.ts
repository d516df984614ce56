import { describeError } from './error-text';
import { relativeTime } from './relative-time';
import type { PollStatus } from '../storage';
import { t, uiLocale } from './i18n';

const MINUTE = 60_000;

/** The status line under the popup header: when the feed last updated, or what failed. */
export function statusText(status: PollStatus, now: number): { text: string; isError: boolean } {
  const success = status.lastSuccessAt ? Date.parse(status.lastSuccessAt) : NaN;
  const when = Number.isNaN(success) ? null : relativeTime(success, now, uiLocale());
  if (status.error) {
    // "Last updated now" beside a failure reads as a contradiction: within the minute, the
    // failure alone is news (the stories shown are that fresh anyway).
    if (now - success < MINUTE) return { text: describeError(status.error), isError: true };
    const since = when ? t('lastUpdatedAgo', when) : t('notUpdatedYet');
    return { text: `${describeError(status.error)} ${since}`, isError: true };
  }
  if (when) return { text: t('updatedAgo', when), isError: false };
  return { text: status.lastAttemptAt ? t('checking') : t('notUpdatedYet'), isError: false };
}
