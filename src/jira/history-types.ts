import { z } from 'zod';

// What the app reads of an issue's history: checked at runtime because it is external JSON.

/**
 * An instant as Jira writes it (`2026-03-02T09:00:00.000+0100`), read as epoch ms. The bulk changelog's example
 * shows a number (epoch seconds); numbers below 10^11 are read as seconds, larger ones as ms.
 */
export const jiraInstantSchema = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? (Math.abs(v) < 1e11 ? v * 1000 : v) : Date.parse(v)))
  .pipe(z.number().refine(Number.isFinite, 'not a date Jira writes'));

export const changeHistorySchema = z.object({
  id: z.string(),
  created: jiraInstantSchema,
  items: z.array(
    z.object({
      field: z.string(),
      from: z.string().nullish(),
      fromString: z.string().nullish(),
      to: z.string().nullish(),
      toString: z.string().nullish(),
    }),
  ),
});
export type JiraChangeHistory = z.infer<typeof changeHistorySchema>;

export const changelogPageSchema = z.object({
  values: z.array(changeHistorySchema),
  isLast: z.boolean().optional(),
  total: z.number().optional(),
});

export const commentSchema = z.object({
  created: jiraInstantSchema,
  author: z.object({ accountId: z.string(), accountType: z.string().optional() }).nullish(),
  jsdPublic: z.boolean().optional(),
  visibility: z.object({ type: z.string(), value: z.string().optional() }).nullish(),
});
export type JiraComment = z.infer<typeof commentSchema>;

export const commentPageSchema = z.object({
  comments: z.array(commentSchema),
  total: z.number(),
});

const statusCategoryKey = z.enum(['new', 'indeterminate', 'done']);

/** The issue fields the SLA timeline reads (`HISTORY_FIELDS`), with the optional embedded comments and changelog. */
export const historyIssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    summary: z.string(),
    created: jiraInstantSchema,
    updated: jiraInstantSchema,
    status: z.object({ id: z.string(), name: z.string(), statusCategory: z.object({ key: statusCategoryKey }) }),
    priority: z.object({ name: z.string() }).nullish(),
    assignee: z.object({ accountId: z.string(), displayName: z.string().optional() }).nullish(),
    project: z.object({ key: z.string() }),
    labels: z.array(z.string()).optional(),
    components: z.array(z.object({ name: z.string() })).optional(),
    issuetype: z.object({ name: z.string() }).nullish(),
    parent: z.object({ id: z.string(), key: z.string() }).nullish(),
    resolutiondate: jiraInstantSchema.nullish(),
    /** Present when asked for with `fields=comment`: Jira embeds the comments with their `total`. */
    comment: commentPageSchema.optional(),
  }),
  /** Present with `expand=changelog`: the most recent histories first (at most 100), with the `total`. */
  changelog: z.object({ histories: z.array(changeHistorySchema), total: z.number().optional() }).optional(),
});

export const bulkChangelogPageSchema = z.object({
  issueChangeLogs: z.array(z.object({ issueId: z.string(), changeHistories: z.array(changeHistorySchema) })),
  nextPageToken: z.string().nullish(),
});

export const userGroupsSchema = z.array(z.object({ name: z.string() }));
