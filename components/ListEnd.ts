// What the list's end offers beyond what is stored, loaded together on use: the archive's older
// stories and the blog's own search.
export { BlogSearch } from './BlogSearch';
export { OlderStories } from './OlderStories';
