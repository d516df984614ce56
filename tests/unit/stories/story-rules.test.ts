import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasRules, judgeStory, rulesOf, wordLine, type Rules } from '@/utils/stories/story-rules';
import type { LabelRule } from '@/utils/settings/settings-defaults';
import { story } from '../../support/stories';

const rules = (patch: Partial<Rules>): Rules => ({ labelRules: {}, keywordRules: [], ...patch });

describe('judgeStory', () => {
  it('reads settings from before rules existed as having none', () => {
    expect(rulesOf(undefined)).toEqual({ labelRules: {}, keywordRules: [] });
    expect(hasRules(rulesOf({}))).toBe(false);
  });

  it('notifies when there are no rules, or none matches', () => {
    expect(judgeStory(story(1, { headline: 'Bank holds rates', labels: ['Economy'] }), rulesOf(undefined))).toEqual({
      action: 'notify',
      because: null,
    });
    const some = rules({ keywordRules: [{ words: 'football', action: 'hide' }], labelRules: { Sport: 'quiet' } });
    expect(judgeStory(story(1, { headline: 'Bank holds rates', labels: ['Economy'] }), some).action).toBe('notify');
  });

  it.each([
    // Whole words, case and accents aside.
    ['Bank of England Holds Rates', 'bank', true],
    ['Bank of England Holds Rates', 'RATES', true],
    ['Bankers meet', 'bank', false],
    ['Négociations resume in Doha', 'negociations', true],
    ['Straße gesperrt', 'strasse', true],
    // A phrase: its words in a row.
    ['Bank of England Holds Rates', 'bank of england', true],
    ['England bank of', 'bank of england', false],
    ['Ceasefire talks: resume', 'talks resume', true],
  ])('%j matches %j: %s', (headline, words, matches) => {
    const verdict = judgeStory(
      story(1, { headline, labels: [] }),
      rules({ keywordRules: [{ words, action: 'quiet' }] }),
    );
    expect(verdict.action).toBe(matches ? 'quiet' : 'notify');
  });

  it('matches keywords in labels too', () => {
    const verdict = judgeStory(
      story(1, { headline: 'A quiet day', labels: ['Premier League'] }),
      rules({ keywordRules: [{ words: 'league', action: 'hide' }] }),
    );
    expect(verdict).toEqual({ action: 'hide', because: { kind: 'keyword', text: 'league' } });
  });

  it('an "always notify" word beats a mute word and the label setting', () => {
    const all = rules({
      keywordRules: [
        { words: 'football', action: 'hide' },
        { words: 'final', action: 'always' },
      ],
      labelRules: { Sport: 'hide' },
    });
    expect(judgeStory(story(1, { headline: 'Football: the final tonight', labels: ['Sport'] }), all)).toEqual({
      action: 'notify',
      because: { kind: 'keyword', text: 'final' },
    });
  });

  it('a mute word beats the label setting, and hide beats quiet', () => {
    const all = rules({
      keywordRules: [
        { words: 'transfer', action: 'quiet' },
        { words: 'rumour', action: 'hide' },
      ],
      labelRules: { Sport: 'quiet' },
    });
    expect(judgeStory(story(1, { headline: 'Transfer rumour', labels: ['Sport'] }), all)).toEqual({
      action: 'hide',
      because: { kind: 'keyword', text: 'rumour' },
    });
    expect(judgeStory(story(1, { headline: 'Transfer window', labels: [] }), all).because).toEqual({
      kind: 'keyword',
      text: 'transfer',
    });
  });

  it('a label set to hide beats one set to quiet; a label named like Object’s own members is data', () => {
    const labelled = rules({ labelRules: { Sport: 'quiet', Celebrity: 'hide' } });
    expect(judgeStory(story(1, { headline: 'x', labels: ['Sport', 'Celebrity'] }), labelled)).toEqual({
      action: 'hide',
      because: { kind: 'label', text: 'Celebrity' },
    });
    expect(judgeStory(story(1, { headline: 'x', labels: ['Sport'] }), labelled).action).toBe('quiet');
    expect(judgeStory(story(1, { headline: 'x', labels: ['constructor', 'toString'] }), labelled).action).toBe(
      'notify',
    );
  });

  it('ignores a rule with no words in it', () => {
    expect(
      judgeStory(
        story(1, { headline: 'Anything', labels: [] }),
        rules({ keywordRules: [{ words: ' — ', action: 'hide' }] }),
      ).action,
    ).toBe('notify');
  });
});

