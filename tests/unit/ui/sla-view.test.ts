// The issue panel around the clocks: contract period and terms, the month's hours, what an issue without clocks
// explains (in English and German, naming the customer or contract), and the locale helpers it formats with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IssueSlaView, PanelContract, PanelCustomer, SlaClockState, SlaUntracked } from '../../../src/contract/sla';
import { contractPeriod, contractTerms, emptyState, hoursLines, serviceManagerName, TIER_APPEARANCE } from '../../../static/issue-panel/sla-view';
import { formatDate, formatMonth, formatNearInstant, formatNumber, intlLocale, translateWith, type Translate } from '../../../static/shared/locale';

type Texts = { [key: string]: string | Texts };
const textsFile = (locale: string): Texts => JSON.parse(readFileSync(join(__dirname, '../../../locales', `${locale}.json`), 'utf8')) as Texts;
/** Looks a key up; a missing one reads as the key itself, as Forge's translation function does. */
function textsOf(locale: string): Translate {
  const texts = textsFile(locale);
  return translateWith((key) => {
    const found = key.split('.').reduce<Texts | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), texts);
    return typeof found === 'string' ? found : key;
  });
}
const en = textsOf('en-US');
const de = textsOf('de-DE');

const customer: PanelCustomer = {
  key: 'ALP',
  name: 'Alpenbank AG',
  tier: 'platinum',
  timeZone: 'Europe/Zurich',
  serviceManager: { accountId: 'u-sofia', displayName: 'Sofia Brandt' },
  contacts: [{ name: 'Reto Huber', email: 'reto.huber@alpenbank.example', role: 'IT lead' }],
};

const contract: PanelContract = {
  id: 'c-alp-2026',
  name: 'Alpenbank Platinum Managed Services 2026',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  includedHoursPerMonth: 80,
  calendarName: 'Zurich support hours',
  policyName: 'Platinum SLA',
  policyVersion: 3,
};

function view(overrides: Partial<IssueSlaView>): IssueSlaView {
  return { status: 'tracked', customer, contract, clocks: [], evaluatedAt: '2026-03-10T13:00:00.000Z', hours: null, ...overrides };
}

describe('contract', () => {
  it('shows its period in the viewer’s locale, open-ended as "since"', () => {
    expect(contractPeriod(contract, en, 'en-US')).toBe('Jan 1, 2026 – Dec 31, 2026');
    expect(contractPeriod(contract, de, 'de-DE')).toBe('01.01.2026 – 31.12.2026');
    expect(contractPeriod({ ...contract, validTo: null }, en, 'en-US')).toBe('Since Jan 1, 2026');
    expect(contractPeriod({ ...contract, validTo: null }, de, 'de-CH')).toBe('Seit 01.01.2026');
  });

  it('names the policy with its version and the calendar, leaving out what is unknown', () => {
    expect(contractTerms(contract, en)).toBe('Platinum SLA v3 · Zurich support hours');
    expect(contractTerms({ ...contract, policyVersion: null }, en)).toBe('Platinum SLA · Zurich support hours');
    expect(contractTerms({ ...contract, policyName: null, policyVersion: null }, en)).toBe('Zurich support hours');
    expect(contractTerms({ ...contract, policyName: null, calendarName: null }, en)).toBeNull();
  });
});

describe('hoursLines', () => {
  it('writes the hours logged this month with the month’s name, and the contract’s included hours', () => {
    const hours = { month: '2026-03', loggedSeconds: 3.5 * 3600, includedHours: 80 };
    expect(hoursLines(hours, en, 'en-US')).toEqual({ logged: '3 h 30 min logged on this issue in March 2026', included: '80 h included per month' });
    expect(hoursLines(hours, de, 'de-DE')).toEqual({ logged: '3 Std. 30 Min. auf diesem Vorgang im März 2026 erfasst', included: '80 Std. pro Monat inbegriffen' });
    expect(hoursLines({ ...hours, includedHours: 7.5 }, de, 'de-DE').included).toBe('7,5 Std. pro Monat inbegriffen');
    expect(hoursLines({ ...hours, loggedSeconds: 0, includedHours: null }, en, 'en-US')).toEqual({ logged: '0 min logged on this issue in March 2026', included: null });
  });
});

