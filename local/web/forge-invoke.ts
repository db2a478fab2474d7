// `POST /forge/invoke`: the host page's answer to the bridge's `invoke`. Runs the module's resolver as the
// signed-in person with their locale and time zone; answers `{ ok, result }` or `{ ok: false, message }` with a
// message that is safe to show (never a stack trace).
import { z } from 'zod';
import type { LocalForge } from '../forge/runtime';

export const invokeRequest = z.object({
  moduleKey: z.string().min(1, 'moduleKey is required'),
  functionKey: z.string().min(1, 'functionKey is required'),
  payload: z.unknown().optional(),
  extension: z.record(z.string(), z.unknown()).optional(),
});

export type InvokeAnswer = { ok: true; result: unknown } | { ok: false; message: string };

export interface InvokeUser {
  accountId: string;
  locale: string;
  timeZone: string;
}

export async function runInvoke(forge: LocalForge, body: unknown, user: InvokeUser, log: (line: string) => void): Promise<{ status: number; answer: InvokeAnswer }> {
  const parsed = invokeRequest.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    return { status: 400, answer: { ok: false, message: `invoke: ${field}: ${issue?.message ?? 'invalid'}` } };
  }
  const { moduleKey, functionKey, payload, extension } = parsed.data;
  // The module type comes from the manifest, never from the page.
  const { type: _ignored, ...rest } = extension ?? {};
  try {
    const result = await forge.invokeResolver({
      moduleKey,
      functionKey,
      payload: payload ?? {},
      accountId: user.accountId,
      extension: rest,
      locale: user.locale,
      timezone: user.timeZone,
    });
    return { status: 200, answer: { ok: true, result: result ?? null } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`host: invoke ${moduleKey}/${functionKey} failed: ${message}`);
    return { status: 200, answer: { ok: false, message } };
  }
}
