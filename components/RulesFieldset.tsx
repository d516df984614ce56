import type { KeywordRule, LabelRule } from '@/utils/settings/settings-defaults';
import { t } from '@/utils/ui/i18n';

export interface RulesFieldsetProps {
  /** The blog's labels seen so far (and any with a rule), in the order to list them. */
  labels: readonly string[];
  labelRules: Readonly<Record<string, LabelRule>>;
  keywordRules: readonly KeywordRule[];
  /** The rule to blame, when one is (its field is marked), else every rule's. */
  errors: { labelRules?: string; keywordRules?: string; keywordRule?: number };
  onChange: (patch: { labelRules?: Record<string, LabelRule>; keywordRules?: KeywordRule[] }) => void;
}

/**
 * Notification rules: per label and per words in a headline or label, notify, list quietly or
 * hide; "always notify" words win over the rest. Part of the options form: saved with it.
 */
export function RulesFieldset({ labels, labelRules, keywordRules, errors, onChange }: RulesFieldsetProps) {
  const setLabel = (label: string, rule: string) => {
    const next = { ...labelRules };
    if (rule === 'quiet' || rule === 'hide') next[label] = rule;
    else delete next[label];
    onChange({ labelRules: next });
  };
  const setKeyword = (index: number, patch: Partial<KeywordRule>) =>
    onChange({ keywordRules: keywordRules.map((rule, at) => (at === index ? { ...rule, ...patch } : rule)) });
  return (
    <fieldset class="rules">
      <legend>{t('rulesLegend')}</legend>
      <p class="hint">{t('rulesExplain')}</p>
      <h2 class="rules-heading">{t('rulesWords')}</h2>
      {keywordRules.length > 0 && (
        <ul class="keyword-rules">
          {keywordRules.map((rule, index) => (
            <li key={index}>
              <input
                type="text"
                value={rule.words}
                aria-label={t('ruleWordsLabel', index + 1)}
                maxLength={100}
                onInput={(event) => setKeyword(index, { words: event.currentTarget.value })}
                {...(errors.keywordRules && (errors.keywordRule ?? index) === index
                  ? { 'aria-invalid': true, 'aria-describedby': 'keywordRules-error' }
                  : {})}
              />
              <select
                value={rule.action}
                aria-label={t('ruleActionLabel', index + 1)}
                onChange={(event) => setKeyword(index, { action: event.currentTarget.value as KeywordRule['action'] })}
              >
                <option value="quiet">{t('ruleListQuietly')}</option>
                <option value="hide">{t('ruleHide')}</option>
                <option value="always">{t('ruleAlways')}</option>
              </select>
              <button
                type="button"
                aria-label={t('ruleRemoveLabel', index + 1)}
                onClick={() => onChange({ keywordRules: keywordRules.filter((_, at) => at !== index) })}
              >
                {t('ruleRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {errors.keywordRules && (
        <p class="error" id="keywordRules-error">
          {errors.keywordRules}
        </p>
      )}
      <button
        type="button"
        onClick={() => onChange({ keywordRules: [...keywordRules, { words: '', action: 'quiet' }] })}
      >
        {t('ruleAdd')}
      </button>
      <h2 class="rules-heading">{t('rulesLabels')}</h2>
      {labels.length === 0 ? (
        <p class="hint">{t('rulesNoLabels')}</p>
      ) : (
        <ul class="label-rules">
          {labels.map((label, index) => (
            <li key={label}>
              <label for={`label-rule-${index}`}>{label}</label>
              <select
                id={`label-rule-${index}`}
                value={Object.hasOwn(labelRules, label) ? labelRules[label] : 'notify'}
                onChange={(event) => setLabel(label, event.currentTarget.value)}
              >
                <option value="notify">{t('ruleNotify')}</option>
                <option value="quiet">{t('ruleListQuietly')}</option>
                <option value="hide">{t('ruleHide')}</option>
              </select>
            </li>
          ))}
        </ul>
      )}
      {errors.labelRules && <p class="error">{errors.labelRules}</p>}
    </fieldset>
  );
}
