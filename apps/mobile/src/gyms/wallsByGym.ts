import type { Layout } from '@sendlog/contract';

/** The least the walls tab needs of a gym. */
export interface GymHeading {
  id: string;
  name: string;
  city: string | null;
}

/** One gym's walls in the walls tab; `gym` is null for the walls an app from before gyms kept. */
export interface GymWalls {
  gym: GymHeading | null;
  layouts: Layout[];
}

/**
 * The walls tab: each of the climber's gyms with its walls, in the order of the gyms. Before the
 * device knows the climber's gyms (an app updated offline), every wall it holds, as one group.
 */
export function wallsByGym(
  layouts: readonly Layout[] | null,
  gyms: readonly GymHeading[] | null,
): GymWalls[] {
  if (gyms === null)
    return layouts && layouts.length > 0 ? [{ gym: null, layouts: [...layouts] }] : [];
  return gyms.map((gym) => ({
    gym,
    layouts: (layouts ?? []).filter((l) => l.gymId === gym.id),
  }));
}

/** "Zürich, CH", "Zürich" or "": where a gym is, as a line under its name. */
export function placeOf(gym: { city: string | null; country?: string | null }): string {
  return [gym.city, gym.country].filter(Boolean).join(', ');
}
