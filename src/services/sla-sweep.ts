// Use case: the scheduled sweep. For now it records each run; breach warnings build on it.
import type { SweepStore } from '../store/sweep-store';

export async function runSlaSweep(store: SweepStore, now: number): Promise<{ runs: number }> {
  const previous = await store.get();
  const runs = (previous?.runs ?? 0) + 1;
  await store.put({ lastRunAt: now, runs });
  return { runs };
}
