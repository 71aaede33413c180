import { createLayoutBodySchema, issuesToDetails } from '@sendlog/contract';
import type { CreateLayoutBody, GradeSystem } from '@sendlog/contract';

export interface WallDraft {
  name: string;
  description: string;
  gradeSystem: GradeSystem;
}

export type Checked<T> = { ok: true; body: T } | { ok: false; fields: Record<string, string> };

/** The contract's own rules, checked before sending: the setter learns at once, even offline. */
export function checkWallDraft(draft: WallDraft): Checked<CreateLayoutBody> {
  const parsed = createLayoutBodySchema.safeParse(draft);
  if (parsed.success) return { ok: true, body: parsed.data };
  return { ok: false, fields: fieldsOf(issuesToDetails(parsed.error.issues)) };
}

/** `details` as one sentence per field (the first reason of each). */
export function fieldsOf(
  details: readonly { path: string; message: string }[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { path, message } of details) {
    fields[path] ??= message.charAt(0).toUpperCase() + message.slice(1);
  }
  return fields;
}
