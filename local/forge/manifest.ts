// Reads manifest.yml into the registry the local runtime needs: functions, modules, triggers, entities, scopes, translations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractI18nKeysFromModules } from '@forge/i18n';
import { parse } from 'yaml';

export interface FunctionDef { key: string; file: string; exportName: string; timeoutSeconds?: number }
/** A text in manifest.yml: written out, or `{ i18n: key }` naming a text in the `translations` files. */
export type ManifestText = string | { i18n: string };
/** A page module's pages (`jira:globalPage` `pages`): Jira lists them beside the page and keeps the route in its URL. */
export interface ModulePage { route: string; title: ManifestText }
export interface UiModule { type: string; key: string; resource: string; resolverFunction?: string; title: ManifestText; pages: ModulePage[] }
export interface TriggerDef { key: string; functionKey: string; events: string[]; ignoreSelf: boolean }
export type ScheduleInterval = 'fiveMinute' | 'hour' | 'day' | 'week';
export interface ScheduledTriggerDef { key: string; functionKey: string; interval: ScheduleInterval }
export interface ConsumerDef { key: string; queue: string; functionKey: string }
export interface ResourceDef { key: string; path: string }
/** `translations`: one JSON file per Forge locale code, and which locales read which when a text is missing. */
export interface TranslationsDef {
  resources: { key: string; path: string }[];
  fallback: { default: string } & Record<string, string | string[]>;
  /** The i18n keys the modules use (`title: { i18n: ... }`), as Forge lists them in i18n-info.json. */
  moduleKeys: string[];
}
export interface EntityPropertyDef {
  key: string;
  propertyKey: string;
  entityType: string;
  values: { path: string; type: 'number' | 'string' | 'text' | 'user' | 'date'; searchAlias?: string }[];
}
export interface EntityDef {
  name: string;
  attributes: Record<string, { type: string }>;
  indexes?: (string | { name: string; range: string[]; partition?: string[] })[];
}

export interface AppManifest {
  appId: string;
  functions: Map<string, FunctionDef>;
  uiModules: UiModule[];
  triggers: TriggerDef[];
  scheduledTriggers: ScheduledTriggerDef[];
  consumers: ConsumerDef[];
  resources: ResourceDef[];
  entityProperties: EntityPropertyDef[];
  entities: EntityDef[];
  scopes: Set<string>;
  translations?: TranslationsDef;
}

const UI_MODULE_TYPES = ['jira:issuePanel', 'jira:issueContext', 'jira:globalPage', 'jira:adminPage', 'jira:projectPage'];
export const SCHEDULE_INTERVAL_MS: Record<ScheduleInterval, number> = {
  fiveMinute: 5 * 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

type Raw = Record<string, unknown>;
const list = (value: unknown): Raw[] => (Array.isArray(value) ? (value as Raw[]) : []);
const text = (value: unknown, where: string): string => {
  if (typeof value !== 'string' || value === '') throw new Error(`manifest.yml: ${where} is missing`);
  return value;
};

export function loadManifest(appRoot: string): AppManifest {
  const raw = parse(readFileSync(join(appRoot, 'manifest.yml'), 'utf8')) as Raw;
  const app = (raw.app ?? {}) as Raw;
  const modules = (raw.modules ?? {}) as Raw;

  const functions = new Map<string, FunctionDef>();
  for (const fn of list(modules.function)) {
    const key = text(fn.key, 'function.key');
    const [file, exportName] = text(fn.handler, `function '${key}'.handler`).split('.');
    if (!file || !exportName) throw new Error(`manifest.yml: function '${key}'.handler must be <file>.<export>`);
    functions.set(key, { key, file, exportName, timeoutSeconds: fn.timeoutSeconds as number | undefined });
  }
  const functionKeyOf = (module: Raw, where: string): string => {
    const key = text(module.function, `${where}.function`);
    if (!functions.has(key)) throw new Error(`manifest.yml: ${where} names function '${key}', which is not declared`);
    return key;
  };

  const uiModules = UI_MODULE_TYPES.flatMap((type) =>
    list(modules[type]).map((m) => ({
      type,
      key: text(m.key, `${type}.key`),
      resource: text(m.resource, `${type} '${String(m.key)}'.resource`),
      resolverFunction: (m.resolver as Raw | undefined)?.function as string | undefined,
      title: manifestText(m.title, String(m.key)),
      pages: list(m.pages).map((p) => ({ route: text(p.route, `${type} '${String(m.key)}'.pages.route`), title: manifestText(p.title, String(p.route)) })),
    })),
  );

  return {
    appId: text(app.id, 'app.id'),
    functions,
    uiModules,
    triggers: list(modules.trigger).map((t) => ({
      key: text(t.key, 'trigger.key'),
      functionKey: functionKeyOf(t, `trigger '${String(t.key)}'`),
      events: list(t.events).map((e) => (typeof e === 'string' ? e : String((e as Raw).eventType))),
      ignoreSelf: ((t.filter ?? {}) as Raw).ignoreSelf === true,
    })),
    scheduledTriggers: list(modules.scheduledTrigger).map((s) => ({
      key: text(s.key, 'scheduledTrigger.key'),
      functionKey: functionKeyOf(s, `scheduledTrigger '${String(s.key)}'`),
      interval: text(s.interval, 'scheduledTrigger.interval') as ScheduleInterval,
    })),
    consumers: list(modules.consumer).map((c) => ({
      key: text(c.key, 'consumer.key'),
      queue: text(c.queue, 'consumer.queue'),
      functionKey: functionKeyOf(c, `consumer '${String(c.key)}'`),
    })),
    resources: list(raw.resources).map((r) => ({ key: text(r.key, 'resources.key'), path: text(r.path, 'resources.path') })),
    entityProperties: list(modules['jira:entityProperty']).map((p) => ({
      key: text(p.key, 'jira:entityProperty.key'),
      propertyKey: text(p.propertyKey, 'jira:entityProperty.propertyKey'),
      entityType: String(p.entityType ?? 'issue'),
      values: list(p.values) as unknown as EntityPropertyDef['values'],
    })),
    entities: list(((app.storage ?? {}) as Raw).entities) as unknown as EntityDef[],
    scopes: new Set(list((raw.permissions as Raw | undefined)?.scopes).map(String)),
    translations: translationsOf(raw.translations as Raw | undefined, modules),
  };
}

function manifestText(value: unknown, otherwise: string): ManifestText {
  if (typeof value === 'object' && value !== null && typeof (value as Raw).i18n === 'string') return { i18n: (value as Raw).i18n as string };
  return value === undefined || value === null ? otherwise : String(value);
}

function translationsOf(raw: Raw | undefined, modules: Raw): TranslationsDef | undefined {
  if (!raw) return undefined;
  const resources = list(raw.resources).map((r) => ({ key: text(r.key, 'translations.resources.key'), path: text(r.path, 'translations.resources.path') }));
  const fallback = (raw.fallback ?? {}) as TranslationsDef['fallback'];
  text(fallback.default, 'translations.fallback.default');
  return { resources, fallback, moduleKeys: extractI18nKeysFromModules(modules as Parameters<typeof extractI18nKeysFromModules>[0]) };
}
