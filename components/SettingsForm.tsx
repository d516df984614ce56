import type { ComponentChildren } from 'preact';
import { LIMITS, type SettingsErrors } from '@/utils/settings';

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
}

export interface SettingsFormProps {
  values: SettingsFormValues;
  errors: SettingsErrors;
  busy: boolean;
  /** What "Test" found: the newest headline, or why the address is not a feed. */
  feedTest: { ok: boolean; text: string } | null;
  onChange: (patch: Partial<SettingsFormValues>) => void;
  onSave: () => void;
  onTest: () => void;
}

/** Every setting, with labels, hints and inline errors. Presentational: the page does the work. */
export function SettingsForm({ values, errors, busy, feedTest, onChange, onSave, onTest }: SettingsFormProps) {
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
        <legend>Feed</legend>
        <Field id="feedUrl" label="Feed URL" error={errors.feedUrl} hint="A Blogger feed, RSS or Atom.">
          <div class="with-button">
            <input
              id="feedUrl"
              type="url"
              value={values.feedUrl}
              onInput={text('feedUrl')}
              {...invalid('feedUrl', errors.feedUrl)}
            />
            <button type="button" onClick={onTest} disabled={busy}>
              Test
            </button>
          </div>
        </Field>
        {feedTest && (
          <p class={feedTest.ok ? 'test ok' : 'test bad'} role="status">
            {feedTest.text}
          </p>
        )}
        <Field
          id="intervalMinutes"
          label="Check every (minutes)"
          error={errors.intervalMinutes}
          hint={`${LIMITS.intervalMinutes.min} to ${LIMITS.intervalMinutes.max}.`}
        >
          <input
            id="intervalMinutes"
            type="number"
            inputMode="numeric"
            min={LIMITS.intervalMinutes.min}
            max={LIMITS.intervalMinutes.max}
            value={values.intervalMinutes}
            onInput={text('intervalMinutes')}
            {...invalid('intervalMinutes', errors.intervalMinutes)}
          />
        </Field>
        <Field
          id="retention"
          label="Stories to keep"
          error={errors.retention}
          hint={`${LIMITS.retention.min} to ${LIMITS.retention.max}; the newest 150 are also kept for reading offline.`}
        >
          <input
            id="retention"
            type="number"
            inputMode="numeric"
            min={LIMITS.retention.min}
            max={LIMITS.retention.max}
            value={values.retention}
            onInput={text('retention')}
            {...invalid('retention', errors.retention)}
          />
        </Field>
      </fieldset>

      <fieldset>
        <legend>Notifications</legend>
        <label class="check">
          <input type="checkbox" checked={values.notifications} onChange={flag('notifications')} />
          Notify me of new stories
        </label>
        <p class="hint">
          One notification per new story, with its real headline and the sponsor named; more than three at once become
          one summary. Never for the stories already there when you install, never twice for the same story, and never
          for an edit. Click one to read the story; it is then marked read.
        </p>
        <label class="check">
          <input
            type="checkbox"
            checked={values.quietEnabled}
            onChange={flag('quietEnabled')}
            disabled={!values.notifications}
          />
          Quiet hours
        </label>
        <div class="times">
          <Field id="quietStart" label="From" error={errors.quietStart}>
            <input
              id="quietStart"
              type="time"
              value={values.quietStart}
              onInput={text('quietStart')}
              disabled={!values.notifications || !values.quietEnabled}
              {...invalid('quietStart', errors.quietStart, false)}
            />
          </Field>
          <Field id="quietEnd" label="Until" error={errors.quietEnd}>
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
        <p class="hint">No notifications in quiet hours; when they end, one notification sums up what came in.</p>
      </fieldset>

      <fieldset>
        <legend>Toolbar</legend>
        <label class="check">
          <input type="checkbox" checked={values.badge} onChange={flag('badge')} />
          Show the unread count on the toolbar button
        </label>
      </fieldset>

      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          Save
        </button>
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
      {hint && (
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
