import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, isQuietTime, validateSettings as validate } from '@/utils/settings/settings';
import { sayAll } from '@/utils/ui/wording';

/** The checks as the options page shows them: what they find, said in the reader's words. */
const validateSettings = (input: unknown) => {
  const result = validate(input);
  return result.ok ? result : { ok: false as const, errors: sayAll(result.errors) };
};

describe('the checks are pure', () => {
  it('find problems without asking the browser for words; the page says them', () => {
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    const result = validate({ ...DEFAULT_SETTINGS, feedUrl: 'ftp://x', intervalMinutes: 1, keywordRules: 'x' });
    expect(result).toEqual({
      ok: false,
      errors: {
        feedUrl: { key: 'errFeedScheme' },
        intervalMinutes: { key: 'errInterval', subs: [5, 1440] },
        keywordRules: { key: 'errKeywordRules', subs: [100] },
      },
    });
    expect(getMessage).not.toHaveBeenCalled();
  });
});

describe('validateSettings', () => {
  it('accepts the defaults and normalizes numbers typed as text', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    const typed = validateSettings({ ...DEFAULT_SETTINGS, intervalMinutes: '30', retention: ' 500 ' });
    expect(typed).toMatchObject({ ok: true, settings: { intervalMinutes: 30, retention: 500 } });
  });

  it.each([
    [{ feedUrl: '' }, 'feedUrl', 'Enter the address of a feed.'],
    [
      { feedUrl: 'https://user:secret@www.smileband.co.uk/feeds/posts/default' },
      'feedUrl',
      'Leave the user name and password out of the address: feeds are read without signing in.',
    ],
    [
      { feedUrl: 'https://user@www.smileband.co.uk/feeds/posts/default' },
      'feedUrl',
      'Leave the user name and password out of the address: feeds are read without signing in.',
    ],
    [{ feedUrl: 'ftp://example.com/feed' }, 'feedUrl', 'The feed address must start with http:// or https://.'],
    [{ feedUrl: 'javascript:alert(1)' }, 'feedUrl', 'The feed address must start with http:// or https://.'],
    [{ intervalMinutes: 4 }, 'intervalMinutes', 'Check every 5 to 1440 minutes.'],
    [{ intervalMinutes: 1441 }, 'intervalMinutes', 'Check every 5 to 1440 minutes.'],
    [{ intervalMinutes: 7.5 }, 'intervalMinutes', 'Check every 5 to 1440 minutes.'],
    [{ intervalMinutes: 'soon' }, 'intervalMinutes', 'Check every 5 to 1440 minutes.'],
    [{ retention: 49 }, 'retention', 'Keep between 50 and 1000 stories.'],
    [{ retention: 1001 }, 'retention', 'Keep between 50 and 1000 stories.'],
    [{ openIn: 'tab' }, 'openIn', 'Choose the side panel or the original post.'],
    [{ quietHours: { enabled: true, start: '25:00', end: '07:00' } }, 'quietStart', 'Use a time like 22:00.'],
    [{ quietHours: { enabled: true, start: '22:00', end: '7' } }, 'quietEnd', 'Use a time like 07:00.'],
    // The whole text is the time: nothing before it, nothing after.
    [{ quietHours: { enabled: true, start: '122:00', end: '07:00' } }, 'quietStart', 'Use a time like 22:00.'],
    [{ quietHours: { enabled: true, start: '22:00', end: '07:000' } }, 'quietEnd', 'Use a time like 07:00.'],
    // A list whose text reads as a time is still no time.
    [{ quietHours: { enabled: true, start: ['22:00'], end: '07:00' } }, 'quietStart', 'Use a time like 22:00.'],
    [{ quietHours: { enabled: true, start: '22:00', end: ['07:00'] } }, 'quietEnd', 'Use a time like 07:00.'],
    // Every on/off switch, each on its own: text, a number, null or a list is not on or off.
    ...(['notifications', 'badge', 'syncRead', 'syncSettings', 'markOnScroll'] as const).flatMap((flag) =>
      ['yes', 1, null, [true]].map((value): [object, string, string] => [
        { [flag]: value },
        flag,
        'Must be on or off.',
      ]),
    ),
    [{ listenRate: 3 }, 'listenRate', 'Choose a speed from the list.'],
    [{ listenRate: 'fast' }, 'listenRate', 'Choose a speed from the list.'],
    [{ listenVoice: 7 }, 'listenVoice', 'Choose a voice from the list.'],
    [{ listenVoice: 'x'.repeat(201) }, 'listenVoice', 'Choose a voice from the list.'],
    ...['yes', 1, null, [true]].map((enabled): [object, string, string] => [
      { quietHours: { enabled, start: '22:00', end: '07:00' } },
      'quietHours',
      'Quiet hours must be on or off.',
    ]),
  ])('refuses %j with a message on %s', (patch, field, message) => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, ...patch })).toEqual({ ok: false, errors: { [field]: message } });
  });

  it('reads where a headline opens: the side panel unless the original is chosen, also from older settings', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, openIn: 'original' })).toMatchObject({
      ok: true,
      settings: { openIn: 'original' },
    });
    const older: Partial<typeof DEFAULT_SETTINGS> = { ...DEFAULT_SETTINGS };
    delete older.openIn;
    expect(validateSettings(older)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('accepts each limit itself: every 5 and every 1440 minutes, keeping 50 and 1000 stories', () => {
    for (const patch of [{ intervalMinutes: 5 }, { intervalMinutes: 1440 }, { retention: 50 }, { retention: 1000 }]) {
      expect(validateSettings({ ...DEFAULT_SETTINGS, ...patch })).toEqual({
        ok: true,
        settings: { ...DEFAULT_SETTINGS, ...patch },
      });
    }
  });

  it('takes a plain http address, trimmed', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, feedUrl: '  http://blog.example/feed  ' })).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, feedUrl: 'http://blog.example/feed' },
    });
  });

  it.each([
    [{ feedUrl: 42 }, 'feedUrl', 'Enter the address of a feed.'],
    [{ intervalMinutes: [30] }, 'intervalMinutes', 'Check every 5 to 1440 minutes.'],
    [{ retention: '' }, 'retention', 'Keep between 50 and 1000 stories.'],
    [{ quietHours: { start: '22:00', end: '07:00' } }, 'quietHours', 'Quiet hours must be on or off.'],
  ])('refuses %j, which is not the kind of value the field holds', (patch, field, message) => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, ...patch })).toEqual({ ok: false, errors: { [field]: message } });
  });

  it('refuses what is not settings at all', () => {
    const result = validateSettings('nope');
    expect(result.ok).toBe(false);
  });
});

