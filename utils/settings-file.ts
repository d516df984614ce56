import { validateSettings, type Settings } from './settings';
import { t } from './i18n';

/** What "Export" writes and "Import" reads: settings plus read story ids per feed. */
export interface SettingsFile {
  app: 'smileband-news';
  version: 1;
  exportedAt: string;
  settings: Settings;
  read: Record<string, string[]>;
}

export function createSettingsFile(settings: Settings, read: Record<string, string[]>, now: Date): SettingsFile {
  return { app: 'smileband-news', version: 1, exportedAt: now.toISOString(), settings, read };
}

export type ParsedSettingsFile = { ok: true; file: SettingsFile } | { ok: false; reason: string };

/** Checks an imported file completely before anything is applied: a bad file changes nothing. */
export function parseSettingsFile(text: string): ParsedSettingsFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: t('errNotJson') };
  }
  const file = data as Partial<SettingsFile> | null;
  if (!file || typeof file !== 'object' || file.app !== 'smileband-news') {
    return { ok: false, reason: t('errNotExport') };
  }
  if (file.version !== 1) return { ok: false, reason: t('errVersion', String(file.version)) };
  const settings = validateSettings(file.settings);
  if (!settings.ok) {
    const [field, message] = Object.entries(settings.errors)[0]!;
    return { ok: false, reason: t('errSettingsInvalid', [field, message]) };
  }
  const read = file.read ?? {};
  const valid =
    typeof read === 'object' &&
    !Array.isArray(read) &&
    Object.values(read).every((ids) => Array.isArray(ids) && ids.every((id) => typeof id === 'string'));
  if (!valid) return { ok: false, reason: t('errReadState') };
  return {
    ok: true,
    file: {
      app: 'smileband-news',
      version: 1,
      exportedAt: String(file.exportedAt ?? ''),
      settings: settings.settings,
      read,
    },
  };
}
