import type { Gym } from '@sendlog/contract';

/** A follow or an unfollow made on the device that the server has not heard of yet. */
export interface PendingFollow {
  gym: Gym;
  follow: boolean;
}

const byName = (a: Gym, b: Gym) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/**
 * The climber's gyms as the device shows them: the server's list with the changes still waiting
 * applied. A gym followed offline is there at once; one unfollowed leaves, unless the account is
 * on its staff (the server keeps listing those, and so their walls).
 */
export function applyPending(
  server: readonly Gym[],
  pending: readonly PendingFollow[],
): readonly Gym[] {
  const gyms = new Map(server.map((gym) => [gym.id, gym]));
  for (const change of pending) {
    const known = gyms.get(change.gym.id);
    if (change.follow) gyms.set(change.gym.id, { ...(known ?? change.gym), following: true });
    else if (known?.myRole) gyms.set(known.id, { ...known, following: false });
    else gyms.delete(change.gym.id);
  }
  return [...gyms.values()].sort(byName);
}

/** The changes waiting once `change` is made: only the latest of each gym matters. */
export function withChange(
  pending: readonly PendingFollow[],
  change: PendingFollow,
): PendingFollow[] {
  return [...pending.filter((p) => p.gym.id !== change.gym.id), change];
}
