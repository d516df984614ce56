import { describeError } from '@/utils/ui/error-text';
import { browser } from 'wxt/browser';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SettingsForm, type SettingsFormValues } from '@/components/SettingsForm';
import { FETCH_TIMEOUT_MS, MAX_FEED_BYTES } from '@/utils/config';
import { fetchFeed } from '@/utils/feed/fetch-feed';
import { hostPattern, unneededOrigins } from '@/utils/settings/feed-url';
import { FeedParseError, parseFeed } from '@/utils/feed/parse-feed';
import { sendRequest } from '@/utils/messages';
import {
  DEFAULT_SETTINGS,
  feedUrlProblem,
  openInOf,
  syncReadOf,
  validateSettings,
  type Settings,
  type SettingsErrors,
} from '@/utils/settings/settings';
import { createSettingsFile, MAX_IMPORT_BYTES, parseSettingsFile } from '@/utils/settings/settings-file';
import { statusText } from '@/utils/ui/status-text';
import {
  lastCheckedItem,
  pollStatusItem,
  readArchiveItem,
  settingsItem,
  storiesItem,
  syncStatusItem,
  withLastCheck,
} from '@/utils/storage';
import { useNow } from '@/utils/ui/use-now';
import { useStored } from '@/utils/ui/use-stored';
import { t, uiLocale } from '@/utils/ui/i18n';
import { downloadFile } from '@/utils/ui/download-file';
import { rulesOf } from '@/utils/feed/story-rules';
import { labelCounts } from '@/utils/ui/label-counts';

type Notice = { ok: boolean; text: string } | null;

export function Options() {
  const saved = useStored(settingsItem);
  const status = useStored(pollStatusItem);
  const now = useNow();
  const lastChecked = useStored(lastCheckedItem);
  // The labels the blog has used, most used first, for their rules.
  const stories = useStored(storiesItem);
  const syncStatus = useStored(syncStatusItem);
  const labels = useMemo(() => labelCounts(stories ?? [], uiLocale()).map((count) => count.label), [stories]);
  const [values, setValues] = useState<SettingsFormValues | null>(null);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [busy, setBusy] = useState(false);
  const [feedTest, setFeedTest] = useState<Notice>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const dirty = !!values && !!saved && !sameForm(values, toForm(saved));

  // Leaving with unsaved changes asks first (the browser's own prompt).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [dirty]);

  // The form starts from what is stored, once.
  useEffect(() => {
    if (saved && !values) setValues(toForm(saved));
  }, [saved, values]);

  if (!values || !saved) return <p class="loading">{t('loadingSettings')}</p>;

  const fromForm = (form: SettingsFormValues) =>
    validateSettings({
      feedUrl: form.feedUrl,
      intervalMinutes: form.intervalMinutes,
      notifications: form.notifications,
      quietHours: { enabled: form.quietEnabled, start: form.quietStart, end: form.quietEnd },
      badge: form.badge,
      retention: form.retention,
      openIn: form.openIn,
      labelRules: form.labelRules,
      keywordRules: form.keywordRules,
      syncRead: form.syncRead,
      syncSettings: form.syncSettings,
    });

  const save = async () => {
    setNotice(null);
    const result = fromForm(values);
    if (!result.ok) {
      setErrors(result.errors);
      setNotice({ ok: false, text: t('notSavedFields') });
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
          setNotice({ ok: false, text: t('notSavedFeed') });
          return;
        }
      }
      await settingsItem.setValue(next);
      await releaseUnneededOrigins(next.feedUrl);
      setValues(toForm(next));
      setNotice({ ok: true, text: t('saved') });
    } finally {
      setBusy(false);
    }
  };

  const test = async () => {
    const url = values.feedUrl.trim();
    const invalid = feedUrlProblem(url);
    if (invalid) {
      setFeedTest({ ok: false, text: invalid });
      return;
    }
    setBusy(true);
    setFeedTest({ ok: true, text: t('testing') });
    try {
      const problem = await askForOrigin(url);
      const result = problem ? { problem, headline: null } : await testFeed(url);
      setFeedTest(
        result.problem
          ? { ok: false, text: result.problem }
          : { ok: true, text: t('testWorks', result.headline ?? '') },
      );
    } finally {
      setBusy(false);
    }
  };

  const reset = async () => {
    setConfirmingReset(false);
    await settingsItem.setValue(DEFAULT_SETTINGS);
    await releaseUnneededOrigins(DEFAULT_SETTINGS.feedUrl);
    setValues(toForm(DEFAULT_SETTINGS));
    setErrors({});
    setFeedTest(null);
    setNotice({ ok: true, text: t('resetDone') });
  };

  const exportFile = async () => {
    const [stories, archive] = await Promise.all([storiesItem.getValue(), readArchiveItem.getValue()]);
    const read = { ...archive, [saved.feedUrl]: stories.filter((story) => story.read).map((story) => story.id) };
    const shelf = stories.filter((story) => story.saved).map((story) => story.id);
    const data = createSettingsFile(saved, read, new Date(), shelf);
    downloadFile('smileband-news-settings.json', 'application/json', JSON.stringify(data, null, 2));
  };

  const importFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    // Checked before reading: a huge file is refused without loading it.
    const parsed =
      chosen.size > MAX_IMPORT_BYTES
        ? { ok: false as const, reason: t('errImportTooLarge', String(MAX_IMPORT_BYTES / 1024 / 1024)) }
        : parseSettingsFile(await chosen.text());
    if (!parsed.ok) {
      setNotice({ ok: false, text: t('importFailed', parsed.reason) });
      return;
    }
    const { settings, read, saved: shelf } = parsed.file;
    const granted = await browser.permissions.contains({ origins: [hostPattern(settings.feedUrl)] });
    if (!granted) {
      setNotice({
        ok: false,
        text: t('importFailed', t('importNeedsPermission', settings.feedUrl)),
      });
      return;
    }
    // Read state first: a feed switch caused by the settings then archives it correctly.
    await sendRequest({ type: 'import-read', read });
    // The shelf of the stories stored now: the file's feed is, nearly always, the current one.
    if (shelf.length) await sendRequest({ type: 'set-saved', ids: shelf, saved: true });
    await settingsItem.setValue(settings);
    await releaseUnneededOrigins(settings.feedUrl);
    setValues(toForm(settings));
    setErrors({});
    setNotice({ ok: true, text: t('importDone') });
  };

  const line = status ? statusText(withLastCheck(status, lastChecked), now) : null;
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {line && <p class={line.isError ? 'feed-status error' : 'feed-status'}>{t('feedStatus', line.text)}</p>}
      {!status?.error && (status?.skipped ?? 0) > 0 && (
        <p class="feed-status error">{t('entriesSkipped', String(status!.skipped))}</p>
      )}
      {notice && (
        <p class={notice.ok ? 'notice ok' : 'notice bad'} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      <SettingsForm
        values={values}
        labels={labels}
        errors={errors}
        busy={busy}
        dirty={dirty}
        feedTest={feedTest}
        syncProblem={syncStatus?.error ?? null}
        onChange={(patch) => setValues({ ...values, ...patch })}
        onSave={() => void save()}
        onTest={() => void test()}
      />
      <section class="more" aria-label={t('more')}>
        {confirmingReset ? (
          <div class="confirm" role="group" aria-label={t('resetDefaults')}>
            <p>{t('resetConfirm')}</p>
            <button type="button" class="danger" onClick={() => void reset()}>
              {t('resetConfirmButton')}
            </button>
            <button type="button" onClick={() => setConfirmingReset(false)}>
              {t('cancel')}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirmingReset(true)}>
            {t('resetDefaults')}
          </button>
        )}
        <button type="button" onClick={() => void exportFile()}>
          {t('exportSettings')}
        </button>
        <button type="button" onClick={() => file.current?.click()}>
          {t('importSettings')}
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label={t('importFileLabel')}
          onChange={(event) => {
            const input = event.currentTarget;
            void importFile(input.files?.[0])
              // A file that cannot be read, or a worker that does not answer: still a message.
              .catch((error: unknown) =>
                setNotice({
                  ok: false,
                  text: t('importFailed', error instanceof Error ? error.message : String(error)),
                }),
              )
              .finally(() => (input.value = ''));
          }}
        />
      </section>
    </main>
  );
}

