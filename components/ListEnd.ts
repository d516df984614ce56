// What the list offers beyond its rows, loaded together on use: the archive's older stories, the
// blog's own search, and why the Hidden view hides what it shows.
export { BlogSearch } from './BlogSearch';
export { HiddenWhy } from './HiddenWhy';
export { OlderStories } from './OlderStories';
