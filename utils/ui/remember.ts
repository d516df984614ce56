interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * `store`'s value for `key`, made by `make` the first time it is asked for: what a page or the
 * worker works out again and again (a formatter, a string, a folded headline). Kept while the page
 * or worker lives: what they are keyed by (languages, messages with their counts and times, the
 * headlines of the stories listed) comes in hundreds, a few thousand at most.
 */
export function remember<K, V>(store: Store<K, V>, key: K, make: () => V): V {
  let value = store.get(key);
  if (value === undefined) store.set(key, (value = make()));
  return value;
}
