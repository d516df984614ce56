import { browser } from 'wxt/browser';
import { useEffect, useRef, useState } from 'preact/hooks';
import { SettingsForm, type SettingsFormValues } from '@/components/SettingsForm';
import { FETCH_TIMEOUT_MS, MAX_FEED_BYTES } from '@/utils/config';
import { fetchFeed } from '@/utils/feed/fetch-feed';
import { parseFeed } from '@/utils/feed/parse-feed';
import { sendRequest } from '@/utils/messages';
import {
  DEFAULT_SETTINGS,
  isHttpUrl,
  originPattern,
  validateSettings,
  type Settings,
  type SettingsErrors,
} from '@/utils/settings';
import { createSettingsFile, parseSettingsFile } from '@/utils/settings-file';
import { statusText } from '@/utils/status-text';
import {
  lastCheckedItem,
  pollStatusItem,
  readArchiveItem,
  settingsItem,
  storiesItem,
  withLastCheck,
} from '@/utils/storage';
import { useStored } from '@/utils/use-stored';

type Notice = { ok: boolean; text: string } | null;

export function Options() {
  const saved = useStored(settingsItem);
  const status = useStored(pollStatusItem);
  const lastChecked = useStored(lastCheckedItem);
  const [values, setValues] = useState<SettingsFormValues | null>(null);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [busy, setBusy] = useState(false);
  const [feedTest, setFeedTest] = useState<Notice>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const file = useRef<HTMLInputElement>(null);

  // The form starts from what is stored, once.
  useEffect(() => {
    if (saved && !values) setValues(toForm(saved));
  }, [saved]);

  if (!values || !saved) return <p class="loading">Loading settings…</p>;

  const fromForm = (form: SettingsFormValues) =>
    validateSettings({
      feedUrl: form.feedUrl,
      intervalMinutes: form.intervalMinutes,
      notifications: form.notifications,
      quietHours: { enabled: form.quietEnabled, start: form.quietStart, end: form.quietEnd },
      badge: form.badge,
      retention: form.retention,
    });

  const save = async () => {
    setNotice(null);
    const result = fromForm(values);
    if (!result.ok) {
      setErrors(result.errors);
      setNotice({ ok: false, text: 'Nothing was saved: please correct the fields marked below.' });
      return;
    }
    setErrors({});
    const next = result.settings;
    setBusy(true);
    try {
      if (next.feedUrl !== saved.feedUrl) {
        // Asked first, inside the click: the browser allows the prompt only during a user gesture.
        const problem = (await askForOrigin(next.feedUrl)) ?? (await testFeed(next.feedUrl)).problem;
        if (problem) {
          setErrors({ feedUrl: problem });
          setNotice({ ok: false, text: 'Nothing was saved: the feed URL did not work.' });
          return;
        }
      }
      await settingsItem.setValue(next);
      setValues(toForm(next));
      setNotice({ ok: true, text: 'Saved.' });
    } finally {
      setBusy(false);
    }
  };

  const test = async () => {
    const url = values.feedUrl.trim();
    if (!isHttpUrl(url)) {
      setFeedTest({ ok: false, text: 'The feed address must start with http:// or https://.' });
      return;
    }
    setBusy(true);
    setFeedTest({ ok: true, text: 'Testing…' });
    try {
      const problem = await askForOrigin(url);
      const result = problem ? { problem, headline: null } : await testFeed(url);
      setFeedTest(
        result.problem
          ? { ok: false, text: result.problem }
          : { ok: true, text: `Works. Newest: “${result.headline}”` },
      );
    } finally {
      setBusy(false);
    }
  };

  const reset = async () => {
    await settingsItem.setValue(DEFAULT_SETTINGS);
    setValues(toForm(DEFAULT_SETTINGS));
    setErrors({});
    setFeedTest(null);
    setNotice({ ok: true, text: 'Settings are back to their defaults.' });
  };

  const exportFile = async () => {
    const [stories, archive] = await Promise.all([storiesItem.getValue(), readArchiveItem.getValue()]);
    const read = { ...archive, [saved.feedUrl]: stories.filter((story) => story.read).map((story) => story.id) };
    const data = createSettingsFile(saved, read, new Date());
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    link.download = 'smileband-news-settings.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };

  const importFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    const parsed = parseSettingsFile(await chosen.text());
    if (!parsed.ok) {
      setNotice({ ok: false, text: `Nothing was imported. ${parsed.reason}` });
      return;
    }
    const { settings, read } = parsed.file;
    const granted = await browser.permissions.contains({ origins: [originPattern(settings.feedUrl)] });
    if (!granted) {
      setNotice({
        ok: false,
        text: `Nothing was imported. The file’s feed (${settings.feedUrl}) needs permission: enter it above and Save first.`,
      });
      return;
    }
    // Read state first: a feed switch caused by the settings then archives it correctly.
    await sendRequest({ type: 'import-read', read });
    await settingsItem.setValue(settings);
    setValues(toForm(settings));
    setErrors({});
    setNotice({ ok: true, text: 'Imported settings and read stories.' });
  };

  const line = status ? statusText(withLastCheck(status, lastChecked), Date.now()) : null;
  return (
    <main class="options">
      <h1>Smileband News settings</h1>
      {line && <p class={line.isError ? 'feed-status error' : 'feed-status'}>Feed: {line.text}</p>}
      {notice && (
        <p class={notice.ok ? 'notice ok' : 'notice bad'} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      <SettingsForm
        values={values}
        errors={errors}
        busy={busy}
        feedTest={feedTest}
        onChange={(patch) => setValues({ ...values, ...patch })}
        onSave={() => void save()}
        onTest={() => void test()}
      />
      <section class="more" aria-label="More">
        <button type="button" onClick={() => void reset()}>
          Reset to defaults
        </button>
        <button type="button" onClick={() => void exportFile()}>
          Export settings
        </button>
        <button type="button" onClick={() => file.current?.click()}>
          Import settings
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Settings file to import"
          onChange={(event) => {
            const input = event.currentTarget;
            void importFile(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </section>
    </main>
  );
}

function toForm(settings: Settings): SettingsFormValues {
  return {
    feedUrl: settings.feedUrl,
    intervalMinutes: String(settings.intervalMinutes),
    notifications: settings.notifications,
    quietEnabled: settings.quietHours.enabled,
    quietStart: settings.quietHours.start,
    quietEnd: settings.quietHours.end,
    badge: settings.badge,
    retention: String(settings.retention),
  };
}

/** Host permission for a feed's origin, asked for now if the extension lacks it. */
async function askForOrigin(feedUrl: string): Promise<string | null> {
  const origins = [originPattern(feedUrl)];
  try {
    // request() answers at once, without a prompt, when the origin is already granted.
    if (await browser.permissions.request({ origins })) return null;
  } catch (error) {
    return `Could not ask for access to ${new URL(feedUrl).host}: ${error instanceof Error ? error.message : error}`;
  }
  return `Access to ${new URL(feedUrl).host} was not granted, so the extension cannot read that feed.`;
}

/** Fetches and parses a feed: its newest headline, or what went wrong in plain words. */
async function testFeed(feedUrl: string): Promise<{ problem: string | null; headline: string | null }> {
  const response = await fetchFeed(feedUrl, {
    fetch: (...args) => fetch(...args),
    timeoutMs: FETCH_TIMEOUT_MS,
    maxBytes: MAX_FEED_BYTES,
    now: Date.now(),
  });
  if (response.kind === 'error') return { problem: response.error.message, headline: null };
  if (response.kind === 'not-modified') return { problem: null, headline: null };
  try {
    const feed = await parseFeed(response.text, feedUrl);
    if (!feed.items.length) return { problem: 'That feed has no stories.', headline: null };
    return { problem: null, headline: feed.items[0]!.headline };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error), headline: null };
  }
}
