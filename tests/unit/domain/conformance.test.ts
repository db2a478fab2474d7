// The conformance case files pass, and the runner reports failures and malformed files without crashing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closingLine, reportFile, runCaseFile, type Tally } from '../../../src/domain/sla/conformance';

const ROOT = resolve(__dirname, '../../..');
const FOLDERS = [resolve(ROOT, '../shared/sla-cases'), resolve(ROOT, 'tests/sla-cases')];

function caseFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(folder, f));
}

function load(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe('case files', () => {
  for (const folder of FOLDERS) {
    const files = caseFiles(folder);
    it(`finds case files in ${folder}`, () => {
      expect(files.length).toBeGreaterThan(0);
    });
    for (const file of files) {
      it(`passes ${file.slice(folder.length + 1)}`, () => {
        const outcome = runCaseFile(load(file));
        expect(outcome.error).toBeUndefined();
        expect(outcome.checks.filter((c) => !c.passed)).toEqual([]);
        expect(outcome.checks.length).toBeGreaterThan(0);
      });
    }
  }
});

const officeCase = load(resolve(ROOT, '../shared/sla-cases/calendar-office-hours.json')) as { calendar: unknown; checks: Record<string, unknown>[] };

describe('runCaseFile', () => {
  it('reports a wrong expectation with the field, the expected and the actual value', () => {
    const file = { ...officeCase, checks: [{ ...officeCase.checks[0], expect: '2026-11-16T10:31:00+01:00' }] };
    const outcome = runCaseFile(file);
    expect(outcome.checks[0]).toMatchObject({
      index: 0,
      op: 'add',
      note: 'inside one morning',
      passed: false,
      mismatches: [{ field: 'result', expected: '2026-11-16T09:31:00Z', got: '2026-11-16T09:30:00Z' }],
    });
  });

  it('compares SLA fields one by one and names a missing metric', () => {
    const sla = load(resolve(ROOT, '../shared/sla-cases/sla-met-with-pause.json')) as { calendar: unknown; checks: { expect: Record<string, Record<string, unknown>> }[] };
    const check = sla.checks[0] as { expect: Record<string, Record<string, unknown>> };
    const wrong = { ...check, expect: { resolution: { ...check.expect['resolution'], elapsedMinutes: 44, state: 'paused' }, nope: { cycles: 1 } } };
    const outcome = runCaseFile({ ...sla, checks: [wrong] });
    expect(outcome.checks[0]?.mismatches).toEqual([
      { field: 'resolution.state', expected: '"paused"', got: '"running"' },
      { field: 'resolution.elapsedMinutes', expected: '44', got: '45' },
      { field: 'nope', expected: 'a metric', got: 'no metric "nope" in the policy' },
    ]);
  });

  it.each([
    ['not an object', 42, 'expected object, received number'],
    ['no calendar', { checks: [{ op: 'isBusinessTime', at: '2026-11-16T09:00:00Z', expect: true }] }, 'calendar: '],
    ['an invalid calendar', { calendar: { timeZone: 'Atlantis/Capital', weekly: {} }, checks: [{}] }, 'calendar.timeZone: unknown time zone "Atlantis/Capital"'],
    ['no checks', { calendar: officeCase.calendar, checks: [] }, 'checks: needs at least one check'],
  ])('fails a file with %s without throwing', (_what, json, expected) => {
    const outcome = runCaseFile(json);
    expect(outcome.error).toContain(expected);
    expect(outcome.checks).toEqual([]);
  });

  it.each([
    ['an unknown op', { op: 'multiply', at: '2026-11-16T09:00:00Z' }, 'checks[0].op: unknown value'],
    ['an instant without offset', { op: 'isBusinessTime', at: '2026-11-16T09:00:00', expect: true }, 'checks[0].at: "2026-11-16T09:00:00" is not an ISO 8601 instant with an offset'],
    ['both minutes and seconds', { op: 'add', start: '2026-11-16T09:00:00Z', minutes: 1, seconds: 60, expect: null }, 'checks[0]: give either "minutes" or "seconds"'],
    ['an unknown expected SLA field', { op: 'sla', policy: {}, timeline: [], now: '2026-11-16T09:00:00Z', expect: { m: { elapsed: 1 } } }, 'checks[0].expect.m: unknown field "elapsed"'],
    ['an invalid policy', { op: 'sla', policy: { metrics: [] }, timeline: [], now: '2026-11-16T09:00:00Z', expect: {} }, 'checks[0].policy.metrics: needs at least one metric'],
  ])('fails only the check with %s', (_what, bad, expected) => {
    const outcome = runCaseFile({ ...officeCase, checks: [bad, officeCase.checks[1]] });
    expect(outcome.error).toBeUndefined();
    expect(outcome.checks[0]?.passed).toBe(false);
    expect(outcome.checks[0]?.error).toContain(expected);
    expect(outcome.checks[1]?.passed).toBe(true);
  });
});

describe('report', () => {
  it('prints one line per mismatch and counts checks', () => {
    const tally: Tally = { passed: 0, failed: 0 };
    const lines = reportFile('cases/x.json', runCaseFile({ ...officeCase, checks: [officeCase.checks[0], { ...officeCase.checks[1], expect: '2026-11-16T12:31:00Z' }] }), tally);
    expect(lines).toEqual(['FAIL cases/x.json #1 (add) "across lunch" result: expected 2026-11-16T12:31:00Z, got 2026-11-16T12:30:00Z']);
    expect(closingLine(tally)).toBe('1 passed, 1 failed');
  });
});

describe('npm run sla:conformance', () => {
  it('prints failures, closes with the tally and exits non-zero on a failure or an unreadable file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sla-cases-'));
    writeFileSync(join(dir, 'good.json'), JSON.stringify(officeCase));
    writeFileSync(join(dir, 'broken.json'), '{ "calendar": ');
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/sla-conformance.ts'), dir], { encoding: 'utf8' });
    const lines = run.stdout.trim().split('\n');
    expect(lines[lines.length - 1]).toBe(`${officeCase.checks.length} passed, 1 failed`);
    expect(run.stdout).toContain('broken.json: not valid JSON');
    expect(run.status).toBe(1);

    const ok = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/sla-conformance.ts'), join(dir, 'good.json')], { encoding: 'utf8' });
    expect(ok.stdout.trim()).toBe(`${officeCase.checks.length} passed, 0 failed`);
    expect(ok.status).toBe(0);
  });
});
