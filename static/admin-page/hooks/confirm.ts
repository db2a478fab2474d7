// "Delete this?" in a Forge modal (the host's dialog, centred where the admin looks, not inside this tall
// iframe). The modal is this same resource showing ConfirmModal; it can run the resolver call itself, so a
// refusal ("still has contracts") is shown next to the button that caused it.
import { Modal } from '@forge/bridge';
import type { RequestOf, ResolverName } from '@contract/resolvers';

export type ConfirmAction = { [N in ResolverName]: { name: N; request: RequestOf<N> } }[ResolverName];

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  /** Run in the modal on confirm; the modal stays open with the server's message when it fails. */
  action?: ConfirmAction;
}

export const CONFIRM_KIND = 'service-manager-confirm';

export interface ConfirmContext extends ConfirmRequest {
  kind: typeof CONFIRM_KIND;
}

/** `done`: the action ran; `confirmed`: confirmed, no action given; `forbidden`: the caller is no admin (any more). */
export type ConfirmOutcome = 'cancelled' | 'confirmed' | 'done' | 'forbidden';

export interface ConfirmClosePayload {
  outcome: ConfirmOutcome;
}

export function isConfirmContext(value: unknown): value is ConfirmContext {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === CONFIRM_KIND;
}

export function askConfirm(request: ConfirmRequest): Promise<ConfirmOutcome> {
  return new Promise((resolve) => {
    const context: ConfirmContext = { kind: CONFIRM_KIND, ...request };
    const modal = new Modal({
      // A fixed height leaves room for the server's reason when it refuses (a named size would only fit the question).
      size: { width: '480px', height: '320px' },
      title: request.title,
      context,
      onClose: (payload?: ConfirmClosePayload) => resolve(payload?.outcome ?? 'cancelled'),
    });
    modal.open().catch((error: unknown) => {
      console.error('Service Manager: the confirmation could not be opened', error);
      resolve('cancelled');
    });
  });
}
