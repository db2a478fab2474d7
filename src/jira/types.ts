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

export const myPermissionsSchema = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })),
});

export const myselfSchema = z.object({ accountId: z.string(), displayName: z.string(), accountType: z.string().optional(), emailAddress: z.string().optional() });
export type JiraMyself = z.infer<typeof myselfSchema>;

export const projectPageSchema = z.object({
  values: z.array(z.object({ key: z.string(), name: z.string() })),
  isLast: z.boolean().optional(),
  total: z.number().optional(),
});
export const namedListSchema = z.array(z.object({ name: z.string() }));
export const statusListSchema = z.array(
  z.object({ id: z.string(), name: z.string(), statusCategory: z.object({ key: z.enum(['new', 'indeterminate', 'done']) }) }),
);
export const issueTypeListSchema = z.array(z.object({ name: z.string(), subtask: z.boolean().optional() }));
export const groupPickerSchema = z.object({ groups: z.array(z.object({ name: z.string() })) });
export const userListSchema = z.array(z.object({ accountId: z.string(), displayName: z.string(), accountType: z.string().optional() }));

/** `POST /search/jql` pages: ids (and keys when asked), `nextPageToken` absent on the last page. */
export const searchIdPageSchema = z.object({
  issues: z.array(z.object({ id: z.string(), key: z.string().optional() })),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});
export const searchPageSchema = z.object({
  issues: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      fields: z.record(z.string(), z.unknown()).optional(),
      properties: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

export const issuePropertySchema = z.object({ key: z.string(), value: z.unknown() });

export const worklogPageSchema = z.object({
  worklogs: z.array(z.object({ id: z.string(), timeSpentSeconds: z.number(), started: z.string() })),
  total: z.number().optional(),
  startAt: z.number().optional(),
});
