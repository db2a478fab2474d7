// The parts of the panel's SLA view around the clocks, as plain data and texts: the customer's tier, the contract's
// period and policy, the hours of the month and what an issue without clocks tells the person to do. Pure.
import type { IssueSlaView, PanelContract, PanelCustomer, SlaUntracked } from '@contract/sla';
import { formatDate, formatMonth, formatNumber, type Translate } from '../shared/locale';
import { formatDuration } from './clock-view';

/** The person looking: their Jira locale (as `Intl` reads it) and time zone, from the Forge context. */
export interface Viewer {
  locale: string;
  timeZone: string;
}

export type TierAppearance = 'accent-purple' | 'accent-yellow' | 'accent-gray' | 'accent-orange';

/** Platinum purple, gold yellow, silver grey, bronze orange: the tiers read apart at a glance, in light and dark. */
export const TIER_APPEARANCE: Record<PanelCustomer['tier'], TierAppearance> = {
  platinum: 'accent-purple',
  gold: 'accent-yellow',
  silver: 'accent-gray',
  bronze: 'accent-orange',
};

/** "Mar 1, 2026 – Feb 28, 2027", or "Since Mar 1, 2026" for a contract without an end. */
export function contractPeriod(contract: PanelContract, t: Translate, locale: string): string {
  const from = formatDate(contract.validFrom, locale);
  return contract.validTo ? t('panel.contract.period', { from, to: formatDate(contract.validTo, locale) }) : t('panel.contract.since', { from });
}

/** "Gold SLA v3 · Zurich support hours": what measures the clocks; null when neither is known. */
export function contractTerms(contract: PanelContract, t: Translate): string | null {
  const parts: string[] = [];
  if (contract.policyName) {
    parts.push(contract.policyVersion === null ? contract.policyName : t('panel.contract.policyVersion', { name: contract.policyName, version: contract.policyVersion }));
  }
  if (contract.calendarName) parts.push(contract.calendarName);
  return parts.length > 0 ? parts.join(' · ') : null;
}

export interface HoursLines {
  /** "3 h 30 min logged on this issue in March 2026" */
  logged: string;
  /** "80 h included per month in the contract"; null when the contract includes none or there is no contract. */
  included: string | null;
}

export function hoursLines(hours: NonNullable<IssueSlaView['hours']>, t: Translate, locale: string): HoursLines {
  return {
    logged: t('panel.hours.logged', { duration: formatDuration(hours.loggedSeconds, t), month: formatMonth(hours.month, locale) }),
    included: hours.includedHours === null ? null : t('panel.hours.included', { hours: formatNumber(hours.includedHours, locale) }),
  };
}

export interface EmptyState {
  status: SlaUntracked;
  appearance: 'information' | 'warning';
  title: string;
  text: string;
  /** Every case is fixed in Service Manager settings: the admin page. */
  action: string;
}

/**
 * What an issue without clocks tells the person: why, and what a Jira admin can do. A missing customer or
 * contract is ordinary (information); a contract naming a policy or calendar that no longer exists is a broken
 * configuration (warning).
 */
export function emptyState(sla: IssueSlaView, t: Translate): EmptyState | null {
  if (sla.status === 'tracked') return null;
  const vars = { customer: sla.customer?.name ?? '', contract: sla.contract?.name ?? '' };
  const appearance = sla.status === 'noPolicy' || sla.status === 'noCalendar' ? 'warning' : 'information';
  return {
    status: sla.status,
    appearance,
    title: t(`panel.empty.${sla.status}.title`, vars),
    text: t(`panel.empty.${sla.status}.text`, vars),
    action: t('panel.empty.openSettings'),
  };
}

/** The service manager's name, or the text saying there is none. */
export function serviceManagerName(customer: PanelCustomer, t: Translate): string {
  return customer.serviceManager?.displayName ?? t('panel.customer.noServiceManager');
}
