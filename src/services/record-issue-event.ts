// Use case: remember that a product event about an issue arrived (the SLA recompute builds on this later).
import type { ActivityStore } from '../store/activity-store';

export interface IssueEventFacts {
  eventType: string;
  issueKey: string;
  projectKey: string;
  /** When the event was received, epoch ms. */
  at: number;
}

export async function recordIssueEvent(store: ActivityStore, facts: IssueEventFacts): Promise<void> {
  const previous = await store.get(facts.issueKey);
  // Events may arrive out of order: keep the latest one as "last", count them all.
  const latest = !previous || facts.at >= previous.lastEventAt;
  await store.put({
    issueKey: facts.issueKey,
    projectKey: facts.projectKey,
    lastEventType: latest ? facts.eventType : previous.lastEventType,
    lastEventAt: latest ? facts.at : previous.lastEventAt,
    eventCount: (previous?.eventCount ?? 0) + 1,
  });
}
