import type { ComponentChildren } from 'preact';
import { RulesFieldset } from './RulesFieldset';
import { LIMITS, type SettingsErrors } from '@/utils/settings/settings';
import { LISTEN_RATES } from '@/utils/settings/settings-defaults';
import type { SettingsFormValues } from '@/utils/settings/settings-form';
import { onAndroid } from '@/utils/platform/browser-compat';
import { t } from '@/utils/ui/i18n';
import './SettingsForm.css';

export type { SettingsFormValues };

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
  /** What the last Save, Reset or import did, said beside Save until the form changes. */
  notice?: { ok: boolean; text: string } | null;
  /** The voices this browser has, by name, for Listen; null while it has not said. */
  voices?: readonly string[] | null;
  onChange: (patch: Partial<SettingsFormValues>) => void;
  onSave: () => void;
  onTest: () => void;
}

/** The form's values, errors and change: what every fieldset below needs. */
interface FieldsetProps {
  values: SettingsFormValues;
  errors: SettingsErrors;
  onChange: (patch: Partial<SettingsFormValues>) => void;
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
  notice = null,
  voices = null,
  onChange,
  onSave,
  onTest,
}: SettingsFormProps) {
  const form = { values, errors, onChange };
  return (
    <form
      class="settings"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <NotificationsFieldset {...form} />
      <RulesFieldset
        labels={[...labels, ...Object.keys(values.labelRules).filter((label) => !labels.includes(label))]}
        labelRules={values.labelRules}
        keywordRules={values.keywordRules}
        errors={errors}
        onChange={onChange}
      />
      <fieldset>
        <legend>{t('toolbarLegend')}</legend>
        <Check {...form} field="badge" label={t('badgeToggle')} />
      </fieldset>
      <OpenInFieldset {...form} />
      <ListenFieldset {...form} voices={voices} />
      <SyncFieldset {...form} syncProblem={syncProblem} />
      {/* Last: the blog's own feed, which most readers never change. */}
      <FeedFieldset {...form} busy={busy} feedTest={feedTest} onTest={onTest} />
      {/* Stays in view at the window's foot while the form scrolls, with what happened. */}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || !dirty}>
          {t('save')}
        </button>
        {notice ? (
          <span class={notice.ok ? 'save-state ok' : 'save-state bad'} role={notice.ok ? 'status' : 'alert'}>
            {notice.text}
          </span>
        ) : (
          <span class={dirty ? 'save-state dirty' : 'save-state'} role="status">
            {dirty ? t('unsavedChanges') : t('noChanges')}
          </span>
        )}
      </div>
    </form>
  );
}

const typed = (onChange: FieldsetProps['onChange'], field: keyof SettingsFormValues) => (event: Event) =>
  onChange({ [field]: (event.currentTarget as HTMLInputElement).value });

type FlagField = 'notifications' | 'quietEnabled' | 'badge' | 'syncRead' | 'syncSettings' | 'markOnScroll';

/** An on/off setting. */
function Check({
  values,
  onChange,
  field,
  label,
  disabled,
}: FieldsetProps & { field: FlagField; label: string; disabled?: boolean }) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={values[field]}
        onChange={(event) => onChange({ [field]: event.currentTarget.checked })}
        disabled={disabled}
      />
      {label}
    </label>
  );
}

interface FeedFieldsetProps extends FieldsetProps {
  busy: boolean;
  feedTest: SettingsFormProps['feedTest'];
  onTest: () => void;
}

/** The feed's address (with Test), how often to check it and how many stories to keep. */
function FeedFieldset({ values, errors, onChange, busy, feedTest, onTest }: FeedFieldsetProps) {
  return (
    <fieldset>
      <legend>{t('feedLegend')}</legend>
      <Field id="feedUrl" label={t('feedUrl')} error={errors.feedUrl} hint={t('feedUrlHint')}>
        <div class="with-button">
          <input
            id="feedUrl"
            type="url"
            value={values.feedUrl}
            onInput={typed(onChange, 'feedUrl')}
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
            onInput={typed(onChange, id)}
            {...invalid(id, errors[id])}
          />
        </Field>
      ))}
    </fieldset>
  );
}

