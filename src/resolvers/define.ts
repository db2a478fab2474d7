// Every resolver goes through here: payload validation, the call, and one mapping from failures to the contract.
import type Resolver from '@forge/resolver';
import type { Request } from '@forge/resolver';
import type { ZodType } from 'zod';
import type { RequestOf, ResolverName, ResponseOf } from '../contract/resolvers';
import type { ResolverError, ResolverResult } from '../contract/result';
import { ForbiddenError, NotFoundError, UpstreamError } from '../services/errors';

export type ResolverContext = Request['context'];

export function defineResolver<N extends ResolverName>(
  resolver: Resolver,
  name: N,
  schema: ZodType<RequestOf<N>>,
  handle: (payload: RequestOf<N>, context: ResolverContext) => Promise<ResponseOf<N>>,
): void {
  resolver.define(name, async (request: Request): Promise<ResolverResult<ResponseOf<N>>> => {
    const parsed = schema.safeParse(request.payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'payload';
      return { ok: false, error: { code: 'INVALID_INPUT', field, message: `${field}: ${issue?.message ?? 'invalid'}` } };
    }
    try {
      return { ok: true, data: await handle(parsed.data, request.context) };
    } catch (error) {
      return { ok: false, error: toResolverError(name, error) };
    }
  });
}

export function toResolverError(name: string, error: unknown): ResolverError {
  if (error instanceof NotFoundError) return { code: 'NOT_FOUND', message: error.message };
  if (error instanceof ForbiddenError) return { code: 'FORBIDDEN', message: error.message };
  if (error instanceof UpstreamError) {
    return { code: 'UPSTREAM', message: 'Jira is not answering right now. Please try again in a moment.' };
  }
  // Unexpected: log the detail for the developer, never send a stack trace to the user.
  console.error(`resolver ${name} failed:`, error);
  return { code: 'INTERNAL', message: 'Something went wrong on our side. The error has been logged.' };
}
