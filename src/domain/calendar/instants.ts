// Argument checks for instants and durations at the engine's public edge.
import { MAX_INSTANT, MIN_INSTANT } from './civil';
import { ValidationError, type ValidationIssue } from './errors';

export function checkInstant(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    issues.push({ path, message: 'expected an instant in epoch milliseconds' });
  } else if (value < MIN_INSTANT || value >= MAX_INSTANT) {
    issues.push({ path, message: 'instant outside the supported years 1900 to 2999' });
  }
}

export function assertInstant(value: number, path: string): void {
  if (typeof value === 'number' && value >= MIN_INSTANT && value < MAX_INSTANT) return;
  const issues: ValidationIssue[] = [];
  checkInstant(value, path, issues);
  throw new ValidationError(issues);
}

export function assertDuration(value: number, path: string): void {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return;
  throw ValidationError.at(path, 'expected a duration in milliseconds, zero or more');
}
