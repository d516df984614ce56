import { useEffect, useState } from 'preact/hooks';

/** State that clears itself `ms` after each change (Undo offers, passing notices). */
export function useExpiring<T>(ms: number): [T | null, (value: T | null) => void] {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    if (value === null) return;
    const timer = setTimeout(() => setValue(null), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return [value, setValue];
}
