import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { ensurePollAlarm } from '@/entrypoints/background/alarm';

describe('ensurePollAlarm', () => {
  beforeEach(() => fakeBrowser.reset());

  it('creates the poll alarm when there is none', async () => {
    await ensurePollAlarm(15);
    expect(await browser.alarms.get('poll-feed')).toMatchObject({ name: 'poll-feed', periodInMinutes: 15 });
  });

  it('leaves an alarm with the right period alone, so its timer is not reset', async () => {
    await browser.alarms.create('poll-feed', { periodInMinutes: 15, when: 12345 });
    await ensurePollAlarm(15);
    expect((await browser.alarms.get('poll-feed'))?.scheduledTime).toBe(12345);
  });

  it('replaces an alarm whose period changed', async () => {
    await browser.alarms.create('poll-feed', { periodInMinutes: 60 });
    await ensurePollAlarm(15);
    expect((await browser.alarms.getAll()).map((alarm) => alarm.periodInMinutes)).toEqual([15]);
  });
});
