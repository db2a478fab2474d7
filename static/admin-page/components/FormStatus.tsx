// The top of a form after a failed save: who changed the record meanwhile (with a reload), the messages that
// name no input on the form, or the server's message.
import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { ResolverError } from '@contract/result';
import { useT } from '../../shared/texts';
import type { PlacedErrors } from '../state/field-errors';
import { formatRecentInstant } from '../state/format';
import { useAdmin } from '../hooks/admin-context';
import { errorText } from './error-text';

interface FormStatusProps {
  /** Test ids: `<prefix>-errors`, `<prefix>-conflict`, `<prefix>-conflict-reload`. */
  prefix: string;
  error: ResolverError | null;
  placed: PlacedErrors;
  onReload?: () => void;
  /** The form creates a record: a conflict means the key is taken, not that someone changed it. */
  isNew?: boolean;
}

/** One sentence for a failed answer: who changed the record meanwhile, else the server's message. */
export function useErrorText(): (error: ResolverError) => string {
  const t = useT();
  const { viewer } = useAdmin();
  return (error) => errorText(error, t, viewer);
}

export function FormStatus({ prefix, error, placed, onReload, isNew }: FormStatusProps) {
  const t = useT();
  const { viewer } = useAdmin();
  const errorText = useErrorText();
  if (!error) return null;
  if (error.code === 'CONFLICT' && error.conflict) {
    const text = isNew
      ? t('admin.conflict.exists', { name: error.conflict.updatedBy, time: formatRecentInstant(error.conflict.updatedAt, viewer) })
      : errorText(error);
    return (
      <SectionMessage appearance="warning" title={t('admin.conflict.title')} testId={`${prefix}-conflict`}>
        <Stack space="space.100">
          <Text>{text}</Text>
          {onReload ? (
            <Button onClick={onReload} testId={`${prefix}-conflict-reload`}>
              {t('admin.conflict.reload')}
            </Button>
          ) : null}
        </Stack>
      </SectionMessage>
    );
  }
  if (error.code === 'INVALID_INPUT') {
    const placedAny = placed.at.size > 0;
    const list = placed.unplaced;
    return (
      <SectionMessage appearance="error" title={t('admin.errors.invalidTitle')} testId={`${prefix}-errors`}>
        <Stack space="space.050">
          {placedAny ? <Text>{t('admin.errors.seeFields')}</Text> : null}
          {list.length === 0 && !placedAny ? <Text>{error.message}</Text> : null}
          {list.map((item, i) => (
            <Text key={`${item.field}-${i}`} testId={`${prefix}-error-item`}>
              {item.field ? `${item.field}: ${item.message}` : item.message}
            </Text>
          ))}
        </Stack>
      </SectionMessage>
    );
  }
  return <ErrorMessageBox testId={`${prefix}-errors`} error={error} onReload={error.code === 'CONFLICT' ? onReload : undefined} />;
}

/** A failed answer that is not about fields: the server's own message under a title for its kind. */
export function ErrorMessageBox({ error, testId, onReload }: { error: ResolverError; testId: string; onReload?: () => void }) {
  const t = useT();
  const title = error.code === 'CONFLICT' ? t('admin.errors.refusedTitle') : t('admin.errors.failedTitle');
  return (
    <SectionMessage appearance={error.code === 'CONFLICT' ? 'warning' : 'error'} title={title} testId={testId}>
      <Stack space="space.100">
        <Text>{error.message}</Text>
        {onReload ? (
          <Button onClick={onReload} testId={`${testId}-reload`}>
            {t('admin.conflict.reload')}
          </Button>
        ) : null}
      </Stack>
    </SectionMessage>
  );
}
