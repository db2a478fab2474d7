// Budget burn: billable hours summed up day by day through the month against the contract's included hours,
// drawn as inline SVG in design tokens (light and dark). Hours above the included line are drawn in the danger
// colour. For screen readers: the chart's title and description say the figures, and a visually hidden table
// lists them per day.
import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import VisuallyHidden from '@atlaskit/visually-hidden';
import type { BurnPoint } from '@contract/billing';
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { formatDate } from '../shared/locale';
import { useT } from '../shared/texts';
import { daysInMonth, formatHours } from './billing-format';
import { useViewer } from './billing-context';

const HEIGHT = 252;
const MARGIN = { top: 28, right: 16, bottom: 28, left: 52 };

const chartBox = xcss({ width: '100%', maxWidth: '56rem' });
const swatch = (color: string, dashed = false) => ({
  display: 'inline-block',
  width: '20px',
  height: 0,
  borderBlockStart: `3px ${dashed ? 'dashed' : 'solid'} ${color}`,
  verticalAlign: 'middle',
});

export interface BurnDay {
  day: number;
  date: string;
  /** Cumulative billable hours at the end of the day. */
  hours: number;
}

/** One value per day of the month up to the last day the server reported (days without work keep the sum). */
export function burnDays(month: string, burn: readonly BurnPoint[]): BurnDay[] {
  const sorted = [...burn].filter((p) => p.date.startsWith(month)).sort((a, b) => a.date.localeCompare(b.date));
  const last = sorted.at(-1);
  if (!last) return [];
  const lastDay = Math.min(Number(last.date.slice(8, 10)), daysInMonth(month));
  const out: BurnDay[] = [];
  let index = 0;
  let seconds = 0;
  for (let day = 1; day <= lastDay; day++) {
    const date = `${month}-${String(day).padStart(2, '0')}`;
    while (index < sorted.length && (sorted[index] as BurnPoint).date <= date) {
      seconds = (sorted[index] as BurnPoint).cumulativeSeconds;
      index++;
    }
    out.push({ day, date, hours: seconds / 3600 });
  }
  return out;
}

