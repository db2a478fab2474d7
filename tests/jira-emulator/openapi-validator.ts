// Validates emulator answers against Atlassian's OpenAPI document (/work/shared/jira-openapi). The document is
// OpenAPI 3.0: component schemas are converted to JSON Schema for ajv (`nullable` -> a null alternative, OpenAPI-only
// keywords dropped, `$ref`s rewritten). Nothing is loosened except one documented gap (see SPEC_GAPS).
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SPEC_PATH = join(__dirname, '..', '..', '..', 'shared', 'jira-openapi', 'swagger-v3.v3.json');

type Schema = { [key: string]: unknown };
interface OpenApiDoc {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

const DROP = new Set(['xml', 'example', 'readOnly', 'writeOnly', 'externalDocs', 'discriminator', 'deprecated']);

/**
 * Where the document and Jira's real answers disagree, the emulator follows Jira; each gap is listed here.
 * - ChangeDetails from/to/fromString/toString: Jira writes `null` for an empty side (e.g. `from` of a first
 *   assignment), the document types them as plain strings (the Forge events reference documents the nulls).
 */
const SPEC_GAPS: [schema: string, property: string][] = [
  ['ChangeDetails', 'from'],
  ['ChangeDetails', 'fromString'],
  ['ChangeDetails', 'to'],
  ['ChangeDetails', 'toString'],
];

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (node === null || typeof node !== 'object') return node;
  const src = node as Schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(src)) {
    if (DROP.has(k) || k.startsWith('x-') || k === 'nullable') continue;
    if (k === '$ref' && typeof v === 'string') out.$ref = v.replace('#/components/schemas/', 'jira#/definitions/');
    else if (k === 'properties' && v && typeof v === 'object') out.properties = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, convert(s)]));
    else out[k] = convert(v);
  }
  if (src.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

export class OpenApiValidator {
  readonly doc: OpenApiDoc;
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    this.doc = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiDoc;
    this.ajv = new Ajv({ strict: true, allErrors: true, strictRequired: false, allowUnionTypes: true });
    addFormats(this.ajv);
    this.ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
    this.ajv.addFormat('double', { type: 'number', validate: () => true });
    this.ajv.addFormat('url', true);
    this.ajv.addFormat('binary', true);
    const definitions = convert(this.doc.components.schemas) as Record<string, Schema>;
    for (const [schema, prop] of SPEC_GAPS) {
      const props = definitions[schema]?.properties as Record<string, Schema> | undefined;
      const p = props?.[prop];
      if (!p || p.type !== 'string') throw new Error(`SPEC_GAPS entry ${schema}.${prop} no longer matches the document`);
      p.type = ['string', 'null'];
    }
    this.ajv.addSchema({ $id: 'jira', definitions });
  }

  private compile(key: string, schema: Schema): ValidateFunction {
    let v = this.cache.get(key);
    if (!v) {
      v = this.ajv.compile(schema);
      this.cache.set(key, v);
    }
    return v;
  }

  /** The response schema of an operation (`GET`, `/rest/api/3/issue/{issueIdOrKey}`, `200`), or undefined when the document has none. */
  responseSchema(method: string, template: string, status: number): Schema | undefined {
    const op = this.doc.paths[template]?.[method.toLowerCase()];
    if (!op) throw new Error(`The OpenAPI document has no operation ${method} ${template}`);
    const content = op.responses?.[String(status)]?.content;
    if (!content) return undefined;
    const schema = (content['application/json'] ?? Object.values(content)[0])?.schema;
    return schema && Object.keys(schema).length > 0 ? schema : undefined;
  }

  /** Errors of `body` against the operation's response schema (empty when valid). */
  validateResponse(method: string, template: string, status: number, body: unknown): string[] {
    const schema = this.responseSchema(method, template, status);
    if (!schema) throw new Error(`The OpenAPI document defines no JSON body for ${method} ${template} ${status}`);
    return this.run(`${method} ${template} ${status}`, convert(schema) as Schema, body);
  }

  /** Errors of `value` against a component schema by name (`Worklog`, `UserDetails`, ...). */
  validateComponent(name: string, value: unknown): string[] {
    if (!this.doc.components.schemas[name]) throw new Error(`The OpenAPI document has no schema ${name}`);
    return this.run(`#${name}`, { $ref: `jira#/definitions/${name}` }, value);
  }

  private run(key: string, schema: Schema, value: unknown): string[] {
    const v = this.compile(key, schema);
    if (v(value)) return [];
    return (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }
}

/**
 * Issue `fields` are free-form in the document (`additionalProperties: {}`); the system fields the app reads are
 * checked against the component schemas Jira uses for them.
 */
export const ISSUE_FIELD_SCHEMAS: Record<string, { schema: string; nullable?: boolean; array?: boolean } | 'string' | 'date-time' | 'string[]' | 'number?' | 'date-time?'> = {
  summary: 'string',
  status: { schema: 'StatusDetails' },
  priority: { schema: 'Priority' },
  issuetype: { schema: 'IssueTypeDetails' },
  project: { schema: 'ProjectDetails' },
  assignee: { schema: 'UserDetails', nullable: true },
  reporter: { schema: 'UserDetails' },
  creator: { schema: 'UserDetails' },
  resolution: { schema: 'Resolution', nullable: true },
  components: { schema: 'ProjectComponent', array: true },
  comment: { schema: 'PageOfComments' },
  worklog: { schema: 'PageOfWorklogs' },
  timetracking: { schema: 'TimeTrackingDetails' },
  labels: 'string[]',
  created: 'date-time',
  updated: 'date-time',
  statuscategorychangedate: 'date-time',
  resolutiondate: 'date-time?',
  timespent: 'number?',
  aggregatetimespent: 'number?',
};

/** Checks each known field of an IssueBean's `fields`; unknown fields are reported so nothing slips through. */
export function validateIssueFields(v: OpenApiValidator, fields: Record<string, unknown>, where: string): string[] {
  const errors: string[] = [];
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/;
  for (const [name, value] of Object.entries(fields)) {
    const rule = ISSUE_FIELD_SCHEMAS[name];
    if (name === 'description') {
      if (value !== null && (typeof value !== 'object' || (value as { type?: unknown }).type !== 'doc')) errors.push(`${where}.description is not ADF`);
      continue;
    }
    if (name === 'lastViewed') continue;
    if (rule === undefined) {
      errors.push(`${where}.${name}: no schema known for this field`);
    } else if (rule === 'string') {
      if (typeof value !== 'string') errors.push(`${where}.${name} is not a string`);
    } else if (rule === 'string[]') {
      if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) errors.push(`${where}.${name} is not a string list`);
    } else if (rule === 'date-time' || rule === 'date-time?') {
      if (!(rule === 'date-time?' && value === null) && !(typeof value === 'string' && dateTime.test(value))) errors.push(`${where}.${name} is not a Jira date-time: ${String(value)}`);
    } else if (rule === 'number?') {
      if (value !== null && typeof value !== 'number') errors.push(`${where}.${name} is not a number or null`);
    } else if (value === null) {
      if (!rule.nullable) errors.push(`${where}.${name} is null`);
    } else if (rule.array) {
      if (!Array.isArray(value)) errors.push(`${where}.${name} is not a list`);
      else value.forEach((x, i) => errors.push(...v.validateComponent(rule.schema, x).map((e) => `${where}.${name}[${i}] ${e}`)));
    } else {
      errors.push(...v.validateComponent(rule.schema, value).map((e) => `${where}.${name} ${e}`));
    }
  }
  return errors;
}
