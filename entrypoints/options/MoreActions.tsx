import { useRef, useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings/settings-defaults';
import { t } from '@/utils/ui/i18n';
import { exportSettingsFile, importSettingsFile } from './settings-transfer';
import type { SettingsFormState } from './use-settings-form';

export interface MoreActionsProps {
  form: SettingsFormState;
  saved: Settings;
}

/** Reset (asked twice), and the settings file out and in. */
export function MoreActions({ form, saved }: MoreActionsProps) {
  const [confirmingReset, setConfirmingReset] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const failed = (reason: string) => form.setNotice({ ok: false, text: t('importFailed', reason) });
  const importFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    const result = await importSettingsFile(chosen);
    if ('problem' in result) failed(result.problem);
    else await form.store(result.settings, t('importDone'));
  };
  return (
    <section class="more" aria-label={t('more')}>
      {confirmingReset ? (
        <div class="confirm" role="group" aria-label={t('resetDefaults')}>
          <p>{t('resetConfirm')}</p>
          <button
            type="button"
            class="danger"
            onClick={() => {
              setConfirmingReset(false);
              void form.reset();
            }}
          >
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
      <button type="button" onClick={() => void exportSettingsFile(saved)}>
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
            .catch((error: unknown) => failed(error instanceof Error ? error.message : String(error)))
            .finally(() => (input.value = ''));
        }}
      />
    </section>
  );
}
