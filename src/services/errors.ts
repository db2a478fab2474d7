// Failures a use case can report; resolvers map them to the contract's error codes in one place.

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}

/** Jira (or another platform service) failed after bounded retries. */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Input that is well-formed but wrong (a period that overlaps another contract, an unknown calendar ...). */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  constructor(readonly fields: readonly { field: string; message: string }[]) {
    super(fields.map((f) => `${f.field}: ${f.message}`).join('; '));
  }

  static at(field: string, message: string): InvalidInputError {
    return new InvalidInputError([{ field, message }]);
  }
}

/** The change would break what other records rely on (a customer that still has contracts ...). */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';
}

/** The record changed since the caller read it: who changed it and when, for the page to say so. */
export class StaleRevisionError extends Error {
  override readonly name = 'StaleRevisionError';
  constructor(
    message: string,
    readonly current: { updatedBy: string; updatedAt: string; revision: number } | null,
  ) {
    super(message);
  }
}
