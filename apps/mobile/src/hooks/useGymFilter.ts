import { useMemo, useState } from 'react';
import { gymOfLayouts, gymOptions, sessionsAtGym, type GymOption } from '../gyms/gymFilter';
import { useCatalogue } from './services';

export interface GymFilter {
  /** The gyms to choose from; empty when the device knows one gym or none. */
  options: GymOption[];
  /** The chosen gym, null for all gyms. */
  gymId: string | null;
  setGymId: (gymId: string | null) => void;
  /** The sessions at the chosen gym (by their wall's gym), all of them for all gyms. */
  filter: <S extends { layoutId?: string | null }>(sessions: readonly S[]) => readonly S[];
}

/**
 * "All gyms" or one gym, for Progress and History: read from the catalogue on the device, so it
 * works offline. A chosen gym that leaves the device (its walls forgotten) falls back to all.
 */
export function useGymFilter(): GymFilter {
  const { layouts, gymsById } = useCatalogue();
  const [chosen, setGymId] = useState<string | null>(null);
  const options = useMemo(() => gymOptions(gymsById), [gymsById]);
  const gymOfLayout = useMemo(() => gymOfLayouts(layouts), [layouts]);
  const gymId = chosen !== null && options.some((o) => o.id === chosen) ? chosen : null;
  const filter = useMemo(
    () =>
      <S extends { layoutId?: string | null }>(sessions: readonly S[]) =>
        sessionsAtGym(sessions, gymId, gymOfLayout),
    [gymId, gymOfLayout],
  );
  return { options, gymId, setGymId, filter };
}
