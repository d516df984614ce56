// Listen in the side panel story: the headline, then the story a sentence per utterance; Pause,
// Resume, Stop and the sentence keys reach the engine; the end offers the next story; no voice
// says so where the button is. The engine is a recorder (tests/support/speech-recorder.ts).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel } from '@/entrypoints/sidepanel/SidePanel';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { bodyKey, settingsItem } from '@/utils/storage';
import { atPageClock, storeStories, story } from '../support/page-test';
import { installSpeechRecorder } from '../support/speech-recorder';

vi.mock('@/entrypoints/sidepanel/load-on-use', async (original) => ({
  ...(await original<object>()),
  // The script the panel loads on first use, here from its modules.
  loadReaderTools: async () => ({
    listen: (await import('@/entrypoints/sidepanel/reader-tools/listen')).listen,
    textSettings: (await import('@/entrypoints/sidepanel/reader-tools/text-settings')).textSettings,
  }),
}));

const stories = [1, 2].map((n) => story(n, { headline: `Story number ${n}` }));
const BODY = '<p>First sentence here. Mr. Smith spoke second.</p><p>Third and last.</p>';

async function openStory(
  voices: [string, string][] = [
    ['Daniel', 'en-GB'],
    ['Anna', 'de-DE'],
    ['Karen', 'en-AU'],
  ],
) {
  installSpeechRecorder(voices);
  await storeStories(stories);
  await fakeBrowser.storage.local.set({
    [bodyKey('post-1').replace('local:', '')]: BODY,
    [bodyKey('post-2').replace('local:', '')]: '<p>The next one.</p>',
  });
  render(<SidePanel itemId="post-1" />);
  await screen.findByText('Third and last.');
}
const listenButton = () => screen.getByRole('button', { name: 'Listen' });
const bar = () => screen.getByRole('group', { name: 'Listen' });
const spoken = () => speechLog!.calls.filter((call) => call.startsWith('speak: ')).map((call) => call.slice(7));
const status = () => within(bar()).getByRole('status').textContent;

describe('Listen', () => {
  atPageClock();
  beforeEach(() => vi.spyOn(console, 'warn').mockImplementation(() => {}));

  it('reads the headline, then the story a sentence at a time, saying where it is, and offers the next story', async () => {
    await openStory();
    fireEvent.click(listenButton());
    await waitFor(() => expect(spoken()).toEqual(['Story number 1']));
    expect(listenButton().getAttribute('aria-pressed')).toBe('true');
    expect(status()).toBe('Reading 1 of 4');
    for (const next of ['First sentence here.', 'Mr. Smith spoke second.', 'Third and last.']) {
      speechLog!.finish();
      expect(spoken().at(-1)).toBe(next);
    }
    expect(status()).toBe('Reading 4 of 4');
    speechLog!.finish();
    expect(status()).toBe('Finished.');
    expect(spoken()).toHaveLength(4);
    // The end offers the next story, and reads it once it is on screen.
    fireEvent.click(within(bar()).getByRole('button', { name: 'Listen to the next story' }));
    await screen.findByText('The next one.');
    await waitFor(() => expect(spoken().at(-1)).toBe('Story number 2'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Story number 2');
  });

  it('pauses and resumes on the bar, the toolbar button and r; ← and → move by sentence, not by story', async () => {
    await openStory();
    fireEvent.keyDown(document.body, { key: 'r' });
    await waitFor(() => expect(spoken()).toEqual(['Story number 1']));
    fireEvent.click(within(bar()).getByRole('button', { name: 'Pause' }));
    expect(speechLog!.calls.at(-1)).toBe('pause');
    expect(status()).toBe('Paused at 1 of 4');
    fireEvent.click(within(bar()).getByRole('button', { name: 'Resume' }));
    expect(speechLog!.calls.at(-1)).toBe('resume');
    fireEvent.click(listenButton());
    expect(speechLog!.calls.at(-1)).toBe('pause');
    fireEvent.keyDown(document.body, { key: 'r' });
    expect(speechLog!.calls.at(-1)).toBe('resume');
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(spoken().at(-1)).toBe('Mr. Smith spoke second.');
    fireEvent.keyDown(document.body, { key: 'ArrowLeft' });
    expect(spoken().at(-1)).toBe('First sentence here.');
    // The story's own keys did not see them (a story change would have come by now).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Story number 1');
    // Stop: the engine is silenced, the bar goes, and ← is the previous story's key again.
    fireEvent.click(within(bar()).getByRole('button', { name: 'Stop' }));
    expect(speechLog!.calls.at(-1)).toBe('cancel');
    expect(screen.queryByRole('group', { name: 'Listen' })).toBeNull();
    await waitFor(() => expect(listenButton().getAttribute('aria-pressed')).toBe('false'));
  });

  it('stops when the panel closes', async () => {
    await openStory();
    fireEvent.click(listenButton());
    await waitFor(() => expect(spoken()).toHaveLength(1));
    window.dispatchEvent(new Event('pagehide'));
    expect(speechLog!.calls.at(-1)).toBe('cancel');
    expect(screen.queryByRole('group', { name: 'Listen' })).toBeNull();
  });

  it('stops when the reader leaves the story', async () => {
    await openStory();
    fireEvent.click(listenButton());
    await waitFor(() => expect(spoken()).toHaveLength(1));
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await screen.findByRole('list', { name: /Stories/ });
    expect(speechLog!.calls.at(-1)).toBe('cancel');
    speechLog!.finish();
    expect(spoken()).toHaveLength(1);
  });

  it('reads with the voice and speed chosen in options; a voice this browser lacks leaves it the browser’s', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, listenVoice: 'Karen', listenRate: 1.5 });
    await openStory();
    fireEvent.click(listenButton());
    await waitFor(() => expect(spoken()).toHaveLength(1));
    expect(speechLog!.voices).toEqual(['Karen']);
    expect(speechLog!.rates).toEqual([1.5]);
    fireEvent.click(within(bar()).getByRole('button', { name: 'Stop' }));
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, listenVoice: 'Moira' });
    await waitFor(() => expect(listenButton().getAttribute('aria-pressed')).toBe('false'));
    fireEvent.click(listenButton());
    await waitFor(() => expect(spoken()).toHaveLength(2));
    expect(speechLog!.voices.at(-1)).toBeNull();
    expect(speechLog!.rates.at(-1)).toBe(1);
  });

  it('says where the button is that the computer has no voice, and shows no bar', async () => {
    await openStory([]);
    // Voices may arrive late: Listen waits 1.5 s for them, here on the test's clock.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: Date.now(), shouldAdvanceTime: true });
    fireEvent.click(listenButton());
    await vi.advanceTimersByTimeAsync(1600);
    await waitFor(() =>
      expect(screen.getByRole('navigation').textContent).toContain(
        'No voice to read with: this device has no text-to-speech voice installed.',
      ),
    );
    expect(screen.queryByRole('group', { name: 'Listen' })).toBeNull();
    expect(listenButton().getAttribute('aria-pressed')).toBe('false');
  });
});
