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

/** A rule set made ready once: each keyword rule's words folded, by action in precedence order. */
interface CompiledRules {
  keywords: { action: KeywordRule['action']; words: string; text: string }[];
  labelRules: Rules['labelRules'];
  /**
   * Verdicts by headline, with the labels they were judged with: all a verdict depends on. An
   * edited post is judged again, stories read afresh from storage are not. As many as the stories
   * judged under these rules (the index holds a thousand at most); new rules start afresh.
   */
  verdicts: Map<string, { labels: string; verdict: Verdict }>;
}

const ORDER = { always: 0, hide: 1, quiet: 2 } as const;
// By the rule set's identity: a list judges every story against the same one, and the worker
// hands the same object while the rules stay the same (background/current-rules.ts).
const compiled = new WeakMap<Rules, CompiledRules>();

function compile(rules: Rules): CompiledRules {
  let ready = compiled.get(rules);
  if (!ready) {
    const keywords = rules.keywordRules
      .map((rule) => ({ action: rule.action, words: wordLine(rule.words), text: rule.words }))
      .filter((rule) => rule.words !== '')
      // Stable: within an action, the reader's order.
      .sort((a, b) => ORDER[a.action] - ORDER[b.action]);
    compiled.set(rules, (ready = { keywords, labelRules: rules.labelRules, verdicts: new Map() }));
  }
  return ready;
}

interface Judged {
  headline: string;
  labels: readonly string[];
}

/**
 * What the rules do with a story, and which rule decided: the words folded once per rule set, and
 * the verdict remembered while the rules, the headline and the labels stay the same.
 */
export function judgeStory(story: Judged, rules: Rules): Verdict {
  return hasRules(rules) ? verdictOf(story, compile(rules)) : NOTIFY;
}

function verdictOf(story: Judged, ready: CompiledRules): Verdict {
  // By headline, then the labels (NUL cannot occur in a feed's text): four times quicker than a key
  // made of both, which would be hashed afresh for every story read from storage.
  const labels = story.labels.join('\u0000');
  const known = ready.verdicts.get(story.headline);
  if (known?.labels === labels) return known.verdict;
  const verdict = decide(story, ready);
  ready.verdicts.set(story.headline, { labels, verdict });
  return verdict;
}

function decide(story: Judged, { keywords, labelRules }: CompiledRules): Verdict {
  if (keywords.length) {
    const lines = [story.headline, ...story.labels].map(wordLine);
    const rule = keywords.find(({ words }) => lines.some((line) => line.includes(words)));
    if (rule) {
      const action = rule.action === 'always' ? 'notify' : rule.action;
      return { action, because: { kind: 'keyword', text: rule.text } };
    }
  }
  for (const action of ['hide', 'quiet'] as const) {
    const label = story.labels.find((name) => Object.hasOwn(labelRules, name) && labelRules[name] === action);
    if (label !== undefined) return { action, because: { kind: 'label', text: label } };
  }
  return NOTIFY;
}

/** Unread stories the rules do not hide: what the badge and the list's count say. */
export function unreadShown(stories: readonly StoryMeta[], rules: Rules): number {
  const ready = hasRules(rules) ? compile(rules) : null;
  let count = 0;
  for (const story of stories) if (!story.read && (!ready || verdictOf(story, ready).action !== 'hide')) count++;
  return count;
}
