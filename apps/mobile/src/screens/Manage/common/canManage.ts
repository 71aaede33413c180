import type { User } from '@sendlog/contract';

/** Setters and admins manage walls (docs/api.md, "Roles"); the server checks it again on each call. */
export function canManage(user: Pick<User, 'role'> | null): boolean {
  return user?.role === 'setter' || user?.role === 'admin';
}
