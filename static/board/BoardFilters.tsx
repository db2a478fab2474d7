// The board's filters: my customers, one customer, assignee, SLA state and issue type. Each change is a new URL
// (see useBoardLocation), so the view can be shared. A customer's contact has their own lane only: no customer
// filters.
import Button from '@atlaskit/button/new';
import { Box, Inline, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import type { BoardRequest, SlaFilter } from '@contract/board';
import { useT } from '../shared/texts';
import { activeFilterCount, SLA_FILTER_VALUES, UNASSIGNED } from './board-filters';
import type { FilterChoices } from './board-merge';

interface Option {
  label: string;
  value: string;
}

const selectBox = xcss({ width: '12rem', flexShrink: 0 });

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label);

function FilterSelect({ id, label, placeholder, options, value, onChange }: { id: string; label: string; placeholder: string; options: Option[]; value: string | undefined; onChange: (value: string | undefined) => void }) {
  // A value from a shared link that this board has not shown yet is still shown as chosen.
  const all = value && !options.some((o) => o.value === value) ? [...options, { label: value, value }] : options;
  return (
    <Box xcss={selectBox}>
      <Select<Option>
        inputId={id}
        testId={id}
        aria-label={label}
        placeholder={placeholder}
        options={all}
        value={all.find((o) => o.value === value) ?? null}
        onChange={(o) => onChange(o ? (o as Option).value : undefined)}
        isClearable
        spacing="compact"
        menuPlacement="auto"
      />
    </Box>
  );
}

export function BoardFilters({ filters, choices, contact, onChange }: { filters: BoardRequest; choices: FilterChoices; contact: boolean; onChange: (filters: BoardRequest) => void }) {
  const t = useT();
  const set = <K extends keyof BoardRequest>(name: K, value: BoardRequest[K] | undefined) => {
    const next: BoardRequest = { ...filters };
    if (value === undefined || value === false) delete next[name];
    else next[name] = value;
    onChange(next);
  };
  const customers = [...choices.customers].map(([value, label]) => ({ value, label })).sort(byLabel);
  const assignees = [{ value: UNASSIGNED, label: t('board.filters.unassigned') }, ...[...choices.assignees].map(([value, label]) => ({ value, label })).sort(byLabel)];
  const slaStates = SLA_FILTER_VALUES.map((value) => ({ value, label: t(`board.sla.${value}`) }));
  const issueTypes = [...choices.issueTypes].map((value) => ({ value, label: value })).sort(byLabel);

  return (
    <Inline space="space.100" alignBlock="center" shouldWrap testId="board-filters" role="group" aria-label={t('board.filters.label')}>
      {contact ? null : (
        <>
          <Button isSelected={Boolean(filters.mine)} aria-pressed={Boolean(filters.mine)} onClick={() => set('mine', !filters.mine)} testId="board-filter-mine">
            {t('board.filters.mine')}
          </Button>
          <FilterSelect
            id="board-filter-customer"
            label={t('board.filters.customer')}
            placeholder={t('board.filters.allCustomers')}
            options={customers}
            value={filters.customerKey}
            onChange={(v) => set('customerKey', v)}
          />
        </>
      )}
      <FilterSelect
        id="board-filter-assignee"
        label={t('board.filters.assignee')}
        placeholder={t('board.filters.anyAssignee')}
        options={assignees}
        value={filters.assignee}
        onChange={(v) => set('assignee', v)}
      />
      <FilterSelect
        id="board-filter-sla"
        label={t('board.filters.sla')}
        placeholder={t('board.filters.anySla')}
        options={slaStates}
        value={filters.sla}
        onChange={(v) => set('sla', v as SlaFilter | undefined)}
      />
      <FilterSelect
        id="board-filter-type"
        label={t('board.filters.type')}
        placeholder={t('board.filters.anyType')}
        options={issueTypes}
        value={filters.issueType}
        onChange={(v) => set('issueType', v)}
      />
      {activeFilterCount(filters) > 0 ? (
        <Button appearance="subtle" onClick={() => onChange({})} testId="board-filter-clear">
          {t('board.filters.clear')}
        </Button>
      ) : null}
    </Inline>
  );
}
