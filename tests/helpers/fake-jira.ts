// A small in-memory Jira for runtime tests: a few issues, per-user visibility, issue GET and a property PUT.
import type { JiraBackend, JiraRequest, JiraResponse, ProductEvent, ProductEventListener } from '../../local/jira/backend';

export interface FakeIssue {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  status: { name: string; category: 'new' | 'indeterminate' | 'done' };
  priority: string;
  assignee: { accountId: string; displayName: string } | null;
  updated: string;
  /** Account ids that may browse the issue. */
  visibleTo: string[];
}

const reply = (status: number, body?: unknown): JiraResponse => ({
  status,
  headers: body === undefined ? {} : { 'content-type': 'application/json' },
  body: body === undefined ? '' : JSON.stringify(body),
});

export class FakeJira implements JiraBackend {
  readonly requests: JiraRequest[] = [];
  private readonly listeners = new Set<ProductEventListener>();
  private readonly issues = new Map<string, FakeIssue>();
  readonly properties = new Map<string, unknown>();
  private failures: { status: number; retryAfter?: string }[] = [];

  constructor(issues: FakeIssue[]) {
    for (const issue of issues) this.issues.set(issue.key, issue);
  }

  onEvent(listener: ProductEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ProductEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** The next calls answer these statuses (e.g. 429 with Retry-After) before normal service resumes. */
  failNext(...failures: { status: number; retryAfter?: string }[]): void {
    this.failures.push(...failures);
  }

  async handle(req: JiraRequest): Promise<JiraResponse> {
    this.requests.push(req);
    const failure = this.failures.shift();
    if (failure) {
      const headers: Record<string, string> = failure.retryAfter ? { 'retry-after': failure.retryAfter } : {};
      return { status: failure.status, headers, body: JSON.stringify({ errorMessages: ['Rate limit exceeded.'], errors: {} }) };
    }
    const [path] = req.path.split('?');
    const issueMatch = /^\/rest\/api\/3\/issue\/([^/]+)$/.exec(path ?? '');
    if (req.method === 'GET' && issueMatch) {
      const ref = decodeURIComponent(issueMatch[1] ?? '');
      // Jira answers to an issue's key and to its id alike.
      const issue = this.issues.get(ref) ?? [...this.issues.values()].find((i) => i.id === ref);
      const visible = issue && (req.principal.kind === 'app' || (req.principal.kind === 'user' && issue.visibleTo.includes(req.principal.accountId)));
      if (!issue || !visible) return reply(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
      // The one-call history read: the fields, no changelog and no comments yet.
      return reply(200, {
        id: issue.id,
        key: issue.key,
        fields: {
          summary: issue.summary,
          created: issue.updated,
          updated: issue.updated,
          status: { id: '3', name: issue.status.name, statusCategory: { key: issue.status.category } },
          priority: { name: issue.priority },
          assignee: issue.assignee,
          project: { key: issue.projectKey },
          labels: [],
          components: [],
          comment: { comments: [], total: 0, startAt: 0, maxResults: 100 },
        },
        changelog: { histories: [], total: 0, startAt: 0, maxResults: 100 },
      });
    }
    const propertyMatch = /^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/.exec(path ?? '');
    if (req.method === 'PUT' && propertyMatch) {
      this.properties.set(`${propertyMatch[1]}/${propertyMatch[2]}`, JSON.parse(req.body ?? 'null'));
      return reply(200, {});
    }
    return reply(404, { errorMessages: [`No fake for ${req.method} ${path}`], errors: {} });
  }
}

export function sampleIssue(overrides: Partial<FakeIssue> = {}): FakeIssue {
  return {
    id: '10001',
    key: 'SUP-1',
    projectKey: 'SUP',
    summary: 'Printer on fire',
    status: { name: 'In Progress', category: 'indeterminate' },
    priority: 'High',
    assignee: { accountId: 'acc-engineer', displayName: 'Erin Engineer' },
    updated: '2026-11-20T10:15:00.000+0100',
    visibleTo: ['acc-engineer'],
    ...overrides,
  };
}

/** An `avi:jira:updated:issue` event in Atlassian's payload shape. */
export function issueUpdatedEvent(issue: FakeIssue, selfGenerated = false): ProductEvent {
  return {
    eventType: 'avi:jira:updated:issue',
    atlassianId: 'acc-engineer',
    selfGenerated,
    issue: { id: issue.id, key: issue.key, fields: { summary: issue.summary, project: { key: issue.projectKey } } },
    changelog: { id: '20001', items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: '1', fromString: 'Open', to: '3', toString: 'In Progress' }] },
  };
}
