// The customer editor's form: the record itself (without its meta) and the paths of its inputs.
import type { Contact, Customer, WithMeta } from '@contract/config';
import { path } from './field-errors';

const ROOT = 'customer';

export function emptyCustomer(timeZone: string): Customer {
  return { key: '', name: '', tier: 'gold', timeZone, serviceManagerAccountId: null, contacts: [] };
}

export function emptyContact(): Contact {
  return { name: '', email: '', role: '', lastReviewedOn: null };
}

export function customerToDraft(record: WithMeta<Customer>): Customer {
  const { meta: _meta, ...customer } = record;
  return { ...customer, contacts: customer.contacts.map((c) => ({ ...c })) };
}

export const CONTACT_FIELDS = ['name', 'email', 'role', 'lastReviewedOn'] as const;

export function contactPath(index: number, field?: (typeof CONTACT_FIELDS)[number]): string {
  return field ? path(ROOT, 'contacts', index, field) : path(ROOT, 'contacts', index);
}

export function customerPaths(draft: Customer): string[] {
  const known = ['key', 'name', 'tier', 'timeZone', 'serviceManagerAccountId', 'contacts'].map((f) => `${ROOT}.${f}`);
  draft.contacts.forEach((_, i) => known.push(contactPath(i), ...CONTACT_FIELDS.map((f) => contactPath(i, f))));
  return known;
}

/** What is sent: the draft with empty optional texts as the record wants them. */
export function draftToCustomer(draft: Customer): Customer {
  return {
    ...draft,
    key: draft.key.trim(),
    contacts: draft.contacts.map((c) => ({ ...c, lastReviewedOn: c.lastReviewedOn ? c.lastReviewedOn : null })),
  };
}
