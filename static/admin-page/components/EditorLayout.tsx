// The frame of every record editor: a back link and title, who changed the record last, the form, and the
// Save / Cancel / Delete buttons.
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import ArrowLeftIcon from '@atlaskit/icon/core/arrow-left';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ReactNode } from 'react';
import type { RecordMeta } from '@contract/config';
import { useT } from '../../shared/texts';
import { useAdmin } from '../hooks/admin-context';
import { formatInstant } from '../state/format';

interface EditorLayoutProps {
  /** `customer`: test ids `customer-editor`, `customer-save`, `customer-cancel`, `customer-delete`, `customer-back`. */
  prefix: string;
  title: string;
  meta?: RecordMeta | null;
  saving: boolean;
  saveLabel?: string;
  onSave: () => void;
  onCancel: () => void;
  onDelete?: () => void;
  status?: ReactNode;
  children: ReactNode;
  /** Shown below the form, outside it (Enter there does not save). */
  after?: ReactNode;
}

const panel = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.large',
  padding: 'space.300',
  backgroundColor: 'elevation.surface',
});
const titleBox = xcss({ overflowWrap: 'anywhere', minWidth: '0' });

export function EditorLayout({ prefix, title, meta, saving, saveLabel, onSave, onCancel, onDelete, status, children, after }: EditorLayoutProps) {
  const t = useT();
  const { viewer } = useAdmin();
  return (
    <Stack space="space.200" testId={`${prefix}-editor`}>
      <Inline>
        <Button appearance="subtle" iconBefore={ArrowLeftIcon} onClick={onCancel} testId={`${prefix}-back`}>
          {t('admin.actions.backToList')}
        </Button>
      </Inline>
      <Box xcss={panel}>
        <Stack space="space.250">
          <Stack space="space.050">
            <Box xcss={titleBox}>
              <Heading size="medium" as="h2" testId={`${prefix}-editor-title`}>
                {title}
              </Heading>
            </Box>
            {meta ? (
              <Text size="small" color="color.text.subtle" testId={`${prefix}-meta`}>
                {t('admin.meta.lastChanged', { name: meta.updatedBy.displayName, time: formatInstant(meta.updatedAt, viewer), revision: meta.revision })}
              </Text>
            ) : null}
          </Stack>
          {status}
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              onSave();
            }}
          >
            <Stack space="space.250">
              {children}
              <Inline space="space.100" spread="space-between" shouldWrap>
                <Inline space="space.100">
                  <Button type="submit" appearance="primary" isLoading={saving} testId={`${prefix}-save`}>
                    {saveLabel ?? t('admin.actions.save')}
                  </Button>
                  <Button appearance="subtle" onClick={onCancel} testId={`${prefix}-cancel`}>
                    {t('admin.actions.cancel')}
                  </Button>
                </Inline>
                {onDelete ? (
                  <Button appearance="danger" onClick={onDelete} testId={`${prefix}-delete`}>
                    {t('admin.actions.delete')}
                  </Button>
                ) : null}
              </Inline>
            </Stack>
          </form>
          {after}
        </Stack>
      </Box>
    </Stack>
  );
}