/** A round step for about `count` grid lines up to `max`. */
function niceStep(max: number, count: number): number {
  if (max <= 0) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/** The width the chart has on the page, as it changes. */
function useWidth(): [RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const next = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (next > 0) setWidth(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export function BurnChart({ month, burn, includedSeconds, testId }: { month: string; burn: readonly BurnPoint[]; includedSeconds: number; testId?: string }) {
  const t = useT();
  const { locale } = useViewer();
  const id = useId();
  const [ref, width] = useWidth();
  const days = useMemo(() => burnDays(month, burn), [month, burn]);
  const total = daysInMonth(month);
  const included = includedSeconds / 3600;
  const used = days.at(-1)?.hours ?? 0;
  const hoursText = (hours: number) => formatHours(hours * 3600, locale);

  const plotWidth = Math.max(120, width - MARGIN.left - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = niceStep(Math.max(included, used, 1) * 1.1, 4);
  const top = Math.ceil((Math.max(included, used, 1) * 1.05) / step) * step;
  const x = (day: number) => MARGIN.left + ((day - 0.5) / total) * plotWidth;
  const y = (hours: number) => MARGIN.top + plotHeight - (hours / top) * plotHeight;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const dayTicks = [1, 8, 15, 22, total].filter((d, i, all) => d <= total && all.indexOf(d) === i && !(d !== total && total - d < 3));
  // A line through each day's sum (days without work keep the sum of the day before).
  const path = days.map((d, i) => `${i === 0 ? 'M' : 'L'}${x(d.day).toFixed(1)},${y(d.hours).toFixed(1)}`).join(' ');
  const lastDate = days.at(-1)?.date;

  const description =
    included > 0
      ? t('billing.burn.descIncluded', { used: hoursText(used), included: hoursText(included), date: lastDate ? formatDate(lastDate, locale) : '' })
      : t('billing.burn.desc', { used: hoursText(used), date: lastDate ? formatDate(lastDate, locale) : '' });
  const over = included > 0 && used > included;
  const clipId = `${id}-over`;

  const font = token('font.body.small');
  const textColor = token('color.text.subtle');

  return (
    <Box xcss={chartBox} testId={testId}>
      <div ref={ref} style={{ width: '100%' }}>
        {days.length === 0 ? (
          <Text color="color.text.subtle" testId={testId ? `${testId}-empty` : undefined}>
            {t('billing.burn.empty')}
          </Text>
        ) : (
          <svg
            width={width}
            height={HEIGHT}
            viewBox={`0 0 ${width} ${HEIGHT}`}
            role="img"
            aria-labelledby={`${id}-title ${id}-desc`}
            data-testid={testId ? `${testId}-svg` : undefined}
            style={{ display: 'block', overflow: 'visible' }}
          >
            <title id={`${id}-title`}>{t('billing.burn.title')}</title>
            <desc id={`${id}-desc`}>{description}</desc>
            <defs>
              <clipPath id={clipId}>
                <rect x={0} y={0} width={width} height={Math.max(0, y(included))} />
              </clipPath>
            </defs>
            <text x={MARGIN.left - 8} y={12} textAnchor="end" style={{ font, fill: textColor }}>
              {t('billing.burn.axis')}
            </text>
            {ticks.map((tick) => (
              <g key={tick}>
                <line x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={y(tick)} y2={y(tick)} stroke={token('color.border')} strokeWidth={1} />
                <text x={MARGIN.left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle" style={{ font, fill: textColor }}>
                  {new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(tick)}
                </text>
              </g>
            ))}
            {dayTicks.map((day) => (
              <text key={day} x={x(day)} y={HEIGHT - 8} textAnchor="middle" style={{ font, fill: textColor }}>
                {new Intl.NumberFormat(locale).format(day)}
              </text>
            ))}
            {included > 0 ? (
              <line
                x1={MARGIN.left}
                x2={MARGIN.left + plotWidth}
                y1={y(included)}
                y2={y(included)}
                stroke={token('color.chart.neutral')}
                strokeWidth={2}
                strokeDasharray="6 4"
                data-testid={testId ? `${testId}-included` : undefined}
              />
            ) : null}
            <path d={path} fill="none" stroke={token('color.chart.brand')} strokeWidth={2.5} strokeLinejoin="round" strokeLinecap="round" />
            {over ? (
              <path d={path} fill="none" stroke={token('color.chart.danger.bold')} strokeWidth={3} strokeLinejoin="round" strokeLinecap="round" clipPath={`url(#${clipId})`} />
            ) : null}
            {days.length > 0 ? (
              <circle cx={x(days.at(-1)?.day ?? 1)} cy={y(used)} r={4} fill={over ? token('color.chart.danger.bold') : token('color.chart.brand')} />
            ) : null}
          </svg>
        )}
      </div>
      {days.length > 0 ? (
        <Inline space="space.200" shouldWrap alignBlock="center">
          <Inline space="space.075" alignBlock="center">
            <span aria-hidden="true" style={swatch(token('color.chart.brand'))} />
            <Text size="small" color="color.text.subtle">
              {t('billing.burn.legendUsed', { hours: hoursText(used) })}
            </Text>
          </Inline>
          {included > 0 ? (
            <Inline space="space.075" alignBlock="center">
              <span aria-hidden="true" style={swatch(token('color.chart.neutral'), true)} />
              <Text size="small" color="color.text.subtle">
                {t('billing.burn.legendIncluded', { hours: hoursText(included) })}
              </Text>
            </Inline>
          ) : null}
          {over ? (
            <Inline space="space.075" alignBlock="center">
              <span aria-hidden="true" style={swatch(token('color.chart.danger.bold'))} />
              <Text size="small" color="color.text.subtle">
                {t('billing.burn.legendOver', { hours: hoursText(used - included) })}
              </Text>
            </Inline>
          ) : null}
        </Inline>
      ) : null}
      {days.length > 0 ? (
        <VisuallyHidden>
          <table>
            <caption>{t('billing.burn.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('billing.burn.date')}</th>
                <th scope="col">{t('billing.burn.cumulative')}</th>
                {included > 0 ? <th scope="col">{t('billing.burn.included')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{formatDate(d.date, locale)}</th>
                  <td>{hoursText(d.hours)}</td>
                  {included > 0 ? <td>{hoursText(included)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </VisuallyHidden>
      ) : null}
    </Box>
  );
}
