// An editor whose record is gone (deleted by someone else, seen after a reload).
import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useT } from '../../shared/texts';

export function MissingRecord({ onBack }: { onBack: () => void }) {
  const t = useT();
  return (
    <SectionMessage appearance="warning" title={t('admin.missing.title')} testId="record-missing">
      <Stack space="space.100">
        <Text>{t('admin.missing.text')}</Text>
        <Button onClick={onBack} testId="record-missing-back">
          {t('admin.actions.backToList')}
        </Button>
      </Stack>
    </SectionMessage>
  );
}
