import { browser } from 'wxt/browser';
import { POLL_ALARM } from '@/utils/config';

/**
 * Makes sure the poll alarm exists with this period. Alarms can vanish on browser restart, so this
 * runs at every worker start; an existing alarm with the right period is left alone, because
 * re-creating it would reset its timer.
 */
export async function ensurePollAlarm(periodInMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(POLL_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(POLL_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}
