import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/entrypoints/options/Options';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { settingsItem, storiesItem, syncStatusItem } from '@/utils/storage';
import { sendRequest } from '../support/messages-mock';
import { story } from '../support/stories';
import { installSpeechRecorder } from '../support/speech-recorder';

async function renderOptions() {
  render(<Options />);
  return screen.findByRole('spinbutton', { name: 'Check every (minutes)' });
}
const save = () => screen.getByRole('button', { name: 'Save' });

describe('Options', () => {
  beforeEach(() => {
    // Reset gives back host permissions; the fake browser has no manifest of its own.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1' });
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins: [], permissions: [] });
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('shows whether there are unsaved changes, and saves only when there are', async () => {
    const interval = await renderOptions();
    expect(save().hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('All changes saved')).toBeTruthy();
    fireEvent.input(interval, { target: { value: '30' } });
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    expect(save().hasAttribute('disabled')).toBe(false);
    // Typed back to what is stored: nothing to save again.
    fireEvent.input(interval, { target: { value: '15' } });
    expect(save().hasAttribute('disabled')).toBe(true);
    fireEvent.input(interval, { target: { value: '30' } });
    fireEvent.click(save());
    await waitFor(() => expect(screen.getByText('Saved.')).toBeTruthy());
    expect((await settingsItem.getValue()).intervalMinutes).toBe(30);
    // Said beside Save, which has nothing left to save; the next change says so again.
    expect(screen.getByText('Saved.').closest('.actions')).toBe(save().closest('.actions'));
    await waitFor(() => expect(save().hasAttribute('disabled')).toBe(true));
    fireEvent.input(interval, { target: { value: '45' } });
    expect(screen.queryByText('Saved.')).toBeNull();
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
  });

  it('says each problem once: the error takes the hint’s place', async () => {
    const interval = await renderOptions();
    expect(screen.getByText('Between 5 and 1440.')).toBeTruthy();
    fireEvent.input(interval, { target: { value: '2' } });
    fireEvent.click(save());
    await screen.findByText('Check every 5 to 1440 minutes.');
    expect(screen.queryByText('Between 5 and 1440.')).toBeNull();
    expect(interval.getAttribute('aria-describedby')).toBe('intervalMinutes-error');
  });

  it('asks before resetting, and Cancel keeps everything', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, intervalMinutes: 60 });
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(screen.getByText(/Reset every setting to its default\?/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect((await settingsItem.getValue()).intervalMinutes).toBe(60);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset settings' }));
    await screen.findByText('Settings are back to their defaults.');
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('lets the reader choose what a click on a headline opens', async () => {
    await renderOptions();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'the story in the side panel' }).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'the original post in a new tab' }));
    fireEvent.click(save());
    await waitFor(async () => expect((await settingsItem.getValue()).openIn).toBe('original'));
  });

  it('sets read as you scroll, and Listen’s voice (this browser’s) and speed', async () => {
    installSpeechRecorder([
      ['Daniel', 'en-GB'],
      ['Anna', 'de-DE'],
    ]);
    await renderOptions();
    const voice = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Voice' });
    expect([...voice.options].map((option) => option.text)).toEqual(['Browser’s voice', 'Daniel', 'Anna']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mark stories read as you scroll past them' }));
    fireEvent.change(voice, { target: { value: 'Daniel' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '1.25' } });
    fireEvent.click(save());
    await waitFor(async () =>
      expect(await settingsItem.getValue()).toMatchObject({
        markOnScroll: true,
        listenVoice: 'Daniel',
        listenRate: 1.25,
      }),
    );
    // Back to the browser's voice: no name stored.
    await waitFor(() => expect(save()).toHaveProperty('disabled', true));
    fireEvent.change(voice, { target: { value: '' } });
    await waitFor(() => expect(save()).toHaveProperty('disabled', false));
    fireEvent.click(save());
    await waitFor(async () => expect(await settingsItem.getValue()).not.toHaveProperty('listenVoice'));
  });

  it('says so under Listen where this computer has no voice', async () => {
    installSpeechRecorder([]);
    await renderOptions();
    expect(
      screen.getByText('This device has no text-to-speech voice installed: Listen will say so until one is.'),
    ).toBeTruthy();
  });

  it('shares read state with the other browsers unless switched off, and says when sharing stopped', async () => {
    await syncStatusItem.setValue({ error: 'QUOTA_BYTES quota exceeded', at: '2026-02-03T09:00:00.000Z' });
    await renderOptions();
    const share = screen.getByRole<HTMLInputElement>('checkbox', {
      name: 'Share what you read and save',
    });
    expect(share.checked).toBe(true);
    expect(screen.getByRole('alert').textContent).toBe(
      'Sharing stopped for now: QUOTA_BYTES quota exceeded. What you read is kept in this browser and shared when the browser allows it again.',
    );
    fireEvent.click(share);
    // Off: no complaint about what is off.
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(save());
    await waitFor(async () => expect((await settingsItem.getValue()).syncRead).toBe(false));
  });

  it('greys out quiet hours while notifications are off', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Notify me of new stories' }));
    expect(screen.getByRole('checkbox', { name: 'Quiet hours' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByLabelText('From').hasAttribute('disabled')).toBe(true);
  });

  it('exports the Saved shelf with the settings, and an import puts it back', async () => {
    const stored = [story(1, { read: true, saved: '2026-02-03T08:00:00.000Z', labels: [] }), story(2, { labels: [] })];
    await storiesItem.setValue(stored);
    let written = '';
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:settings');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const blob = vi.spyOn(globalThis, 'Blob').mockImplementation(function (this: Blob, parts?: BlobPart[]) {
      written = parts?.[0] as string;
      return this;
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Export settings' }));
    await waitFor(() => expect(written).not.toBe(''));
    blob.mockRestore();
    const file = JSON.parse(written) as { saved: string[]; read: Record<string, string[]> };
    expect(file.saved).toEqual(['post-1']);
    expect(file.read[DEFAULT_SETTINGS.feedUrl]).toEqual(['post-1']);

    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const input = screen.getByLabelText<HTMLInputElement>('Settings file to import');
    Object.defineProperty(input, 'files', { value: [new File([written], 'settings.json')] });
    fireEvent.change(input);
    await screen.findByText(/imported/i);
    expect(sendRequest).toHaveBeenCalledWith({ type: 'set-saved', ids: ['post-1'], saved: true });
  });

  it('sets rules for words and labels, refuses a duplicate in other capitals and accents, and saves them', async () => {
    await storiesItem.setValue([story('a', { labels: ['Sport', 'UK'] }), story('b', { labels: ['Sport'] })]);
    await renderOptions();
    // Labels most used first.
    const sport = await screen.findByRole('combobox', { name: 'Sport' });
    expect(screen.getAllByRole('combobox', { name: /^(Sport|UK)$/ }).map((box) => box.getAttribute('id'))).toEqual([
      'label-rule-0',
      'label-rule-1',
    ]);
    fireEvent.change(sport, { target: { value: 'quiet' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule for words' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Words of rule 1' }), { target: { value: 'Négociations' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule for words' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Words of rule 2' }), { target: { value: 'negociations' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'What rule 2 does' }), { target: { value: 'hide' } });
    fireEvent.click(save());
    await screen.findByText('Two rules for “negociations” (capitals and accents aside): keep one.');
    // The second of the two is marked, and says why; the first is not.
    const second = screen.getByRole('textbox', { name: 'Words of rule 2' });
    expect(second.getAttribute('aria-invalid')).toBe('true');
    expect(second.getAttribute('aria-describedby')).toBe('keywordRules-error');
    expect(screen.getByRole('textbox', { name: 'Words of rule 1' }).hasAttribute('aria-invalid')).toBe(false);
    expect((await settingsItem.getValue()).keywordRules ?? []).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove rule 1' }));
    fireEvent.click(save());
    await waitFor(() => expect(screen.getByText('Saved.')).toBeTruthy());
    expect(await settingsItem.getValue()).toMatchObject({
      keywordRules: [{ words: 'negociations', action: 'hide' }],
      labelRules: { Sport: 'quiet' },
    });
    // Saved means clean: nothing left to save, and leaving asks nothing.
    await waitFor(() => expect(save().hasAttribute('disabled')).toBe(true));
    expect(screen.queryByText('Unsaved changes')).toBeNull();
  });
});
