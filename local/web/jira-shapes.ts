// The parts of Jira REST v3 answers the host pages show (shapes per Atlassian's OpenAPI document).
// Unknown keys are dropped; only what a page renders is required.
import { z } from 'zod';

export const userRef = z.object({
  accountId: z.string(),
  displayName: z.string().optional(),
  emailAddress: z.string().optional(),
});
export type UserRef = z.infer<typeof userRef>;

export const status = z.object({
  id: z.string(),
  name: z.string(),
  statusCategory: z.object({ key: z.string() }).optional(),
});
export type Status = z.infer<typeof status>;

export const priority = z.object({ id: z.string(), name: z.string(), statusColor: z.string().optional() });
export type Priority = z.infer<typeof priority>;

const named = z.object({ id: z.string().optional(), name: z.string() });

/** ADF documents are rendered by `adf.ts`, which checks every node it reads. */
const adf = z.unknown();

export const comment = z.object({
  id: z.string(),
  author: userRef.nullish(),
  body: adf,
  created: z.string(),
  updated: z.string().optional(),
  jsdPublic: z.boolean().optional(),
  visibility: z.object({ type: z.string(), value: z.string().optional() }).optional(),
});
export type Comment = z.infer<typeof comment>;

export const worklog = z.object({
  id: z.string(),
  author: userRef.nullish(),
  started: z.string(),
  timeSpent: z.string().optional(),
  timeSpentSeconds: z.number(),
  comment: adf.optional(),
});
export type Worklog = z.infer<typeof worklog>;

export const issueFields = z.object({
  summary: z.string(),
  status: status.nullish(),
  priority: priority.nullish(),
  issuetype: named.extend({ id: z.string() }).nullish(),
  project: z.object({ id: z.string(), key: z.string(), name: z.string(), projectTypeKey: z.string().optional() }).nullish(),
  assignee: userRef.nullish(),
  reporter: userRef.nullish(),
  labels: z.array(z.string()).optional(),
  components: z.array(named).optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
  resolutiondate: z.string().nullish(),
  resolution: named.nullish(),
  description: adf.optional(),
});

export const issue = z.object({ id: z.string(), key: z.string(), fields: issueFields });
export type Issue = z.infer<typeof issue>;

export const comments = z.object({ comments: z.array(comment), total: z.number().optional() });
export const worklogs = z.object({ worklogs: z.array(worklog), total: z.number().optional() });
export const transitions = z.object({ transitions: z.array(z.object({ id: z.string(), name: z.string(), to: status.optional() })) });
export const priorities = z.array(priority);

export const project = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  projectTypeKey: z.string().optional(),
  lead: userRef.partial({ accountId: true }).optional(),
});
export type Project = z.infer<typeof project>;
export const projectPage = z.object({ values: z.array(project), isLast: z.boolean().optional(), nextPage: z.string().optional() });

export const searchPage = z.object({
  issues: z.array(issue),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});
export type SearchPage = z.infer<typeof searchPage>;
