// A tab's list: search box, Create button, a table whose rows open the editor, and an empty state that says
// what to do.
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import EmptyState from '@atlaskit/empty-state';
import AddIcon from '@atlaskit/icon/core/add';
import SearchIcon from '@atlaskit/icon/core/search';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import type { ReactNode } from 'react';

export interface TableRow {
  key: string;
  cells: ReactNode[];
}

interface RecordTableProps {
  /** `customers`: test ids `customers-search`, `customers-create`, `customers-table`, `customers-empty`. */
  prefix: string;
  /** `customer`: row test ids `customer-row-<key>`. */
  rowPrefix: string;
  head: { label: string; width?: number }[];
  rows: TableRow[];
  /** How many records exist before the search filter. */
  total: number;
  search: string;
  onSearch: (query: string) => void;
  onOpen: (key: string) => void;
  onCreate: () => void;
  /** More filters next to the search box. */
  filters?: ReactNode;
  texts: { search: string; create: string; emptyTitle: string; emptyText: string; noMatch: string };
}

const searchBox = xcss({ width: '320px', maxWidth: '100%' });
const wrap = xcss({ overflowWrap: 'anywhere', wordBreak: 'break-word' });
const nameButton = xcss({
  color: 'color.link',
  fontWeight: 'font.weight.medium',
  textAlign: 'start',
  overflowWrap: 'anywhere',
  backgroundColor: 'color.background.neutral.subtle',
  padding: 'space.0',
  ':hover': { textDecoration: 'underline' },
});

/** The first cell of a row: a button with the record's name, so the row opens from the keyboard too. */
export function RowName({ children, onOpen, testId }: { children: ReactNode; onOpen: () => void; testId?: string }) {
  return (
    <Pressable xcss={nameButton} onClick={onOpen} testId={testId}>
      {children}
    </Pressable>
  );
}

/** A cell's text, wrapping long words instead of widening the table. */
export function CellText({ children }: { children: ReactNode }) {
  return (
    <Box xcss={wrap}>
      <Text>{children}</Text>
    </Box>
  );
}

export function RecordTable({ prefix, rowPrefix, head, rows, total, search, onSearch, onOpen, onCreate, filters, texts }: RecordTableProps) {
  const createButton = (
    <Button appearance="primary" iconBefore={AddIcon} onClick={onCreate} testId={`${prefix}-create`}>
      {texts.create}
    </Button>
  );
  if (total === 0) {
    return (
      <Box testId={`${prefix}-empty`}>
        <EmptyState header={texts.emptyTitle} description={texts.emptyText} headingLevel={3} primaryAction={createButton} />
      </Box>
    );
  }
  const tableHead: HeadType = {
    cells: head.map((h, i) => ({ key: String(i), content: h.label, width: h.width })),
  };
  const tableRows: RowType[] = rows.map((row) => ({
    key: row.key,
    testId: `${rowPrefix}-row-${row.key}`,
    onClick: () => onOpen(row.key),
    cells: row.cells.map((content, i) => ({ key: `${row.key}-${i}`, content })),
  }));
  return (
    <Stack space="space.200">
      <Inline space="space.100" spread="space-between" alignBlock="center" shouldWrap>
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Box xcss={searchBox}>
            <Textfield
              aria-label={texts.search}
              placeholder={texts.search}
              value={search}
              onChange={(e) => onSearch(e.currentTarget.value)}
              elemBeforeInput={
                <Box paddingInlineStart="space.075">
                  <SearchIcon label="" color="currentColor" />
                </Box>
              }
              testId={`${prefix}-search`}
            />
          </Box>
          {filters}
        </Inline>
        {createButton}
      </Inline>
      <Box testId={`${prefix}-table`}>
        <DynamicTable
          head={tableHead}
          rows={tableRows}
          isFixedSize
          emptyView={
            <Box padding="space.200" testId={`${prefix}-no-match`}>
              <Text color="color.text.subtle">{texts.noMatch}</Text>
            </Box>
          }
        />
      </Box>
    </Stack>
  );
}
