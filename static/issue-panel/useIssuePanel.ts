// Loading the panel's answer (`getIssuePanel`) for the panel and the compact context view: again when the issue
// view reports an edit, and now and then while a clock runs (it starts and stops at working hours, which the
// answer cannot say in advance), so the countdown never drifts far from the server's clocks.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IssuePanelView } from '@contract/issue-panel';
import type { ResolverError } from '@contract/result';
import { callResolver, onIssueChanged } from '../shared/api';
import { needsRefresh } from './clock-view';

export type PanelState =
  | { kind: 'loading' }
  /** `receivedAt`: the browser's clock when the answer arrived (the countdown counts from it, see clock-view). */
  | { kind: 'ready'; view: IssuePanelView; receivedAt: number }
  | { kind: 'failed'; error: ResolverError };

/**
 * `full` shows the spinner; `quiet` keeps what is shown while fetching (a refresh after an edit does not flash);
 * `background` also keeps it when the refresh fails, since a timer asked, not the person.
 */
export type LoadMode = 'full' | 'quiet' | 'background';

/** While a clock runs, ask again this often (only while the page is visible). */
export const REFRESH_MS = 5 * 60_000;

export function useIssuePanel(issueKey: string): { state: PanelState; load: (mode?: LoadMode) => Promise<void> } {
  const [state, setState] = useState<PanelState>({ kind: 'loading' });
  // Answers can arrive out of order (an edit while a refresh runs): only the latest request's answer is shown.
  const latest = useRef(0);
  const loadedAt = useRef(0);

  const load = useCallback(
    async (mode: LoadMode = 'full') => {
      const request = ++latest.current;
      if (mode === 'full') setState({ kind: 'loading' });
      const result = await callResolver('getIssuePanel', { issueKey });
      if (request !== latest.current) return;
      if (result.ok) {
        loadedAt.current = Date.now();
        setState({ kind: 'ready', view: result.data, receivedAt: loadedAt.current });
      } else {
        setState((current) => (mode === 'background' && current.kind === 'ready' ? current : { kind: 'failed', error: result.error }));
      }
    },
    [issueKey],
  );

  useEffect(() => {
    void load();
  }, [load]);

  // Jira's issue view announces edits made on the page; show the new status, priority, assignee and clocks at once.
  useEffect(() => onIssueChanged(() => void load('quiet')), [load]);

  const running = state.kind === 'ready' && needsRefresh(state.view.sla?.clocks ?? []);
  useEffect(() => {
    if (!running) return undefined;
    const refresh = () => {
      if (document.visibilityState === 'visible' && Date.now() - loadedAt.current >= REFRESH_MS / 5) void load('background');
    };
    const timer = window.setInterval(refresh, REFRESH_MS);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [running, load]);

  return { state, load };
}
