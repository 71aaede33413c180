import type { Layout } from '@sendlog/contract';

/** A gym the Progress and History filters offer. */
export interface GymOption {
  id: string;
  name: string;
}

/** Which wall belongs to which gym, as the catalogue on the device says. */
export function gymOfLayouts(layouts: readonly Layout[] | null): ReadonlyMap<string, string> {
  const byLayout = new Map<string, string>();
  for (const layout of layouts ?? []) if (layout.gymId) byLayout.set(layout.id, layout.gymId);
  return byLayout;
}

/**
 * The sessions at one gym, or all of them when `gymId` is null. A session's gym is its wall's
 * gym, as `GET /stats?gymId=` reads it on the server: a session at no wall, or at a wall the
 * device does not know, belongs to no gym and only counts under "All gyms".
 */
export function sessionsAtGym<S extends { layoutId?: string | null }>(
  sessions: readonly S[],
  gymId: string | null,
  gymOfLayout: ReadonlyMap<string, string>,
): readonly S[] {
  if (gymId === null) return sessions;
  return sessions.filter((s) => s.layoutId != null && gymOfLayout.get(s.layoutId) === gymId);
}

/**
 * The gyms to filter by: every gym the device keeps walls of (followed now, or before, so a gym
 * left still shows its sessions), by name. None when there is only one: nothing to choose.
 */
export function gymOptions(gyms: ReadonlyMap<string, { name: string }>): GymOption[] {
  const options = [...gyms].map(([id, gym]) => ({ id, name: gym.name }));
  if (options.length < 2) return [];
  return options.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
