// The content of the confirmation modal (see hooks/confirm.ts): the question, Cancel, and the action button,
// which runs the action and closes, or shows why the server refused.
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { view } from '@forge/bridge';
import { useState } from 'react';
import type { ResolverResult } from '@contract/result';
import { callResolver } from '../shared/api';
import { useT } from '../shared/texts';
import { errorText } from './components/error-text';
import type { ConfirmAction, ConfirmClosePayload, ConfirmContext } from './hooks/confirm';
import type { Viewer } from './state/format';

function close(payload: ConfirmClosePayload): void {
  void view.close(payload);
}

/** One resolver call whose name and request were checked together when the action was built. */
function run(action: ConfirmAction): Promise<ResolverResult<unknown>> {
  return (callResolver as (name: string, request: unknown) => Promise<ResolverResult<unknown>>)(action.name, action.request);
}

export function ConfirmModal({ request, viewer }: { request: ConfirmContext; viewer: Viewer }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const confirm = async () => {
    if (!request.action) {
      close({ outcome: 'confirmed' });
      return;
    }
    setBusy(true);
    setFailure(null);
    const result = await run(request.action);
    setBusy(false);
    if (result.ok) close({ outcome: 'done' });
    else if (result.error.code === 'FORBIDDEN') close({ outcome: 'forbidden' });
    else setFailure(errorText(result.error, t, viewer));
  };

  return (
    <Box padding="space.300" testId="confirm-dialog">
      <Stack space="space.200">
        <Text>{request.body}</Text>
        {failure ? (
          <SectionMessage appearance="warning" testId="confirm-dialog-error">
            <Text>{failure}</Text>
          </SectionMessage>
        ) : null}
        <Inline space="space.100" alignInline="end">
          <Button appearance="subtle" onClick={() => close({ outcome: 'cancelled' })} isDisabled={busy} testId="confirm-dialog-cancel">
            {t('admin.actions.cancel')}
          </Button>
          <Button appearance="danger" onClick={() => void confirm()} isLoading={busy} testId="confirm-dialog-confirm">
            {request.confirmLabel}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
