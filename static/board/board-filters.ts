// The board's filters and tab as the page's query string (`?mine=1&sla=breached&view=next`), so a view can be
// shared as a link. Reading is forgiving: a value the server would refuse is dropped, never sent. Pure.
import type { BoardRequest, SlaFilter } from '@contract/board';

/** The two views of the board: a lane per customer, or the team's next work across customers. */
export type BoardTab = 'lanes' | 'next';

export interface BoardLocation {
  filters: BoardRequest;
  tab: BoardTab;
}

/** The SLA states a person can filter by, in the order the filter offers them (the contract's `SLA_FILTERS`). */
export const SLA_FILTER_VALUES: readonly SlaFilter[] = ['breached', 'atRisk', 'running', 'paused', 'none'];

/** The assignee filter's value for issues nobody is assigned to (as the server reads it). */
export const UNASSIGNED = 'unassigned';

/** Query parameter names: short, readable in a shared link. */
const PARAM = { customerKey: 'customer', mine: 'mine', assignee: 'assignee', sla: 'sla', issueType: 'type', tab: 'view' } as const;

const CUSTOMER_KEY = /^[a-z][a-z0-9-]{1,39}$/;

const text = (value: string | null, max: number): string | undefined => {
  const trimmed = value?.trim() ?? '';
  return trimmed.length > 0 && trimmed.length <= max ? trimmed : undefined;
};

/** The filters and tab in a query string (`?a=b` or `a=b`); anything unknown or invalid is left out. */
export function parseBoardSearch(search: string): BoardLocation {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const filters: BoardRequest = {};
  const customerKey = params.get(PARAM.customerKey);
  if (customerKey && CUSTOMER_KEY.test(customerKey)) filters.customerKey = customerKey;
  const mine = params.get(PARAM.mine);
  if (mine === '1' || mine === 'true') filters.mine = true;
  const assignee = text(params.get(PARAM.assignee), 128);
  if (assignee) filters.assignee = assignee;
  const sla = params.get(PARAM.sla);
  if (sla && (SLA_FILTER_VALUES as readonly string[]).includes(sla)) filters.sla = sla as SlaFilter;
  const issueType = text(params.get(PARAM.issueType), 255);
  if (issueType) filters.issueType = issueType;
  const tab: BoardTab = params.get(PARAM.tab) === 'next' ? 'next' : 'lanes';
  return { filters, tab };
}

/** The query string of a view: `?customer=alpenbank&view=next`, or '' for the unfiltered lanes. */
export function boardSearch({ filters, tab }: BoardLocation): string {
  const params = new URLSearchParams();
  if (filters.mine) params.set(PARAM.mine, '1');
  if (filters.customerKey) params.set(PARAM.customerKey, filters.customerKey);
  if (filters.assignee) params.set(PARAM.assignee, filters.assignee);
  if (filters.sla) params.set(PARAM.sla, filters.sla);
  if (filters.issueType) params.set(PARAM.issueType, filters.issueType);
  if (tab === 'next') params.set(PARAM.tab, 'next');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** What a customer's contact may ask for: their own lane is all they get, so customer filters do not apply. */
export function filtersFor(viewer: 'staff' | 'contact', filters: BoardRequest): BoardRequest {
  if (viewer === 'staff') return filters;
  const { mine: _mine, customerKey: _customer, ...rest } = filters;
  return rest;
}

/** The filters that hide items within a lane (not just whole lanes): assignee, SLA state, issue type. */
export function narrowsLanes(filters: BoardRequest): boolean {
  return Boolean(filters.assignee || filters.sla || filters.issueType);
}

/** How many filters are set. */
export function activeFilterCount(filters: BoardRequest): number {
  return [filters.mine, filters.customerKey, filters.assignee, filters.sla, filters.issueType].filter(Boolean).length;
}
