// The one envelope every resolver answers with, so the UI never has to parse an exception.

export type ErrorCode = 'INVALID_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UPSTREAM' | 'INTERNAL';

export interface ResolverError {
  code: ErrorCode;
  message: string;
  /** The payload field at fault, as a dotted path, for INVALID_INPUT. */
  field?: string;
  /** Every field at fault, for forms that show a message under each (INVALID_INPUT). */
  fields?: { field: string; message: string }[];
  /** For CONFLICT on a stale revision: who changed the record and when (ISO 8601), so the page can say so. */
  conflict?: { updatedBy: string; updatedAt: string; revision: number };
}

export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: ResolverError };
