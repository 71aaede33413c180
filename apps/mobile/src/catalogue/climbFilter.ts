import type { Climb } from '@sendlog/contract';
import { distinctGrades } from './grades';

export interface ClimbFilter {
  /** null: every grade. */
  grade: string | null;
  /** Part of a climb's name, any case; blank matches all. */
  query: string;
}

/** The grades a climber can filter by: those of the climbs still on the wall, in order. */
export function gradesOf(climbs: readonly Climb[]): string[] {
  return distinctGrades(climbs.filter((c) => !c.archived).map((c) => c.grade));
}

/** The climbs still on the wall that match the filter, in catalogue order. */
export function filterClimbs(climbs: readonly Climb[], filter: ClimbFilter): Climb[] {
  const q = filter.query.trim().toLowerCase();
  return climbs.filter(
    (c) =>
      !c.archived &&
      (filter.grade === null || c.grade === filter.grade) &&
      (q === '' || c.name.toLowerCase().includes(q)),
  );
}
