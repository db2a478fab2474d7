// Opaque continuation tokens (`nextPageToken`): an offset bound to the query it continues, so a token replayed
// against another query is refused instead of silently paging the wrong result.
import { createHash } from 'node:crypto';
import { badRequest } from './errors';

const fingerprint = (query: string): string => createHash('sha256').update(query).digest('base64url').slice(0, 16);

export function encodePageToken(query: string, offset: number): string {
  return Buffer.from(JSON.stringify({ q: fingerprint(query), o: offset }), 'utf8').toString('base64url');
}

/** The offset a token stands for; 400 when it is malformed or belongs to another query. */
export function decodePageToken(token: string, query: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('The provided next page token is invalid or expired.');
  }
  const p = parsed as { q?: unknown; o?: unknown } | null;
  if (!p || typeof p !== 'object' || p.q !== fingerprint(query) || typeof p.o !== 'number' || !Number.isInteger(p.o) || p.o < 0) {
    throw badRequest('The provided next page token is invalid or expired.');
  }
  return p.o;
}
