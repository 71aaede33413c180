import type { ReactNode } from 'react';
import { useCatalogue } from '../../../hooks/services';
import { GymStaffOnly } from './GymStaffOnly';

/**
 * A wall's Manage screen is its gym's staff's: a setter of another gym who follows a link to it
 * reads "Not your gym". A wall not on the device (yet) is left to the screen, which says so.
 */
export function WallGymStaffOnly({
  layoutId,
  children,
}: {
  layoutId: string;
  children: ReactNode;
}) {
  const gymId = useCatalogue().layouts?.find((l) => l.id === layoutId)?.gymId;
  if (!gymId) return <>{children}</>;
  return <GymStaffOnly gymId={gymId}>{children}</GymStaffOnly>;
}
