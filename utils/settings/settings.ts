// utils/settings: the reader's settings, their defaults and checks, the export file and the feed address.
import type { QuietHours, Settings } from './settings-defaults';
import { t } from '../ui/i18n';

export { DEFAULT_SETTINGS, openInOf, type OpenIn, type QuietHours, type Settings } from './settings-defaults';

export const LIMITS = {
  intervalMinutes: { min: 5, max: 1440 },
  retention: { min: 50, max: 1000 },
} as const;

export type SettingsErrors = Partial<Record<keyof Settings | 'quietStart' | 'quietEnd', string>>;
export type Validated = { ok: true; settings: Settings } | { ok: false; errors: SettingsErrors };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Checks every field, in words a reader can act on; an imported file goes through here too. */
export function validateSettings(input: unknown): Validated {
  const value = (input ?? {}) as Partial<Record<keyof Settings, unknown>>;
  const errors: SettingsErrors = {};
  const feedUrl = typeof value.feedUrl === 'string' ? value.feedUrl.trim() : '';
  const feedProblem = feedUrlProblem(feedUrl);
  if (feedProblem) errors.feedUrl = feedProblem;
  const interval = wholeNumber(value.intervalMinutes);
  const { min: minI, max: maxI } = LIMITS.intervalMinutes;
  if (interval === null || interval < minI || interval > maxI) {
    errors.intervalMinutes = t('errInterval', [minI, maxI]);
  }
  const retention = wholeNumber(value.retention);
  const { min: minR, max: maxR } = LIMITS.retention;
  if (retention === null || retention < minR || retention > maxR) {
    errors.retention = t('errRetention', [minR, maxR]);
  }
  const quiet = (value.quietHours ?? {}) as Partial<QuietHours>;
  if (typeof quiet.start !== 'string' || !TIME.test(quiet.start)) errors.quietStart = t('errTimeStart');
  if (typeof quiet.end !== 'string' || !TIME.test(quiet.end)) errors.quietEnd = t('errTimeEnd');
  for (const flag of ['notifications', 'badge'] as const) {
    if (typeof value[flag] !== 'boolean') errors[flag] = t('errOnOff');
  }
  if (typeof quiet.enabled !== 'boolean') errors.quietHours = t('errQuietOnOff');
  // Absent in files and stores from before the choice existed: the side panel, as then.
  if (value.openIn !== undefined && value.openIn !== 'panel' && value.openIn !== 'original') {
    errors.openIn = t('errOpenIn');
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      feedUrl: new URL(feedUrl).href,
      intervalMinutes: interval!,
      notifications: value.notifications as boolean,
      quietHours: { enabled: quiet.enabled!, start: quiet.start!, end: quiet.end! },
      badge: value.badge as boolean,
      retention: retention!,
      openIn: value.openIn === 'original' ? 'original' : 'panel',
    },
  };
}

/** What is wrong with a feed address, in words a reader can act on; null when it will do. */
export function feedUrlProblem(text: string): string | null {
  if (!text) return t('errFeedMissing');
  if (!isHttpUrl(text)) return t('errFeedScheme');
  // Credentials in the URL are refused by fetch() itself, so every update would fail.
  const url = new URL(text);
  if (url.username || url.password) return t('errFeedCredentials');
  return null;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function wholeNumber(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : null;
}

/** True while quiet hours are on at this local time. */
export function isQuietTime(quiet: QuietHours, at: Date): boolean {
  if (!quiet.enabled) return false;
  const minutes = at.getHours() * 60 + at.getMinutes();
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

function toMinutes(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}