/** Notifications, and the quiet hours that hold them for a digest. */
function NotificationsFieldset(form: FieldsetProps) {
  const { values, errors, onChange } = form;
  const quietOff = !values.notifications || !values.quietEnabled;
  return (
    <fieldset>
      <legend>{t('notificationsLegend')}</legend>
      <Check {...form} field="notifications" label={t('notifyToggle')} />
      <p class="hint">{t('notifyExplain')}</p>
      <Check {...form} field="quietEnabled" label={t('quietHours')} disabled={!values.notifications} />
      <div class="times">
        {(['quietStart', 'quietEnd'] as const).map((id) => (
          <Field key={id} id={id} label={t(id === 'quietStart' ? 'quietFrom' : 'quietUntil')} error={errors[id]}>
            <input
              id={id}
              type="time"
              value={values[id]}
              onInput={typed(onChange, id)}
              disabled={quietOff}
              {...invalid(id, errors[id], false)}
            />
          </Field>
        ))}
      </div>
      <p class="hint">{t('quietExplain')}</p>
    </fieldset>
  );
}

/** Sharing read state and settings with the reader's other browsers, and why it last failed. */
function SyncFieldset(form: FieldsetProps & { syncProblem: string | null }) {
  // Firefox for Android keeps add-on data on the device: nothing to share, and the page says so.
  const android = onAndroid();
  return (
    <fieldset>
      <legend>{t('syncLegend')}</legend>
      <Check {...form} field="syncRead" label={t('syncToggle')} disabled={android} />
      <Check {...form} field="syncSettings" label={t('syncSettingsToggle')} disabled={android} />
      <p class="hint">{t(android ? 'syncAndroid' : 'syncExplain')}</p>
      {form.syncProblem && form.values.syncRead && (
        <p class="error" role="alert">
          {t('syncFailed', form.syncProblem)}
        </p>
      )}
    </fieldset>
  );
}

/** Listen's voice (this browser's voices, or its own choice) and speed. */
function ListenFieldset({ values, errors, onChange, voices }: FieldsetProps & { voices: readonly string[] | null }) {
  // A voice chosen in another browser (shared settings) stays chosen, though this one lacks it.
  const names = [...new Set([...(voices ?? []), ...(values.listenVoice ? [values.listenVoice] : [])])];
  return (
    <fieldset>
      <legend>{t('listenLegend')}</legend>
      <Field id="listenVoice" label={t('listenVoice')} error={errors.listenVoice}>
        <select
          id="listenVoice"
          value={values.listenVoice}
          onChange={(event) => onChange({ listenVoice: event.currentTarget.value })}
          {...invalid('listenVoice', errors.listenVoice, false)}
        >
          <option value="">{t('listenDefaultVoice')}</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="listenRate" label={t('listenSpeed')} error={errors.listenRate}>
        <select
          id="listenRate"
          value={values.listenRate}
          onChange={(event) => onChange({ listenRate: event.currentTarget.value })}
          {...invalid('listenRate', errors.listenRate, false)}
        >
          {LISTEN_RATES.map((rate) => (
            <option key={rate} value={String(rate)}>{`${rate}×`}</option>
          ))}
        </select>
      </Field>
      {voices?.length === 0 && <p class="hint">{t('listenNoVoices')}</p>}
    </fieldset>
  );
}

/** Where a headline opens (the side panel or the original post), and whether scrolling past it marks it read. */
function OpenInFieldset(form: FieldsetProps) {
  const { values, onChange } = form;
  return (
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
          {t(where === 'original' ? 'openInOriginal' : onAndroid() ? 'openInTab' : 'openInPanel')}
        </label>
      ))}
      <Check {...form} field="markOnScroll" label={t('markOnScrollToggle')} />
    </fieldset>
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
