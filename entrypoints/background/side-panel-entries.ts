import { browser } from 'wxt/browser';
import { openSidePanel } from '@/utils/platform/browser-compat';
import { t } from '@/utils/ui/i18n';

/** The command (manifest `commands`) and the menu item that open the side panel on its list. */
export const OPEN_SIDE_PANEL = 'open-side-panel';

type Menus = typeof browser.contextMenus;

/**
 * The side panel's own ways in, besides a story picked in the popup: a keyboard shortcut (Chrome;
 * Firefox's `_execute_sidebar_action` needs no listener) and an item in the toolbar button's
 * context menu. Both count as user gestures, which opening the panel requires: the panel opens in
 * the listener's own task, as openSidePanel does.
 */
export function listenForSidePanelEntries(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === OPEN_SIDE_PANEL) open(tab?.windowId);
  });
  // Firefox for Android has neither menus nor shortcuts (nor a sidebar: stories open in tabs there).
  menus()?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === OPEN_SIDE_PANEL) open(tab?.windowId);
  });
}

/** The context-menu item. Menus outlive the worker, so it is made on install and update, afresh. */
export async function createSidePanelMenu(): Promise<void> {
  const menu = menus();
  if (!menu) return;
  await menu.removeAll();
  menu.create({
    id: OPEN_SIDE_PANEL,
    title: t('openSidePanel'),
    contexts: [import.meta.env.FIREFOX ? 'browser_action' : 'action'],
  });
}

function open(windowId: number | undefined): void {
  void openSidePanel('sidepanel.html', windowId).catch((error: unknown) =>
    console.error('Smileband News: could not open the side panel', error),
  );
}

function menus(): Menus | undefined {
  return browser.contextMenus ?? (browser as unknown as { menus?: Menus }).menus;
}
