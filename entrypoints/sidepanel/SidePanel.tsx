import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { StoryBrowser } from '@/components/StoryBrowser';
import { StoryToolbar } from '@/components/StoryToolbar';
import { PageBoundary } from '@/components/PageBoundary';
import { StoryView } from '@/components/StoryView';
import { SAVED_LIMIT } from '@/utils/feed/saved';
import { judgeStory, rulesOf } from '@/utils/feed/story-rules';
import type { StoryMeta } from '@/utils/feed/types';
import { isShowStory, sendRequest } from '@/utils/messages';
import { openInOf } from '@/utils/settings/settings-defaults';
import {
  bodyKey,
  FONT_SCALES,
  lastCheckedItem,
  pollStatusItem,
  readerFontScaleItem,
  settingsItem,
  storiesItem,
} from '@/utils/storage';
import { peekEarlyRead, peekItem, readItem, takeEarlyRead } from '@/utils/ui/early-reads';
import { filterStories } from '@/utils/ui/filter-stories';
import { keepUnchanged } from '@/utils/ui/keep-unchanged';
import { readListFilter, writeListFilter } from '@/utils/ui/remembered-filter';
import { addToReadingList, readingListSupported } from '@/utils/ui/reading-list';
import { useAfterPaint } from '@/utils/ui/use-after-paint';
import { useExpiring } from '@/utils/ui/use-expiring';
import { useStored } from '@/utils/ui/use-stored';
import { t } from '@/utils/ui/i18n';
import { loadExportSaved } from './load-export-saved';

export interface SidePanelProps {
  /** The story from `?item=`, or null to pick one. */
  itemId: string | null;
}

