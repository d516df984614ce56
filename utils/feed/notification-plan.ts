import { isQuietTime, type Settings } from '../settings/settings';

export interface NoticeStory {
  id: string;
  headline: string;
  sponsor: string | null;
}

export type Notice =
  | { kind: 'story'; story: NoticeStory }
  /** `away`: a digest after quiet hours or sleep, rather than a burst of news. */
  | { kind: 'summary'; away: boolean; stories: NoticeStory[] };

export interface PlanInput {
  /** Stories this poll added, newest first. */
  added: NoticeStory[];
  /** Stories held back by quiet hours, still stored. */
  pending: NoticeStory[];
  /** The poll that filled an empty store: its stories are the backlog, not news. */
  firstRun: boolean;
  settings: Pick<Settings, 'notifications' | 'quietHours' | 'intervalMinutes'>;
  now: Date;
  /** The previous successful poll, to tell when the computer slept through several. */
  lastSuccessAt: string | null;
  /** Individual notifications at most; more become one summary (Firefox drops bursts). */
  cap: number;
}

export interface Plan {
  notices: Notice[];
  /** What to hold for the digest after quiet hours. */
  pending: string[];
}

/** Which notifications a poll should show. Pure: the worker shows them and stores `pending`. */
export function planNotices({ added, pending, firstRun, settings, now, lastSuccessAt, cap }: PlanInput): Plan {
  if (!settings.notifications || firstRun) return { notices: [], pending: [] };
  if (isQuietTime(settings.quietHours, now)) {
    return { notices: [], pending: unique([...added, ...pending]).map((story) => story.id) };
  }
  const stories = unique([...added, ...pending]);
  const slept =
    lastSuccessAt !== null && now.getTime() - Date.parse(lastSuccessAt) > 3 * settings.intervalMinutes * 60e3;
  const away = pending.length > 0 || slept;
  if (away && stories.length > 1) {
    return {
      notices: [{ kind: 'summary', away: true, stories }],
      pending: [],
    };
  }
  if (stories.length <= cap) return { notices: stories.map((story) => ({ kind: 'story', story })), pending: [] };
  return { notices: [{ kind: 'summary', away: false, stories }], pending: [] };
}

function unique(stories: NoticeStory[]): NoticeStory[] {
  const seen = new Set<string>();
  return stories.filter((story) => !seen.has(story.id) && seen.add(story.id));
}
