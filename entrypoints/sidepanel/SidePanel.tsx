import { browser } from 'wxt/browser';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { StoryBrowser } from '@/components/StoryBrowser';
import { StoryToolbar } from '@/components/StoryToolbar';
import { PageBoundary } from '@/components/PageBoundary';
import { StoryView } from '@/components/StoryView';
import { SAVED_LIMIT } from '@/utils/stories/saved';
import { judgeStory, rulesOf } from '@/utils/stories/story-rules';
import type { StoryMeta } from '@/utils/feed/types';
import { sendRequest } from '@/utils/platform/messages';
import { openInOf, type Settings } from '@/utils/settings/settings-defaults';
import { lastCheckedItem, pollStatusItem, settingsItem, type PollStatus } from '@/utils/storage';
import { peekItem, readItem } from '@/utils/ui/early-reads';
import { readListFilter, writeListFilter } from '@/utils/ui/remembered-filter';
import { addToReadingList, readingListSupported } from '@/utils/ui/reading-list';
import { useAfterPaint } from '@/utils/ui/use-after-paint';
import { useExpiring } from '@/utils/ui/use-expiring';
import { useStored } from '@/utils/ui/use-stored';
import { t } from '@/utils/ui/i18n';
import { ExportSavedButton } from './ExportSavedButton';
import { useListen } from './use-listen';
import { useReadingStyle } from './use-reading-style';
import { useReaderKeys } from './use-reader-keys';
import { useTextSettings } from './use-text-settings';
import { useRowFocusOnReturn } from './use-row-focus-on-return';
import { usePanelStories } from './use-panel-stories';
import { useSelectedStory } from './use-selected-story';
import { useStoryBody } from './use-story-body';

export interface SidePanelProps {
  /** The story from `?item=`, or null to pick one. */
  itemId: string | null;
}

export function SidePanel({ itemId }: SidePanelProps) {
  // The early-read script's answers, when they came before this code ran, make the first render
  // the story itself: no "Loading" render before it.
  const { stories, full } = usePanelStories(itemId);
  const reading = useReadingStyle();
  const { selected, select, sequence, index, story, filter } = useSelectedStory(stories, itemId);
  const body = useStoryBody(selected, itemId);
  useRowFocusOnReturn(selected);
  const [notice, setNotice] = useExpiring<string>(8000);
  // The frame with the first story's body has been painted: what the first screen does not need
  // waits for it, so that its answers (a re-render each) do not hold that frame back.
  const painted = useAfterPaint(story !== undefined && body?.id === story.id);
  const [readingList, setReadingList] = useState(false);
  useEffect(() => {
    if (painted) void readingListSupported().then(setReadingList);
  }, [painted]);
  // The list's status line and rules, read only while the list shows: a story opens with its own three reads.
  const list = {
    status: useStored(pollStatusItem, { enabled: !selected, read: readItem, peek: peekItem }),
    lastChecked: useStored(lastCheckedItem, { enabled: !selected }),
    settings: useStored(settingsItem, { enabled: !selected, read: readItem, peek: peekItem }),
  };
  // Opening a story marks it read; the worker's write comes back as a change to every story.
  useEffect(() => {
    if (painted && selected) void sendRequest({ type: 'set-read', ids: [selected], read: true });
  }, [painted, selected]);

  // Stable: the list's rows share it (row-actions.ts).
  const openStory = useCallback((pick: StoryMeta) => select(pick.id), [select]);
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
  const listen = useListen(
    story?.id,
    !!story && body?.id === story.id,
    sequence && index + 1 < sequence.length ? () => go(1) : null,
    setNotice,
  );
  const text = useTextSettings(story?.id, setNotice);
  useReaderKeys(
    story
      ? {
          listen: () => void listen.toggle(),
          next: () => go(1),
          previous: () => go(-1),
          openOriginal: () => void (story.link && browser.tabs.create({ url: story.link })),
          toggleSaved: () => void toggleSaved(story),
          toList: () => select(null),
        }
      : null,
  );

  if (stories === undefined) return <p class="empty">{t('loading')}</p>;
  // A story the head lacks waits for the whole index.
  if (selected && !story && !full) return <p class="empty">{t('loading')}</p>;
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
  if (!story) return <PanelList stories={stories} all={full} list={list} onOpen={openStory} />;
  return (
    <main class="panel" {...reading}>
      <StoryToolbar
        position={index + 1}
        total={sequence!.length}
        within={filter.label ?? (!!filter.query || filter.unreadOnly || filter.saved)}
        link={story.link}
        read={story.read}
        saved={!!story.saved}
        notice={notice}
        onToggleSaved={() => void toggleSaved(story)}
        onToggleRead={() => void sendRequest({ type: 'set-read', ids: [story.id], read: !story.read })}
        onList={() => select(null)}
        onPrevious={() => go(-1)}
        onNext={() => go(1)}
        listening={listen.on}
        onListen={() => void listen.toggle()}
        textOpen={text.open}
        onTextSettings={(opener) => void text.toggle(opener)}
      />
      {/* Listen's bar and the Text settings, drawn by their own script: nothing of Preact's inside. */}
      <div class="listen-slot" />
      <div class="text-slot" />
      <PageBoundary key={story.id} context={`story ${story.id}`} message={t('storyFailed')} link={story.link}>
        <StoryView
          story={story}
          bodyHtml={body?.id === story.id ? body.html : undefined}
          // A label in the story: its stories in the list, the rest of the filter as the reader left it.
          onLabel={(label) => {
            writeListFilter({ ...readListFilter(), label });
            select(null);
          }}
          onReadingList={readingList ? () => addToReadingList(story.headline, story.link) : undefined}
        />
      </PageBoundary>
    </main>
  );
}

interface PanelListProps {
  stories: StoryMeta[];
  /** The whole index once read (the head paints first). */
  all: StoryMeta[] | undefined;
  list: { status?: PollStatus; lastChecked?: string | null; settings?: Settings };
  onOpen: (story: StoryMeta) => void;
}

/** The list, when no story is picked. */
function PanelList({ stories, all, list: { status, lastChecked, settings }, onOpen }: PanelListProps) {
  const rules = useMemo(() => rulesOf(settings), [settings]);
  return (
    <main class="panel panel-list">
      <StoryBrowser
        stories={stories}
        all={all}
        status={status}
        lastChecked={lastChecked}
        onOpen={onOpen}
        openIn={openInOf(settings)}
        rules={rules}
        markOnScroll={settings?.markOnScroll === true}
        savedTools={<ExportSavedButton stories={all ?? stories} />}
      />
    </main>
  );
}
