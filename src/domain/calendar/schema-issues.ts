// Turns zod's issues into our ValidationError, with messages a person can act on.
import type { z } from 'zod';
import { joinPath, ValidationError, type ValidationIssue } from './errors';

export function issuesFromZod(root: string, error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: joinPath(root, issue.path), message: describe(issue) }));
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) {
    return `is required (expected ${issue.expected})`;
  }
  if (issue.code === 'invalid_type') return issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`;
  }
  if (issue.code === 'invalid_union' && 'options' in issue && issue.options && issue.options.length > 0) {
    return `unknown value, expected one of ${issue.options.map((o) => `"${String(o)}"`).join(', ')}`;
  }
  return issue.message;
}

/** Parses with a zod schema and throws ValidationError naming every bad field. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown, root: string): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(issuesFromZod(root, result.error));
  return result.data;
}