export function SidePanel({ itemId }: SidePanelProps) {
  // The early-read script's answers, when they came before this code ran, make the first render
  // the story itself: no "Loading" render before it.
  const stories = useStored(storiesItem, keepUnchanged, true, readItem, peekItem);
  const fontScale = useStored(readerFontScaleItem, undefined, true, readItem, peekItem) ?? 1;
  const [selected, select] = useState(itemId);
  const [body, setBody] = useState<{ id: string; html: string | null } | null>(() => {
    const early = itemId ? peekEarlyRead<string>(bodyKey(itemId)) : undefined;
    return early && itemId ? { id: itemId, html: early.value } : null;
  });
  // The first story's body came with the first render: its effect has nothing to read.
  const heldBodyRef = useRef(body !== null);
  const [notice, setNotice] = useExpiring<string>(8000);
  const [readingList, setReadingList] = useState(false);
  // Previous and next follow the list as the reader last filtered it (remembered-filter.ts), and
  // keep the stories shown here, which opening marked read.
  const [shown] = useState(() => new Set<string>());
  if (selected) shown.add(selected);
  const sequence = useMemo(
    () => (stories ? filterStories(stories, readListFilter(), shown) : undefined),
    // Read again for each story picked: the filter may have changed in the popup meanwhile.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [stories, selected],
  );
  const index = sequence?.findIndex((candidate) => candidate.id === selected) ?? -1;
  const story = index >= 0 ? sequence![index] : undefined;
  // The frame with the first story's body has been painted: what the first screen does not need
  // waits for it, so that its answers (a re-render each) do not hold that frame back.
  const painted = useAfterPaint(story !== undefined && body?.id === story.id);
  useEffect(() => {
    if (painted) void readingListSupported().then(setReadingList);
  }, [painted]);
  // Opening a story marks it read; the worker's write comes back as a change to every story.
  useEffect(() => {
    if (painted && selected) void sendRequest({ type: 'set-read', ids: [selected], read: true });
  }, [painted, selected]);
  // The list's status line, read only while the list shows: a story opens with its own three reads.
  const status = useStored(pollStatusItem, undefined, !selected);
  const lastChecked = useStored(lastCheckedItem, undefined, !selected);
  const settings = useStored(settingsItem, undefined, !selected);
  const rules = useMemo(() => rulesOf(settings), [settings]);

  // The popup tells open panels which story it picked.
  useEffect(() => {
    const onMessage = (message: unknown) => {
      if (isShowStory(message)) select(message.id);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  // Load the body and keep the address in step so a reload shows it again.
  // A layout effect, like useStored's: the body read leaves before the first frame, not after it.
  useLayoutEffect(() => {
    const search = selected ? `?item=${encodeURIComponent(selected)}` : '';
    // The address the panel opened with is already right: a history call costs its first frame ~0.5 ms.
    if (location.search !== search) history.replaceState(null, '', search || location.pathname);
    if (!selected) return;
    window.scrollTo(0, 0);
    if (heldBodyRef.current) {
      heldBodyRef.current = false;
      return;
    }
    let live = true;
    const key = bodyKey(selected);
    const read = () => storage.getItem<string>(key);
    // A failed early read is read again, as readItem does for items.
    void (takeEarlyRead<string>(key)?.catch(read) ?? read()).then((html) => live && setBody({ id: selected, html }));
    return () => {
      live = false;
    };
  }, [selected]);

  const openStory = useCallback((pick: StoryMeta) => select(pick.id), []);
  // A label in the story: its stories in the list, the rest of the filter as the reader left it.
  const showLabel = (label: string) => {
    writeListFilter({ ...readListFilter(), label });
    select(null);
  };
  const toggleSaved = async (pick: StoryMeta) => {
    const reply = await sendRequest({ type: 'set-saved', ids: [pick.id], saved: !pick.saved });
    setNotice(reply.full ? t('savedFull', SAVED_LIMIT) : null);
  };
  // Past the stories the reader's rules hide; the rules are read on the way, not on opening (a
  // story opens with its own three reads).
  const go = (step: number) => {
    if (!sequence) return;
    void settingsItem.getValue().then((stored) => {
      const rules = rulesOf(stored);
      let at = index + step;
      while (sequence[at] && judgeStory(sequence[at]!, rules).action === 'hide') at += step;
      const next = sequence[at];
      if (next) select(next.id);
    });
  };
  const scaleAt = FONT_SCALES.indexOf(fontScale as (typeof FONT_SCALES)[number]);
  const setScale = (step: number) => {
    const next = FONT_SCALES[Math.min(FONT_SCALES.length - 1, Math.max(0, (scaleAt < 0 ? 1 : scaleAt) + step))];
    if (next !== undefined) void readerFontScaleItem.setValue(next);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (!story) return;
      if (event.key === 'ArrowRight' || event.key === 'j') go(1);
      else if (event.key === 'ArrowLeft' || event.key === 'k') go(-1);
      else if (event.key === 'o' && story.link) void browser.tabs.create({ url: story.link });
      else if (event.key === 's') void toggleSaved(story);
      else if (event.key === 'Escape') select(null);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (stories === undefined) return <p class="empty">{t('loading')}</p>;
  if (selected && !story) {
    return (
      <main class="panel">
        <p class="empty" role="alert">
          {t('storyGone')}
        </p>
        <button type="button" onClick={() => select(null)}>
          {t('showAllStories')}
        </button>
      </main>
    );
  }
  if (!story) {
    return (
      <main class="panel panel-list">
        <StoryBrowser
          stories={stories}
          all={stories}
          status={status}
          lastChecked={lastChecked}
          onOpen={openStory}
          openIn={openInOf(settings)}
          rules={rules}
          // Loaded on use: the file's builder is no part of the panel's first paint.
          onExportSaved={() => loadExportSaved().then((exportSaved) => exportSaved(stories))}
        />
      </main>
    );
  }
  return (
    <main class="panel" style={{ '--font-scale': String(fontScale) }}>
      <StoryToolbar
        position={index + 1}
        total={sequence!.length}
        link={story.link}
        read={story.read}
        saved={!!story.saved}
        notice={notice}
        onToggleSaved={() => void toggleSaved(story)}
        onToggleRead={() => void sendRequest({ type: 'set-read', ids: [story.id], read: !story.read })}
        canShrink={fontScale > FONT_SCALES[0]}
        canGrow={fontScale < FONT_SCALES[FONT_SCALES.length - 1]!}
        onList={() => select(null)}
        onPrevious={() => go(-1)}
        onNext={() => go(1)}
        onShrink={() => setScale(-1)}
        onGrow={() => setScale(1)}
      />
      <PageBoundary key={story.id} context={`story ${story.id}`} message={t('storyFailed')} link={story.link}>
        <StoryView
          story={story}
          bodyHtml={body?.id === story.id ? body.html : undefined}
          onLabel={showLabel}
          onReadingList={readingList ? () => addToReadingList(story.headline, story.link) : undefined}
        />
      </PageBoundary>
    </main>
  );
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}
