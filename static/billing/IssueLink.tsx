// An issue key that opens the issue in Jira through the bridge's router (a new tab with Ctrl, Cmd or Shift), as
// on the board; the href keeps "copy link" and middle click working.
import { Anchor } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { router } from '@forge/bridge';
import type { MouseEvent } from 'react';

function openIssue(event: MouseEvent<HTMLAnchorElement>, key: string): void {
  event.preventDefault();
  const location = { target: 'issue' as const, issueKey: key };
  const go = event.ctrlKey || event.metaKey || event.shiftKey ? router.open(location) : router.navigate(location);
  go.catch((error: unknown) => console.error(`Service Manager: ${key} could not be opened`, error));
}

export function IssueLink({ issueKey, testId }: { issueKey: string; testId?: string }) {
  return (
    <Anchor href={`/browse/${encodeURIComponent(issueKey)}`} onClick={(e) => openIssue(e, issueKey)} testId={testId}>
      <span style={{ whiteSpace: 'nowrap', fontWeight: token('font.weight.semibold') }}>{issueKey}</span>
    </Anchor>
  );
}
