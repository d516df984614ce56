import { uiLocale } from './i18n';

const LOCALE = uiLocale();

/** A moment as the reader's clock says it: the time, and the date too when it is not today. */
export function clockTime(iso: string, now: number): string {
  const when = Date.parse(iso);
  const sameDay = new Date(when).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(
    LOCALE,
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(when);
}
