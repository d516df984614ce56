import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { MAX_ID_CHARS } from '@/utils/feed/limits';
import {
  createSettingsFile,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_READ_PER_FEED,
  parseSettingsFile as parse,
} from '@/utils/settings/settings-file';
import { say } from '@/utils/ui/wording';

/** The file as the options page reads it: why it is refused, said in the reader's words. */
const parseSettingsFile = (text: string) => {
  const result = parse(text);
  return result.ok ? result : { ok: false as const, reason: say(result.reason) };
};

const good = createSettingsFile(
  DEFAULT_SETTINGS,
  { [DEFAULT_SETTINGS.feedUrl]: ['a', 'b'] },
  new Date('2026-02-03T09:00:00Z'),
);

describe('settings file', () => {
  it('reads back what it wrote', () => {
    expect(parseSettingsFile(JSON.stringify(good))).toEqual({ ok: true, file: good });
  });

  it.each([
    ['not JSON', 'settings, please', 'The file is not JSON.'],
    ['another app', JSON.stringify({ ...good, app: 'other' }), 'The file is not a Smileband News export.'],
    ['null', 'null', 'The file is not a Smileband News export.'],
    ['a newer version', JSON.stringify({ ...good, version: 2 }), 'Export version 2 is not supported.'],
    [
      'bad settings',
      JSON.stringify({ ...good, settings: { ...DEFAULT_SETTINGS, intervalMinutes: 1 } }),
      'The settings in the file are not valid (intervalMinutes: Check every 5 to 1440 minutes.)',
    ],
    [
      'bad read state',
      JSON.stringify({ ...good, read: { x: [1, 2] } }),
      'The read stories in the file are not a list of story ids per feed.',
    ],
    ...[5, true, [], [['https://x.test/feed', ['a']]]].map((read) => [
      `read state that is ${JSON.stringify(read)}`,
      JSON.stringify({ ...good, read }),
      'The read stories in the file are not a list of story ids per feed.',
    ]),
    [
      'an id that is a list',
      JSON.stringify({ ...good, read: { [DEFAULT_SETTINGS.feedUrl]: [['a']] } }),
      'The read stories in the file are not a list of story ids per feed.',
    ],
    [
      'read state under a key that is not a feed address',
      '{"app":"smileband-news","version":1,"settings":' +
        JSON.stringify(DEFAULT_SETTINGS) +
        ',"read":{"constructor":["a"]}}',
      'The read stories in the file are not a list of story ids per feed.',
    ],
    [
      'read state under __proto__',
      '{"app":"smileband-news","version":1,"settings":' +
        JSON.stringify(DEFAULT_SETTINGS) +
        ',"read":{"__proto__":["a"]}}',
      'The read stories in the file are not a list of story ids per feed.',
    ],
    [
      'an id of 10,000 characters',
      JSON.stringify({ ...good, read: { [DEFAULT_SETTINGS.feedUrl]: ['x'.repeat(10_000)] } }),
      'The read stories in the file are not a list of story ids per feed.',
    ],
    [
      'more read ids than a store can hold',
      JSON.stringify({
        ...good,
        read: { [DEFAULT_SETTINGS.feedUrl]: Array.from({ length: 2001 }, (_, i) => `id-${i}`) },
      }),
      'The file lists more read stories than this extension keeps (2000 per feed).',
    ],
    [
      'a file larger than 2 MB',
      JSON.stringify({ ...good, exportedAt: 'x'.repeat(2 * 1024 * 1024) }),
      'This file is larger than 2 MB, so it is not a settings file from this extension.',
    ],
  ])('refuses %s, saying why', (_case, text, reason) => {
    expect(parseSettingsFile(text)).toEqual({ ok: false, reason });
  });

  it.each([
    ['read state as a list', [['a']]],
    ['read state as text', 'a,b'],
    ['an empty id', { [DEFAULT_SETTINGS.feedUrl]: ['a', ''] }],
    ['one bad id among good ones', { [DEFAULT_SETTINGS.feedUrl]: ['a', 7] }],
    ['one bad feed among good ones', { [DEFAULT_SETTINGS.feedUrl]: ['a'], 'not a feed': ['b'] }],
    ['ids that are not a list', { [DEFAULT_SETTINGS.feedUrl]: 'a' }],
    ['51 feeds', Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`https://f${i}.example/feed`, ['a']]))],
    ['an id one character too long', { [DEFAULT_SETTINGS.feedUrl]: ['x'.repeat(MAX_ID_CHARS + 1)] }],
  ])('refuses %s', (_case, read) => {
    expect(parseSettingsFile(JSON.stringify({ ...good, read }))).toEqual({
      ok: false,
      reason: 'The read stories in the file are not a list of story ids per feed.',
    });
  });

  it.each([
    ['version 0', 0, 'Export version 0 is not supported.'],
    ['no version', undefined, 'Export version undefined is not supported.'],
    ['version "1" as text', '1', 'Export version 1 is not supported.'],
    ['version 1.5', 1.5, 'Export version 1.5 is not supported.'],
  ])('refuses a file of %s: only version 1 is this format', (_case, version, reason) => {
    expect(parseSettingsFile(JSON.stringify({ ...good, version }))).toEqual({ ok: false, reason });
  });

  it('hands back the checked settings, not what the file held', () => {
    const file = {
      ...good,
      settings: {
        ...DEFAULT_SETTINGS,
        // Normalized by the checks: the address as the URL parser writes it, the choice absent
        // before it existed, the sharing switch unset; a field no release wrote is left out.
        feedUrl: 'HTTPS://WWW.SMILEBAND.CO.UK/feeds/posts/default',
        openIn: undefined,
        syncRead: undefined,
        labelRules: undefined,
        keywordRules: undefined,
        unknown: 'kept nowhere',
      },
    };
    const parsed = parseSettingsFile(JSON.stringify(file));
    expect(parsed).toMatchObject({ ok: true });
    expect(parsed.ok && parsed.file.settings).toEqual({
      ...DEFAULT_SETTINGS,
      feedUrl: 'https://www.smileband.co.uk/feeds/posts/default',
      openIn: 'panel',
      syncRead: true,
      labelRules: {},
      keywordRules: [],
    });
  });

  it('takes everything right at the limits: 50 feeds, 2000 ids a feed, the longest id, a file of the largest size', () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`https://f${i}.example/feed`, ['a']]));
    expect(parseSettingsFile(JSON.stringify({ ...good, read: fifty }))).toMatchObject({ ok: true });
    const most = Array.from({ length: MAX_IMPORT_READ_PER_FEED }, (_, i) => `id-${i}`);
    const longest = 'x'.repeat(MAX_ID_CHARS);
    const parsed = parseSettingsFile(
      JSON.stringify({ ...good, read: { [DEFAULT_SETTINGS.feedUrl]: [...most.slice(1), longest] } }),
    );
    expect(parsed).toMatchObject({ ok: true });
    const padded = JSON.stringify({ ...good, exportedAt: '' });
    const exact = JSON.stringify({ ...good, exportedAt: 'x'.repeat(MAX_IMPORT_BYTES - padded.length) });
    expect(exact.length).toBe(MAX_IMPORT_BYTES);
    expect(parseSettingsFile(exact)).toMatchObject({ ok: true });
  });

  it('keeps an older export without read state, saved stories or export time', () => {
    const older = { app: 'smileband-news', version: 1, settings: DEFAULT_SETTINGS };
    expect(parseSettingsFile(JSON.stringify(older))).toEqual({
      ok: true,
      file: { app: 'smileband-news', version: 1, exportedAt: '', settings: DEFAULT_SETTINGS, read: {}, saved: [] },
    });
  });

  it('reads back the Saved shelf, each id once, up to 200', () => {
    const shelf = createSettingsFile(DEFAULT_SETTINGS, {}, new Date(), ['a', 'b', 'a']);
    expect(parseSettingsFile(JSON.stringify(shelf))).toMatchObject({ ok: true, file: { saved: ['a', 'b'] } });
    const full = Array.from({ length: 200 }, (_, i) => `id-${i}`);
    expect(parseSettingsFile(JSON.stringify({ ...good, saved: full }))).toMatchObject({ ok: true });
  });

  it.each([
    ['not a list', { a: true }],
    ['an empty id', ['a', '']],
    ['an id that is a number', ['a', 7]],
    ['an id one character too long', ['x'.repeat(MAX_ID_CHARS + 1)]],
    ['201 ids', Array.from({ length: 201 }, (_, i) => `id-${i}`)],
  ])('refuses a Saved shelf that is %s', (_case, saved) => {
    expect(parseSettingsFile(JSON.stringify({ ...good, saved }))).toEqual({
      ok: false,
      reason: 'The saved stories in the file are not a list of at most 200 story ids.',
    });
  });

  it('hands back read state rebuilt from its own entries, feed addresses normalized, ids once', () => {
    const text = JSON.stringify({ ...good, read: { 'HTTPS://Other.Example/feed': ['a', 'a', 'b'] } });
    const parsed = parseSettingsFile(text);
    expect(parsed).toMatchObject({ ok: true, file: { read: { 'https://other.example/feed': ['a', 'b'] } } });
  });
});
