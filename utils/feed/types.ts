/** One post as parseFeed returns it: everything the UI needs, with the real headline derived. */
export interface FeedItem {
  /** Stable Blogger post id (`tag:blogger.com,1999:blog-….post-…`), or the link when a feed has none. */
  id: string;
  /** The title as the feed gives it (on this site always "Smileband News"). */
  title: string;
  /** What a reader should see: the post's own title, or the first line of its body. */
  headline: string;
  /** The sponsor named in the body's greeting, or null. */
  sponsor: string | null;
  link: string;
  /** ISO 8601. */
  published: string;
  /** ISO 8601; equals `published` when the feed gives no update time. */
  updated: string;
  /**
   * Set when the entry carries no date of its own: `published` is then the feed's date or the time
   * of reading, and a stored story keeps the date it was first given.
   */
  undated?: true;
  author: string | null;
  labels: string[];
  /** Thumbnail URL (http/https), or null. */
  image: string | null;
  /** Comments on the post (Atom `thr:total`, RSS `slash:comments`); absent when there are none. */
  comments?: number;
  /** Where to read them: the post's comments page, else the post. */
  commentsLink?: string;
  /** The body HTML exactly as the feed carries it: untrusted. */
  contentHtml: string;
}

export interface ParsedFeed {
  title: string;
  link: string | null;
  items: FeedItem[];
  /** Entries that could not be read and were left out. */
  skipped: number;
}

/** What the popup and badge read: an item without its body, plus read state. */
export interface StoryMeta extends Omit<FeedItem, 'contentHtml'> {
  read: boolean;
  /** When this extension first saw the story (ISO); orders ties and drives "new" later. */
  firstSeen: string;
  /** True when the stored body was cut at the storage cap (in bytes, as the browser counts them). */
  truncated: boolean;
  /** Hash of the body as the feed sent it: an edit that keeps `updated` is still seen. */
  contentHash: string;
  /** What the stored body costs in storage bytes (key and JSON value); absent in older stores. */
  bodyBytes?: number;
  /** True once the body was dropped to keep storage bounded (older than the newest bodies kept). */
  bodyDropped?: boolean;
  /**
   * When the reader saved it for later (ISO); absent when not saved. A saved story outlives
   * retention and keeps its body.
   */
  saved?: string;
  /**
   * Fetched from the blog's archive on the reader's request (Older stories, a whole-blog search):
   * arrived read, never notified, kept apart from retention up to ARCHIVE_LIMIT.
   */
  archived?: true;
}

export type PollErrorKind = 'offline' | 'network' | 'timeout' | 'http' | 'too-large' | 'not-a-feed' | 'storage';

/**
 * Expected failures are values. `message` is English, for logs; the pages say it in the reader's
 * language from the other fields (utils/ui/error-text.ts).
 */
export interface PollError {
  kind: PollErrorKind;
  message: string;
  status?: number;
  host?: string;
  /** The limit that was hit: seconds for a timeout, megabytes for a body. */
  limit?: number;
  /** For not-a-feed: what the document looked like. */
  reason?: FeedProblem;
  /** Words from below: the HTTP status text, the parser's or the storage's own message. */
  detail?: string;
}

export type FeedProblem = 'empty' | 'html' | 'not-xml' | 'not-feed' | 'malformed';
