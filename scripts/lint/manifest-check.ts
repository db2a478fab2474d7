// Offline manifest validation: Atlassian's own validators, plus the two gaps they leave open
// (misspelled product-event names, and handler exports that do not exist in src/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProcessorBuilder, ValidationTypes, validate } from '@forge/manifest';
import { parse } from 'yaml';
import { isKnownProductEvent } from '../../local/forge/event-scopes';
import { listModuleExports } from './module-exports';

export interface ManifestProblem {
  check: string;
  message: string;
  line?: number;
}

interface ProcessorResult {
  success: boolean;
  errors?: { message: string; line?: number; level?: string }[];
}

type TriggerEvent = string | { eventType?: string };
interface LooseManifest {
  modules?: {
    trigger?: { key?: string; events?: TriggerEvent[] }[];
    function?: { key?: string; handler?: string }[];
  };
}

export async function checkManifest(appRoot: string): Promise<ManifestProblem[]> {
  const file = join(appRoot, 'manifest.yml');
  const cwd = process.cwd();
  process.chdir(appRoot); // Atlassian's validator resolves src/ and resource paths from the working directory
  let full: ProcessorResult;
  let triggers: ProcessorResult;
  try {
    full = (await validate(false, file)) as ProcessorResult;
    triggers = (await ProcessorBuilder.instance()
      .withValidation(ValidationTypes.PRODUCT_TRIGGER)
      .build()
      .process(file)) as ProcessorResult;
  } finally {
    process.chdir(cwd);
  }
  const problems: ManifestProblem[] = [];
  for (const [check, result] of [['forge-manifest', full], ['trigger-scopes', triggers]] as const) {
    for (const e of result.errors ?? []) problems.push({ check, message: e.message, line: e.line });
  }
  if (!full.success) return problems;

  const manifest = parse(readFileSync(file, 'utf8')) as LooseManifest;
  for (const trigger of manifest.modules?.trigger ?? []) {
    for (const event of trigger.events ?? []) {
      const name = typeof event === 'string' ? event : event.eventType;
      if (name && !isKnownProductEvent(name)) {
        problems.push({ check: 'event-names', message: `trigger '${trigger.key}': unknown product event '${name}'` });
      }
    }
  }
  const exportsByFile = new Map<string, Set<string> | null>();
  for (const fn of manifest.modules?.function ?? []) {
    const [fileName, exportName] = (fn.handler ?? '').split('.');
    if (!fileName || !exportName) continue; // the schema check already reports a malformed handler
    if (!exportsByFile.has(fileName)) exportsByFile.set(fileName, listModuleExports(join(appRoot, 'src'), fileName));
    const names = exportsByFile.get(fileName);
    if (names && !names.has(exportName)) {
      problems.push({
        check: 'handler-exports',
        message: `function '${fn.key}': handler '${fn.handler}' names '${exportName}', which src/${fileName} does not export`,
      });
    }
  }
  return problems;
}
