import type { ComponentChildren } from 'preact';
import { RulesFieldset } from './RulesFieldset';
import { LIMITS, type OpenIn, type SettingsErrors } from '@/utils/settings/settings';
import type { KeywordRule, LabelRule } from '@/utils/settings/settings-defaults';
import { t } from '@/utils/ui/i18n';
import './SettingsForm.css';

/** The form as typed: numbers stay text until validated. */
export interface SettingsFormValues {
  feedUrl: string;
  intervalMinutes: string;
  notifications: boolean;
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
  badge: boolean;
  retention: string;
  openIn: OpenIn;
  labelRules: Record<string, LabelRule>;
  keywordRules: KeywordRule[];
  syncRead: boolean;
  syncSettings: boolean;
}

export interface SettingsFormProps {
  values: SettingsFormValues;
  errors: SettingsErrors;
  busy: boolean;
  /** The form differs from what is stored. */
  dirty: boolean;
  /** What "Test" found: the newest headline, or why the address is not a feed. */
  feedTest: { ok: boolean; text: string } | null;
  /** The blog's labels seen so far, for their rules. */
  labels?: readonly string[];
  /** Why sharing with the other browsers last failed, in words; null when it works. */
  syncProblem?: string | null;
  onChange: (patch: Partial<SettingsFormValues>) => void;
  onSave: () => void;
  onTest: () => void;
}

/** Every setting, with labels, hints and inline errors. Presentational: the page does the work. */
export function SettingsForm({
  values,
  errors,
  busy,
  dirty,
  feedTest,
  labels = [],
  syncProblem = null,
  onChange,
  onSave,
  onTest,
}: SettingsFormProps) {
  const text = (field: keyof SettingsFormValues) => (event: Event) =>
    onChange({ [field]: (event.currentTarget as HTMLInputElement).value });
  const flag = (field: keyof SettingsFormValues) => (event: Event) =>
    onChange({ [field]: (event.currentTarget as HTMLInputElement).checked });
  return (
    <form
      class="settings"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <fieldset>
        <legend>{t('feedLegend')}</legend>
        <Field id="feedUrl" label={t('feedUrl')} error={errors.feedUrl} hint={t('feedUrlHint')}>
          <div class="with-button">
            <input
              id="feedUrl"
              type="url"
              value={values.feedUrl}
              onInput={text('feedUrl')}
              {...invalid('feedUrl', errors.feedUrl)}
            />
            <button type="button" onClick={onTest} disabled={busy}>
              {t('test')}
            </button>
          </div>
        </Field>
        {feedTest && (
          <p class={feedTest.ok ? 'test ok' : 'test bad'} role="status">
            {feedTest.text}
          </p>
        )}
        {(['intervalMinutes', 'retention'] as const).map((id) => (
          <Field
            key={id}
            id={id}
            label={t(id === 'retention' ? 'retention' : 'interval')}
            error={errors[id]}
            hint={t(id === 'retention' ? 'retentionHint' : 'rangeHint', [LIMITS[id].min, LIMITS[id].max])}
          >
            <input
              id={id}
              type="number"
              inputMode="numeric"
              min={LIMITS[id].min}
              max={LIMITS[id].max}
              value={values[id]}
              onInput={text(id)}
              {...invalid(id, errors[id])}
            />
          </Field>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('notificationsLegend')}</legend>
        <label class="check">
          <input type="checkbox" checked={values.notifications} onChange={flag('notifications')} />
          {t('notifyToggle')}
        </label>
        <p class="hint">{t('notifyExplain')}</p>
        <label class="check">
          <input
            type="checkbox"
            checked={values.quietEnabled}
            onChange={flag('quietEnabled')}
            disabled={!values.notifications}
          />
          {t('quietHours')}
        </label>
        <div class="times">
          <Field id="quietStart" label={t('quietFrom')} error={errors.quietStart}>
            <input
              id="quietStart"
              type="time"
              value={values.quietStart}
              onInput={text('quietStart')}
              disabled={!values.notifications || !values.quietEnabled}
              {...invalid('quietStart', errors.quietStart, false)}
            />
          </Field>
          <Field id="quietEnd" label={t('quietUntil')} error={errors.quietEnd}>
            <input
              id="quietEnd"
              type="time"
              value={values.quietEnd}
              onInput={text('quietEnd')}
              disabled={!values.notifications || !values.quietEnabled}
              {...invalid('quietEnd', errors.quietEnd, false)}
            />
          </Field>
        </div>
        <p class="hint">{t('quietExplain')}</p>
      </fieldset>

      <RulesFieldset
        labels={[...labels, ...Object.keys(values.labelRules).filter((label) => !labels.includes(label))]}
        labelRules={values.labelRules}
        keywordRules={values.keywordRules}
        errors={errors}
        onChange={onChange}
      />

      <fieldset>
        <legend>{t('toolbarLegend')}</legend>
        <label class="check">
          <input type="checkbox" checked={values.badge} onChange={flag('badge')} />
          {t('badgeToggle')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('syncLegend')}</legend>
        <label class="check">
          <input type="checkbox" checked={values.syncRead} onChange={flag('syncRead')} />
          {t('syncToggle')}
        </label>
        <label class="check">
          <input type="checkbox" checked={values.syncSettings} onChange={flag('syncSettings')} />
          {t('syncSettingsToggle')}
        </label>
        <p class="hint">{t('syncExplain')}</p>
        {syncProblem && values.syncRead && (
          <p class="error" role="alert">
            {t('syncFailed', syncProblem)}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('openInLegend')}</legend>
        {(['panel', 'original'] as const).map((where) => (
          <label class="check" key={where}>
            <input
              type="radio"
              name="openIn"
              value={where}
              checked={values.openIn === where}
              onChange={() => onChange({ openIn: where })}
            />
            {t(where === 'panel' ? 'openInPanel' : 'openInOriginal')}
          </label>
        ))}
      </fieldset>

      <div class="actions">
        <button type="submit" class="primary" disabled={busy || !dirty}>
          {t('save')}
        </button>
        <span class={dirty ? 'save-state dirty' : 'save-state'} role="status">
          {dirty ? t('unsavedChanges') : t('noChanges')}
        </span>
      </div>
    </form>
  );
}

interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ComponentChildren;
}

function Field({ id, label, error, hint, children }: FieldProps) {
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children}
      {/* An error replaces the hint: one message per problem. */}
      {hint && !error && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function invalid(id: string, error: string | undefined, hasHint = true) {
  if (error) return { 'aria-invalid': true, 'aria-describedby': `${id}-error` };
  return hasHint ? { 'aria-describedby': `${id}-hint` } : {};
}
