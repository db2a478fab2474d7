// A score's explanation in words: every reason key the board's domain emits (score, place in the lane, place in
// the team's list) has a text in English and German, numbers are written the viewer's way, tiers by name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { moveInLane, nextForTeam, rankLane, scoreIssue, type BoardClock, type BoardIssue, type Reason, type ScoreContext } from '../../../src/domain/board';
import { explainScore, REASON_KEYS, reasonText } from '../../../static/board/board-reasons';
import { translateWith, type Translate } from '../../../static/shared/locale';

type Texts = { [key: string]: string | Texts };
const lookup = (locale: string) => {
  const texts = JSON.parse(readFileSync(join(__dirname, '../../../locales', `${locale}.json`), 'utf8')) as Texts;
  return (key: string): string | undefined => {
    const found = key.split('.').reduce<Texts | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), texts);
    return typeof found === 'string' ? found : undefined;
  };
};
const textsOf = (locale: string): Translate => {
  const find = lookup(locale);
  return translateWith((key) => find(key) ?? key);
};
const en = textsOf('en-US');
const de = textsOf('de-DE');

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-10T12:00:00Z');
const context: ScoreContext = { weights: { priority: 40, tier: 20, sla: 30, age: 10 }, priorities: ['Highest', 'High', 'Medium', 'Low', 'Lowest'], now: NOW };
const clock = (over: Partial<BoardClock>): BoardClock => ({ key: 'resolution', name: 'Resolution', state: 'running', targetMinutes: 600, remainingMinutes: 500, breached: false, ...over });
const issue = (id: string, over: Partial<BoardIssue> = {}): BoardIssue => ({ issueId: id, key: `ACME-${id}`, created: NOW - 3 * DAY, priority: 'High', tier: 'gold', clocks: [], ...over });

/** Issues that between them make the domain say everything it can say. */
function everyReason(): Reason[] {
  const issues = [
    issue('1', { clocks: [clock({ remainingMinutes: -10, breached: true })] }),
    issue('2', { clocks: [clock({ state: 'paused', remainingMinutes: -5, breached: true })] }),
    issue('3', { clocks: [clock({ remainingMinutes: 30 })], created: NOW - DAY }),
    issue('4', { clocks: [clock({ remainingMinutes: 100 })], priority: null, tier: null }),
    issue('5', { clocks: [clock({ remainingMinutes: 200 })], priority: 'Urgent-ish' }),
    issue('6', { clocks: [clock({ remainingMinutes: 500 })], created: NOW - 40 * DAY }),
    issue('7', { clocks: [clock({ state: 'paused' })], tier: 'bronze' }),
    // Ties: same score, one older; then same score and instant, ordered by key.
    issue('8', { created: NOW - 2 * DAY, priority: 'Low' }),
    issue('9', { created: NOW - 2 * DAY - 1000, priority: 'Low' }),
    issue('10', { created: NOW - 2 * DAY, priority: 'Low' }),
  ];
  const scored = issues.map((i) => scoreIssue(i, context));
  const reasons = scored.flatMap((s) => s.explanation);
  const lane = rankLane(scored);
  reasons.push(...lane.items.map((r) => r.reason));
  // Moved by hand: 8 into the middle, so it says so and the one below it too.
  const move = moveInLane(lane, '8', 4);
  const manual = rankLane(scored, Object.fromEntries((move?.updates ?? []).map((u) => [u.issueId, u.rankKey])));
  reasons.push(...manual.items.map((r) => r.reason));
  // Only one breached issue above: the singular.
  const single = rankLane(scored.filter((s) => s.issueId !== '2'));
  reasons.push(...single.items.map((r) => r.reason));
  // Nothing breached: the first item is just first.
  reasons.push(...rankLane(scored.filter((s) => !s.pinned)).items.map((r) => r.reason));
  // The team's list: a lane whose order holds a better item back.
  const team = nextForTeam(
    [
      { customerKey: 'acme', lane: manual },
      { customerKey: 'other', lane: rankLane([scoreIssue(issue('20', { clocks: [clock({ remainingMinutes: 40 })], tier: 'platinum' }), context)]) },
    ],
    Infinity,
  );
  reasons.push(...team.map((t) => t.reason));
  return reasons;
}

