// utils/settings: the reader's settings, their defaults and checks, the export file and the feed address.
import { LISTEN_RATES, type KeywordRule, type LabelRule, type QuietHours, type Settings } from './settings-defaults';
import { wordLine } from '../stories/story-rules';
import type { Wording } from '../ui/wording';

export {
  DEFAULT_SETTINGS,
  openInOf,
  syncReadOf,
  type OpenIn,
  type QuietHours,
  type Settings,
} from './settings-defaults';

export const LIMITS = {
  intervalMinutes: { min: 5, max: 1440 },
  retention: { min: 50, max: 1000 },
  keywordRules: 100,
  keywordChars: 100,
  labelRules: 500,
  labelChars: 200,
} as const;

/** A form field: a setting, or one end of the quiet hours. */
export type SettingsField = keyof Settings | 'quietStart' | 'quietEnd';
/** What is wrong with a word rule, and which rule (0-based), when one rule is to blame. */
export type RuleProblem = Wording & { rule?: number };
/** What is wrong, field by field, not yet in words: the checks call no browser API. */
export type SettingsProblems = Partial<Record<SettingsField, Wording>> & { keywordRules?: RuleProblem };
/** The same in the reader's words, as the form shows them, with the word rule to blame. */
export type SettingsErrors = Partial<Record<SettingsField, string>> & { keywordRule?: number };
export type Validated = { ok: true; settings: Settings } | { ok: false; errors: SettingsProblems };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Checks every field, in words a reader can act on; an imported file goes through here too. */
export function validateSettings(input: unknown): Validated {
  const value = (input ?? {}) as Partial<Record<keyof Settings, unknown>>;
  const errors: SettingsProblems = {};
  const feedUrl = typeof value.feedUrl === 'string' ? value.feedUrl.trim() : '';
  const feedProblem = feedUrlProblem(feedUrl);
  if (feedProblem) errors.feedUrl = feedProblem;
  const interval = wholeNumber(value.intervalMinutes);
  const { min: minI, max: maxI } = LIMITS.intervalMinutes;
  if (interval === null || interval < minI || interval > maxI) {
    errors.intervalMinutes = { key: 'errInterval', subs: [minI, maxI] };
  }
  const retention = wholeNumber(value.retention);
  const { min: minR, max: maxR } = LIMITS.retention;
  if (retention === null || retention < minR || retention > maxR) {
    errors.retention = { key: 'errRetention', subs: [minR, maxR] };
  }
  const quiet = (value.quietHours ?? {}) as Partial<QuietHours>;
  if (typeof quiet.start !== 'string' || !TIME.test(quiet.start)) errors.quietStart = { key: 'errTimeStart' };
  if (typeof quiet.end !== 'string' || !TIME.test(quiet.end)) errors.quietEnd = { key: 'errTimeEnd' };
  for (const flag of ['notifications', 'badge'] as const) {
    if (typeof value[flag] !== 'boolean') errors[flag] = { key: 'errOnOff' };
  }
  if (typeof quiet.enabled !== 'boolean') errors.quietHours = { key: 'errQuietOnOff' };
  // Absent in files and stores from before the choice existed: the side panel, as then.
  if (value.openIn !== undefined && value.openIn !== 'panel' && value.openIn !== 'original') {
    errors.openIn = { key: 'errOpenIn' };
  }
  // Absent before sharing existed: on.
  if (value.syncRead !== undefined && typeof value.syncRead !== 'boolean') errors.syncRead = { key: 'errOnOff' };
  if (value.syncSettings !== undefined && typeof value.syncSettings !== 'boolean')
    errors.syncSettings = { key: 'errOnOff' };
  if (value.markOnScroll !== undefined && typeof value.markOnScroll !== 'boolean')
    errors.markOnScroll = { key: 'errOnOff' };
  if (value.listenVoice !== undefined && (typeof value.listenVoice !== 'string' || value.listenVoice.length > 200))
    errors.listenVoice = { key: 'errListenVoice' };
  const rate = value.listenRate === undefined ? 1 : Number(value.listenRate);
  if (!(LISTEN_RATES as readonly number[]).includes(rate)) errors.listenRate = { key: 'errListenRate' };
  const keywordRules = checkKeywordRules(value.keywordRules);
  if (!Array.isArray(keywordRules)) errors.keywordRules = keywordRules;
  const labelRules = checkLabelRules(value.labelRules);
  if (labelRules === null) errors.labelRules = { key: 'errLabelRules' };
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
      labelRules: labelRules!,
      keywordRules: keywordRules as KeywordRule[],
      syncRead: value.syncRead !== false,
      syncSettings: value.syncSettings === true,
      markOnScroll: value.markOnScroll === true,
      ...(typeof value.listenVoice === 'string' && value.listenVoice ? { listenVoice: value.listenVoice } : {}),
      listenRate: rate,
    },
  };
}

const KEYWORD_ACTIONS = new Set(['quiet', 'hide', 'always']);

/** The rules trimmed, or what is wrong with them (and which one). Absent: none. */
function checkKeywordRules(input: unknown): KeywordRule[] | RuleProblem {
  if (input === undefined) return [];
  if (!Array.isArray(input) || input.length > LIMITS.keywordRules)
    return { key: 'errKeywordRules', subs: [LIMITS.keywordRules] };
  const seen = new Set<string>();
  const rules: KeywordRule[] = [];
  for (const [rule, item] of (input as Partial<KeywordRule>[]).entries()) {
    if (!item || typeof item.words !== 'string' || !KEYWORD_ACTIONS.has(item.action as string)) {
      return { key: 'errKeywordRules', subs: [LIMITS.keywordRules] };
    }
    const words = item.words.trim().replace(/\s+/g, ' ');
    const line = wordLine(words);
    if (!line) return { key: 'errKeywordEmpty', rule };
    if (words.length > LIMITS.keywordChars)
      return { key: 'errKeywordLong', subs: [words.slice(0, 20), LIMITS.keywordChars], rule };
    // "Négociations" and "negociations" are one rule: they match the same stories.
    if (seen.has(line)) return { key: 'errKeywordDuplicate', subs: [words], rule };
    seen.add(line);
    rules.push({ words, action: item.action! });
  }
  return rules;
}

/** Label rules rebuilt from their own entries (no prototype), or null when they are not rules. */
function checkLabelRules(input: unknown): Record<string, LabelRule> | null {
  if (input === undefined) return {};
  if (!input || typeof input !== 'object' || Array.isArray(input)) return null;
  const entries = Object.entries(input as Record<string, unknown>);
  if (entries.length > LIMITS.labelRules) return null;
  const rules: Record<string, LabelRule> = Object.create(null) as Record<string, LabelRule>;
  for (const [label, rule] of entries) {
    if (!label || label.length > LIMITS.labelChars) return null;
    // "notify" is what a label does without a rule: nothing to keep.
    if (rule === 'notify') continue;
    if (rule !== 'quiet' && rule !== 'hide') return null;
    rules[label] = rule;
  }
  return { ...rules };
}

/** What is wrong with a feed address, in words a reader can act on; null when it will do. */
export function feedUrlProblem(text: string): Wording | null {
  if (!text) return { key: 'errFeedMissing' };
  if (!isHttpUrl(text)) return { key: 'errFeedScheme' };
  // Credentials in the URL are refused by fetch() itself, so every update would fail.
  const url = new URL(text);
  if (url.username || url.password) return { key: 'errFeedCredentials' };
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
