// SLA evaluation on random calendars and timelines agrees with the naive minute-stepping reference.
import fc from 'fast-check';
import { businessTimeBetween } from '../../../src/domain/calendar';
import { evaluateSla } from '../../../src/domain/sla';
import { policy, timelineAt, world } from './support/arbitraries';
import { naiveSla } from './support/naive-reference';

const scenario = world.chain((w) => fc.record({ w: fc.constant(w), policy, story: timelineAt(w.origin) }));

describe('evaluateSla', () => {
  it('agrees with the naive reference on state, cycles, elapsed, breach, due instant and warning', () => {
    fc.assert(
      fc.property(scenario, ({ w, policy: p, story }) => {
        const got = evaluateSla(p, story.timeline, story.now, { calendar: w.calendar });
        const want = naiveSla(p, story.timeline, story.now, w.calendar);
        for (const key of Object.keys(want)) {
          const g = got[key];
          const n = want[key];
          if (!g || !n) throw new Error(`metric ${key} missing`);
          expect({ key, state: g.state, cycles: g.cycles, elapsedMinutes: g.elapsedMinutes, breached: g.breached, everBreached: g.everBreached, warning: g.warning }).toEqual({
            key,
            state: n.state,
            cycles: n.cycles,
            elapsedMinutes: n.elapsedMinutes,
            breached: n.breached,
            everBreached: n.everBreached,
            warning: n.warning,
          });
          expect(g.elapsedSeconds).toBe(n.elapsedMinutes * 60);
          // The reference gives up after 30 days; the engine's answer must then lie beyond that.
          if (n.dueAt !== undefined) expect({ key, dueAt: g.dueAt }).toEqual({ key, dueAt: n.dueAt });
        }
      }),
      { numRuns: 120 },
    );
  });

  it('never counts more than the business time since the cycle started, and results survive JSON', () => {
    fc.assert(
      fc.property(scenario, ({ w, policy: p, story }) => {
        const result = evaluateSla(p, story.timeline, story.now, { calendar: w.calendar });
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        for (const metric of Object.values(result)) {
          for (const cycle of metric.history) {
            const end = cycle.stoppedAt ?? story.now;
            expect(cycle.elapsedSeconds * 1000).toBeLessThanOrEqual(businessTimeBetween(w.calendar, cycle.startedAt, end));
          }
          if (metric.state === 'running' && metric.dueAt !== null && metric.remainingSeconds !== null) {
            expect(metric.remainingSeconds > 0 ? metric.dueAt > story.now : metric.dueAt <= story.now).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
