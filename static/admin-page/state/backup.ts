// The backup file: its name, and reading a chosen file before it is sent to importConfig.
import type { Backup } from '@contract/config';

export function backupFileName(today: string): string {
  return `service-manager-config-${today}.json`;
}

export type ReadBackup = { ok: true; backup: Backup; counts: BackupCounts } | { ok: false; reason: 'json' | 'shape'; detail: string };

export interface BackupCounts {
  customers: number;
  contracts: number;
  calendars: number;
  policies: number;
}

const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

/**
 * Parses the file's text. Only JSON syntax and "is an object" are checked here: the server checks everything
 * else and names each field at fault.
 */
export function readBackup(text: string): ReadBackup {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'json', detail: error instanceof Error ? error.message : String(error) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'shape', detail: '' };
  const o = value as Record<string, unknown>;
  return {
    ok: true,
    backup: value as Backup,
    counts: { customers: count(o.customers), contracts: count(o.contracts), calendars: count(o.calendars), policies: count(o.policies) },
  };
}