describe('emptyState', () => {
  const cases: [SlaUntracked, Partial<IssueSlaView>, 'information' | 'warning', string][] = [
    ['noCustomer', { customer: null, contract: null }, 'information', 'matching rule'],
    ['noContract', { contract: null }, 'information', 'Alpenbank AG has no contract in force today'],
    ['noPolicy', {}, 'warning', 'The contract Alpenbank Platinum Managed Services 2026 names an SLA policy that no longer exists'],
    ['noCalendar', {}, 'warning', 'The contract Alpenbank Platinum Managed Services 2026 names a calendar that no longer exists'],
  ];

  it.each(cases)('%s: says why there are no clocks and what a Jira admin can do, in English and German', (status, parts, appearance, english) => {
    const state = emptyState(view({ ...parts, status }), en);
    expect(state).toMatchObject({ status, appearance, action: 'Open Service Manager settings' });
    expect(state?.text).toContain(english);
    expect(state?.text).toContain('Service Manager settings');
    const german = emptyState(view({ ...parts, status }), de);
    expect(german?.action).toBe('Service Manager Einstellungen öffnen');
    expect(german?.text).toContain('Jira-Administrator');
    for (const text of [state?.title, state?.text, german?.title, german?.text]) {
      expect(text).not.toMatch(/panel\.|\{\w+\}/);
    }
  });

  it('gives the noCustomer text the panel is asked for', () => {
    expect(emptyState(view({ status: 'noCustomer', customer: null, contract: null }), en)?.text).toBe(
      'This issue is not matched to a customer. A Jira admin can add a matching rule in Service Manager settings.',
    );
  });

  it('is null for a tracked issue', () => {
    expect(emptyState(view({}), en)).toBeNull();
  });
});

describe('texts the panel builds from data', () => {
  const states: SlaClockState[] = ['notStarted', 'running', 'paused', 'met', 'breached', 'notApplicable'];

  it('have every clock state and customer tier in both languages', () => {
    for (const t of [en, de]) {
      for (const state of states) expect(t(`panel.states.${state}`)).not.toMatch(/^panel\./);
      for (const tier of Object.keys(TIER_APPEARANCE)) expect(t(`panel.tiers.${tier}`)).not.toMatch(/^panel\./);
    }
    expect(en('panel.states.notApplicable')).toBe('No target');
    expect(de('panel.tiers.platinum')).toBe('Platin');
  });

  it('name the service manager, or say there is none', () => {
    expect(serviceManagerName(customer, en)).toBe('Sofia Brandt');
    expect(serviceManagerName({ ...customer, serviceManager: null }, de)).toBe('Kein Service-Manager');
  });

  it('have the compact view’s module title in both languages', () => {
    const title = (locale: string) => ((textsFile(locale).modules as Texts).issueContext as Texts).title;
    expect([title('en-US'), title('de-DE')]).toEqual(['SLA', 'SLA']);
  });
});

describe('locale helpers', () => {
  it('read Jira’s locale as Intl does, falling back to en-US', () => {
    expect(intlLocale('de_CH')).toBe('de-CH');
    expect(intlLocale('en-US')).toBe('en-US');
    expect(intlLocale('not a locale!')).toBe('en-US');
    expect(intlLocale(undefined)).toBe('en-US');
  });

  it('format dates, months, numbers and near instants', () => {
    expect(formatDate('2026-03-01', 'de-CH')).toBe('01.03.2026');
    expect(formatDate('2026-13-45', 'en-US')).toBe('2026-13-45');
    expect(formatMonth('2026-03', 'de-DE')).toBe('März 2026');
    expect(formatMonth('2026-03', 'en-US')).toBe('March 2026');
    expect(formatNumber(7.5, 'de-DE')).toBe('7,5');
    const now = Date.parse('2026-03-10T13:00:00Z');
    expect(formatNearInstant('2026-03-11T15:30:00Z', 'de-DE', 'Europe/Zurich', now)).toBe('11. März, 16:30');
    expect(formatNearInstant('2027-03-11T15:30:00Z', 'de-DE', 'Europe/Zurich', now)).toBe('11. März 2027, 16:30');
  });
});
