// The server's findings on the saved rules, named by the rules' current positions.
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { MatchRule } from '@contract/config';
import { useT } from '../../shared/texts';
import type { FindingView } from '../state/matching-form';

export function FindingText({ finding }: { finding: FindingView }) {
  const t = useT();
  const name = (position: number | null, id: string) => (position === null ? id : String(position));
  const vars = { rule: name(finding.rule, finding.ruleId), other: name(finding.other, finding.otherRuleId) };
  return <>{finding.kind === 'shadowed' ? t('admin.matching.shadowed', vars) : t('admin.matching.overlaps', vars)}</>;
}

export function MatchingFindings({ findings, rules, stale }: { findings: FindingView[]; rules: MatchRule[]; stale: boolean }) {
  const t = useT();
  if (findings.length === 0 || rules.length === 0) return null;
  return (
    <SectionMessage appearance="warning" title={t('admin.matching.findingsTitle', { count: findings.length })} testId="matching-findings">
      <Stack space="space.050">
        {findings.map((f, i) => (
          <Text key={i} testId={`matching-finding-${i}`}>
            <FindingText finding={f} />
          </Text>
        ))}
        {stale ? (
          <Text color="color.text.subtle" size="small">
            {t('admin.matching.findingsStale')}
          </Text>
        ) : null}
      </Stack>
    </SectionMessage>
  );
}
