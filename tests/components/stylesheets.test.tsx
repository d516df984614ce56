// Every selector in every stylesheet must match something a page or component renders, in one of
// its states: a rule nothing renders is dead weight, or a style a component lost on the way.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fireEvent, render, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageBoundary } from '@/components/PageBoundary';
import { ListHeader } from '@/components/ListHeader';
import { BlogSearch } from '@/components/BlogSearch';
import { HiddenWhy } from '@/components/HiddenWhy';
import { OlderStories } from '@/components/OlderStories';
import { SettingsForm, type SettingsFormValues } from '@/components/SettingsForm';
import { StateMessage } from '@/components/StateMessage';
import { StoryBrowser } from '@/components/StoryBrowser';
import { StoryList } from '@/components/StoryList';
import { WithRows } from '../support/row-actions';
import { StoryView } from '@/components/StoryView';
import { UndoBar } from '@/components/UndoBar';
import { Options } from '@/entrypoints/options/Options';
import { Popup } from '@/entrypoints/popup/Popup';
import { SidePanel } from '@/entrypoints/sidepanel/SidePanel';
import { sendRequest } from '../support/messages-mock';
import { bodyKey, pollStatusItem, readingStyleItem } from '@/utils/storage';
import { NOW, storeStories, story } from '../support/page-test';
import { installSpeechRecorder } from '../support/speech-recorder';
import { listenBar } from '@/entrypoints/sidepanel/reader-tools/listen-bar';
import { textSettings } from '@/entrypoints/sidepanel/reader-tools/text-settings';

const root = resolve(import.meta.dirname, '../..');
const stylesheets = [
  ...readdirSync(join(root, 'components'))
    .filter((file) => file.endsWith('.css'))
    .map((file) => join('components', file)),
  ...['popup', 'sidepanel', 'options'].map((page) => join('entrypoints', page, 'style.css')),
];

/** The selectors of a stylesheet, one by one, with pseudo-classes and pseudo-elements taken off. */
function selectorsOf(css: string): string[] {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const out: string[] = [];
  const walk = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSStyleRule) out.push(...rule.selectorText.split(','));
      else if (rule instanceof CSSMediaRule) walk(rule.cssRules);
    }
  };
  walk(style.sheet!.cssRules);
  style.remove();
  return out
    .map((selector) => selector.trim())
    .filter((selector) => selector !== ':root' && !/^(?:from|to|\d+%)$/.test(selector))
    .map((selector) => ({ selector, bare: selector.replace(/::?[a-z-]+(?:\([^()]*(?:\([^()]*\))?[^()]*\))?/g, '') }))
    .map(({ bare }) => bare.trim() || '*');
}

/** Every selector of every stylesheet. */
const allSelectors = () => new Set(stylesheets.flatMap((file) => selectorsOf(readFileSync(join(root, file), 'utf8'))));
/** The selectors something on the page has matched so far (the page changes as the test goes). */
const matched = new Set<string>();
function noteMatches(): void {
  for (const selector of allSelectors()) if (document.querySelector(selector)) matched.add(selector);
}

const form: SettingsFormValues = {
  labelRules: { Sport: 'quiet' },
  keywordRules: [{ words: 'football', action: 'hide' }],
  feedUrl: 'https://www.smileband.co.uk/feeds/posts/default',
  intervalMinutes: '1',
  notifications: true,
  quietEnabled: true,
  quietStart: '22:00',
  quietEnd: '07:00',
  badge: true,
  retention: '200',
  openIn: 'panel',
  syncRead: true,
  syncSettings: false,
  markOnScroll: false,
  listenVoice: '',
  listenRate: '1',
};
const noop = () => {};
const Broken = (): never => {
  throw new Error('render failed');
};

