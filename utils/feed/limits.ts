// Caps on everything a feed entry brings in. A feed is untrusted: these bound what one entry can
// cost in work (scans), storage and screen space. Ordinary posts of this site stay far below each.

/** A post's own title as stored (the headline is derived and cut shorter). */
export const MAX_TITLE_CHARS = 300;
/** Author name. */
export const MAX_AUTHOR_CHARS = 100;
/** Labels per story, and characters per label. */
export const MAX_LABELS = 20;
export const MAX_LABEL_CHARS = 60;
/** URLs (link, picture); a longer one is dropped, not cut (a cut URL points elsewhere). */
export const MAX_URL_CHARS = 2048;
/** Ids longer than this are shortened to a prefix and a hash of the whole. */
export const MAX_ID_CHARS = 256;
/**
 * How much of a body the worker reads for the headline and first picture: the greeting, headline and
 * lead picture sit at the top. Bounds every scan of body text per entry.
 */
export const MAX_BODY_SCAN_CHARS = 32 * 1024;
/** Text constructs (titles, summaries as titles) are read up to this many characters. */
export const MAX_TEXT_SCAN_CHARS = 16 * 1024;

/**
 * Times from outside (a feed's dates, another browser's marks) are taken up to this far ahead of
 * this browser's clock: clocks may be a day off, not years. A later time is not believed.
 */
export const MAX_AHEAD_MS = 24 * 3600e3;
/** The longest rest a server's Retry-After can ask for: a larger one stops updates for good. */
export const MAX_RETRY_AFTER_MS = 24 * 3600e3;
