// The content of the close / reopen dialog (see closure.ts): what closing means, the reason a reopening needs,
// Cancel, and the action button, which runs the resolver call and closes, or shows why the server refused.
import Button from '@atlaskit/button/new';
import { ErrorMessage, HelperMessage, Label, RequiredAsterisk } from '@atlaskit/form';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { view } from '@forge/bridge';
import { useState } from 'react';
import { callResolver } from '../shared/api';
import { useT } from '../shared/texts';
import type { ClosureClosePayload, ClosureContext } from './closure';

const REASON_MAX = 500;

function close(payload: ClosureClosePayload): void {
  void view.close(payload);
}

export function ClosureModal({ request }: { request: ClosureContext }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const reopen = request.action === 'reopen';
  const vars = { customer: request.customerName, month: request.monthLabel };

  const confirm = async () => {
    setFailure(null);
    if (reopen && reason.trim() === '') {
      setReasonError(t('billing.reopen.reasonRequired'));
      return;
    }
    setBusy(true);
    const result = reopen
      ? await callResolver('billingReopenMonth', { month: request.month, customerKey: request.customerKey, reason: reason.trim() })
      : await callResolver('billingCloseMonth', { month: request.month, customerKey: request.customerKey });
    setBusy(false);
    if (result.ok) close({ outcome: 'done' });
    else if (result.error.code === 'FORBIDDEN') close({ outcome: 'forbidden' });
    else if (result.error.field === 'reason') setReasonError(result.error.message);
    else setFailure(result.error.message);
  };

  return (
    <Box padding="space.300" testId="billing-closure-dialog" data-action={request.action}>
      <Stack space="space.200">
        <Text>{t(reopen ? 'billing.reopen.question' : 'billing.close.question', vars)}</Text>
        <Text color="color.text.subtle">{t(reopen ? 'billing.reopen.explain' : 'billing.close.explain')}</Text>
        {reopen ? (
          <Box>
            <Label htmlFor="billing-reopen-reason">
              {t('billing.reopen.reason')}
              <RequiredAsterisk />
            </Label>
            <TextArea
              id="billing-reopen-reason"
              testId="billing-reopen-reason"
              minimumRows={3}
              maxLength={REASON_MAX}
              isRequired
              isInvalid={reasonError !== null}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonError(null);
              }}
            />
            {reasonError ? (
              <ErrorMessage testId="billing-reopen-reason-error">{reasonError}</ErrorMessage>
            ) : (
              <HelperMessage>{t('billing.reopen.reasonHelp')}</HelperMessage>
            )}
          </Box>
        ) : null}
        {failure ? (
          <SectionMessage appearance="warning" testId="billing-closure-error">
            <Text>{failure}</Text>
          </SectionMessage>
        ) : null}
        <Inline space="space.100" alignInline="end">
          <Button appearance="subtle" onClick={() => close({ outcome: 'cancelled' })} isDisabled={busy} testId="billing-closure-cancel">
            {t('billing.dialog.cancel')}
          </Button>
          <Button appearance={reopen ? 'warning' : 'primary'} onClick={() => void confirm()} isLoading={busy} testId="billing-closure-confirm">
            {t(reopen ? 'billing.reopen.confirm' : 'billing.close.confirm')}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
