/**
 * A sharper copy of a Blogger thumbnail: feeds give 72 px (`/s72-c/` or `=s72-c`); Blogger serves
 * any size from the same path. Other URLs come back unchanged.
 */
export function sharperThumbnail(url: string, size: number): string {
  if (!/^https:\/\/[^/]*(googleusercontent\.com|bp\.blogspot\.com)\//.test(url)) return url;
  return url.replace(/([/=])s\d+(-c)?(?=\/|$)/, `$1s${size}-c`);
}
