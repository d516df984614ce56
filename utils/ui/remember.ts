interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
  size?: number;
  clear?(): void;
}

/**
 * `store`'s value for `key`, made by `make` the first time it is asked for: what the pages and the
 * worker work out again and again (a formatter, a string, a folded headline, a verdict). A store
 * holding `limit` entries starts again, so one that keys by text cannot grow without end.
 */
export function remember<K, V>(store: Store<K, V>, key: K, make: () => V, limit = 2000): V {
  let value = store.get(key);
  if (value === undefined) {
    if (store.size! >= limit) store.clear!();
    store.set(key, (value = make()));
  }
  return value;
}
