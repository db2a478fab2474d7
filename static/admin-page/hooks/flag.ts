// The host's flag (bottom left in Jira) after a save, delete or import.
import { showFlag } from '@forge/bridge';

let sequence = 0;

export function flagSuccess(title: string, description?: string): void {
  sequence += 1;
  try {
    showFlag({ id: `service-manager-admin-${sequence}`, title, description, type: 'success', isAutoDismiss: true });
  } catch (error) {
    console.error('Service Manager: the flag could not be shown', error);
  }
}
