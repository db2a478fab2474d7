// Asks in the confirmation modal, runs the action there, and says whether it was done.
import { useAdmin } from './admin-context';
import { askConfirm, type ConfirmRequest } from './confirm';

export function useConfirmedAction(): (request: ConfirmRequest) => Promise<boolean> {
  const { forbid } = useAdmin();
  return async (request) => {
    const outcome = await askConfirm(request);
    if (outcome === 'forbidden') forbid();
    return outcome === 'done' || outcome === 'confirmed';
  };
}
