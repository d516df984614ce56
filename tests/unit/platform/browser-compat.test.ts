// Which surface a click opens in each browser: Chrome's side panel, Firefox's sidebar, else a tab.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSidePanel } from '@/utils/platform/browser-compat';

describe('openSidePanel', () => {
  const chromePanel = { setOptions: vi.fn(() => Promise.resolve()), open: vi.fn(() => Promise.resolve()) };
  const firefoxSidebar = { setPanel: vi.fn(() => Promise.resolve()), open: vi.fn(() => Promise.resolve()) };
  const openedUrls = async () => (await fakeBrowser.tabs.query({})).flatMap((tab) => tab.url ?? []);

  const { sidebarAction } = fakeBrowser as { sidebarAction?: unknown };
  // The fake browser has both browsers' APIs; each test says which its browser has.
  const setSidebar = (value: unknown) => Object.assign(fakeBrowser, { sidebarAction: value });

  beforeEach(() => {
    fakeBrowser.reset();
    vi.clearAllMocks();
    setSidebar(undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setSidebar(sidebarAction);
  });

  it('opens Chrome’s side panel on the path, in the given window', async () => {
    vi.stubGlobal('chrome', { sidePanel: chromePanel });
    await openSidePanel('sidepanel.html?item=a', 7);
    expect(chromePanel.setOptions).toHaveBeenCalledWith({ path: 'sidepanel.html?item=a' });
    expect(chromePanel.open).toHaveBeenCalledWith({ windowId: 7 });
    expect(await openedUrls()).toEqual([]);
  });

  it('opens a tab when Chrome’s panel has no window to open in', async () => {
    vi.stubGlobal('chrome', { sidePanel: chromePanel });
    await openSidePanel('sidepanel.html', undefined);
    expect(chromePanel.open).not.toHaveBeenCalled();
    expect(await openedUrls()).toEqual([expect.stringMatching(/\/sidepanel\.html$/)]);
  });

  it('opens Firefox’s sidebar on the page’s full URL', async () => {
    vi.stubGlobal('chrome', undefined);
    setSidebar(firefoxSidebar);
    await openSidePanel('sidepanel.html?item=b', 3);
    expect(firefoxSidebar.setPanel).toHaveBeenCalledWith({
      panel: fakeBrowser.runtime.getURL('/sidepanel.html?item=b'),
    });
    expect(firefoxSidebar.open).toHaveBeenCalled();
    expect(await openedUrls()).toEqual([]);
  });

  it('opens a tab where the browser has neither', async () => {
    vi.stubGlobal('chrome', {});
    await openSidePanel('sidepanel.html?item=c', 3);
    expect(await openedUrls()).toEqual([expect.stringMatching(/\/sidepanel\.html\?item=c$/)]);
  });
});
