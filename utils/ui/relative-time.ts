import { remember } from './remember';

const DAY = 24 * 3600e3;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', DAY],
  ['hour', 3600e3],
  ['minute', 60e3],
];

/**
 * "5 minutes ago", "yesterday", "now" within a week; past that, the date ("3 Feb", and its year
 * when it is not this year's): "12 months ago" beside "last year" says less than the dates do.
 * In the given locale's words (Intl), in local time.
 */
export function relativeTime(time: number, now: number, locale: string): string {
  const diff = time - now;
  // A missing or invalid date says nothing rather than failing the page.
  if (!Number.isFinite(diff)) return '';
  if (Math.abs(diff) >= 7 * DAY) {
    // The year only when it is not this one (an option left undefined is not shown).
    const withYear = new Date(time).getFullYear() !== new Date(now).getFullYear();
    return dateFormatter(locale, withYear).format(time);
  }
  const format = formatter(locale);
  if (Math.abs(diff) < 60e3) return format.format(0, 'second');
  // A minute or more always finds its unit: minutes are the last entry.
  const [unit, ms] = UNITS.find(([, size]) => Math.abs(diff) >= size)!;
  return format.format(Math.round(diff / ms), unit);
}

// Building an Intl formatter costs far more than using one: a 2000-row list builds each once.
const formatters = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat>();
const formatter = (locale: string) =>
  remember(
    formatters,
    locale,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  ) as Intl.RelativeTimeFormat;
// The year only when it is not this one (an option left undefined is not shown).
const dateFormatter = (locale: string, withYear: boolean) =>
  remember(
    formatters,
    locale + withYear,
    () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: withYear ? 'numeric' : undefined }),
  ) as Intl.DateTimeFormat;
