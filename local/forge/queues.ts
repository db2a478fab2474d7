// Async events (`@forge/events` Queue.push) delivered to `consumer` handlers, with delays and retries.
import { randomUUID } from 'node:crypto';

export interface AsyncEvent {
  body: Record<string, unknown>;
  queueName: string;
  jobId: string;
  eventId: string;
  retryContext?: { retryCount: number; retryReason: string; retryData?: unknown };
}

interface PushedEvent {
  body: Record<string, unknown>;
  delayInSeconds?: number;
}

type DeliveryOutcome = { kind: 'done' } | { kind: 'retry'; reason: string; afterSeconds?: number; retryData?: unknown };
type Deliver = (event: AsyncEvent) => Promise<DeliveryOutcome>;

interface JobStats { success: number; inProgress: number; failed: number; cancelled: boolean }

/** Forge retries a failed event a few times before giving up; the local broker does the same. */
export const MAX_RETRIES = 4;

export class QueueBroker {
  private readonly jobs = new Map<string, JobStats>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly deliver: Deliver,
    /** Multiplies every delay: 1 = real seconds, 0 = immediately (tests). */
    private readonly delayScale: number,
  ) {}

  publish(queueName: string, jobId: string, events: PushedEvent[]): void {
    const stats: JobStats = { success: 0, inProgress: events.length, failed: 0, cancelled: false };
    this.jobs.set(jobKey(queueName, jobId), stats);
    for (const event of events) {
      const first: AsyncEvent = { body: event.body, queueName, jobId, eventId: randomUUID() };
      this.track(this.run(first, stats, (event.delayInSeconds ?? 0) * 1000));
    }
  }

  stats(queueName: string, jobId: string): JobStats | undefined {
    return this.jobs.get(jobKey(queueName, jobId));
  }

  cancel(queueName: string, jobId: string): boolean {
    const stats = this.jobs.get(jobKey(queueName, jobId));
    if (stats) stats.cancelled = true;
    return stats !== undefined;
  }

  /** Resolves when every event pushed so far (and every retry) has been delivered or has failed for good. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private async run(event: AsyncEvent, stats: JobStats, delayMs: number): Promise<void> {
    await sleep(delayMs * this.delayScale);
    if (stats.cancelled) {
      stats.inProgress--;
      return;
    }
    const outcome = await this.deliver(event);
    if (outcome.kind === 'done') {
      stats.inProgress--;
      stats.success++;
      return;
    }
    const retryCount = (event.retryContext?.retryCount ?? 0) + 1;
    if (retryCount > MAX_RETRIES) {
      stats.inProgress--;
      stats.failed++;
      return;
    }
    const retry: AsyncEvent = {
      ...event,
      retryContext: { retryCount, retryReason: outcome.reason, retryData: outcome.retryData },
    };
    await this.run(retry, stats, (outcome.afterSeconds ?? 2 ** retryCount) * 1000);
  }
}

const jobKey = (queueName: string, jobId: string) => `${queueName}\u0000${jobId}`;
const sleep = (ms: number) => (ms > 0 ? new Promise<void>((r) => setTimeout(r, ms)) : Promise.resolve());
