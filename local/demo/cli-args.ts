// Command-line options for the demo company (`npm start`, `npm run demo:reset`, the bench):
// `--issues N --worklogs N --seed N --anchor ISO`, also as `--issues=N`. Bad values fail with a message that
// names the option; nothing else is read from the command line here.

import { checkAnchor, checkInteger, DemoOptionError, MAX_ISSUES, MAX_WORKLOGS } from './options';

export { DemoOptionError } from './options';

export interface DemoArgs {
  seed?: number;
  /** Left out when not given: the caller chooses the default "now". */
  anchor?: string;
  issues?: number;
  worklogs?: number;
}

const NUMERIC: Record<'issues' | 'worklogs' | 'seed', [min: number, max: number]> = {
  issues: [1, MAX_ISSUES],
  worklogs: [0, MAX_WORKLOGS],
  seed: [0, 0xffffffff],
};
const KNOWN = ['issues', 'worklogs', 'seed', 'anchor'] as const;
type Known = (typeof KNOWN)[number];

export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  const out: DemoArgs = {};
  const seen = new Set<Known>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!m) throw new DemoOptionError('options', `unexpected argument ${JSON.stringify(arg)}; expected ${usage()}`);
    const name = m[1] as string;
    if (!(KNOWN as readonly string[]).includes(name)) {
      throw new DemoOptionError(name, `unknown option; expected ${usage()}`);
    }
    const option = name as Known;
    if (seen.has(option)) throw new DemoOptionError(option, 'given more than once');
    seen.add(option);
    let value = m[2];
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new DemoOptionError(option, 'needs a value');
      value = next;
      i++;
    }
    if (option === 'anchor') {
      checkAnchor(value);
      out.anchor = value;
    } else {
      const [min, max] = NUMERIC[option];
      // Digits only (underscores allowed as thousands separators): no signs, exponents or fractions.
      if (!/^\d[\d_]*$/.test(value)) throw new DemoOptionError(option, `expected a whole number from ${min} to ${max.toLocaleString('en-US')}; got ${JSON.stringify(value)}`);
      out[option] = checkInteger(option, Number(value.replace(/_/g, '')), min, max);
    }
  }
  return out;
}

function usage(): string {
  return '--issues N, --worklogs N, --seed N, --anchor ISO-instant';
}
