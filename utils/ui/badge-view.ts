import { describeError } from './error-text';
import type { PollError } from '../feed/types';
import { relativeTime } from './relative-time';
import { t, uiLocale } from './i18n';

export interface BadgeInput {
  unread: number;
  /** The reader may turn the count off; errors still show. */
  showCount: boolean;
  error: PollError | null;
  lastSuccessAt: string | null;
  now: number;
  extensionName: string;
}

export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

export const BADGE_COLOR = '#1a73e8';
export const BADGE_ERROR_COLOR = '#c5221f';

/** The unread count as the badge shows it: empty at zero, `99+` above 99. */
export function badgeText(unread: number): string {
  if (unread <= 0) return '';
  return unread > 99 ? '99+' : String(unread);
}

/**
 * What the toolbar button shows. A failed poll keeps the count (the stories are still there) but
 * turns the badge red, or shows `!` when nothing is unread, and the tooltip says what failed.
 */
export function badgeView({ unread, showCount, error, lastSuccessAt, now, extensionName }: BadgeInput): BadgeView {
  const count = showCount ? badgeText(unread) : '';
  const unreadLine =
    unread === 0 ? t('badgeUnreadNone') : unread === 1 ? t('badgeUnreadOne') : t('badgeUnreadMany', unread);
  if (!error) return { text: count, color: BADGE_COLOR, title: `${extensionName}: ${unreadLine}` };
  const updated = lastSuccessAt
    ? t('lastUpdatedAgo', relativeTime(Date.parse(lastSuccessAt), now, uiLocale()))
    : t('notUpdatedYet');
  return {
    text: count || '!',
    color: BADGE_ERROR_COLOR,
    title: `${extensionName}: ${unreadLine}\n${t('badgeFailed', describeError(error))}\n${updated}`,
  };
}
