import { useEffect, useState } from 'preact/hooks';

/**
 * A module loaded on use: null until `when` first holds and the import arrives, then the module.
 * Keeps a feature the reader may never reach (the list's end, a whole-blog search) out of the
 * scripts a page loads to open.
 */
export function useLazy<T>(load: () => Promise<T>, when: boolean): T | null {
  const [loaded, setLoaded] = useState<T | null>(null);
  useEffect(() => {
    if (when && !loaded) void load().then(setLoaded);
    // `load` is a fixed import per call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [when, loaded]);
  return loaded;
}
