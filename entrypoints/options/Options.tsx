import { useMemo } from 'preact/hooks';
import { SettingsForm } from '@/components/SettingsForm';
import {
  lastCheckedItem,
  pollStatusItem,
  settingsItem,
  storiesItem,
  syncStatusItem,
  withLastCheck,
} from '@/utils/storage';
import { labelCounts } from '@/utils/ui/label-counts';
import { statusText } from '@/utils/ui/status-text';
import { useNow } from '@/utils/ui/use-now';
import { useStored } from '@/utils/ui/use-stored';
import { t, uiLocale } from '@/utils/ui/i18n';
import { MoreActions } from './MoreActions';
import { useSettingsForm } from './use-settings-form';
import { useVoices } from './use-voices';

export function Options() {
  const saved = useStored(settingsItem);
  const status = useStored(pollStatusItem);
  const now = useNow();
  const lastChecked = useStored(lastCheckedItem);
  // The labels the blog has used, most used first, for their rules.
  const stories = useStored(storiesItem);
  const syncStatus = useStored(syncStatusItem);
  const labels = useMemo(() => labelCounts(stories ?? [], uiLocale()).map((count) => count.label), [stories]);
  const form = useSettingsForm(saved);
  const voices = useVoices();
  const { values, notice } = form;

  if (!values || !saved) return <p class="loading">{t('loadingSettings')}</p>;
  const line = status ? statusText(withLastCheck(status, lastChecked), now) : null;
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {line && <p class={line.isError ? 'feed-status error' : 'feed-status'}>{t('feedStatus', line.text)}</p>}
      {!status?.error && (status?.skipped ?? 0) > 0 && (
        <p class="feed-status error">{t('entriesSkipped', String(status!.skipped))}</p>
      )}
      <SettingsForm
        values={values}
        labels={labels}
        errors={form.errors}
        busy={form.busy}
        dirty={form.dirty}
        feedTest={form.feedTest}
        syncProblem={syncStatus?.error ?? null}
        notice={notice}
        voices={voices}
        onChange={form.change}
        onSave={() => void form.save()}
        onTest={() => void form.test()}
      />
      <MoreActions form={form} saved={saved} />
    </main>
  );
}
