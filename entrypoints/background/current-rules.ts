import { hasRules, rulesOf, type Rules } from '@/utils/stories/story-rules';
import type { Settings } from '@/utils/settings/settings-defaults';

let last: { signature: string; rules: Rules } | null = null;

/**
 * The reader's rules as one object while they stay the same: the worker reads the settings afresh
 * for every badge update, and the verdicts are remembered by the rule set (story-rules.ts).
 */
export function currentRules(settings: Settings): Rules {
  const rules = rulesOf(settings);
  // No rules, nothing judged nor remembered: the rule set that has verdicts stays.
  if (!hasRules(rules)) return rules;
  const signature = JSON.stringify(rules);
  if (last?.signature !== signature) last = { signature, rules };
  return last.rules;
}
