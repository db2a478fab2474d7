import { retryDelayMs } from '../../../src/jira/request';

describe('retry delay', () => {
  it.each([
    ['2', 0, 2000],
    ['0', 3, 0],
    ['120', 0, 5000],
    [null, 0, 500],
    [null, 2, 2000],
    ['soon', 1, 1000],
    ['-1', 0, 500],
  ])('Retry-After %s on attempt %i waits %i ms (capped at 5 s)', (header, attempt, expected) => {
    expect(retryDelayMs(header, attempt, 5000)).toBe(expected);
  });
});
