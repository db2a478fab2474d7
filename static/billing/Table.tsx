// Plain semantic tables for figures (header cells, numbers aligned at the end in tabular digits, a footer for
// totals), drawn with design tokens so light and dark both hold. A table wider than the page scrolls on its own.
import { token } from '@atlaskit/tokens';
import type { CSSProperties, ReactNode } from 'react';

const frame: CSSProperties = {
  overflowX: 'auto',
  border: `${token('border.width')} solid ${token('color.border')}`,
  borderRadius: token('radius.large'),
  backgroundColor: token('elevation.surface'),
};
const table: CSSProperties = { width: '100%', borderCollapse: 'collapse', font: token('font.body'), color: token('color.text') };
const cellBase: CSSProperties = {
  paddingBlock: token('space.100'),
  paddingInline: token('space.150'),
  borderBlockEnd: `${token('border.width')} solid ${token('color.border')}`,
  verticalAlign: 'middle',
  textAlign: 'start',
};
const headCell: CSSProperties = {
  ...cellBase,
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  color: token('color.text.subtle'),
  backgroundColor: token('elevation.surface.sunken'),
  verticalAlign: 'bottom',
};
const numeric: CSSProperties = { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };
/** A figure column's header wraps (long German headers), its figures never do. */
const numericHead: CSSProperties = { textAlign: 'end' };
const footCell: CSSProperties = {
  ...cellBase,
  fontWeight: token('font.weight.semibold'),
  backgroundColor: token('elevation.surface.sunken'),
};
/** The footer's first row sets the totals apart from the rows above. */
const firstFootCell: CSSProperties = { borderBlockStart: `${token('border.width.selected')} solid ${token('color.border.bold')}` };

export function TableFrame({ children, label, testId, caption }: { children: ReactNode; label: string; testId?: string; caption?: ReactNode }) {
  return (
    <div style={frame} data-testid={testId}>
      <table style={table} aria-label={label}>
        {caption ? <caption style={{ textAlign: 'start', padding: token('space.100') }}>{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export interface ColumnHead {
  label: ReactNode;
  numeric?: boolean;
  /** A column's width, e.g. `16rem` for names. */
  width?: string;
  /** The narrowest the column gets before the table scrolls (names must not break inside words). */
  minWidth?: string;
  /** Read by screen readers when the shown label is an abbreviation or empty. */
  title?: string;
}

export function TableHead({ columns }: { columns: ColumnHead[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col" title={c.title} style={{ ...headCell, ...(c.numeric ? numericHead : null), width: c.width, minWidth: c.minWidth }}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

interface CellProps {
  children?: ReactNode;
  numeric?: boolean;
  testId?: string;
  /** `th` for the cell that names its row. */
  header?: boolean;
  style?: CSSProperties;
  colSpan?: number;
  title?: string;
}

export function Cell({ children, numeric: isNumeric, testId, header, style, colSpan, title }: CellProps) {
  const css = { ...cellBase, ...(isNumeric ? numeric : null), ...style };
  return header ? (
    <th scope="row" style={{ ...css, fontWeight: 'inherit' }} data-testid={testId} colSpan={colSpan} title={title}>
      {children}
    </th>
  ) : (
    <td style={css} data-testid={testId} colSpan={colSpan} title={title}>
      {children}
    </td>
  );
}

export function FootCell({ children, numeric: isNumeric, testId, header, colSpan, first }: CellProps & { first?: boolean }) {
  const css = { ...footCell, ...(first ? firstFootCell : null), ...(isNumeric ? numeric : null) };
  return header ? (
    <th scope="row" style={{ ...css, textAlign: 'start' }} data-testid={testId} colSpan={colSpan}>
      {children}
    </th>
  ) : (
    <td style={css} data-testid={testId} colSpan={colSpan}>
      {children}
    </td>
  );
}

/** Text that wraps long words, clamped to `lines` with the whole text in the title (hover). */
export function Clamp({ text, lines = 2, testId, strong, small }: { text: string; lines?: number; testId?: string; strong?: boolean; small?: boolean }) {
  return (
    <span
      title={text}
      data-testid={testId}
      style={{
        // Its own font (a button around it would not pass the page's on), so the lines are the body's lines.
        font: small ? token('font.body.small') : token('font.body'),
        display: '-webkit-box',
        WebkitLineClamp: lines,
        WebkitBoxOrient: 'vertical',
        overflow: 'hidden',
        overflowWrap: 'anywhere',
        fontWeight: strong ? token('font.weight.semibold') : undefined,
      }}
    >
      {text}
    </span>
  );
}

/** A figure that needs attention (overage, hours the app cannot read), marked in the warning colours. */
export function Highlight({ children, testId, title }: { children: ReactNode; testId?: string; title?: string }) {
  return (
    <span
      data-testid={testId}
      title={title}
      style={{
        display: 'inline-block',
        paddingInline: token('space.050'),
        borderRadius: token('radius.small'),
        backgroundColor: token('color.background.warning'),
        color: token('color.text.warning'),
        fontWeight: token('font.weight.semibold'),
      }}
    >
      {children}
    </span>
  );
}

export const subtleText: CSSProperties = { color: token('color.text.subtle'), font: token('font.body.small') };
