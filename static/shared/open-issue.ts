// Opening an issue from a link in the app: Jira's own navigation through the bridge's router (a new tab with Ctrl,
// Cmd or Shift); the link's href keeps "copy link" and middle click working.
import { router } from '@forge/bridge';
import type { MouseEvent } from 'react';

export function openIssue(event: MouseEvent<HTMLAnchorElement>, key: string): void {
  event.preventDefault();
  const location = { target: 'issue' as const, issueKey: key };
  const go = event.ctrlKey || event.metaKey || event.shiftKey ? router.open(location) : router.navigate(location);
  go.catch((error: unknown) => console.error(`Service Manager: ${key} could not be opened`, error));
}
