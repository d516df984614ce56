// Stands in for `xmlbuilder` in the bundles. rss-parser → xml2js loads it, but only xml2js's
// Builder uses it, to re-serialize Atom `type="xhtml"` content. Leaving it out cuts the worker
// bundle by a third; a feed with XHTML content (Blogger never sends one) fails with a clear parse
// error instead.
export function create(): never {
  throw new Error('XML building is not included in this extension.');
}
