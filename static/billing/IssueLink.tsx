// An issue key that opens the issue in Jira through the bridge's router (a new tab with Ctrl, Cmd or Shift), as
// on the board; the href keeps "copy link" and middle click working.
import { Anchor } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { openIssue } from '../shared/open-issue';

export function IssueLink({ issueKey, testId }: { issueKey: string; testId?: string }) {
  return (
    <Anchor href={`/browse/${encodeURIComponent(issueKey)}`} onClick={(e) => openIssue(e, issueKey)} testId={testId}>
      <span style={{ whiteSpace: 'nowrap', fontWeight: token('font.weight.semibold') }}>{issueKey}</span>
    </Anchor>
  );
}
