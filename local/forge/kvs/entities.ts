// Custom entities as declared in manifest.yml (`app.storage.entities`): their attribute types, their
// indexes, and the check of a value against them.
import { badRequest } from './errors';
import { checkEntityName } from './limits';

export type AttributeType = 'string' | 'boolean' | 'float' | 'integer' | 'any';

/** One entry of `app.storage.entities`, as parsed from the manifest (types are checked at start-up). */
export interface EntityDefinition {
  name: string;
  attributes: Record<string, { type: string }>;
  indexes?: Array<string | { name: string; range: string[]; partition?: string[] }>;
}

export interface IndexAttribute {
  name: string;
  type: AttributeType;
}

export interface EntityIndex {
  name: string;
  /** The attribute the index is ordered by; undefined for the built-in `by-key` index (ordered by key). */
  range: IndexAttribute | undefined;
  partition: IndexAttribute[];
}

export interface EntitySchema {
  name: string;
  attributes: ReadonlyMap<string, AttributeType>;
  indexes: ReadonlyMap<string, EntityIndex>;
}

/** Every entity can be queried by key through this index; a manifest may not define one of that name. */
export const BY_KEY_INDEX = 'by-key';

const ATTRIBUTE_TYPES: ReadonlySet<string> = new Set(['string', 'boolean', 'float', 'integer', 'any']);
// Manifest schema: attribute names; the emulator also embeds them in SQL JSON paths, so this is a safety check too.
const ATTRIBUTE_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const FLOAT_MIN_MAGNITUDE = 1e-130;
// Documented upper bound 9.99...E+125 (38 digits); as a double that is indistinguishable from 1E+126.
const FLOAT_MAX_MAGNITUDE_EXCLUSIVE = 1e126;

/** Checks the manifest's entity list once, at start-up; a bad declaration is a configuration error. */
export function compileEntities(definitions: readonly EntityDefinition[]): Map<string, EntitySchema> {
  const schemas = new Map<string, EntitySchema>();
  for (const [i, def] of definitions.entries()) {
    const where = `app.storage.entities[${i}]`;
    const name = declared(() => checkEntityName(def.name, `${where}.name`));
    if (schemas.has(name)) throw new Error(`${where}.name: entity '${name}' is declared twice`);
    const attributes = new Map<string, AttributeType>();
    for (const [attr, spec] of Object.entries(def.attributes ?? {})) {
      if (!ATTRIBUTE_NAME.test(attr) || attr.length > 30) {
        throw new Error(`${where}.attributes.${attr}: attribute names are a letter then letters, digits or _, at most 30`);
      }
      const type = spec?.type;
      if (typeof type !== 'string' || !ATTRIBUTE_TYPES.has(type)) {
        throw new Error(`${where}.attributes.${attr}.type must be one of string, boolean, float, integer, any`);
      }
      attributes.set(attr, type as AttributeType);
    }
    const attribute = (attr: string, path: string): IndexAttribute => {
      const type = attributes.get(attr);
      if (type === undefined) throw new Error(`${path}: '${attr}' is not an attribute of entity '${name}'`);
      return { name: attr, type };
    };
    const indexes = new Map<string, EntityIndex>([[BY_KEY_INDEX, { name: BY_KEY_INDEX, range: undefined, partition: [] }]]);
    for (const [j, index] of (def.indexes ?? []).entries()) {
      const path = `${where}.indexes[${j}]`;
      const compiled: EntityIndex =
        typeof index === 'string'
          ? { name: index, range: attribute(index, path), partition: [] }
          : compileNamedIndex(index, path, attribute);
      if (indexes.has(compiled.name)) {
        throw new Error(`${path}: index name '${compiled.name}' is ${compiled.name === BY_KEY_INDEX ? 'reserved' : 'used twice'}`);
      }
      indexes.set(compiled.name, compiled);
    }
    schemas.set(name, { name, attributes, indexes });
  }
  return schemas;
}

function compileNamedIndex(
  index: { name: string; range: string[]; partition?: string[] },
  path: string,
  attribute: (attr: string, path: string) => IndexAttribute,
): EntityIndex {
  if (typeof index.name !== 'string' || index.name.length === 0) throw new Error(`${path}.name is required`);
  if (!Array.isArray(index.range) || index.range.length !== 1) {
    throw new Error(`${path}.range must name exactly one attribute`);
  }
  return {
    name: index.name,
    range: attribute(index.range[0] as string, `${path}.range`),
    partition: (index.partition ?? []).map((attr, k) => attribute(attr, `${path}.partition[${k}]`)),
  };
}

function declared<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw new Error(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/** Looks up an entity a request names; an undeclared one is the app's mistake, reported as such. */
export function entitySchema(schemas: ReadonlyMap<string, EntitySchema>, name: string): EntitySchema {
  const schema = schemas.get(name);
  if (!schema) {
    const known = [...schemas.keys()].join(', ') || 'none';
    throw badRequest(
      `entity '${name}' is not declared in manifest.yml app.storage.entities (declared: ${known})`,
      'INVALID_ENTITY_TYPE',
    );
  }
  return schema;
}

/** An entity value is an object whose every attribute is declared and of its declared type. */
export function checkEntityValue(schema: EntitySchema, value: unknown, field = 'value'): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidValue(`${field} of entity '${schema.name}' must be an object of attributes, got ${describe(value)}`);
  }
  for (const [attr, attrValue] of Object.entries(value)) {
    const type = schema.attributes.get(attr);
    if (type === undefined) {
      throw invalidValue(
        `${field}.${attr} is not an attribute of entity '${schema.name}' (declared: ${[...schema.attributes.keys()].join(', ')})`,
      );
    }
    const problem = typeProblem(type, attrValue);
    if (problem) throw invalidValue(`${field}.${attr} of entity '${schema.name}' ${problem}, got ${describe(attrValue)}`);
  }
}

/** Why a value does not fit an attribute type, or undefined when it does. */
export function typeProblem(type: AttributeType, value: unknown): string | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be a boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX
        ? undefined
        : 'must be a 32-bit signed integer (-2147483648..2147483647)';
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a finite number';
      const magnitude = Math.abs(value);
      return magnitude === 0 || (magnitude >= FLOAT_MIN_MAGNITUDE && magnitude < FLOAT_MAX_MAGNITUDE_EXCLUSIVE)
        ? undefined
        : 'must be 0 or have a magnitude between 1E-130 and 9.99E+125';
    }
    case 'any':
      return value === null ? 'must not be null' : undefined;
  }
}

const invalidValue = (message: string) => badRequest(message, 'INVALID_ENTITY_VALUE');

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}