describe('judgeStory with its rules made ready once per rule set', () => {
  /** The rules read one by one, every rule's words folded again for each story: the reference. */
  function reference(headline: string, labels: string[], rules: Rules) {
    const lines = [headline, ...labels].map(wordLine);
    for (const action of ['always', 'hide', 'quiet'] as const) {
      const rule = rules.keywordRules.find(
        (each) =>
          each.action === action && wordLine(each.words) !== '' && lines.some((l) => l.includes(wordLine(each.words))),
      );
      if (rule)
        return { action: action === 'always' ? 'notify' : action, because: { kind: 'keyword', text: rule.words } };
    }
    for (const action of ['hide', 'quiet'] as const) {
      const label = labels.find((name) => Object.hasOwn(rules.labelRules, name) && rules.labelRules[name] === action);
      if (label !== undefined) return { action, because: { kind: 'label', text: label } };
    }
    return { action: 'notify', because: null };
  }
  const word = fc.constantFrom('bank', 'Bänk', 'england', 'rates', 'UK', 'uk', 'world', 'Straße', 'strasse', '', ' ');
  const words = fc.array(word, { maxLength: 3 }).map((parts) => parts.join(' '));
  const action = fc.constantFrom<'quiet' | 'hide' | 'always'>('quiet', 'hide', 'always');
  const label = fc.constantFrom('UK', 'World', 'Economy');

  it('decides as reading every rule for every story does, whatever the rules and stories (generated)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ words, action }), { maxLength: 8 }),
        fc.dictionary(label, fc.constantFrom<LabelRule>('quiet', 'hide')),
        fc.array(fc.record({ headline: words, labels: fc.uniqueArray(label, { maxLength: 3 }) }), { maxLength: 6 }),
        (keywordRules, labelRules, stories) => {
          const rules: Rules = { keywordRules, labelRules };
          for (const { headline, labels } of stories) {
            expect(judgeStory({ headline, labels }, rules)).toEqual(reference(headline, labels, rules));
          }
        },
      ),
    );
  });

  it('remembers a verdict only while the rules, the headline and the labels stay the same (generated histories)', () => {
    const rulesArb = fc
      .tuple(
        fc.array(fc.record({ words, action }), { maxLength: 5 }),
        fc.dictionary(label, fc.constantFrom<LabelRule>('quiet', 'hide')),
      )
      .map(([keywordRules, labelRules]): Rules => ({ keywordRules, labelRules }));
    const step = fc.oneof(
      // The settings read again: a new rule set, or the same rules in a fresh object.
      fc.record({ rules: rulesArb }),
      fc.record({ again: fc.constant(true) }),
      // A post edited: its headline or labels change (two posts may share a headline).
      fc.record({
        id: fc.integer({ min: 0, max: 3 }),
        headline: words,
        labels: fc.uniqueArray(label, { maxLength: 3 }),
      }),
    );
    fc.assert(
      fc.property(rulesArb, fc.array(step, { maxLength: 25 }), (first, steps) => {
        let rules = first;
        const stories = new Map<number, { headline: string; labels: string[] }>();
        for (const each of steps) {
          if ('rules' in each) rules = each.rules;
          else if ('again' in each) rules = structuredClone(rules);
          else stories.set(each.id, { headline: each.headline, labels: each.labels });
          for (const { headline, labels } of stories.values()) {
            expect(judgeStory({ headline, labels }, rules)).toEqual(reference(headline, labels, rules));
          }
        }
      }),
    );
  });
});
