// Typed calls to the backend: the only place the UI uses `invoke`.
import { events, invoke } from '@forge/bridge';
import type { RequestOf, ResolverName, ResponseOf } from '@contract/resolvers';
import type { ResolverResult } from '@contract/result';

export async function callResolver<N extends ResolverName>(name: N, request: RequestOf<N>): Promise<ResolverResult<ResponseOf<N>>> {
  try {
    return (await invoke(name, request)) as ResolverResult<ResponseOf<N>>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'The app could not be reached. Please reload the page.' } };
  }
}

/** Calls `listener` when the host issue view reports an edit; returns the unsubscribe for a React effect. */
export function onIssueChanged(listener: () => void): () => void {
  const subscription = events.on('JIRA_ISSUE_CHANGED', listener);
  return () => void subscription.then((s) => s.unsubscribe()).catch(() => undefined);
}
