// Turns zod's issues into our ValidationError, with messages a person can act on.
import type { z } from 'zod';
import { joinPath, type ValidationIssue } from './errors';

export function issuesFromZod(root: string, error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: joinPath(root, issue.path), message: describe(issue) }));
}

function describe(issue: z.core.$ZodIssue): string {
  // Parsing runs with `reportInput`, so a missing field shows as input undefined.
  const missing = 'input' in issue && issue.input === undefined && issue.path.length > 0;
  if (issue.code === 'invalid_type' && (missing || / received undefined$/.test(issue.message))) {
    return `is required (expected ${issue.expected})`;
  }
  if (issue.code === 'invalid_value') {
    const options = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    return missing ? `is required (${options})` : `${options}, got ${preview(issue.input)}`;
  }
  if (missing) return `is required`;
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

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
