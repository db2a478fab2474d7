// UI texts in English and German; the locale comes from the Jira user's profile.
const en = {
  loading: 'Loading…',
  status: 'Status',
  priority: 'Priority',
  assignee: 'Assignee',
  unassigned: 'Unassigned',
  none: 'None',
  updated: 'Updated',
  activity: 'Activity seen by Service Manager',
  noActivity: 'No changes recorded yet. Activity appears after the next update of this issue.',
  lastEvent: 'Last event',
  events: 'Events recorded',
  errorTitle: 'Service Manager cannot show this issue',
  retry: 'Try again',
};
export type Texts = typeof en;

const de: Texts = {
  loading: 'Wird geladen…',
  status: 'Status',
  priority: 'Priorität',
  assignee: 'Bearbeiter',
  unassigned: 'Nicht zugewiesen',
  none: 'Keine',
  updated: 'Aktualisiert',
  activity: 'Von Service Manager erfasste Aktivität',
  noActivity: 'Noch keine Änderungen erfasst. Aktivität erscheint nach der nächsten Änderung dieses Vorgangs.',
  lastEvent: 'Letztes Ereignis',
  events: 'Erfasste Ereignisse',
  errorTitle: 'Service Manager kann diesen Vorgang nicht anzeigen',
  retry: 'Erneut versuchen',
};

export function textsFor(locale: string | undefined): Texts {
  return locale?.toLowerCase().startsWith('de') ? de : en;
}

export function formatInstant(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}
