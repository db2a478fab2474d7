import { z } from 'zod';

// What the app reads of an issue's history: checked at runtime because it is external JSON.
export const historyIssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    summary: z.string(),
    created: z.string(),
    status: z.object({ id: z.string(), name: z.string(), statusCategory: z.object({ key: z.enum(['new', 'indeterminate', 'done']) }) }),
    priority: z.object({ name: z.string() }).nullish(),
    assignee: z.object({ accountId: z.string() }).nullish(),
    project: z.object({ key: z.string() }),
    labels: z.array(z.string()).optional(),
    components: z.array(z.object({ name: z.string() })).optional(),
  }),
});

export const changelogPageSchema = z.object({
  values: z.array(
    z.object({
      id: z.string(),
      created: z.string(),
      items: z.array(
        z.object({
          field: z.string(),
          from: z.string().nullish(),
          fromString: z.string().nullish(),
          to: z.string().nullish(),
          toString: z.string().nullish(),
        }),
      ),
    }),
  ),
  isLast: z.boolean().optional(),
  total: z.number().optional(),
});

export const commentPageSchema = z.object({
  comments: z.array(
    z.object({
      created: z.string(),
      author: z.object({ accountId: z.string(), accountType: z.string().optional() }).nullish(),
      jsdPublic: z.boolean().optional(),
      visibility: z.object({ type: z.string(), value: z.string().optional() }).nullish(),
    }),
  ),
  total: z.number(),
});

export const userGroupsSchema = z.array(z.object({ name: z.string() }));
