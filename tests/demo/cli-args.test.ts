// Command-line options for the demo company: accepted forms, and a clear error naming the option otherwise.

import { DemoOptionError, parseDemoArgs } from '../../local/demo/cli-args';

describe('parseDemoArgs', () => {
  it('returns only the options given, in both --name value and --name=value forms', () => {
    expect(parseDemoArgs([])).toEqual({});
    expect(parseDemoArgs(['--issues', '20000', '--worklogs=200_000', '--seed', '0', '--anchor', '2026-06-10T14:00:00+05:30'])).toEqual({
      issues: 20_000,
      worklogs: 200_000,
      seed: 0,
      anchor: '2026-06-10T14:00:00+05:30',
    });
    expect(parseDemoArgs(['--worklogs', '0'])).toEqual({ worklogs: 0 });
  });

  it.each([
    [['--issues', 'many'], 'issues', /whole number/],
    [['--issues', '-5'], 'issues', /needs a value|whole number/],
    [['--issues', '2.5'], 'issues', /whole number/],
    [['--issues', '1e4'], 'issues', /whole number/],
    [['--issues', '0'], 'issues', /from 1 /],
    [['--issues', '999999999'], 'issues', /to 200,000/],
    [['--worklogs', '99999999'], 'worklogs', /to 2,000,000/],
    [['--seed', '4294967296'], 'seed', /whole number/],
    [['--worklogs'], 'worklogs', /needs a value/],
    [['--issues', '--worklogs', '5'], 'issues', /needs a value/],
    [['--anchor', 'tomorrow'], 'anchor', /ISO 8601 instant with an offset/],
    [['--anchor', '2026-06-10T14:00:00'], 'anchor', /with an offset/],
    [['--anchor', '2026-02-31T10:00:00Z'], 'anchor', /real date/],
    [['--anchor=1999-12-31T10:00:00Z'], 'anchor', /between the years 2000 and 2099/],
    [['--issues', '5', '--issues', '6'], 'issues', /more than once/],
    [['--port', '80'], 'port', /unknown option/],
  ])('rejects %j naming --%s', (argv, option, message) => {
    let error: unknown;
    try {
      parseDemoArgs(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DemoOptionError);
    expect((error as DemoOptionError).option).toBe(option);
    expect((error as Error).message).toMatch(new RegExp(`^--${option}: `));
    expect((error as Error).message).toMatch(message);
  });

  it('rejects stray arguments with the accepted options in the message', () => {
    expect(() => parseDemoArgs(['20000'])).toThrow(/unexpected argument "20000"; expected --issues N, --worklogs N, --seed N, --anchor/);
  });
});
