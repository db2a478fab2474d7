// Changing an issue's fields: from a create/edit body (`fields` + `update`) or a transition, producing the new
// snapshot and the changelog items Jira would write. Bad values are 400s naming the field, as in Jira.
import { adfToText, type AdfDoc, isAdfDoc } from './adf';
import { fieldError, invalidPayload, isRecord } from './errors';
import type { Catalog, ChangeItemRec, IssueRec, ProjectRec } from './model';

export function cloneIssue(i: IssueRec): IssueRec {
  return { ...i, labels: [...i.labels], components: [...i.components], customFields: { ...i.customFields }, properties: new Map(i.properties) };
}

export function item(
  field: string,
  fieldId: string,
  from: string | null,
  fromString: string | null,
  to: string | null,
  toString: string | null,
  fieldtype: 'jira' | 'custom' = 'jira',
): ChangeItemRec {
  return { field, fieldtype, fieldId, from, fromString, to, toString };
}

const notSettable = (field: string) => fieldError(field, `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`);

export class IssueEditor {
  readonly next: IssueRec;
  readonly items: ChangeItemRec[] = [];

  constructor(
    private readonly catalog: Catalog,
    readonly original: IssueRec,
  ) {
    this.next = cloneIssue(original);
  }

  /**
   * Adds a change item; several operations on one field in one request make one item (first `from`, last `to`),
   * as Jira writes one history entry per request. Component additions and removals stay one item per value.
   */
  private record(change: ChangeItemRec): void {
    if (change.fieldId === 'components') {
      const opposite = this.items.findIndex(
        (i) => i.fieldId === 'components' && ((i.to !== null && i.to === change.from) || (i.from !== null && i.from === change.to)),
      );
      if (opposite >= 0) this.items.splice(opposite, 1);
      else this.items.push(change);
      return;
    }
    const index = this.items.findIndex((i) => i.fieldId === change.fieldId);
    const earlier = index >= 0 ? this.items[index] : undefined;
    if (!earlier) {
      this.items.push(change);
      return;
    }
    const merged = { ...earlier, to: change.to, toString: change.toString };
    if (merged.from === merged.to && merged.fromString === merged.toString) this.items.splice(index, 1);
    else this.items[index] = merged;
  }

  private get project(): ProjectRec {
    const p = this.catalog.projects.get(this.next.projectId);
    if (!p) throw new Error(`missing project ${this.next.projectId}`);
    return p;
  }

  private userName(accountId: string | null): string | null {
    return accountId === null ? null : (this.catalog.users.get(accountId)?.displayName ?? accountId);
  }

  setSummary(value: string): void {
    if (value === this.next.summary) return;
    this.record(item('summary', 'summary', null, this.next.summary, null, value));
    this.next.summary = value;
  }

  setDescription(value: AdfDoc | null): void {
    const before = this.next.description === null ? null : adfToText(this.next.description);
    const after = value === null ? null : adfToText(value);
    if (JSON.stringify(value) === JSON.stringify(this.next.description)) return;
    this.record(item('description', 'description', null, before, null, after));
    this.next.description = value;
  }

  setPriority(id: string): void {
    if (id === this.next.priorityId) return;
    const name = (pid: string) => this.catalog.priorities.get(pid)?.name ?? pid;
    this.record(item('priority', 'priority', this.next.priorityId, name(this.next.priorityId), id, name(id)));
    this.next.priorityId = id;
  }

  setAssignee(accountId: string | null): void {
    if (accountId === this.next.assigneeId) return;
    this.record(item('assignee', 'assignee', this.next.assigneeId, this.userName(this.next.assigneeId), accountId, this.userName(accountId)));
    this.next.assigneeId = accountId;
  }

  setReporter(accountId: string): void {
    if (accountId === this.next.reporterId) return;
    this.record(item('reporter', 'reporter', this.next.reporterId, this.userName(this.next.reporterId), accountId, this.userName(accountId)));
    this.next.reporterId = accountId;
  }

  setLabels(labels: string[]): void {
    const unique = [...new Set(labels)];
    if (unique.join('\u0000') === this.next.labels.join('\u0000')) return;
    const text = (l: string[]) => (l.length === 0 ? null : [...l].sort().join(' '));
    this.record(item('labels', 'labels', null, text(this.next.labels), null, text(unique)));
    this.next.labels = unique;
  }

