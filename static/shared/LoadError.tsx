// A load that failed: the resolver's message (translated by the server where it words it) and a retry.
import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { ResolverError } from '@contract/result';
import { useT } from './texts';

export function LoadError({ error, onRetry, testId, titleKey }: { error: ResolverError; onRetry: () => void; testId: string; titleKey: string }) {
  const t = useT();
  return (
    <SectionMessage appearance="error" title={t(titleKey)} testId={testId}>
      <Stack space="space.100">
        <Text>{error.message}</Text>
        <Inline>
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </Inline>
      </Stack>
    </SectionMessage>
  );
}