function sameForm(a: SettingsFormValues, b: SettingsFormValues): boolean {
  // The rules are lists and maps: the same when they say the same.
  return (Object.keys(b) as (keyof SettingsFormValues)[]).every((key) =>
    typeof b[key] === 'object' ? JSON.stringify(a[key]) === JSON.stringify(b[key]) : a[key] === b[key],
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
    openIn: openInOf(settings),
    labelRules: { ...rulesOf(settings).labelRules },
    keywordRules: [...rulesOf(settings).keywordRules],
    syncRead: syncReadOf(settings),
    syncSettings: settings.syncSettings === true,
  };
}

/** Host permission for a feed's origin, asked for now if the extension lacks it. */
async function askForOrigin(feedUrl: string): Promise<string | null> {
  const origins = [hostPattern(feedUrl)];
  try {
    // request() answers at once, without a prompt, when the origin is already granted.
    if (await browser.permissions.request({ origins })) return null;
  } catch (error) {
    return t('permissionError', [new URL(feedUrl).host, error instanceof Error ? error.message : String(error)]);
  }
  return t('permissionDenied', new URL(feedUrl).host);
}

/** Gives back optional host permissions granted for feeds the reader has left. */
async function releaseUnneededOrigins(feedUrl: string): Promise<void> {
  try {
    const manifest = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] };
    const required = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])];
    const { origins = [] } = await browser.permissions.getAll();
    const unneeded = unneededOrigins(origins, required, feedUrl);
    if (unneeded.length) await browser.permissions.remove({ origins: unneeded });
  } catch (error) {
    // Keeping a permission too long is no reason to fail a save.
    console.warn('Smileband News: could not release host permissions', error);
  }
}

/** Fetches and parses a feed: its newest headline, or what went wrong in plain words. */
async function testFeed(feedUrl: string): Promise<{ problem: string | null; headline: string | null }> {
  const response = await fetchFeed(feedUrl, {
    fetch: (...args) => fetch(...args),
    timeoutMs: FETCH_TIMEOUT_MS,
    maxBytes: MAX_FEED_BYTES,
    now: Date.now(),
  });
  if (response.kind === 'error') return { problem: describeError(response.error), headline: null };
  if (response.kind === 'not-modified') return { problem: null, headline: null };
  try {
    const feed = await parseFeed(response.text, feedUrl);
    if (!feed.items.length) return { problem: t('feedEmpty'), headline: null };
    return { problem: null, headline: feed.items[0]!.headline };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const problem =
      error instanceof FeedParseError
        ? describeError({ kind: 'not-a-feed', message, reason: error.reason, detail: error.detail })
        : message;
    return { problem, headline: null };
  }
}
