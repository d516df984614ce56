import { browser } from 'wxt/browser';
import { NOTIFY_CAP } from '@/utils/config';
import { SAVED_LIMIT } from '@/utils/stories/saved';
import { judgeStory } from '@/utils/stories/story-rules';
import { currentRules } from './current-rules';
import type { StoryMeta } from '@/utils/feed/types';
import { planNotices, type Notice, type NoticeStory } from '@/utils/feed/notification-plan';
import { pendingNoticesItem, settingsItem, storiesItem } from '@/utils/storage';
import { updateRead } from './read-state';
import { updateSaved } from './saved';
import { t } from '@/utils/ui/i18n';

export interface Announcement {
  /** Stories a poll added, newest first. */
  added: StoryMeta[];
  firstRun: boolean;
  /** The success before this poll. */
  lastSuccessAt: string | null;
  now: number;
}

const STORY = 'story|';
const SUMMARY = 'summary|';
const ICON = '/icon/128.png';
const SHELF_FULL = 'shelf-full';
// Two at most (Chrome shows no more); Firefox shows none and drops notifications that carry them.
const buttons = () => (import.meta.env.FIREFOX ? undefined : [{ title: t('notifyOpen') }, { title: t('saveStory') }]);

/** Shows what a poll brought, by the rules in notification-plan.ts. */
export async function announce({ added, firstRun, lastSuccessAt, now }: Announcement): Promise<void> {
  const [settings, pendingIds, stories] = await Promise.all([
    settingsItem.getValue(),
    pendingNoticesItem.getValue(),
    pendingNoticesItem.getValue().then((ids) => (ids.length ? storiesItem.getValue() : [])),
  ]);
  const byId = new Map(stories.map((story) => [story.id, story]));
  // Only what the reader's rules leave to notify; quiet hours then hold those back as ever.
  const rules = currentRules(settings);
  const notifies = (story: StoryMeta) => judgeStory(story, rules).action === 'notify';
  const pending = pendingIds.flatMap((id) => byId.get(id) ?? []).filter(notifies);
  const plan = planNotices({
    added: added.filter(notifies),
    pending,
    firstRun,
    settings,
    now: new Date(now),
    lastSuccessAt,
    cap: NOTIFY_CAP,
  });
  if (plan.pending.join() !== pendingIds.join()) await pendingNoticesItem.setValue(plan.pending);
  for (const notice of plan.notices) await show(notice, now);
}

async function show(notice: Notice, now: number): Promise<void> {
  const iconUrl = browser.runtime.getURL(ICON);
  if (notice.kind === 'story') {
    await browser.notifications.create(`${STORY}${notice.story.id}`, {
      type: 'basic' as const,
      iconUrl,
      // The headline in the message, which wraps to three lines; the one-line title would cut it.
      title: t('notifyNewOn'),
      message: notice.story.headline,
      contextMessage: disclosure([notice.story]) ?? t('extName'),
      ...(import.meta.env.FIREFOX ? {} : { buttons: buttons() }),
    });
    return;
  }
  const lines = notice.stories.slice(0, 4).map((story) => `• ${story.headline}`);
  if (notice.stories.length > 4) lines.push(t('notifyMore', notice.stories.length - 4));
  await browser.notifications.create(`${SUMMARY}${now}`, {
    type: 'basic' as const,
    iconUrl,
    title: t(notice.away ? 'notifyAway' : 'notifyNewStories', notice.stories.length),
    message: lines.join('\n'),
    contextMessage: disclosure(notice.stories) ?? t('extName'),
  });
}

function disclosure(stories: NoticeStory[]): string | null {
  const sponsor = stories.find((story) => story.sponsor)?.sponsor;
  return sponsor ? t('sponsoredBy', sponsor) : null;
}

/** A click on a notification (or its Open button) opens what it announced; a story is marked read. */
export async function openFromNotification(notificationId: string): Promise<void> {
  await browser.notifications.clear(notificationId);
  if (notificationId.startsWith(SUMMARY)) {
    await openPanel('sidepanel.html', null);
    return;
  }
  if (!notificationId.startsWith(STORY)) return;
  const id = notificationId.slice(STORY.length);
  const story = (await storiesItem.getValue()).find((candidate) => candidate.id === id);
  await updateRead([id], true);
  await openPanel(`sidepanel.html?item=${encodeURIComponent(id)}`, story?.link ?? null);
}

/**
 * "Save" keeps the story on the Saved shelf to read later (it stays unread); a full shelf says so
 * in a notification of its own, where the reader is looking.
 */
export async function saveFromNotification(notificationId: string): Promise<void> {
  await browser.notifications.clear(notificationId);
  if (!notificationId.startsWith(STORY)) return;
  const { full } = await updateSaved([notificationId.slice(STORY.length)], true);
  if (!full) return;
  await browser.notifications.create(SHELF_FULL, {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL(ICON),
    title: t('extName'),
    message: t('savedFull', SAVED_LIMIT),
  });
}

interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
  setOptions(options: { path: string }): Promise<void>;
}

/**
 * The side panel where the browser allows opening it from a notification; otherwise the original
 * post (or, for a summary, the story list) in a tab.
 */
async function openPanel(path: string, link: string | null): Promise<void> {
  const panel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  try {
    if (!panel) throw new Error('no side panel');
    const window = await browser.windows.getLastFocused();
    await Promise.all([panel.setOptions({ path }), panel.open({ windowId: window.id! })]);
  } catch {
    await browser.tabs.create({ url: link ?? browser.runtime.getURL(`/${path}` as '/sidepanel.html') });
  }
}
