// Story pictures at the size the side panel shows them (pages only; used by the sanitizer).
const BLOGGER_IMAGE = /^https:\/\/[^/]*(googleusercontent\.com|bp\.blogspot\.com)\//;
// Blogger's size segment: s320, s1600, w640-h360, s72-c, w400-h300-p-k-no-nu …
const SIZE_SEGMENT = /([/=])(?:s\d+|w\d+(?:-h\d+)?)(?:-[a-z]+)*(?=\/|$)/;
/** The widths a story picture is offered at: the panel's column at 1×, 2× and 3×. */
const STORY_WIDTHS = [400, 800, 1200];

/**
 * A `srcset` for a Blogger picture, which posts embed at 320 px (soft on high-DPI screens, small in
 * a wide panel): the same picture at the column's widths. Null for any other URL.
 */
export function bloggerSrcset(url: string): string | null {
  if (!BLOGGER_IMAGE.test(url) || !SIZE_SEGMENT.test(url)) return null;
  return STORY_WIDTHS.map((width) => `${url.replace(SIZE_SEGMENT, `$1w${width}`)} ${width}w`).join(', ');
}
