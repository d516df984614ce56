const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600e3],
  ['month', 30 * 24 * 3600e3],
  ['week', 7 * 24 * 3600e3],
  ['day', 24 * 3600e3],
  ['hour', 3600e3],
  ['minute', 60e3],
];

/** "5 minutes ago", "yesterday", "now", in the given locale's words (Intl). */
export function relativeTime(time: number, now: number, locale: string): string {
  const diff = time - now;
  // A missing or invalid date says nothing rather than failing the page.
  if (!Number.isFinite(diff)) return '';
  const format = formatter(locale);
  if (Math.abs(diff) < 60e3) return format.format(0, 'second');
  // A minute or more always finds its unit: minutes are the last entry.
  const [unit, ms] = UNITS.find(([, size]) => Math.abs(diff) >= size)!;
  return format.format(Math.round(diff / ms), unit);
}

// Building an Intl formatter costs far more than using one: a 2000-row list builds it once.
const formatters = new Map<string, Intl.RelativeTimeFormat>();
function formatter(locale: string): Intl.RelativeTimeFormat {
  let format = formatters.get(locale);
  if (!format) formatters.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format;
}
