import type { Settings } from '@/utils/settings/settings';
import { ensurePollAlarm } from './alarm';
import { updateBadge } from './badge';
import { pollFeed } from './poll';
import { pullSettings, pullSync, pushSettings, pushSync } from './sync';
import { syncReadOf } from '@/utils/settings/settings-defaults';
import { applyRetention, switchFeed } from './store-maintenance';

/** Carries a settings change (from the options page) into the alarm, the store and the badge. */
export async function applySettings(next: Settings, previous: Settings | null): Promise<void> {
  if (next.intervalMinutes !== previous?.intervalMinutes) await ensurePollAlarm(next.intervalMinutes);
  if (previous && next.feedUrl !== previous.feedUrl) {
    await switchFeed(previous.feedUrl, next.feedUrl);
    await pollFeed(undefined, 'settings');
  } else if (previous && next.retention < previous.retention) {
    await applyRetention(next.retention);
  }
  // The badge counts only the stories the rules let the reader see.
  const rulesChanged =
    JSON.stringify([next.labelRules, next.keywordRules]) !==
    JSON.stringify([previous?.labelRules, previous?.keywordRules]);
  if (next.badge !== previous?.badge || rulesChanged) await updateBadge();
  // Sharing switched on: this browser's marks go out, the others' come in.
  if (syncReadOf(next) && previous && !syncReadOf(previous)) {
    await pullSync();
    await pushSync();
  }
  // Settings shared: switched on, the shared ones are taken if there are any; else, and after
  // any change here, these are shared.
  if (next.syncSettings && previous && !previous.syncSettings && (await pullSettings())) return;
  await pushSettings(next);
}