// Reads local time: times without a zone are the machine's own clock, as quiet hours are.
describe('isQuietTime', () => {
  const overnight = { enabled: true, start: '22:00', end: '07:00' };
  const daytime = { enabled: true, start: '12:00', end: '14:00' };
  it.each([
    [overnight, '21:59', false],
    [overnight, '22:00', true],
    [overnight, '03:00', true],
    [overnight, '07:00', false],
    [daytime, '11:59', false],
    [daytime, '12:00', true],
    [daytime, '12:30', true],
    [{ enabled: true, start: '22:30', end: '06:45' }, '22:15', false],
    [{ enabled: true, start: '22:30', end: '06:45' }, '22:30', true],
    [{ enabled: true, start: '22:30', end: '06:45' }, '06:44', true],
    [{ enabled: true, start: '22:30', end: '06:45' }, '06:45', false],
    [daytime, '14:00', false],
    [{ ...overnight, enabled: false }, '23:00', false],
    [{ enabled: true, start: '08:00', end: '08:00' }, '08:00', false],
  ])('%j at %s → %s', (quiet, time, expected) => {
    expect(isQuietTime(quiet, new Date(`2026-02-03T${time}:00`))).toBe(expected);
  });
});

describe('validateSettings: the word rule to blame', () => {
  it.each([
    [
      'empty',
      [
        { words: 'a', action: 'quiet' },
        { words: '  ', action: 'hide' },
      ],
      1,
    ],
    [
      'a duplicate',
      [
        { words: 'Négociations', action: 'quiet' },
        { words: 'x', action: 'quiet' },
        { words: 'negociations', action: 'hide' },
      ],
      2,
    ],
    ['too long', [{ words: 'x'.repeat(101), action: 'quiet' }], 0],
  ])('%s: names the rule', (_case, keywordRules, rule) => {
    const result = validate({ ...DEFAULT_SETTINGS, keywordRules });
    expect(result.ok ? null : result.errors.keywordRules?.rule).toBe(rule);
  });

  it('names none when the list itself is wrong', () => {
    const result = validate({ ...DEFAULT_SETTINGS, keywordRules: [{ words: 'x', action: 'shout' }] });
    expect(result.ok ? null : result.errors.keywordRules).toEqual({ key: 'errKeywordRules', subs: [100] });
  });
});