// A body with every kind of markup the reader styles on purpose.
const BODY = [
  '<p>First paragraph.</p><h1>Big</h1><h2>Sub</h2><h3>Subsub</h3><h4>Small</h4><h5>Smaller</h5><h6>Least</h6>',
  '<p><a href="javascript:alert(1)">A link made safe</a></p>',
  '<blockquote>Quote</blockquote><ul><li>One</li></ul><ol><li>Two</li></ol>',
  '<div class="separator"><a href="https://x.test/a.jpg"><img src="https://x.test/a.jpg"></a></div>',
  '<table class="tr-caption-container"><tbody><tr><td><img src="https://x.test/b.jpg"></td></tr>',
  '<tr><td class="tr-caption">Caption</td></tr></tbody></table>',
  '<table><tbody><tr><th>H</th><td>D</td></tr></tbody></table>',
  '<iframe src="https://www.youtube.com/embed/abcdef123"></iframe>',
].join('');

describe('stylesheets', () => {
  // Every save is refused as if the shelf were full: the notice shows.
  beforeEach(() => {
    sendRequest.mockResolvedValue({ changed: [], full: true });
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  // Each test below notes the selectors what it draws matches; the last checks none is left over.
  it('draws every page and component in the states the stylesheets address', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    // Options gives back host permissions after a reset; the fake browser has no manifest of its own.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1' });
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins: [], permissions: [] });
    const stories = [1, 2].map((n) =>
      story(n, {
        image: n === 1 ? 'https://x.test/t.jpg' : null,
        read: n === 2,
        // One on the Saved shelf: its mark and pressed Save toggle.
        ...(n === 1 ? { saved: '2026-02-03T08:30:00.000Z' } : {}),
      }),
    );
    await storeStories(stories);
    await fakeBrowser.storage.local.set({ [bodyKey(stories[0]!.id).replace('local:', '')]: BODY });
    await pollStatusItem.setValue({
      lastAttemptAt: '2026-02-03T08:00:00.000Z',
      lastSuccessAt: '2026-02-03T07:00:00.000Z',
      lastChangeAt: null,
      error: { kind: 'offline', message: 'You are offline.', at: '2026-02-03T08:00:00.000Z' },
      skipped: 1,
    });

    // The pages, in the states the stylesheets address.
    render(<Popup />);
    await waitFor(() => expect(document.querySelectorAll('.popup .row')).toHaveLength(2));
    // A second popup whose search matches nothing: its message stands in for the list.
    const { container: noMatch } = render(<Popup />);
    await waitFor(() => expect(noMatch.querySelector('.search'), 'popup toolbar').not.toBeNull());
    fireEvent.input(noMatch.querySelector('.search')!, { target: { value: 'no such headline' } });
    await waitFor(() => expect(noMatch.querySelector('.popup .state'), 'no-match message').not.toBeNull());
    // And one whose search matches: the match is marked in the headline.
    const { container: match } = render(<Popup />);
    await waitFor(() => expect(match.querySelector('.search'), 'popup toolbar').not.toBeNull());
    fireEvent.input(match.querySelector('.search')!, { target: { value: 'headline' } });
    await waitFor(() => expect(match.querySelector('.headline mark'), 'marked match').not.toBeNull());
    // A label chosen: its chip pressed in the bar and on the rows.
    fireEvent.click(match.querySelector('.label-chip')!);
    await waitFor(() =>
      expect(match.querySelector('.meta .label[aria-pressed="true"]'), 'chosen label').not.toBeNull(),
    );
    // The side panel's Saved view, with its export, and the notice of a full shelf.
    const { container: panelList } = render(<SidePanel itemId={null} />);
    const savedView = () => within(panelList as HTMLElement).getByRole('button', { name: /^Saved stories/ });
    await waitFor(() => expect(savedView(), 'Saved view control').toBeTruthy());
    fireEvent.click(savedView());
    await waitFor(() => expect(panelList.querySelector('.saved-tools'), 'export saved').not.toBeNull());
    fireEvent.click(savedView());
    await waitFor(() => expect(panelList.querySelectorAll('.toggle-saved')).toHaveLength(2));
    fireEvent.click(panelList.querySelectorAll('.toggle-saved')[1]!);
    await waitFor(() => expect(panelList.querySelector('.list-notice'), 'shelf full').not.toBeNull());
    fireEvent.click(savedView());
    render(<SidePanel itemId={stories[0]!.id} />);
    // A read story's toolbar: Mark unread.
    render(<SidePanel itemId={stories[1]!.id} />);
    await waitFor(() => expect(document.querySelector('.body .video-card'), 'story body').not.toBeNull());
    // One options page asking to confirm a reset (left open), one that refused a save, one reset.
    const { container: confirming } = render(<Options />);
    await waitFor(() => expect(confirming.querySelector('.more button'), 'options actions').not.toBeNull());
    fireEvent.click(within(confirming as HTMLElement).getByRole('button', { name: 'Reset to defaults' }));
    for (const action of ['save', 'reset'] as const) {
      const { container } = render(<Options />);
      const page = within(container as HTMLElement);
      // By attribute: two pages side by side share ids, and an #id lookup finds only the first.
      await waitFor(() => expect(container.querySelector('[id="intervalMinutes"]'), 'options form').not.toBeNull());
      fireEvent.input(container.querySelector<HTMLInputElement>('[id="intervalMinutes"]')!, { target: { value: '1' } });
      fireEvent.click(page.getByRole('button', { name: action === 'save' ? 'Save' : 'Reset to defaults' }));
      // Reset asks first.
      if (action === 'reset') fireEvent.click(page.getByRole('button', { name: 'Reset settings' }));
      await waitFor(() =>
        expect(container.querySelector(`.save-state.${action === 'save' ? 'bad' : 'ok'}`), action).not.toBeNull(),
      );
    }
    // A story that is gone: the panel's empty state.
    render(<SidePanel itemId="gone" />);

    // Components in the states the pages show only for a moment.
    render(<ListHeader unread={2} refreshing status={{ text: 'Failed', isError: true }} onRefresh={noop} />);
    render(<StateMessage title="Loading" tone="busy" />);
    render(<StateMessage title="Failed" tone="error" />);
    render(<UndoBar message="Marked 2 stories read." onUndo={noop} onDismiss={noop} />);
    // A field error with a failed Test, and a clean form with a working one.
    for (const ok of [false, true]) {
      render(
        <SettingsForm
          values={form}
          errors={ok ? {} : { intervalMinutes: 'Check every 5 to 1440 minutes.', keywordRules: 'Two rules.' }}
          busy={false}
          dirty={!ok}
          feedTest={{ ok, text: ok ? 'Works' : 'Not a feed' }}
          onChange={noop}
          onSave={noop}
          onTest={noop}
        />,
      );
    }
    render(<StoryView story={{ ...stories[0]!, truncated: true }} bodyHtml={undefined} />);
    // In Chrome: the way to its Reading List under the story.
    render(<StoryView story={stories[0]!} bodyHtml="<p>Text</p>" onReadingList={() => Promise.resolve('added')} />);
    // A list with a story the reader's rules hide, its Hidden view pressed.
    const { container: ruled } = render(
      <StoryBrowser
        stories={stories}
        all={stories}
        status={{ lastAttemptAt: null, lastSuccessAt: null, lastChangeAt: null, error: null }}
        lastChecked={null}
        onOpen={noop}
        openIn="panel"
        rules={{ labelRules: {}, keywordRules: [{ words: 'Headline 2', action: 'hide' }] }}
      />,
    );
    fireEvent.click(within(ruled as HTMLElement).getByRole('button', { name: /^Stories your rules hide/ }));
    // Still loading: the message takes the list's place.
    render(
      <StoryBrowser
        stories={undefined}
        all={undefined}
        status={undefined}
        lastChecked={null}
        onOpen={noop}
        openIn="panel"
      />,
    );
    // A list longer than its first screenful, with more rows to draw on scrolling.
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    const many = Array.from({ length: 40 }, (_, n) => story(n + 10, { published: stories[1]!.published }));
    render(
      // One quieted by a rule: its mark.
      <WithRows now={Date.now()} onOpen={noop} ruleNote={(story) => (story === many[0] ? 'Quiet' : null)}>
        <StoryList stories={many} label="Stories" />
      </WithRows>,
    );
    // Older stories that failed: the note in its error colour.
    vi.mocked(sendRequest).mockResolvedValueOnce({ added: 0, done: false, error: { kind: 'offline', message: '' } });
    const older = within(render(<OlderStories label={null} />).container as HTMLElement);
    fireEvent.click(older.getByRole('button', { name: 'Older stories' }));
    await waitFor(() => older.getByRole('alert'));
    // The blog's search with what it found (its title, its list, a find's snippet), in the message
    // of a search that matched nothing stored.
    const snippets = { [stories[0]!.id]: 'x in the text' };
    vi.mocked(sendRequest).mockResolvedValueOnce({
      ids: [stories[0]!.id],
      total: 1,
      next: null,
      error: null,
      snippets,
    });
    const found = within(
      render(
        <WithRows onOpen={noop} onOpenOriginal={noop} onToggleRead={noop} onToggleSaved={noop}>
          <StateMessage title="No match">
            <BlogSearch query="x" stories={stories} shown={[]} />
          </StateMessage>
        </WithRows>,
      ).container as HTMLElement,
    );
    fireEvent.click(found.getByRole('button', { name: 'Search all of Smileband News' }));
    await waitFor(() => found.getByRole('list', { name: 'Found on Smileband News' }));
    // Why the Hidden view shows what it shows.
    render(<HiddenWhy />);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <PageBoundary context="test" message="Something went wrong on this page." link="https://x.test/">
        <Broken />
      </PageBoundary>,
    );

    noteMatches();
  });

  it('draws the side panel story’s reader tools and every Text setting and theme', async () => {
    await storeStories([story(1)]);
    render(<SidePanel itemId={story(1).id} />);
    // Listen's bar (reading, paused, at the end) and the Text settings panel; each Text setting and
    // theme in turn, the selectors that match noted as it goes (the root has one theme at a time).
    installSpeechRecorder([['Daniel', 'en-GB']]);
    const slot = document.createElement('div');
    document.body.append(slot);
    const bar = listenBar(slot, { pauseOrResume: noop, skip: noop, stop: noop });
    bar.show('paused', 0, 3);
    noteMatches();
    bar.show('reading', 0, 3);
    const textSlot = document.createElement('div');
    textSlot.className = 'text-slot';
    document.body.append(textSlot);
    await textSettings(null, noop);
    await waitFor(() => expect(document.querySelector('.story-toolbar .i-listen')).not.toBeNull());
    document.querySelector<HTMLElement>('.story-toolbar .i-listen')!.setAttribute('aria-pressed', 'true');
    noteMatches();
    for (const style of [
      { font: 'sans', spacing: 'tight', width: 'narrow', theme: 'light' },
      { font: 'serif', spacing: 'loose', width: 'wide', theme: 'sepia' },
      { font: 'serif', spacing: 'normal', width: 'medium', theme: 'dark' },
    ] as const) {
      await readingStyleItem.setValue(style);
      await waitFor(() => expect(document.documentElement.dataset.theme).toBe(style.theme));
      noteMatches();
    }
    await readingStyleItem.setValue({ font: 'serif', spacing: 'normal', width: 'medium', theme: 'system' });
  });

  // After the two above: what they drew, all of it, is what the stylesheets address.
  it('every selector matches something a page or component renders', () => {
    const unmatched = stylesheets.flatMap((file) =>
      selectorsOf(readFileSync(join(root, file), 'utf8'))
        .filter((selector) => !matched.has(selector))
        .map((selector) => `${file}: ${selector}`),
    );
    expect(unmatched).toEqual([]);
  });
});
