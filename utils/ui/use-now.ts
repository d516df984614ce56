import { useEffect, useState } from 'preact/hooks';

/** The time, refreshed every `stepMs` and rounded to it, so relative times stay true without churn. */
export function useNow(stepMs = 60_000): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / stepMs) * stepMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(Math.floor(Date.now() / stepMs) * stepMs), stepMs / 4);
    return () => clearInterval(timer);
  }, [stepMs]);
  return now;
}