  setComponents(names: string[]): void {
    const unique = [...new Set(names)];
    const idOf = (n: string) => this.project.components.find((c) => c.name === n)?.id ?? null;
    for (const removed of this.next.components.filter((n) => !unique.includes(n))) {
      this.record(item('Component', 'components', idOf(removed), removed, null, null));
    }
    for (const added of unique.filter((n) => !this.next.components.includes(n))) {
      this.record(item('Component', 'components', null, null, idOf(added), added));
    }
    this.next.components = unique;
  }

  setCustomField(id: string, value: unknown): void {
    const before = this.next.customFields[id] ?? null;
    if (JSON.stringify(before) === JSON.stringify(value ?? null)) return;
    const str = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v : displayValue(v));
    const name = this.catalog.customFields.get(id)?.name ?? id;
    this.record(item(name, id, null, str(before), null, str(value), 'custom'));
    if (value === null || value === undefined) delete this.next.customFields[id];
    else this.next.customFields[id] = value;
  }

  /** Moves to a status; entering a done status sets a resolution, leaving done clears it (Jira's default workflow). */
  setStatus(statusId: string, at: number, resolutionId?: string): void {
    const statuses = this.catalog.statuses;
    const from = statuses.get(this.next.statusId);
    const to = statuses.get(statusId);
    if (!to) throw new Error(`unknown status ${statusId}`);
    if (statusId !== this.next.statusId) {
      this.record(item('status', 'status', this.next.statusId, from?.name ?? null, statusId, to.name));
      if (from?.category !== to.category) this.next.statusCategoryChangeDate = at;
      this.next.statusId = statusId;
    }
    const wanted = to.category === 'done' ? (resolutionId ?? this.next.resolutionId ?? this.defaultResolution()) : (resolutionId ?? null);
    this.setResolution(wanted, at);
  }

  setResolution(resolutionId: string | null, at: number): void {
    if (resolutionId === this.next.resolutionId) return;
    const name = (id: string | null) => (id === null ? null : (this.catalog.resolutions.get(id)?.name ?? id));
    this.record(item('resolution', 'resolution', this.next.resolutionId, name(this.next.resolutionId), resolutionId, name(resolutionId)));
    this.next.resolutionId = resolutionId;
    this.next.resolutionDate = resolutionId === null ? null : at;
  }

  private defaultResolution(): string {
    const first = this.catalog.resolutions.values().next();
    if (first.done) throw new Error('no resolutions defined');
    return first.value.id;
  }

  // ---- request bodies ----

  /** Applies `fields` of a create or edit body. `creating` admits project/issuetype/parent (handled by the caller). */
  applyFields(fields: Record<string, unknown>, creating: boolean): void {
    for (const [field, value] of Object.entries(fields)) {
      if (creating && (field === 'project' || field === 'issuetype' || field === 'parent')) continue;
      this.applyOperation(field, 'set', value);
    }
  }

  /** Applies `update: { field: [{ set | add | remove: value }] }`. */
  applyUpdate(update: unknown): void {
    if (!isRecord(update)) throw invalidPayload();
    for (const [field, ops] of Object.entries(update)) {
      if (!Array.isArray(ops)) throw fieldError(field, `Operations for field '${field}' must be a list.`);
      for (const op of ops) {
        if (!isRecord(op) || Object.keys(op).length !== 1) throw fieldError(field, `Each operation on '${field}' must have exactly one of set, add, remove.`);
        const [verb, value] = Object.entries(op)[0] as [string, unknown];
        if (verb !== 'set' && verb !== 'add' && verb !== 'remove') throw fieldError(field, `Operation '${verb}' is not supported for field '${field}'.`);
        this.applyOperation(field, verb, value);
      }
    }
  }

  private applyOperation(field: string, verb: 'set' | 'add' | 'remove', value: unknown): void {
    switch (field) {
      case 'summary': {
        if (verb !== 'set') throw fieldError(field, `Operation '${verb}' is not supported for field 'summary'.`);
        if (typeof value !== 'string' || value.trim() === '') throw fieldError('summary', 'You must specify a summary of the issue.');
        if (value.length > 255) throw fieldError('summary', 'Summary must be less than 255 characters.');
        this.setSummary(value);
        return;
      }
      case 'description': {
        if (verb !== 'set') throw fieldError(field, `Operation '${verb}' is not supported for field 'description'.`);
        if (value !== null && !isAdfDoc(value)) throw fieldError('description', 'Operation value must be an Atlassian Document (see the Atlassian Document Format).');
        this.setDescription(value);
        return;
      }
      case 'priority':
        if (verb !== 'set') throw fieldError(field, `Operation '${verb}' is not supported for field 'priority'.`);
        this.setPriority(this.priorityRef(value));
        return;
      case 'assignee':
        if (verb !== 'set') throw fieldError(field, `Operation '${verb}' is not supported for field 'assignee'.`);
        this.setAssignee(this.userRef('assignee', value, true));
        return;
      case 'reporter': {
        if (verb !== 'set') throw fieldError(field, `Operation '${verb}' is not supported for field 'reporter'.`);
        const id = this.userRef('reporter', value, false);
        if (id === null) throw fieldError('reporter', 'Reporter is required.');
        this.setReporter(id);
        return;
      }
      case 'labels': {
        if (verb === 'set') {
          if (!Array.isArray(value)) throw fieldError('labels', 'Labels must be a list of strings.');
          this.setLabels(value.map((v) => this.label(v)));
        } else {
          const label = this.label(value);
          this.setLabels(verb === 'add' ? [...this.next.labels, label] : this.next.labels.filter((l) => l !== label));
        }
        return;
      }
      case 'components': {
        if (verb === 'set') {
          if (!Array.isArray(value)) throw fieldError('components', 'Components must be a list of { id } or { name }.');
          this.setComponents(value.map((v) => this.componentRef(v)));
        } else {
          const name = this.componentRef(value);
          this.setComponents(verb === 'add' ? [...this.next.components, name] : this.next.components.filter((c) => c !== name));
        }
        return;
      }
      default:
        if (this.catalog.customFields.has(field)) {
          if (verb !== 'set') throw fieldError(field, `Operation '${verb}' is not supported for field '${field}'.`);
          this.setCustomField(field, value);
          return;
        }
        throw notSettable(field);
    }
  }

  private priorityRef(value: unknown): string {
    if (isRecord(value)) {
      if (typeof value.id === 'string' && this.catalog.priorities.has(value.id)) return value.id;
      if (typeof value.name === 'string') {
        const byName = [...this.catalog.priorities.values()].find((p) => p.name === value.name);
        if (byName) return byName.id;
      }
    }
    throw fieldError('priority', 'Specify the Priority (id or name) in the string format');
  }

  private userRef(field: string, value: unknown, nullable: boolean): string | null {
    if (value === null && nullable) return null;
    if (isRecord(value) && typeof value.accountId === 'string') {
      const u = this.catalog.users.get(value.accountId);
      if (u && u.active) return u.accountId;
      throw fieldError(field, `User '${value.accountId}' does not exist.`);
    }
    if (isRecord(value) && value.accountId === null && nullable) return null;
    throw fieldError(field, `Specify a user as { "accountId": "..." }${nullable ? ' or null' : ''}.`);
  }

  private label(value: unknown): string {
    if (typeof value !== 'string' || value.length === 0) throw fieldError('labels', 'Labels must be non-empty strings.');
    if (/\s/.test(value)) throw fieldError('labels', `The label '${value}' contains spaces which is invalid.`);
    if (value.length > 255) throw fieldError('labels', 'The label must not exceed 255 characters.');
    return value;
  }

  private componentRef(value: unknown): string {
    const components = this.project.components;
    if (isRecord(value)) {
      const byId = typeof value.id === 'string' ? components.find((c) => c.id === value.id) : undefined;
      if (byId) return byId.name;
      const byName = typeof value.name === 'string' ? components.find((c) => c.name === value.name) : undefined;
      if (byName) return byName.name;
      const shown = typeof value.id === 'string' ? value.id : typeof value.name === 'string' ? value.name : '?';
      throw fieldError('components', `Component '${shown}' is not valid.`);
    }
    throw fieldError('components', 'Specify components as { "id": "..." } or { "name": "..." }.');
  }
}

function displayValue(v: unknown): string {
  if (Array.isArray(v)) return v.map(displayValue).join(',');
  if (isRecord(v)) {
    if (typeof v.value === 'string') return v.value;
    if (typeof v.name === 'string') return v.name;
  }
  return JSON.stringify(v);
}
