// Jira's error answers: `{ errorMessages, errors }` (the OpenAPI `ErrorCollection`), thrown by routes and rendered once.

export class JiraHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
  }
}

const INVALID_PAYLOAD = 'Invalid request payload. Refer to the REST API documentation and try again.';
/** Jira's generic answer to a body it cannot read. */
export const invalidPayload = (): JiraHttpError => new JiraHttpError(400, [INVALID_PAYLOAD]);

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const badRequest = (message: string): JiraHttpError => new JiraHttpError(400, [message]);
/** A 400 naming the offending field, as Jira does for bad field values: `errors: { field: message }`. */
export const fieldError = (field: string, message: string): JiraHttpError => new JiraHttpError(400, [], { [field]: message });
export const notFound = (message: string): JiraHttpError => new JiraHttpError(404, [message]);
export const forbidden = (message: string): JiraHttpError => new JiraHttpError(403, [message]);

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
export const issueNotFound = (): JiraHttpError => notFound(ISSUE_NOT_FOUND);

export const unauthorized = (): JiraHttpError =>
  new JiraHttpError(401, ['You are not authenticated. Authentication required to perform this operation.']);
