interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * `store`'s value for `key`, made by `make` the first time it is asked for: what a page works out
 * again and again (a formatter, a string, a folded headline). Kept for the page's life: what they
 * are keyed by (languages, messages, the headlines of the stories it lists) comes in hundreds.
 */
export function remember<K, V>(store: Store<K, V>, key: K, make: () => V): V {
  let value = store.get(key);
  if (value === undefined) store.set(key, (value = make()));
  return value;
}
