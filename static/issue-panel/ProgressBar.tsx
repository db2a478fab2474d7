// Elapsed against the target as a bar in design tokens (light and dark), with a mark at the warning threshold.
import { token } from '@atlaskit/tokens';
import type { ClockTone } from './clock-view';

const FILL: Record<ClockTone, string> = {
  information: token('color.background.information.bold'),
  success: token('color.background.success.bold'),
  warning: token('color.background.warning.bold'),
  danger: token('color.background.danger.bold'),
  neutral: token('color.background.neutral.bold'),
};

export function ProgressBar({ percent, tone, warnAtPercent, label, testId }: { percent: number; tone: ClockTone; warnAtPercent: number | null; label: string; testId?: string }) {
  const shown = Math.round(percent);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={shown}
      data-testid={testId}
      data-tone={tone}
      style={{
        position: 'relative',
        height: '6px',
        width: '100%',
        borderRadius: token('radius.full'),
        backgroundColor: token('color.background.neutral'),
        overflow: 'hidden',
      }}
    >
      <div style={{ width: `${percent}%`, height: '100%', backgroundColor: FILL[tone], borderRadius: token('radius.full') }} />
      {warnAtPercent !== null && warnAtPercent > 0 && warnAtPercent < 100 ? (
        <div
          aria-hidden="true"
          style={{ position: 'absolute', top: 0, bottom: 0, left: `${warnAtPercent}%`, width: '2px', backgroundColor: token('elevation.surface') }}
        />
      ) : null}
    </div>
  );
}
