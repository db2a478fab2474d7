// One error type for every rejected input of the calendar and SLA engine, so callers (resolvers, the
// conformance runner) can show "which field, what is wrong" without a stack trace.

export interface ValidationIssue {
  /** Where the problem is, e.g. `calendar.weekly.mon[1]`. */
  path: string;
  message: string;
}

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    super(summarise(issues));
    this.issues = issues;
  }

  static at(path: string, message: string): ValidationError {
    return new ValidationError([{ path, message }]);
  }
}

const MAX_LISTED = 5;

function summarise(issues: readonly ValidationIssue[]): string {
  const lines = issues.slice(0, MAX_LISTED).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  if (issues.length > MAX_LISTED) lines.push(`... and ${issues.length - MAX_LISTED} more`);
  return lines.join('; ');
}

/** `['weekly', 'mon', 1]` under `calendar` -> `calendar.weekly.mon[1]`. */
export function joinPath(root: string, segments: readonly PropertyKey[]): string {
  let out = root;
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${String(s)}` : String(s);
  }
  return out;
}
