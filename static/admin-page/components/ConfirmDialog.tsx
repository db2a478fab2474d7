// "Delete this?": a modal that runs the action and, when the server refuses, says why and stays open.
import Button from '@atlaskit/button/new';
import ModalDialog, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import type { ResolverError } from '@contract/result';
import { useT } from '../../shared/texts';
import { useErrorText } from './FormStatus';

interface ConfirmDialogProps {
  isOpen: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  /** Resolves to null when done (the caller closes the dialog), else the error to show. */
  onConfirm: () => Promise<ResolverError | null>;
  onClose: () => void;
}

export function ConfirmDialog({ isOpen, title, body, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const t = useT();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverError | null>(null);

  const close = () => {
    if (busy) return;
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    const failed = await onConfirm();
    setBusy(false);
    if (failed) setError(failed);
  };

  return (
    <ModalTransition>
      {isOpen ? (
        <ModalDialog onClose={close} width="small" testId="confirm-dialog">
          <ModalHeader>
            <ModalTitle appearance="danger">{title}</ModalTitle>
          </ModalHeader>
          <ModalBody>
            <Stack space="space.150">
              <Text>{body}</Text>
              {error ? (
                <SectionMessage appearance={error.code === 'CONFLICT' || error.code === 'INVALID_INPUT' ? 'warning' : 'error'} testId="confirm-dialog-error">
                  <Text>{errorText(error)}</Text>
                </SectionMessage>
              ) : null}
            </Stack>
          </ModalBody>
          <ModalFooter>
            <Button appearance="subtle" onClick={close} testId="confirm-dialog-cancel">
              {t('admin.actions.cancel')}
            </Button>
            <Button appearance="danger" onClick={() => void confirm()} isLoading={busy} testId="confirm-dialog-confirm">
              {confirmLabel}
            </Button>
          </ModalFooter>
        </ModalDialog>
      ) : null}
    </ModalTransition>
  );
}
