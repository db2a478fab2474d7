// Opaque page cursors: the position after the last returned item, tied to the index it came from.
import { badRequest } from './errors';

export interface CursorPosition {
  /** Which listing the cursor belongs to ("kv" or "<entity>/<index>/<sort>"). */
  scope: string;
  key: string;
  /** The index range value of the last item (entity indexes ordered by an attribute). */
  range?: string | number;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: unknown, scope: string, field: string): CursorPosition {
  if (typeof cursor !== 'string' || cursor.length === 0) throw badRequest(`${field} must be a non-empty string`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest(`${field} is not a cursor returned by a previous query`);
  }
  const p = parsed as Partial<CursorPosition> | null;
  const rangeOk = p?.range === undefined || typeof p.range === 'string' || typeof p.range === 'number';
  if (typeof p !== 'object' || p === null || typeof p.key !== 'string' || typeof p.scope !== 'string' || !rangeOk) {
    throw badRequest(`${field} is not a cursor returned by a previous query`);
  }
  if (p.scope !== scope) {
    throw badRequest(`${field} was returned by a query on ${p.scope}, not ${scope}`);
  }
  return { scope: p.scope, key: p.key, ...(p.range === undefined ? {} : { range: p.range }) };
}
