import { useEffect, useRef, useState } from 'react';
import type { Climb } from '@sendlog/contract';
import { useRequiredAccount } from '../../hooks/services';

const NONE: ReadonlySet<string> = new Set();

/**
 * The climbs of `layoutId` set since the climber last opened it: asked once per opening, when
 * the wall's climbs are on the device, and kept while the wall stays open (the marks do not
 * vanish under the climber's eyes; they are gone at the next opening).
 */
export function useNewClimbs(
  layoutId: string,
  climbs: readonly Climb[] | undefined,
): ReadonlySet<string> {
  const { wallVisits } = useRequiredAccount();
  const [fresh, setFresh] = useState<{ layoutId: string; ids: ReadonlySet<string> } | null>(null);
  // The wall asked about: a refresh of its climbs meanwhile must not record a second visit.
  const asked = useRef<string | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  useEffect(() => {
    if (climbs === undefined || asked.current === layoutId) return;
    asked.current = layoutId;
    const open = climbs.filter((c) => !c.archived).map((c) => c.id);
    void wallVisits.open(layoutId, open).then((ids) => {
      if (mounted.current) setFresh({ layoutId, ids });
    });
  }, [layoutId, climbs, wallVisits]);
  return fresh?.layoutId === layoutId ? fresh.ids : NONE;
}
