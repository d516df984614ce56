// The settings' shape and defaults, apart from their validation (settings.ts): every page needs
// these, only the options page needs the rest.
import { DEFAULT_FEED_URL, DEFAULT_POLL_MINUTES, RETENTION_LIMIT } from '../config';

export interface QuietHours {
  enabled: boolean;
  /** "HH:MM", local time. A start after the end spans midnight (22:00–07:00). */
  start: string;
  end: string;
}

/** Where a click on a headline leads: the story in the side panel, or the post on the site. */
export type OpenIn = 'panel' | 'original';

/** What a label's stories do: absent from `labelRules`, they notify. */
export type LabelRule = 'quiet' | 'hide';
/**
 * Words matched whole in a headline or a label, case and accents aside. `quiet`: listed and
 * counted, no notification; `hide`: not listed, not counted; `always`: notify, whatever the
 * label or mute rules say (quiet hours still hold it).
 */
export interface KeywordRule {
  words: string;
  action: 'quiet' | 'hide' | 'always';
}

export interface Settings {
  feedUrl: string;
  intervalMinutes: number;
  notifications: boolean;
  quietHours: QuietHours;
  badge: boolean;
  retention: number;
  /** Absent in settings stored or exported before it existed: read it through openInOf. */
  openIn: OpenIn;
  /** Per label; absent in settings from before rules existed (read through rulesOf). */
  labelRules?: Record<string, LabelRule>;
  keywordRules?: KeywordRule[];
  /**
   * Share read and saved stories with the reader's other browsers (storage.sync). Absent in
   * settings from before it existed: on (read through syncReadOf).
   */
  syncRead?: boolean;
  /**
   * Share the settings too (all but the feed address, whose permission each browser grants), the
   * later change winning. Absent: off.
   */
  syncSettings?: boolean;
  /** Mark a story read once its row has been on screen whole and scrolled up out of view. Absent: off. */
  markOnScroll?: boolean;
  /** Listen's voice (its name; a browser without it reads with its own), or absent for the browser's. */
  listenVoice?: string;
  /** Listen's speed, one of LISTEN_RATES. Absent: 1. */
  listenRate?: number;
}

/** The speeds Listen offers. */
export const LISTEN_RATES = [0.75, 1, 1.25, 1.5, 2] as const;

export function syncReadOf(settings: Pick<Settings, 'syncRead'> | undefined): boolean {
  return settings?.syncRead !== false;
}

export function openInOf(settings: Pick<Settings, 'openIn'> | undefined): OpenIn {
  return settings?.openIn === 'original' ? 'original' : 'panel';
}

export const DEFAULT_SETTINGS: Settings = {
  feedUrl: DEFAULT_FEED_URL,
  intervalMinutes: DEFAULT_POLL_MINUTES,
  notifications: true,
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  badge: true,
  retention: RETENTION_LIMIT,
  openIn: 'panel',
  labelRules: {},
  keywordRules: [],
  syncRead: true,
  syncSettings: false,
  markOnScroll: false,
  listenRate: 1,
};
