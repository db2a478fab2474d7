// Loading the board (`getBoard`) for the filters in the URL, and keeping it fresh: every minute while the page is
// visible and whenever the window gets focus again. A refresh is merged into what is shown (unchanged items keep
// their objects, so focus, open tooltips and the scroll position stay), held back while an item is dragged and
// applied after the drop, and dropped when a move or an undo landed after it was asked for (the move's answer
// is newer).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { BoardLane, BoardRequest, BoardView } from '@contract/board';
import type { ResolverError } from '@contract/result';
import { callResolver } from '../shared/api';
import { boardSearch } from './board-filters';
import { mergeView, replaceLane } from './board-merge';

export type BoardState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ResolverError }
  /** `loading`: a new filter's answer is on its way (what is shown is the previous filter's). */
  | { kind: 'ready'; view: BoardView; receivedAt: number; loading: boolean };

/** How often the board asks again while visible. */
export const POLL_MS = 60_000;
/** A focus within this time after the last answer does not ask again. */
const FOCUS_QUIET_MS = 5_000;

export interface Board {
  state: BoardState;
  /** Asks again; `background` keeps the board when the call fails. */
  reload: (mode?: 'full' | 'background') => Promise<void>;
  /** A lane as a move, an undo or the page itself decided it; refreshes asked for earlier are dropped. */
  setLane: (lane: BoardLane) => void;
  /** While true (a drag is in progress) refreshes wait. */
  hold: (held: boolean) => void;
}

export function useBoard(filters: BoardRequest): Board {
  const [state, setState] = useState<BoardState>({ kind: 'loading' });
  const key = boardSearch({ filters, tab: 'lanes' });
  const latest = useRef(0);
  /** Counts local changes (moves, undos): a refresh asked for before one of them is out of date. */
  const changes = useRef(0);
  const held = useRef(false);
  const pending = useRef<{ view: BoardView; change: number; receivedAt: number } | null>(null);
  const loadedAt = useRef(0);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  /** The element that had focus before an update, to give it back if a re-order took it away. */
  const focused = useRef<Element | null>(null);

  /** Shows an answer asked for at local change `change`; false when a move or an undo has made it out of date. */
  const apply = useCallback((view: BoardView, change: number, receivedAt: number): boolean => {
    if (change !== changes.current) return false;
    if (held.current) {
      pending.current = { view, change, receivedAt };
      return true;
    }
    focused.current = document.activeElement;
    setState((current) => ({ kind: 'ready', view: mergeView(current.kind === 'ready' ? current.view : null, view), receivedAt, loading: false }));
    return true;
  }, []);

  const reload = useCallback(
    async (mode: 'full' | 'background' = 'full') => {
      const request = ++latest.current;
      if (mode === 'full') setState((current) => (current.kind === 'ready' ? { ...current, loading: true } : { kind: 'loading' }));
      // A move landing while the board is asked for makes the answer out of date: ask again (a few times at most).
      for (let attempt = 0; attempt < 3; attempt++) {
        const change = changes.current;
        const result = await callResolver('getBoard', filtersRef.current);
        if (request !== latest.current) return;
        if (result.ok) {
          loadedAt.current = Date.now();
          if (apply(result.data, change, loadedAt.current)) return;
        } else {
          if (mode === 'full') setState({ kind: 'failed', error: result.error });
          else {
            // A timer asked, not the person: the board stays as it is.
            console.error('Service Manager: the board could not be refreshed', result.error);
            setState((current) => (current.kind === 'ready' && current.loading ? { ...current, loading: false } : current));
          }
          return;
        }
      }
      setState((current) => (current.kind === 'ready' ? { ...current, loading: false } : current));
    },
    [apply],
  );

  // A new filter: ask at once (the previous answer stays shown, marked as loading).
  useEffect(() => {
    void reload('full');
  }, [key, reload]);

  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === 'visible' && Date.now() - loadedAt.current >= FOCUS_QUIET_MS) void reload('background');
    };
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void reload('background');
    }, POLL_MS);
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [reload]);

  // React moves re-ordered rows in the DOM, which can take focus from a button in them: give it back.
  useLayoutEffect(() => {
    const element = focused.current;
    focused.current = null;
    if (element instanceof HTMLElement && element !== document.body && element.isConnected && document.activeElement !== element) {
      element.focus({ preventScroll: true });
    }
  }, [state]);

  const setLane = useCallback((lane: BoardLane) => {
    changes.current += 1;
    pending.current = null;
    focused.current = document.activeElement;
    setState((current) => (current.kind === 'ready' ? { ...current, view: replaceLane(current.view, lane) } : current));
  }, []);

  const hold = useCallback(
    (value: boolean) => {
      held.current = value;
      if (!value && pending.current) {
        const { view, change, receivedAt } = pending.current;
        pending.current = null;
        // Held back behind a drop that moved an item: the board is asked for again.
        if (!apply(view, change, receivedAt)) void reload('background');
      }
    },
    [apply, reload],
  );

  return { state, reload, setLane, hold };
}
