import { useEffect, useState } from 'preact/hooks';
import {
  DEFAULT_SETTINGS,
  feedUrlProblem,
  validateSettings,
  type Settings,
  type SettingsErrors,
} from '@/utils/settings/settings';
import { fromForm, sameForm, toForm, type SettingsFormValues } from '@/utils/settings/settings-form';
import { settingsItem } from '@/utils/storage';
import { t } from '@/utils/ui/i18n';
import { say, sayAll } from '@/utils/ui/wording';
import { askForOrigin, releaseUnneededOrigins, testFeed } from './feed-access';

export type Notice = { ok: boolean; text: string } | null;

/**
 * The options form over the stored settings: what is typed, its errors, whether it differs from
 * what is stored (leaving then asks first), and Save, Test, Reset. The options page writes the
 * settings item itself (README "Who writes what"); the worker watches it.
 */
export function useSettingsForm(saved: Settings | undefined) {
  const [values, setValues] = useState<SettingsFormValues | null>(null);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [busy, setBusy] = useState(false);
  const [feedTest, setFeedTest] = useState<Notice>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const dirty = !!values && !!saved && !sameForm(values, toForm(saved));
  useLeaveWarning(dirty);
  // The form starts from what is stored, once.
  useEffect(() => {
    if (saved && !values) setValues(toForm(saved));
  }, [saved, values]);

  /** Stores settings, gives back what the old feed needed, and shows them. */
  const store = async (next: Settings, said: string) => {
    await settingsItem.setValue(next);
    await releaseUnneededOrigins(next.feedUrl);
    setValues(toForm(next));
    setErrors({});
    setNotice({ ok: true, text: said });
  };
  const save = async () => {
    if (!values || !saved) return;
    setNotice(null);
    const result = validateSettings(fromForm(values));
    if (!result.ok) {
      setErrors({ ...sayAll(result.errors), keywordRule: result.errors.keywordRules?.rule });
      setNotice({ ok: false, text: t('notSavedFields') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (result.settings.feedUrl !== saved.feedUrl) {
        // Asked first, inside the click: the browser allows the prompt only during a user gesture.
        const problem =
          (await askForOrigin(result.settings.feedUrl)) ?? (await testFeed(result.settings.feedUrl)).problem;
        if (problem) {
          setErrors({ feedUrl: problem });
          setNotice({ ok: false, text: t('notSavedFeed') });
          return;
        }
      }
      await store(result.settings, t('saved'));
    } finally {
      setBusy(false);
    }
  };
  const test = async () => {
    const url = (values?.feedUrl ?? '').trim();
    const invalid = feedUrlProblem(url);
    if (invalid) return setFeedTest({ ok: false, text: say(invalid) });
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
    await store(DEFAULT_SETTINGS, t('resetDone'));
    setFeedTest(null);
  };
  return {
    values,
    change: (patch: Partial<SettingsFormValues>) => {
      // What the last Save said is over once the form changes: the bar says "Unsaved changes".
      setNotice(null);
      setValues((before) => before && { ...before, ...patch });
    },
    errors,
    busy,
    dirty,
    feedTest,
    notice,
    setNotice,
    save,
    test,
    reset,
    store,
  };
}

export type SettingsFormState = ReturnType<typeof useSettingsForm>;

/** Leaving with unsaved changes asks first (the browser's own prompt). */
function useLeaveWarning(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [dirty]);
}
