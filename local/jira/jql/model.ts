// Shapes shared by the compiler's parts: resolved fields, normalised operands and compiled predicates.
import type { IndexedPropertyValue, JqlContext, JqlIssue } from './types';

export type Predicate = (issue: JqlIssue) => boolean;

/** A compiled clause, with what it proves about the projects/keys of every issue it can match. */
export interface Compiled {
  test: Predicate;
  projectKeys?: ReadonlySet<string>;
  issueKeys?: ReadonlySet<string>;
}

/** The operators this engine evaluates (history operators WAS/CHANGED are rejected before this point). */
export type Operator = '=' | '!=' | '~' | '!~' | '<' | '>' | '<=' | '>=' | 'in' | 'not in' | 'is' | 'is not';

export type OperandItem =
  | { kind: 'value'; value: string; quoted: boolean }
  | { kind: 'empty' }
  | { kind: 'function'; name: string; args: string[] };

export type SimpleKind =
  | 'project' | 'issuekey' | 'status' | 'statusCategory' | 'priority' | 'labels' | 'component' | 'issuetype'
  | 'summary' | 'description' | 'text' | 'resolution' | 'parent';

/** A field of the query, resolved against the emulator's model. `name` is as the user wrote it, for messages. */
export type ResolvedField =
  | { kind: SimpleKind; name: string; canonical: string }
  | { kind: 'user'; name: string; canonical: 'assignee' | 'reporter' }
  | { kind: 'date'; name: string; canonical: 'created' | 'updated' | 'resolved' }
  | {
    kind: 'property'; name: string; canonical: string;
    propertyKey: string; path: readonly string[]; type: IndexedPropertyValue['type'];
  };

/** One terminal clause after field resolution, NOT push-down and operand normalisation. */
export interface TerminalInput {
  field: ResolvedField;
  /** The operator to evaluate (already inverted when the clause sits under NOT). */
  operator: Operator;
  /** The operator as written, for messages. */
  written: string;
  items: OperandItem[];
}

/** Lookup tables built once per compile from the context. */
export interface Catalog {
  ctx: JqlContext;
  projectsById: Map<string, { id: string; key: string; name: string }>;
  projectsByKey: Map<string, { id: string; key: string; name: string }>;
  projectsByName: Map<string, { id: string; key: string; name: string }[]>;
  statusesById: Map<string, { id: string; name: string }>;
  statusesByName: Map<string, string[]>;
  prioritiesById: Map<string, number>;
  prioritiesByName: Map<string, string[]>;
  issueTypesById: Map<string, string>;
  issueTypesByName: Map<string, string>;
  usersById: Map<string, { accountId: string; displayName: string }>;
  usersByNameOrEmail: Map<string, string[]>;
}

/** Where compile errors are collected; Jira reports every semantic error of a query at once. */
export class Problems {
  readonly messages: string[] = [];
  add(message: string): void {
    if (!this.messages.includes(message)) this.messages.push(message);
  }
}
