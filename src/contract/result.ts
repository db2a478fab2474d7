// The one envelope every resolver answers with, so the UI never has to parse an exception.

export type ErrorCode = 'INVALID_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UPSTREAM' | 'INTERNAL';

export interface ResolverError {
  code: ErrorCode;
  message: string;
  /** The payload field at fault, as a dotted path, for INVALID_INPUT. */
  field?: string;
}

export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: ResolverError };
