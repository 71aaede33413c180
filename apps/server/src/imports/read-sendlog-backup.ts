import type { ImportRejected } from '@sendlog/contract';
import { z } from 'zod';
import { sessionLines } from './json-lines.js';

const text = z.string();
const nullableText = z.string().nullish();

/**
 * A route of a backup, as lenient as the two writers of backups (the server and the phone) may
 * write it; everything the route keeps is checked again by sync's validation.
 */
const backupRouteSchema = z.object({
  clientRouteId: nullableText,
  climbId: nullableText,
  climbName: text,
  grade: text,
  isSuccess: z.boolean(),
  attempts: z.number(),
  notes: nullableText,
  rating: z.number().nullish(),
  gradeOpinion: nullableText,
  loggedAt: nullableText,
  updatedAt: nullableText,
  climb: z.object({ name: text, grade: text, kind: z.enum(['boulder', 'route']) }).nullish(),
});

const backupSessionSchema = z.object({
  id: nullableText,
  clientSessionId: nullableText,
  layoutId: nullableText,
  place: nullableText,
  /** The wall's name, which backups from this version on carry beside its id. */
  wall: nullableText,
  gym: z.object({ name: text }).nullish(),
  startTime: text,
  endTime: nullableText,
  notes: nullableText,
  updatedAt: nullableText,
  routes: z.array(backupRouteSchema),
});
export type BackupSessionIn = z.infer<typeof backupSessionSchema>;

const headSchema = z.object({
  format: z.literal('sendlog-backup'),
  version: z.literal(1),
  sessions: z.array(z.unknown()),
});

export type SendlogBackup =
  | { ok: true; sessions: { session: BackupSessionIn; line: number }[]; rejected: ImportRejected[] }
  | { ok: false };

/** Our own JSON backup (version 1): its sessions, each read on its own. */
export function readSendlogBackup(file: Buffer): SendlogBackup {
  const body = file.toString('utf8').replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false };
  }
  const head = headSchema.safeParse(parsed);
  if (!head.success) return { ok: false };
  let lines: number[] | null = null;
  const lineOf = (index: number) => (lines ??= sessionLines(body))[index] ?? 1;
  const sessions: { session: BackupSessionIn; line: number }[] = [];
  const rejected: ImportRejected[] = [];
  head.data.sessions.forEach((item, index) => {
    const checked = backupSessionSchema.safeParse(item);
    if (checked.success) sessions.push({ session: checked.data, line: lineOf(index) });
    else {
      const issue = checked.error.issues[0]!;
      rejected.push({
        line: lineOf(index),
        reason: `sessions[${index}].${issue.path.join('.')}: ${issue.message}`,
      });
    }
  });
  return { ok: true, sessions, rejected };
}
