import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';
import { fromForm, sameForm, toForm } from '@/utils/settings/settings-form';

const withRules: Settings = {
  ...DEFAULT_SETTINGS,
  keywordRules: [{ words: 'football', action: 'hide' }],
  labelRules: { Sport: 'quiet', Celebrity: 'hide' },
};

/** The settings as Chrome's storage gives them back: every object's keys in sorted order. */
function sortedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortedKeys) as T;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return Object.fromEntries(entries.map(([key, inner]) => [key, sortedKeys(inner)])) as T;
  }
  return value;
}

describe('the options form', () => {
  it('shows stored settings and gives them back for the checks, field by field', () => {
    const form = toForm(withRules);
    expect(form).toMatchObject({ intervalMinutes: '15', quietStart: '22:00', keywordRules: withRules.keywordRules });
    expect(fromForm(form)).toMatchObject({
      intervalMinutes: '15',
      quietHours: withRules.quietHours,
      labelRules: withRules.labelRules,
    });
  });

  it('says the same as what storage gives back, whatever order its keys come in', () => {
    // Saved, then read back from Chrome's storage: {action, words}, labels sorted. Still clean.
    expect(sameForm(toForm(withRules), toForm(sortedKeys(withRules)))).toBe(true);
  });

  it('differs when a rule, its action, or the order of the word rules differs', () => {
    const form = toForm(withRules);
    expect(sameForm(form, { ...form, keywordRules: [{ words: 'football', action: 'quiet' }] })).toBe(false);
    expect(sameForm(form, { ...form, labelRules: { Sport: 'quiet' } })).toBe(false);
    const two = { ...form, keywordRules: [...form.keywordRules, { words: 'cricket', action: 'hide' as const }] };
    expect(sameForm(two, { ...two, keywordRules: [...two.keywordRules].reverse() })).toBe(false);
    expect(sameForm(form, { ...form, intervalMinutes: '30' })).toBe(false);
  });
});
