// The runner's text: one line per failing check (file, index, note, expected, got) and the closing tally.
import type { CaseFileOutcome } from './run-case';

export interface Tally {
  passed: number;
  failed: number;
}

/** Lines describing every failure of one file; adds the file's counts to `tally`. */
export function reportFile(file: string, outcome: CaseFileOutcome, tally: Tally): string[] {
  if (outcome.error !== undefined) {
    tally.failed += 1;
    return [`FAIL ${file}: ${outcome.error}`];
  }
  const lines: string[] = [];
  for (const check of outcome.checks) {
    if (check.passed) {
      tally.passed += 1;
      continue;
    }
    tally.failed += 1;
    const head = `FAIL ${file} #${check.index} (${check.op})${check.note ? ` "${check.note}"` : ''}`;
    if (check.error !== undefined) {
      lines.push(`${head}: ${check.error}`);
      continue;
    }
    for (const m of check.mismatches) lines.push(`${head} ${m.field}: expected ${m.expected}, got ${m.got}`);
  }
  return lines;
}

export function closingLine(tally: Tally): string {
  return `${tally.passed} passed, ${tally.failed} failed`;
}
