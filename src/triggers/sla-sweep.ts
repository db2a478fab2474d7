// Scheduled trigger: the periodic SLA sweep.
import { runSlaSweep } from '../services/sla-sweep';
import { createSweepStore } from '../store/sweep-store';

export async function slaSweep(): Promise<void> {
  await runSlaSweep(createSweepStore(), Date.now());
}
