import { browser } from 'wxt/browser';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { StoryBrowser } from '@/components/StoryBrowser';
import { openSidePanel } from '@/utils/platform/browser-compat';
import { rulesOf } from '@/utils/stories/story-rules';
import type { StoryMeta } from '@/utils/feed/types';
import { readFirstScreen, writeFirstScreen } from '@/utils/ui/first-screen-cache';
import { keepUnchanged } from '@/utils/ui/keep-unchanged';
import { sendRequest, type ShowStory } from '@/utils/platform/messages';
import { openInOf } from '@/utils/settings/settings-defaults';
import { lastCheckedItem, pollStatusItem, settingsItem, storiesHeadItem, storiesItem } from '@/utils/storage';
import { useAfterPaint } from '@/utils/ui/use-after-paint';
import { useStored } from '@/utils/ui/use-stored';

export function Popup() {
  // Last time's first screen paints until storage answers (see first-screen-cache.ts). With it at
  // hand, storage is read after its first frame: four answers, each a re-render, would otherwise
  // land before that frame and hold it back.
  const [cached] = useState(readFirstScreen);
  const read = useAfterPaint(cached !== undefined) || cached === undefined;
  // The head paints first; the whole list is read after that first frame (its large answer would
  // otherwise land before the paint) and replaces it a moment later.
  const head = useStored(storiesHeadItem, { enabled: read });
  const painted = useAfterPaint(head !== undefined);
  const full = useStored(storiesItem, { reconcile: keepUnchanged, enabled: painted });
  const stored = useStored(pollStatusItem, { enabled: read });
  const lastChecked = useStored(lastCheckedItem, { enabled: read });
  const settings = useStored(settingsItem, { enabled: read });
  useEffect(() => {
    if (!head || !stored || !settings) return;
    const { labelRules, keywordRules, openIn } = settings;
    writeFirstScreen({ stories: head, status: stored, view: { labelRules, keywordRules, openIn } });
  }, [head, stored, settings]);
  // Until the settings are read, last time's rules: a story they hide never shows for a frame.
  const view = settings ?? cached?.view;
  const rules = useMemo(() => rulesOf(view), [view]);
  const [windowId, setWindowId] = useState<number>();

  useEffect(() => {
    void (async () => setWindowId((await browser.windows.getCurrent())?.id))().catch(() => {});
  }, []);

  // Read the window id first: the side panel must open synchronously inside the click.
  const windowRef = useRef(windowId);
  useEffect(() => {
    windowRef.current = windowId;
  }, [windowId]);

  const open = useCallback((story: StoryMeta) => {
    void openSidePanel(`sidepanel.html?item=${encodeURIComponent(story.id)}`, windowRef.current).catch(
      (error: unknown) => console.error('Smileband News: could not open the side panel', error),
    );
    // An open panel follows the pick at once; a new one starts from its ?item= address.
    void browser.runtime.sendMessage({ type: 'show-story', id: story.id } satisfies ShowStory).catch(() => {});
    void sendRequest({ type: 'set-read', ids: [story.id], read: true });
  }, []);

  return (
    <main class="popup">
      <StoryBrowser
        stories={full ?? head ?? cached?.stories}
        all={full}
        status={stored ?? cached?.status}
        lastChecked={lastChecked}
        onOpen={open}
        openIn={openInOf(view)}
        rules={rules}
        markOnScroll={settings?.markOnScroll === true}
      />
    </main>
  );
}