describe('score reasons', () => {
  const reasons = everyReason();

  it('covers every reason key the domain emits, and the page knows each one', () => {
    const emitted = new Set(reasons.map((r) => r.key));
    for (const key of ['board.why.pinned', 'board.why.priorityNone', 'board.why.priorityUnknown', 'board.why.tierNone', 'board.rank.manual', 'board.rank.belowManual', 'board.rank.tieOlder', 'board.rank.tieKey', 'board.team.laneOrder', 'board.rank.belowPinned']) {
      expect(emitted).toContain(key);
    }
    for (const band of ['breached', 'under10', 'under25', 'under50', 'rest', 'none']) expect(emitted).toContain(`board.why.sla.${band}`);
    expect([...emitted].filter((k) => !(REASON_KEYS as readonly string[]).includes(k))).toEqual([]);
  });

  it.each(['en-US', 'de-DE'])('has a %s text for every reason key', (locale) => {
    const find = lookup(locale);
    expect(REASON_KEYS.filter((key) => find(key) === undefined)).toEqual([]);
  });

  it.each([
    ['en-US', en],
    ['de-DE', de],
  ] as const)('words every reason in %s with every placeholder filled', (locale, t) => {
    for (const reason of reasons) {
      const text = reasonText(reason, t, locale);
      expect({ key: reason.key, text }).toEqual({ key: reason.key, text: expect.not.stringMatching(/[{}]|board\./) });
    }
  });

  it('says how many points of the weight each part gave, the viewer’s way', () => {
    expect(reasonText({ key: 'board.why.priority', vars: { priority: 'High', position: 2, of: 5, points: 30, weight: 40 } }, en, 'en-US')).toBe('Priority High (2 of 5): 30 of 40 points');
    expect(reasonText({ key: 'board.why.tier', vars: { tier: 'gold', points: 13.33, weight: 20 } }, en, 'en-US')).toBe('Customer tier Gold: 13.33 of 20 points');
    expect(reasonText({ key: 'board.why.tier', vars: { tier: 'platinum', points: 13.33, weight: 20 } }, de, 'de-CH')).toBe('Kundenstufe Platin: 13.33 von 20 Punkten');
    expect(reasonText({ key: 'board.why.tier', vars: { tier: 'silver', points: 6.67, weight: 20 } }, de, 'de-DE')).toBe('Kundenstufe Silber: 6,67 von 20 Punkten');
    expect(reasonText({ key: 'board.why.sla.under25', vars: { clock: 'Resolution', percentLeft: 12, points: 18, weight: 30 } }, en, 'en-US')).toBe(
      'Resolution: 12% of the target left (under 25%): 18 of 30 points',
    );
  });

  it('uses the singular for one day and one breached issue', () => {
    expect(reasonText({ key: 'board.why.age', vars: { days: 1, points: 0.33, weight: 10 } }, en, 'en-US')).toBe('Open for 1 day: 0.33 of 10 points');
    expect(reasonText({ key: 'board.why.age', vars: { days: 12, points: 4, weight: 10 } }, de, 'de-DE')).toBe('Seit 12 Tagen offen: 4 von 10 Punkten');
    expect(reasonText({ key: 'board.rank.belowPinned', vars: { total: 3, pinned: 1 } }, en, 'en-US')).toBe('First after the breached issue');
    expect(reasonText({ key: 'board.rank.belowPinned', vars: { total: 3, pinned: 3 } }, en, 'en-US')).toBe('First after the 3 breached issues');
  });

  it('explains an item: total, parts in order, and why it stands where it does', () => {
    const scored = scoreIssue(issue('1', { clocks: [clock({ remainingMinutes: -10, breached: true })] }), context);
    const why = explainScore({ score: { total: scored.total, pinned: scored.pinned, reasons: scored.explanation }, placement: { key: 'board.rank.pinned', vars: { total: scored.total } } }, en, 'en-US');
    expect(why.total).toBe(String(scored.total));
    expect(why.reasons[0]).toBe('Pinned on top: Resolution is breached');
    expect(why.reasons).toHaveLength(5);
    expect(why.placement).toBe('On top: its SLA is breached');
  });
});
