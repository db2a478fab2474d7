// Server-side reads of the Jira emulator for the host pages, as the signed-in user (so their permissions apply),
// through the same `JiraBackend.handle` seam the app's `requestJira` uses. Answers are checked by schemas.
import type { ZodType } from 'zod';
import type { JiraBackend, JiraPrincipal } from '../jira/backend';

export type JiraRead<T> = { ok: true; data: T } | { ok: false; status: number; messages: string[] };

export class JiraAsUser {
  constructor(
    private readonly jira: JiraBackend,
    readonly principal: JiraPrincipal,
  ) {}

  async get<T>(path: string, schema: ZodType<T>): Promise<JiraRead<T>> {
    const res = await this.jira.handle({
      method: 'GET',
      path,
      headers: { accept: 'application/json' },
      principal: this.principal,
      fromApp: false,
    });
    let body: unknown;
    try {
      body = res.body === '' ? undefined : (JSON.parse(res.body) as unknown);
    } catch {
      return { ok: false, status: res.status, messages: [`Jira answered ${res.status} with a body that is not JSON.`] };
    }
    if (res.status < 200 || res.status > 299) return { ok: false, status: res.status, messages: errorMessages(body, res.status) };
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || 'body';
      return { ok: false, status: 502, messages: [`Unexpected answer from GET ${path.split('?')[0]}: ${where}: ${issue?.message ?? 'invalid'}`] };
    }
    return { ok: true, data: parsed.data };
  }
}

/** Jira's error shape: `{ errorMessages: string[], errors: { field: message } }`. */
export function errorMessages(body: unknown, status: number): string[] {
  const out: string[] = [];
  if (body && typeof body === 'object') {
    const b = body as { errorMessages?: unknown; errors?: unknown; message?: unknown };
    if (Array.isArray(b.errorMessages)) for (const m of b.errorMessages) if (typeof m === 'string') out.push(m);
    if (b.errors && typeof b.errors === 'object') {
      for (const [field, m] of Object.entries(b.errors as Record<string, unknown>)) if (typeof m === 'string') out.push(`${field}: ${m}`);
    }
    if (typeof b.message === 'string') out.push(b.message);
  }
  if (out.length === 0) out.push(`Jira answered with status ${status}.`);
  return out;
}
