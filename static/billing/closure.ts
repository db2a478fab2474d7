// Closing and reopening a customer's month in a Forge modal (the host's dialog, centred where the person looks,
// not inside this tall iframe). The modal is this same resource showing ClosureModal; it runs the resolver call
// itself, so a refusal is shown next to the button that caused it.
import { Modal, showFlag } from '@forge/bridge';

export const CLOSURE_KIND = 'service-billing-closure';

export interface ClosureContext {
  kind: typeof CLOSURE_KIND;
  action: 'close' | 'reopen';
  month: string;
  customerKey: string;
  /** For the question: the customer's name and the month as the viewer reads it. */
  customerName: string;
  monthLabel: string;
}

/** `done`: closed or reopened; `forbidden`: the caller may not (any more). */
export type ClosureOutcome = 'cancelled' | 'done' | 'forbidden';

export interface ClosureClosePayload {
  outcome: ClosureOutcome;
}

export function isClosureContext(value: unknown): value is ClosureContext {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === CLOSURE_KIND;
}

export function askClosure(request: Omit<ClosureContext, 'kind'>, title: string): Promise<ClosureOutcome> {
  return new Promise((resolve) => {
    const context: ClosureContext = { kind: CLOSURE_KIND, ...request };
    const modal = new Modal({
      // Room for the question, the reason (reopen) and the server's message when it refuses.
      size: { width: '520px', height: request.action === 'reopen' ? '380px' : '260px' },
      title,
      context,
      onClose: (payload?: ClosureClosePayload) => resolve(payload?.outcome ?? 'cancelled'),
    });
    modal.open().catch((error: unknown) => {
      console.error('Service Manager: the dialog could not be opened', error);
      resolve('cancelled');
    });
  });
}

let flagSequence = 0;
export function flag(type: 'success' | 'error', title: string, description?: string): void {
  flagSequence += 1;
  try {
    void showFlag({ id: `service-billing-${flagSequence}`, title, description, type, isAutoDismiss: true });
  } catch (error) {
    console.error('Service Manager: the flag could not be shown', error);
  }
}
