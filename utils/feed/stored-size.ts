// What an item costs in chrome.storage.local, which counts its quota in the bytes of the key plus
// the value serialized as JSON the way Chromium writes it: `<`, `>` and `&` escaped as \u003C (6
// bytes), `"` and `\` as 2, control characters as 2 or 6, other text in UTF-8. A character count
// understates markup by up to 6×, so every storage budget here is kept in these bytes.

// \b \t \n \f \r: two bytes each in JSON.
const ESCAPED_SHORT = new Set([8, 9, 10, 12, 13]);

/** Bytes one UTF-16 code unit costs inside an already JSON-stringified text. */
function unitBytes(code: number): number {
  if (code < 0x80) return code === 0x3c || code === 0x3e || code === 0x26 ? 6 : 1;
  if (code < 0x800) return 2;
  if (code === 0x2028 || code === 0x2029) return 6;
  // A surrogate half: a valid pair is 4 bytes of UTF-8 (2 + 2); a lone one is written escaped.
  if (code >= 0xd800 && code <= 0xdfff) return 2;
  return 3;
}

/** Bytes of a JSON text as the browser stores it. */
function storedTextBytes(json: string): number {
  let bytes = 0;
  for (let i = 0; i < json.length; i++) bytes += unitBytes(json.charCodeAt(i));
  return bytes;
}

/** A body stored before sizes were recorded: counted at a typical post's size. */
export const UNKNOWN_BODY_BYTES = 16 * 1024;

/** What one storage entry costs against the quota: key plus JSON value. */
export function entryBytes(key: string, value: unknown): number {
  return storedTextBytes(key) + storedTextBytes(JSON.stringify(value) ?? 'null');
}

/**
 * The longest start of `text` whose JSON string costs at most `maxBytes`, cut between characters
 * (never inside a surrogate pair). Linear.
 */
export function cutToBytes(text: string, maxBytes: number): { text: string; bytes: number; cut: boolean } {
  let bytes = 2; // the quotes
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cost = code === 0x22 || code === 0x5c ? 2 : code < 0x20 ? (ESCAPED_SHORT.has(code) ? 2 : 6) : unitBytes(code);
    if (bytes + cost > maxBytes) {
      // Inside a pair: its first half (2 bytes, counted already) goes too.
      const half = code >= 0xdc00 && code <= 0xdfff && isHighSurrogate(text.charCodeAt(i - 1)) ? 1 : 0;
      return { text: text.slice(0, i - half), bytes: bytes - 2 * half, cut: true };
    }
    bytes += cost;
  }
  return { text, bytes, cut: false };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
