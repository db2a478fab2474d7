// The board's filters in the page's URL: what a shared link says is what the page asks for, values the server
// would refuse are left out, and a customer's contact never asks for another customer.
import { SLA_FILTERS, boardRequestSchema, type BoardRequest } from '../../../src/contract/board';
import { activeFilterCount, boardSearch, filtersFor, narrowsLanes, parseBoardSearch, SLA_FILTER_VALUES } from '../../../static/board/board-filters';

describe('board filters in the query string', () => {
  it('offers exactly the SLA states the contract accepts', () => {
    expect([...SLA_FILTER_VALUES]).toEqual([...SLA_FILTERS]);
  });

  it('writes nothing for the unfiltered lanes', () => {
    expect(boardSearch({ filters: {}, tab: 'lanes' })).toBe('');
    expect(parseBoardSearch('')).toEqual({ filters: {}, tab: 'lanes' });
  });

  it('round-trips every filter and the tab', () => {
    const filters: BoardRequest = { mine: true, customerKey: 'alpenbank', assignee: '712020:lukas.meier', sla: 'atRisk', issueType: 'Service request' };
    const search = boardSearch({ filters, tab: 'next' });
    expect(search).toBe('?mine=1&customer=alpenbank&assignee=712020%3Alukas.meier&sla=atRisk&type=Service+request&view=next');
    expect(parseBoardSearch(search)).toEqual({ filters, tab: 'next' });
    expect(parseBoardSearch(search.slice(1))).toEqual({ filters, tab: 'next' });
  });

  it('reads only values the server accepts, so a hand-edited link never fails the page', () => {
    const parsed = parseBoardSearch('?customer=Not%20A%20Key&sla=late&mine=yes&assignee=%20%20&type=' + 'x'.repeat(300) + '&view=other&extra=1');
    expect(parsed).toEqual({ filters: {}, tab: 'lanes' });
    for (const search of ['?customer=hudson&sla=breached', '?mine=true&assignee=unassigned&type=Incident', '?assignee=%20Lukas%20']) {
      const { filters } = parseBoardSearch(search);
      expect(boardRequestSchema.safeParse(filters).success).toBe(true);
    }
    expect(parseBoardSearch('?assignee=%20Lukas%20').filters).toEqual({ assignee: 'Lukas' });
  });

  it('leaves the customer filters out for a customer’s contact', () => {
    const filters: BoardRequest = { mine: true, customerKey: 'hudson', sla: 'breached' };
    expect(filtersFor('contact', filters)).toEqual({ sla: 'breached' });
    expect(filtersFor('staff', filters)).toBe(filters);
  });

  it('knows which filters hide items inside a lane and how many are set', () => {
    expect(narrowsLanes({ mine: true, customerKey: 'hudson' })).toBe(false);
    expect(narrowsLanes({ assignee: 'unassigned' })).toBe(true);
    expect(narrowsLanes({ sla: 'paused' })).toBe(true);
    expect(narrowsLanes({ issueType: 'Task' })).toBe(true);
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ mine: true, sla: 'none', issueType: 'Task' })).toBe(3);
  });
});
