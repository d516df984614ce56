// Tracking pixels: pictures drawn at 0 or 1 px, or not drawn at all. Shared by the worker (first
// picture of a body, from tag text) and the pages (sanitizer, from elements), so both agree.

// "1", "01", "1px", "0.5", "1.0 px" — any spelling of a length up to one pixel.
const TINY_LENGTH = /^\s*\+?0*(?:1(?:\.0*)?|0*\.\d+|0+)?\s*(?:px)?\s*$/i;
const STYLE_SIZE = /(?:^|;)\s*(?:min-|max-)?(width|height)\s*:\s*([^;]*)/gi;
const STYLE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
const MAX_STYLE = 2048;

export interface ImageSize {
  width: string | null;
  height: string | null;
  style: string | null;
}

/** True for a picture sized 0–1 px in either dimension, by attribute or inline style, or hidden. */
export function isTrackerImage({ width, height, style }: ImageSize): boolean {
  if (isTinyLength(width) || isTinyLength(height)) return true;
  if (!style) return false;
  const css = style.slice(0, MAX_STYLE);
  if (STYLE_HIDDEN.test(css)) return true;
  for (const [, , value] of css.matchAll(STYLE_SIZE)) {
    if (isTinyLength(value!.replace(/!important/i, ''))) return true;
  }
  return false;
}

function isTinyLength(value: string | null): boolean {
  // An empty value is no size at all, not zero.
  return value !== null && value.length < 32 && /\d/.test(value) && TINY_LENGTH.test(value);
}
