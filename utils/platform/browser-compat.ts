import { browser } from 'wxt/browser';

/** The toolbar button: `action` in MV3, `browserAction` in Firefox's MV2 build. */
export function toolbarAction(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/**
 * Firefox for Android: no sidebar, shortcuts or toolbar menu (stories open in tabs), notifications
 * without buttons, and a storage.sync that is there but shares nothing (Mozilla bug 1625257).
 */
export function onAndroid(): boolean {
  return /\bAndroid\b/.test(navigator.userAgent);
}

interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
  setOptions(options: { path?: string; enabled?: boolean }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
  setPanel(details: { panel: string }): Promise<void>;
}

/**
 * Opens the side panel on `path` (Chrome `sidePanel`, Firefox `sidebarAction`), or a tab where
 * neither exists. Call it synchronously from a click handler, with the window id read beforehand:
 * both browsers require a user gesture, and an await before the call would lose it.
 */
export function openSidePanel(path: string, windowId: number | undefined): Promise<unknown> {
  const chromePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  const firefoxSidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
  const url = browser.runtime.getURL(path as '/sidepanel.html');
  // Both calls start in the same task, in order: the panel opens on the new path.
  if (chromePanel && windowId !== undefined) {
    return Promise.all([chromePanel.setOptions({ path }), chromePanel.open({ windowId })]);
  }
  if (firefoxSidebar) return Promise.all([firefoxSidebar.setPanel({ panel: url }), firefoxSidebar.open()]);
  return browser.tabs.create({ url });
}
