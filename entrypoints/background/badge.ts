import { browser } from 'wxt/browser';
import { badgeView } from '@/utils/badge-view';
import { toolbarAction } from '@/utils/browser-compat';
import { unreadCount } from '@/utils/feed/read-state';
import { pollStatusItem, settingsItem, storiesItem } from '@/utils/storage';

/** Derives the badge from storage (never stored itself): unread count, or the error state. */
export async function updateBadge(now = Date.now()): Promise<void> {
  const [stories, status, settings] = await Promise.all([
    storiesItem.getValue(),
    pollStatusItem.getValue(),
    settingsItem.getValue(),
  ]);
  const view = badgeView({
    showCount: settings.badge,
    unread: unreadCount(stories),
    error: status.error,
    lastSuccessAt: status.lastSuccessAt,
    now,
    extensionName: extensionName(),
  });
  const action = toolbarAction();
  await Promise.all([
    action.setBadgeText({ text: view.text }),
    action.setBadgeBackgroundColor({ color: view.color }),
    action.setTitle({ title: view.title }),
  ]);
}

function extensionName(): string {
  try {
    return browser.i18n.getMessage('extName') || 'Smileband News';
  } catch {
    return 'Smileband News';
  }
}