describe('validateSettings: notification rules', () => {
  const check = (patch: Record<string, unknown>) => validateSettings({ ...DEFAULT_SETTINGS, ...patch });
  const error = (patch: Record<string, unknown>) => {
    const result = check(patch);
    return result.ok ? null : result.errors;
  };

  it('reads settings from before rules existed as having none', () => {
    const older: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    delete older.labelRules;
    delete older.keywordRules;
    expect(validateSettings(older)).toMatchObject({ ok: true, settings: { labelRules: {}, keywordRules: [] } });
  });

  it('keeps keyword rules trimmed, and label rules but the ones that only say "notify"', () => {
    const result = check({
      keywordRules: [
        { words: '  transfer   rumour ', action: 'hide' },
        { words: 'final', action: 'always' },
      ],
      labelRules: { Sport: 'quiet', Weather: 'notify', Celebrity: 'hide' },
    });
    expect(result).toMatchObject({
      ok: true,
      settings: {
        keywordRules: [
          { words: 'transfer rumour', action: 'hide' },
          { words: 'final', action: 'always' },
        ],
        labelRules: { Sport: 'quiet', Celebrity: 'hide' },
      },
    });
  });

  it.each([
    [
      'an empty rule',
      [{ words: '   ', action: 'quiet' }],
      'A keyword rule has no words: type some, or remove the rule.',
    ],
    [
      'punctuation only',
      [{ words: '—!', action: 'quiet' }],
      'A keyword rule has no words: type some, or remove the rule.',
    ],
    [
      'the same words twice, in other capitals and accents',
      [
        { words: 'Négociations', action: 'quiet' },
        { words: 'negociations', action: 'hide' },
      ],
      'Two rules for “negociations” (capitals and accents aside): keep one.',
    ],
    [
      'an unknown action',
      [{ words: 'x', action: 'mute' }],
      'The keyword rules are not valid (at most 100, each with words and what to do).',
    ],
    [
      'a rule that is nothing',
      [null],
      'The keyword rules are not valid (at most 100, each with words and what to do).',
    ],
    [
      'words that are a number',
      [{ words: 7, action: 'quiet' }],
      'The keyword rules are not valid (at most 100, each with words and what to do).',
    ],
    ['not a list', { words: 'x' }, 'The keyword rules are not valid (at most 100, each with words and what to do).'],
    [
      '101 rules',
      Array.from({ length: 101 }, (_, i) => ({ words: `w${i}`, action: 'quiet' })),
      'The keyword rules are not valid (at most 100, each with words and what to do).',
    ],
    [
      'words of 101 characters',
      [{ words: 'x'.repeat(101), action: 'quiet' }],
      'The rule “xxxxxxxxxxxxxxxxxxxx…” is longer than 100 characters.',
    ],
  ])('refuses keyword rules with %s, saying why', (_case, keywordRules: unknown, message) => {
    expect(error({ keywordRules })).toEqual({ keywordRules: message });
  });

  it('takes 100 rules of 100 characters', () => {
    const rules = Array.from({ length: 100 }, (_, i) => ({
      words: `${i} ${'x'.repeat(96)}`.slice(0, 100),
      action: 'quiet',
    }));
    expect(check({ keywordRules: rules }).ok).toBe(true);
  });

  it.each([
    ['nothing', null],
    ['a word', 'Sport'],
    ['501 labels', Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`label ${i}`, 'quiet']))],
    ['a list', ['Sport']],
    ['an unknown rule', { Sport: 'mute' }],
    ['an empty label', { '': 'hide' }],
    ['a label of 201 characters', { ['x'.repeat(201)]: 'hide' }],
  ])('refuses label rules that are %s', (_case, labelRules) => {
    expect(error({ labelRules })).toEqual({ labelRules: 'The label rules are not valid.' });
  });

  it('takes 500 label rules, and a label of 200 characters', () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`label ${i}`, 'quiet']));
    expect(check({ labelRules: many }).ok).toBe(true);
    expect(check({ labelRules: { ['x'.repeat(200)]: 'hide' } }).ok).toBe(true);
  });

  it('keeps a label named like an Object member as a plain entry', () => {
    const good = check(JSON.parse('{"labelRules": {"__proto__": "hide"}}') as Record<string, unknown>);
    expect(good).toMatchObject({ ok: true });
    if (good.ok) expect(Object.hasOwn(good.settings.labelRules!, '__proto__')).toBe(true);
  });
});
