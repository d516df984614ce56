import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { DEFAULT_POLL_MINUTES, POLL_ALARM } from '@/utils/config';
import { isRequest } from '@/utils/messages';
import { pollStatusItem, storiesItem } from '@/utils/storage';
import { ensurePollAlarm } from './alarm';
import { updateBadge } from './badge';
import { pollFeed } from './poll';
import { createHandlers, handleRequest } from './requests';

// Registers listeners only, synchronously, so a worker woken by any event sees them.
export default defineBackground(() => {
  const handlers = createHandlers();
  const poll = (reason: string) =>
    pollFeed().catch((error: unknown) => console.error(`Smileband News: poll (${reason}) crashed`, error));
  const refreshBadge = () => updateBadge().catch((error: unknown) => console.error('Smileband News: badge', error));

  browser.runtime.onInstalled.addListener(() => void poll('install'));
  browser.runtime.onStartup.addListener(() => void poll('startup'));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void poll('alarm');
  });
  browser.runtime.onMessage.addListener((message: unknown) =>
    isRequest(message) ? handleRequest(handlers, message) : undefined,
  );
  storiesItem.watch(() => void refreshBadge());
  pollStatusItem.watch(() => void refreshBadge());

  void ensurePollAlarm(DEFAULT_POLL_MINUTES).catch((error: unknown) => console.error('Smileband News: alarm', error));
  void refreshBadge();
});
