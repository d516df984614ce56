import { describe, expect, it } from 'vitest';
import { currentRules } from '@/entrypoints/background/current-rules';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

// The worker reads the settings afresh for each badge update: the verdicts it remembers belong to a
// rule set, so the same rules must come back as the same object, and changed rules as another.
describe('currentRules', () => {
  const settings = () => ({
    ...DEFAULT_SETTINGS,
    keywordRules: [{ words: 'transfer window', action: 'quiet' as const }],
    labelRules: { Sport: 'hide' as const },
  });

  it('gives the same rule set for settings read again with the same rules', () => {
    expect(currentRules(settings())).toBe(currentRules(settings()));
    expect(currentRules({ ...settings(), intervalMinutes: 60 })).toBe(currentRules(settings()));
  });

  it('gives a new rule set, with the new rules, once a rule changes', () => {
    const before = currentRules(settings());
    const changed = { ...settings(), labelRules: { Sport: 'quiet' as const } };
    const after = currentRules(changed);
    expect(after).not.toBe(before);
    expect(after.labelRules).toEqual({ Sport: 'quiet' });
    expect(currentRules(settings()).labelRules).toEqual({ Sport: 'hide' });
  });

  it('keeps the rule set it has through settings without rules (nothing to judge there)', () => {
    const before = currentRules(settings());
    expect(currentRules(DEFAULT_SETTINGS).keywordRules).toEqual([]);
    expect(currentRules(settings())).toBe(before);
  });
});
