// Typed calls to the backend: the only place the UI uses `invoke`.
import { invoke } from '@forge/bridge';
import type { RequestOf, ResolverName, ResponseOf } from '@contract/resolvers';
import type { ResolverResult } from '@contract/result';

export async function callResolver<N extends ResolverName>(name: N, request: RequestOf<N>): Promise<ResolverResult<ResponseOf<N>>> {
  try {
    return (await invoke(name, request)) as ResolverResult<ResponseOf<N>>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'The app could not be reached. Please reload the page.' } };
  }
}
