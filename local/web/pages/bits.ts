// Small pieces several pages share: status lozenge, priority mark, a person with avatar.
import { html, type SafeHtml } from '../html';
import type { Priority, Status, UserRef } from '../jira-shapes';
import { avatar } from './layout';

export function lozengeClass(status: Status | null | undefined): string {
  switch (status?.statusCategory?.key) {
    case 'done':
      return 'lozenge lozenge-success';
    case 'indeterminate':
      return 'lozenge lozenge-inprogress';
    default:
      return 'lozenge lozenge-default';
  }
}

export function statusLozenge(status: Status | null | undefined, testId?: string): SafeHtml {
  return html`<span class="${lozengeClass(status)}"${testId ? html` data-testid="${testId}"` : html``}>${status?.name ?? 'No status'}</span>`;
}

export function priorityMark(p: Priority | null | undefined): SafeHtml {
  if (!p) return html`<span class="muted">None</span>`;
  const colour = /^#[0-9a-f]{3,8}$/i.test(p.statusColor ?? '') ? p.statusColor : '#707070';
  return html`<span class="priority"><span class="priority-dot" style="background:${colour}" aria-hidden="true"></span>${p.name}</span>`;
}

export function personChip(user: UserRef | null | undefined, emptyText: string): SafeHtml {
  if (!user) return html`<span class="muted">${emptyText}</span>`;
  const name = user.displayName ?? user.accountId;
  return html`<span class="person">${avatar(name, user.accountId)}<span>${name}</span></span>`;
}
