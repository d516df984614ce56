import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { createSettingsFile, parseSettingsFile } from '@/utils/settings-file';

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
  ])('refuses %s, saying why', (_case, text, reason) => {
    expect(parseSettingsFile(text)).toEqual({ ok: false, reason });
  });
});
