// Every resolver goes through here: the caller's access first (before the payload is even read), then payload
// validation, the call, and one mapping from failures to the contract.
import type Resolver from '@forge/resolver';
import type { Request } from '@forge/resolver';
import type { ZodError, ZodType } from 'zod';
import { RESOLVER_ACCESS, type RequestOf, type ResolverName, type ResponseOf } from '../contract/resolvers';
import type { ResolverError, ResolverResult } from '../contract/result';
import { ValidationError } from '../domain/calendar';
import {
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RefusedError,
  StaleRevisionError,
  UpstreamError,
} from '../services/errors';
import { JiraBadRequest, JiraForbidden, JiraNotFound, JiraUnauthorized } from '../jira/errors';
import { RecordTooLarge } from '../store/config-store';
import { callerMay } from './authorise';
import { localise, MESSAGES } from './messages';

export type ResolverContext = Request['context'];

/** The authorised caller, as the handler sees it. */
export interface Caller {
  accountId: string;
  context: ResolverContext;
}

const FORBIDDEN: ResolverError = { code: 'FORBIDDEN', message: MESSAGES['errors.forbidden'] };
const FORBIDDEN_BILLING: ResolverError = { code: 'FORBIDDEN', message: MESSAGES['errors.forbiddenBilling'] };

export function defineResolver<N extends ResolverName>(
  resolver: Resolver,
  name: N,
  schema: ZodType<RequestOf<N>>,
  handle: (payload: RequestOf<N>, caller: Caller) => Promise<ResponseOf<N>>,
): void {
  const access = RESOLVER_ACCESS[name];
  resolver.define(name, async (request: Request): Promise<ResolverResult<ResponseOf<N>>> => {
    try {
      const accountId = request.context.accountId as string | undefined;
      // Who calls comes first: an unauthorised caller learns nothing, not even which fields exist.
      if (!accountId || !(await callerMay(access, accountId))) {
        return { ok: false, error: await localise(access === 'billing' ? FORBIDDEN_BILLING : FORBIDDEN, request.context) };
      }
      const parsed = schema.safeParse(request.payload);
      if (!parsed.success) return { ok: false, error: invalidInput(zodFields(parsed.error)) };
      return { ok: true, data: await handle(parsed.data, { accountId, context: request.context }) };
    } catch (error) {
      return { ok: false, error: await localise(toResolverError(name, error), request.context) };
    }
  });
}

/** `['contacts', 0, 'email']` -> `contacts[0].email`, as the domain names paths. */
function zodFields(error: ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => {
    let field = '';
    for (const s of issue.path) field += typeof s === 'number' ? `[${s}]` : field ? `.${String(s)}` : String(s);
    return { field: field || 'payload', message: issue.message };
  });
}

function invalidInput(fields: readonly { field: string; message: string }[]): ResolverError {
  const first = fields[0] ?? { field: 'payload', message: 'invalid' };
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  return { code: 'INVALID_INPUT', field: first.field, message: `${first.field}: ${first.message}${more}`, ...(fields.length > 1 ? { fields: [...fields] } : {}) };
}

export function toResolverError(name: string, error: unknown): ResolverError {
  if (error instanceof InvalidInputError) return invalidInput(error.fields);
  if (error instanceof ValidationError) return invalidInput(error.issues.map((i) => ({ field: i.path, message: i.message })));
  if (error instanceof RecordTooLarge) return { code: 'INVALID_INPUT', field: error.table, message: error.message };
  if (error instanceof StaleRevisionError) return { code: 'CONFLICT', message: error.message, ...(error.current ? { conflict: error.current } : {}) };
  if (error instanceof RefusedError) return { code: 'CONFLICT', message: error.message };
  if (error instanceof NotFoundError) return { code: 'NOT_FOUND', message: error.message };
  if (error instanceof ForbiddenError) return { code: 'FORBIDDEN', message: error.message };
  if (error instanceof JiraNotFound) return { code: 'NOT_FOUND', message: 'It does not exist or you do not have permission to see it.' };
  if (error instanceof JiraForbidden) return { code: 'FORBIDDEN', message: error.message };
  // The app's own mistakes (a bad request, a missing scope or consent): logged below, reported as ours.
  if (error instanceof UpstreamError && !(error instanceof JiraBadRequest) && !(error instanceof JiraUnauthorized)) {
    return { code: 'UPSTREAM', message: MESSAGES['errors.upstream'] };
  }
  // Unexpected: log the detail for the developer, never send a stack trace to the user.
  console.error(`resolver ${name} failed:`, error);
  return { code: 'INTERNAL', message: MESSAGES['errors.internal'] };
}
