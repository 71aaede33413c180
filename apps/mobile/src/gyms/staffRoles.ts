import type { Gym, GymRole, User } from '@sendlog/contract';

/**
 * The account's role at a gym, as the server decides it (docs/api.md, "Roles"): a server admin
 * may do anything anywhere, as a gym's admin; otherwise its staff role there, if any. The server
 * checks again on every call.
 */
export function roleAt(
  user: Pick<User, 'role' | 'staff'> | null,
  gymId: string | null | undefined,
): GymRole | null {
  if (!user || !gymId) return null;
  if (user.role === 'admin') return 'admin';
  return user.staff?.find((s) => s.gymId === gymId)?.role ?? null;
}

/**
 * The gyms the account manages, of those the device knows: every one it is staff of (from the
 * account, fresher than the gyms list), and for a server admin every gym it follows too.
 */
export function managedGyms<G extends Pick<Gym, 'id'>>(
  user: Pick<User, 'role' | 'staff'> | null,
  gyms: readonly G[],
): G[] {
  return gyms.filter((gym) => roleAt(user, gym.id) !== null);
}
