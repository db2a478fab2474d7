// The error replies of the emulated KVS: `{code, message}` bodies, as the real service sends them.
// Codes named in Atlassian's error tables are used verbatim; where the docs name none, the code is
// ours and marked so, with a message that says exactly what is wrong.

export interface KvsReply {
  status: number;
  /** JSON body; undefined means an empty body (204). */
  body?: unknown;
}

export class KvsError extends Error {
  override readonly name = 'KvsError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra body fields; the SDK puts them into `ForgeKvsAPIError.context`. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  toReply(): KvsReply {
    return { status: this.status, body: { code: this.code, message: this.message, ...this.details } };
  }
}

export const badRequest = (message: string, code = 'BAD_REQUEST') => new KvsError(400, code, message);

/** The one 404 the SDK swallows for get and delete. */
export const keyNotFound = () => new KvsError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');

/** `keyPolicy: FAIL_IF_EXISTS` on a live key (code as observed on the real service, 409). */
export const keyConflict = (key: string) =>
  new KvsError(409, 'KEY_CONFLICT', `key '${key}' already exists and keyPolicy is FAIL_IF_EXISTS`);

/** A transaction condition or check did not hold (our code: the docs name none). */
export const conditionFailed = (failed: FailedCondition[]) =>
  new KvsError(
    409,
    'CONDITION_CHECK_FAILED',
    `transaction rejected, nothing was written: ${failed
      .map((f) => `${f.operation} of ${f.entityName}/${f.key} (${f.reason})`)
      .join('; ')}`,
    { failedOperations: failed },
  );

export interface FailedCondition {
  operation: 'set' | 'delete' | 'check';
  entityName: string;
  key: string;
  reason: string;
}
