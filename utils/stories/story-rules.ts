// The reader's notification rules, judged for one story (pure; the worker for notifications and
// the badge, the pages for the list). Precedence: an "always notify" keyword, then a mute keyword
// (hide before quiet), then the story's labels (hide before quiet), else notify.
import type { KeywordRule, LabelRule, Settings } from '../settings/settings-defaults';
import type { StoryMeta } from '../feed/types';

export type StoryAction = 'notify' | 'quiet' | 'hide';

export interface Rules {
  labelRules: Readonly<Record<string, LabelRule>>;
  keywordRules: readonly KeywordRule[];
}

export interface Verdict {
  action: StoryAction;
  /** The rule that decided, for the reader; null when none did. */
  because: { kind: 'keyword' | 'label'; text: string } | null;
}

const NOTIFY: Verdict = { action: 'notify', because: null };
const DIACRITIC = /\p{Diacritic}/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** Settings stored before rules existed have none. */
export function rulesOf(settings: Pick<Settings, 'labelRules' | 'keywordRules'> | undefined): Rules {
  return { labelRules: settings?.labelRules ?? {}, keywordRules: settings?.keywordRules ?? [] };
}

export function hasRules(rules: Rules): boolean {
  return rules.keywordRules.length > 0 || Object.keys(rules.labelRules).length > 0;
}

/**
 * Case- and accent-insensitive, as search is: "negociations" is "Négociations". Upper case first,
 * so letters whose capitals are two letters match them ("strasse", "Straße").
 */
export function fold(text: string): string {
  return text.normalize('NFD').replace(DIACRITIC, '').toUpperCase().toLowerCase();
}

/** The words of `text`, folded, between spaces: " bank of england ". */
export function wordLine(text: string): string {
  const words = fold(text).split(NOT_WORD).filter(Boolean);
  return words.length ? ` ${words.join(' ')} ` : '';
}

export function judgeStory(story: { headline: string; labels: readonly string[] }, rules: Rules): Verdict {
  if (!hasRules(rules)) return NOTIFY;
  const lines = [story.headline, ...story.labels].map(wordLine);
  const matching = (action: KeywordRule['action']) =>
    rules.keywordRules.find((rule) => {
      if (rule.action !== action) return false;
      const words = wordLine(rule.words);
      return words !== '' && lines.some((line) => line.includes(words));
    });
  for (const action of ['always', 'hide', 'quiet'] as const) {
    const rule = matching(action);
    if (rule)
      return { action: action === 'always' ? 'notify' : action, because: { kind: 'keyword', text: rule.words } };
  }
  for (const action of ['hide', 'quiet'] as const) {
    const label = story.labels.find(
      (name) => Object.hasOwn(rules.labelRules, name) && rules.labelRules[name] === action,
    );
    if (label !== undefined) return { action, because: { kind: 'label', text: label } };
  }
  return NOTIFY;
}

/** Unread stories the rules do not hide: what the badge and the list's count say. */
export function unreadShown(stories: readonly StoryMeta[], rules: Rules): number {
  let count = 0;
  for (const story of stories) if (!story.read && judgeStory(story, rules).action !== 'hide') count++;
  return count;
}
