import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { POLL_ALARM } from '@/utils/config';
import type { StoryMeta } from '@/utils/feed/types';
import { isRequest } from '@/utils/platform/messages';
import { pollStatusItem, readerFontScaleItem, readingStyleItem, settingsItem, storiesItem } from '@/utils/storage';
import { ensurePollAlarm } from './alarm';
import { applySettings } from './apply-settings';
import { updateBadge } from './badge';
import { openFromNotification, saveFromNotification } from './notify';
import { pollFeed, type PollTrigger } from './poll';
import { createHandlers, handleRequest } from './requests';
import { isSettingsChange, isSyncChange, pullSettings, pullSync, pushSettings } from './sync';
import { createSidePanelMenu, listenForSidePanelEntries } from './side-panel-entries';
import { migrateStorage } from './update';

// Registers listeners only, synchronously, so a worker woken by any event sees them.
export default defineBackground(() => {
  const handlers = createHandlers();
  const report = (what: string) => (error: unknown) => console.error(`Smileband News: ${what}`, error);
  const poll = (trigger: PollTrigger) => void pollFeed(undefined, trigger).catch(report(`poll (${trigger})`));
  const refreshBadge = (stories: StoryMeta[] | null = null) => void updateBadge(stories).catch(report('badge'));

  // A new install's first poll takes the other browsers' marks itself (its store is empty); an
  // update only brings what is stored up to date (update.ts). A browser starting again takes what
  // the others marked while it was closed, then polls.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') poll('install');
    if (reason === 'update') void migrateStorage().catch(report('update'));
    void createSidePanelMenu().catch(report('menu'));
  });
  listenForSidePanelEntries();
  browser.runtime.onStartup.addListener(
    () =>
      void pullSync()
        .catch(report('sync'))
        .finally(() => poll('startup')),
  );
  browser.storage.onChanged.addListener((changes, area) => {
    if (isSyncChange(changes, area)) void pullSync().catch(report('sync'));
    if (isSettingsChange(changes, area)) void pullSettings().catch(report('sync'));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) poll('alarm');
  });
  // The polyfill's contract: a promise answers the message; undefined leaves it to other listeners
  // (the side panel's). Its types have no listener that does both, and the linter reads the promise
  // as a mistake.
  const answer = (message: unknown) => (isRequest(message) ? handleRequest(handlers, message) : undefined);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the promise is the reply (see above)
  browser.runtime.onMessage.addListener(answer);
  browser.notifications.onClicked.addListener((id) => void openFromNotification(id).catch(report('notification')));
  browser.notifications.onButtonClicked.addListener((id, button) => {
    const act = button === 0 ? openFromNotification : saveFromNotification;
    void act(id).catch(report('notification'));
  });
  // Back online: poll once rather than wait for the next alarm.
  globalThis.addEventListener('online', () => poll('online'));
  storiesItem.watch((stories) => refreshBadge(stories));
  // Text settings are shared with the settings (when the reader shares them).
  const shareReading = () => void settingsItem.getValue().then(pushSettings).catch(report('sync'));
  readingStyleItem.watch(shareReading);
  readerFontScaleItem.watch(shareReading);
  pollStatusItem.watch(() => refreshBadge());
  settingsItem.watch((next, previous) => void applySettings(next, previous).catch(report('settings')));

  void settingsItem
    .getValue()
    .then((settings) => ensurePollAlarm(settings.intervalMinutes))
    .catch(report('alarm'));
  refreshBadge();
});
