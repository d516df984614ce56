// The options page's form and the stored settings, field by field: one table drives both ways and
// what the checks (validateSettings) are given, so adding a setting touches one row here.
import { rulesOf } from '../stories/story-rules';
import {
  openInOf,
  syncReadOf,
  type KeywordRule,
  type LabelRule,
  type OpenIn,
  type Settings,
} from './settings-defaults';

/** The form as typed: numbers stay text until validated. */
export interface SettingsFormValues {
  feedUrl: string;
  intervalMinutes: string;
  notifications: boolean;
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
  badge: boolean;
  retention: string;
  openIn: OpenIn;
  labelRules: Record<string, LabelRule>;
  keywordRules: KeywordRule[];
  syncRead: boolean;
  syncSettings: boolean;
  markOnScroll: boolean;
  /** A voice's name, or '' for the browser's. */
  listenVoice: string;
  listenRate: string;
}

type Input = Record<string, unknown> & { quietHours: Record<string, unknown> };
interface FormField<K extends keyof SettingsFormValues> {
  /** The field as the form shows stored settings (older stores may lack it). */
  read: (settings: Settings) => SettingsFormValues[K];
  /** Where the typed value goes in what validateSettings checks. */
  write: (value: SettingsFormValues[K], input: Input) => void;
}

const FIELDS: { [K in keyof SettingsFormValues]: FormField<K> } = {
  feedUrl: { read: (s) => s.feedUrl, write: (v, input) => (input.feedUrl = v) },
  intervalMinutes: { read: (s) => String(s.intervalMinutes), write: (v, input) => (input.intervalMinutes = v) },
  notifications: { read: (s) => s.notifications, write: (v, input) => (input.notifications = v) },
  quietEnabled: { read: (s) => s.quietHours.enabled, write: (v, input) => (input.quietHours.enabled = v) },
  quietStart: { read: (s) => s.quietHours.start, write: (v, input) => (input.quietHours.start = v) },
  quietEnd: { read: (s) => s.quietHours.end, write: (v, input) => (input.quietHours.end = v) },
  badge: { read: (s) => s.badge, write: (v, input) => (input.badge = v) },
  retention: { read: (s) => String(s.retention), write: (v, input) => (input.retention = v) },
  openIn: { read: openInOf, write: (v, input) => (input.openIn = v) },
  labelRules: { read: (s) => ({ ...rulesOf(s).labelRules }), write: (v, input) => (input.labelRules = v) },
  keywordRules: { read: (s) => [...rulesOf(s).keywordRules], write: (v, input) => (input.keywordRules = v) },
  syncRead: { read: syncReadOf, write: (v, input) => (input.syncRead = v) },
  syncSettings: { read: (s) => s.syncSettings === true, write: (v, input) => (input.syncSettings = v) },
  markOnScroll: { read: (s) => s.markOnScroll === true, write: (v, input) => (input.markOnScroll = v) },
  listenVoice: { read: (s) => s.listenVoice ?? '', write: (v, input) => (input.listenVoice = v || undefined) },
  listenRate: { read: (s) => String(s.listenRate ?? 1), write: (v, input) => (input.listenRate = v) },
};

const KEYS = Object.keys(FIELDS) as (keyof SettingsFormValues)[];

/** The form for stored settings. */
export function toForm(settings: Settings): SettingsFormValues {
  const form: Partial<Record<keyof SettingsFormValues, unknown>> = {};
  for (const key of KEYS) form[key] = FIELDS[key].read(settings);
  return form as SettingsFormValues;
}

/** What the form says, shaped as settings for validateSettings to check. */
export function fromForm(form: SettingsFormValues): Input {
  const input: Input = { quietHours: {} };
  for (const key of KEYS) (FIELDS[key].write as (value: unknown, into: Input) => void)(form[key], input);
  return input;
}

/**
 * Whether two forms say the same. The rules are lists and maps, compared by what they say: Chrome's
 * storage gives objects back with their keys sorted ({action, words}), so key order never counts;
 * the order of the word rules does.
 */
export function sameForm(a: SettingsFormValues, b: SettingsFormValues): boolean {
  return KEYS.every((key) =>
    typeof b[key] === 'object' ? canonical(a[key]) === canonical(b[key]) : a[key] === b[key],
  );
}

/** JSON with every object's keys sorted. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : 1)))
      : inner,
  );
}
