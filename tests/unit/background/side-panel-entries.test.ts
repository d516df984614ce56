import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSidePanelMenu, listenForSidePanelEntries } from '@/entrypoints/background/side-panel-entries';
import { fakeEvent } from '../../support/fake-event';

describe('the side panel’s own ways in', () => {
  const open = vi.fn(() => Promise.resolve());
  const setOptions = vi.fn(() => Promise.resolve());
  let onCommand: ReturnType<typeof fakeEvent>;
  let onClicked: ReturnType<typeof fakeEvent>;
  let menu: { create: ReturnType<typeof vi.fn>; removeAll: ReturnType<typeof vi.fn> };

  beforeEach(() => {
    fakeBrowser.reset();
    open.mockClear();
    setOptions.mockClear();
    vi.stubGlobal('chrome', { sidePanel: { open, setOptions } });
    onCommand = fakeEvent();
    onClicked = fakeEvent();
    menu = { create: vi.fn(), removeAll: vi.fn(() => Promise.resolve()) };
    vi.spyOn(fakeBrowser.commands, 'onCommand', 'get').mockReturnValue(onCommand as never);
    vi.spyOn(fakeBrowser.contextMenus, 'onClicked', 'get').mockReturnValue(onClicked as never);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(menu.create as never);
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(menu.removeAll as never);
    listenForSidePanelEntries();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('opens the panel on its list from the keyboard shortcut, in the window it was pressed in', () => {
    onCommand.fire('open-side-panel', { windowId: 7 });
    expect(setOptions).toHaveBeenCalledWith({ path: 'sidepanel.html' });
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    onCommand.fire('some-other-command', { windowId: 7 });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('puts "Open side panel" in the toolbar button’s menu, once however often it is installed', async () => {
    await createSidePanelMenu();
    await createSidePanelMenu();
    expect(menu.removeAll).toHaveBeenCalledTimes(2);
    expect(menu.create).toHaveBeenLastCalledWith({
      id: 'open-side-panel',
      title: 'Open side panel',
      contexts: ['action'],
    });
    onClicked.fire({ menuItemId: 'open-side-panel' }, { windowId: 3 });
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
    onClicked.fire({ menuItemId: 'something-else' }, { windowId: 3 });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['the shortcut', () => onCommand.fire('open-side-panel', undefined)],
    ['the menu', () => onClicked.fire({ menuItemId: 'open-side-panel' }, undefined)],
  ])('opens the list in a tab when %s comes with no tab to name a window (Chrome)', async (_case, fire) => {
    vi.spyOn(fakeBrowser, 'sidebarAction', 'get').mockReturnValue(undefined as never);
    fire();
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContainEqual(
        expect.stringMatching(/\/sidepanel\.html$/),
      ),
    );
    expect(open).not.toHaveBeenCalled();
  });

  it('says in the log when the panel could not open', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    open.mockRejectedValueOnce(new Error('no user gesture'));
    onCommand.fire('open-side-panel', { windowId: 7 });
    await vi.waitFor(() =>
      expect(error).toHaveBeenCalledWith('Smileband News: could not open the side panel', expect.any(Error)),
    );
  });

  it('puts the menu item on Firefox’s toolbar button, which MV2 calls browser_action', async () => {
    vi.stubEnv('FIREFOX', true as never);
    await createSidePanelMenu();
    vi.unstubAllEnvs();
    expect(menu.create).toHaveBeenCalledWith(expect.objectContaining({ contexts: ['browser_action'] }));
  });

  it('listens to the menu where the browser has no keyboard commands', () => {
    vi.spyOn(fakeBrowser, 'commands', 'get').mockReturnValue(undefined as never);
    expect(() => listenForSidePanelEntries()).not.toThrow();
  });

  it('asks nothing of menus and shortcuts where the browser has none (Firefox for Android), so the worker goes on starting', async () => {
    const saved = { commands: fakeBrowser.commands, contextMenus: fakeBrowser.contextMenus, menus: fakeBrowser.menus };
    Object.assign(fakeBrowser, { commands: undefined, contextMenus: undefined, menus: undefined });
    try {
      expect(() => listenForSidePanelEntries()).not.toThrow();
      await expect(createSidePanelMenu()).resolves.toBeUndefined();
    } finally {
      Object.assign(fakeBrowser, saved);
    }
  });
});
