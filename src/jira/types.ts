import { z } from 'zod';

// Only the parts of Jira's issue representation the app reads; checked at runtime because it is external JSON.
export const jiraIssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    summary: z.string(),
    updated: z.string(),
    status: z.object({
      name: z.string(),
      statusCategory: z.object({ key: z.enum(['new', 'indeterminate', 'done']) }),
    }),
    priority: z.object({ name: z.string() }).nullish(),
    assignee: z.object({ accountId: z.string(), displayName: z.string() }).nullish(),
  }),
});
export type JiraIssue = z.infer<typeof jiraIssueSchema>;
