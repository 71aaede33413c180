import { useMemo, useState } from 'react';
import type { Climb } from '@sendlog/contract';
import { filterClimbs, gradesOf } from '../../catalogue/climbFilter';

/** The climb list's search and grade filter, over a layout's climbs (undefined: not cached). */
export function useClimbFilter(climbs: readonly Climb[] | undefined) {
  const [grade, setGrade] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const grades = useMemo(() => gradesOf(climbs ?? []), [climbs]);
  const shown = useMemo(() => filterClimbs(climbs ?? [], { grade, query }), [climbs, grade, query]);
  return { grade, setGrade, query, setQuery, grades, shown };
}

export type ClimbFilterState = ReturnType<typeof useClimbFilter>;
