// The browser's clock for the live countdown: every second while a clock ticks, else every minute (enough for
// "due today" and the relative texts).
import { useEffect, useState } from 'react';

export function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), ticking ? 1000 : 60_000);
    return () => window.clearInterval(timer);
  }, [ticking]);
  return now;
}
