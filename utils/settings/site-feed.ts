// The site's own feed, on its own: the pages need only this address, not feed-url.ts's checks
// (wxt.config.ts and the options page use those).
export const SITE_FEED_URL = 'https://www.smileband.co.uk/feeds/posts/default';
