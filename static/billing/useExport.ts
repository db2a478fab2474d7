// An export as the page runs it: start it on the server (`billingStartExport`), ask for its state every second
// (the page shows the progress), then fetch the file's chunks in order, join them and hand the file to the
// browser. One export at a time; leaving the page stops asking.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BillingExportStatus, ExportFormat } from '@contract/billing';
import type { ResolverError } from '@contract/result';
import { callResolver } from '../shared/api';
import { downloadFile } from '../shared/download';
import { base64Bytes, concatBytes } from './billing-format';

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const POLL_MS = 1_000;

export type ExportState =
  | { kind: 'idle' }
  /** `phase`: preparing on the server, or fetching the finished file. */
  | { kind: 'running'; format: ExportFormat; phase: 'preparing' | 'downloading'; progress: number }
  | { kind: 'done'; format: ExportFormat; fileName: string; bytes: number }
  | { kind: 'failed'; format: ExportFormat; message: string; error?: ResolverError };

export interface ExportTarget {
  month: string;
  /** One customer, or all of them when absent. */
  customerKey?: string;
}

export function useExport(): { state: ExportState; start: (target: ExportTarget, format: ExportFormat) => void; dismiss: () => void } {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const run = useRef(0);
  const running = useRef(false);

  useEffect(
    () => () => {
      // Unmounted: any export in progress stops asking.
      run.current += 1;
    },
    [],
  );

  const start = useCallback(async (target: ExportTarget, format: ExportFormat) => {
    if (running.current) return;
    running.current = true;
    const id = ++run.current;
    const live = () => id === run.current;
    const fail = (message: string, error?: ResolverError) => {
      if (live()) setState({ kind: 'failed', format, message, error });
    };
    try {
      setState({ kind: 'running', format, phase: 'preparing', progress: 0 });
      const started = await callResolver('billingStartExport', { ...target, format });
      if (!started.ok) return fail(started.error.message, started.error);
      let status: BillingExportStatus = started.data;
      while (status.state === 'queued' || status.state === 'running') {
        if (!live()) return;
        setState({ kind: 'running', format, phase: 'preparing', progress: status.progress });
        await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
        if (!live()) return;
        const next = await callResolver('billingExportStatus', { exportId: status.exportId });
        if (!next.ok) return fail(next.error.message, next.error);
        status = next.data;
      }
      if (status.state === 'failed') return fail(status.message ?? '');
      const parts: Uint8Array[] = [];
      for (let index = 0; index < status.chunks; index++) {
        if (!live()) return;
        setState({ kind: 'running', format, phase: 'downloading', progress: status.chunks > 0 ? index / status.chunks : 1 });
        const chunk = await callResolver('billingExportChunk', { exportId: status.exportId, index });
        if (!chunk.ok) return fail(chunk.error.message, chunk.error);
        parts.push(base64Bytes(chunk.data.data));
      }
      if (!live()) return;
      const file = concatBytes(parts);
      downloadFile(file, status.fileName, EXPORT_TYPES[format]);
      setState({ kind: 'done', format, fileName: status.fileName, bytes: file.length });
    } catch (error) {
      // A file the browser could not decode or save: said on the page, not only in the console.
      console.error('Service Manager: the export failed', error);
      fail(error instanceof Error ? error.message : String(error));
    } finally {
      running.current = false;
    }
  }, []);

  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, start: (target, format) => void start(target, format), dismiss };
}
