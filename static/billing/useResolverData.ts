// Loading one resolver's answer for a request, again whenever the request changes. A refresh of the same request
// keeps the answer shown (marked as loading) until the new one arrives; an answer to an outdated request is
// dropped; a month still being counted is asked for again.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestOf, ResolverName, ResponseOf } from '@contract/resolvers';
import type { ResolverError } from '@contract/result';
import { callResolver } from '../shared/api';

export type Loaded<T> =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'failed'; error: ResolverError }
  /** `loading`: a fresher answer to the same request is on its way. */
  | { kind: 'ready'; data: T; loading: boolean; key: string };

/** How soon a month that is being counted is asked for again. */
const RETRY_COUNTING_MS = 15_000;

export function useResolverData<N extends ResolverName>(name: N, request: RequestOf<N> | null): { state: Loaded<ResponseOf<N>>; reload: () => void } {
  const [state, setState] = useState<Loaded<ResponseOf<N>>>(request ? { kind: 'loading' } : { kind: 'idle' });
  const key = request === null ? '' : JSON.stringify(request);
  const latest = useRef(0);
  const requestRef = useRef(request);
  requestRef.current = request;

  const load = useCallback(async () => {
    const ask = ++latest.current;
    const current = requestRef.current;
    if (current === null) {
      setState({ kind: 'idle' });
      return;
    }
    const askedKey = JSON.stringify(current);
    // The same request again (a refresh) keeps its answer shown; another month or customer shows loading.
    setState((shown) => (shown.kind === 'ready' && shown.key === askedKey ? { ...shown, loading: true } : { kind: 'loading' }));
    const result = await callResolver(name, current);
    if (ask !== latest.current) return;
    setState(result.ok ? { kind: 'ready', data: result.data, loading: false, key: askedKey } : { kind: 'failed', error: result.error });
  }, [name]);

  useEffect(() => {
    void load();
  }, [key, load]);

  // A month being counted in the background answers CONFLICT: ask again while the page stays on it.
  useEffect(() => {
    if (state.kind !== 'failed' || state.error.code !== 'CONFLICT') return;
    const timer = setTimeout(() => void load(), RETRY_COUNTING_MS);
    return () => clearTimeout(timer);
  }, [state, load]);

  const reload = useCallback(() => void load(), [load]);
  return { state, reload };
}
