import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { createSettingsFile, parseSettingsFile } from '@/utils/settings/settings-file';

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

  it('hands back read state rebuilt from its own entries, feed addresses normalized, ids once', () => {
    const text = JSON.stringify({ ...good, read: { 'HTTPS://Other.Example/feed': ['a', 'a', 'b'] } });
    const parsed = parseSettingsFile(text);
    expect(parsed).toMatchObject({ ok: true, file: { read: { 'https://other.example/feed': ['a', 'b'] } } });
  });
});
