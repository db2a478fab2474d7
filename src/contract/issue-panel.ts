import { z } from 'zod';
import type { IssueSlaView } from './sla';

export const ISSUE_KEY_PATTERN = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/;

export const issuePanelRequestSchema = z.object({
  issueKey: z.string().regex(ISSUE_KEY_PATTERN, 'must be an issue key such as SUP-12'),
});
export type IssuePanelRequest = z.infer<typeof issuePanelRequestSchema>;

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface IssueSummary {
  key: string;
  summary: string;
  status: { name: string; category: StatusCategory };
  priority: string | null;
  assignee: string | null;
  /** ISO 8601 instant. */
  updated: string;
}

export interface IssuePanelView {
  issue: IssueSummary;
  /** The SLA clocks, customer and contract, evaluated when asked. */
  sla: IssueSlaView;
}
