// Messages the pure checks return as keys (settings, the settings file), said by the page that shows them.
import { t, type MessageKey, type Substitution } from './i18n';

/**
 * A message not yet put into words: what the pure checks (settings, the settings file) return, so
 * they call no browser API; the page says it with say().
 */
export interface Wording {
  key: MessageKey;
  /** A wording inside a wording (a field's own problem in a file's) is said first. */
  subs?: (Substitution | Wording)[];
}

/** A wording in the browser's language. */
export function say(wording: Wording): string {
  return t(
    wording.key,
    wording.subs?.map((sub) => (typeof sub === 'object' ? say(sub) : sub)),
  );
}

/** Every wording of a record said, key by key (a form's errors). */
export function sayAll<K extends string>(wordings: Partial<Record<K, Wording>>): Partial<Record<K, string>> {
  return Object.fromEntries(
    Object.entries(wordings).map(([key, wording]) => [key, say(wording as Wording)]),
  ) as Partial<Record<K, string>>;
}
