import type * as z from '../zod';
import { formatPath } from '../diagnostics';

/** A value read back from storage: the checked value, or why it was refused. */
export type StoredValueCheck<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Checks a value read back from `globalState` (it may come from an older or newer build, or be
 * corrupt) against `schema`. `undefined` (never stored) is `fallback`; anything the schema refuses is
 * a problem, described by its first issue and where it is (`[2]: Invalid input: expected string`).
 */
export function checkStoredValue<T>(schema: z.ZodMiniType<T>, value: unknown, fallback: T): StoredValueCheck<T> {
  if (value === undefined) return { ok: true, value: fallback };
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue ? formatPath(issue.path) : '';
  const message = issue?.message ?? 'not valid';
  return { ok: false, problem: `${where ? `${where}: ` : ''}${message}`.slice(0, 300) };
}
