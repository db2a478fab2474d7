import { issuePanelRequestSchema } from '../../../src/contract/issue-panel';

describe('issue panel request schema', () => {
  it.each(['SUP-1', 'ACME2-4711', 'A_B-9'])('accepts the issue key %s', (issueKey) => {
    expect(issuePanelRequestSchema.parse({ issueKey })).toEqual({ issueKey });
  });

  it.each([
    [{}, 'issueKey'],
    [{ issueKey: 42 }, 'issueKey'],
    [{ issueKey: 'sup-1' }, 'issueKey'],
    [{ issueKey: 'SUP-0' }, 'issueKey'],
    [{ issueKey: 'SUP-1/../../admin' }, 'issueKey'],
    [null, ''],
  ])('rejects %j, naming the field', (payload, field) => {
    const result = issuePanelRequestSchema.safeParse(payload);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe(field);
  });
});
