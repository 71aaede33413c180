import type { ReactNode } from 'react';
import { ScrollView, Text, View } from 'react-native';
import type { GymRole } from '@sendlog/contract';
import { useCatalogue, useMyGyms, useUser } from '../../../hooks/services';
import { roleAt } from '../../../gyms/staffRoles';
import { common } from '../../../theme/theme';

/**
 * A gym's Manage screens sit inside this: someone not on that gym's staff (a setter of another
 * gym who follows a link, or whose role was taken away) reads why it is closed to them instead of
 * a screen whose every call is a 403. `needs: 'admin'` closes it to the gym's setters too.
 */
export function GymStaffOnly(props: {
  gymId: string | null | undefined;
  needs?: GymRole;
  children: ReactNode;
}) {
  const user = useUser();
  const role = roleAt(user, props.gymId);
  const name = useGymName(props.gymId);
  if (role === 'admin' || (role === 'setter' && props.needs !== 'admin'))
    return <>{props.children}</>;
  return (
    <ScrollView style={common.screen} contentContainerStyle={common.content}>
      <View style={common.card}>
        <Text role="heading" aria-level={2} style={common.title}>
          {props.needs === 'admin' ? 'Gym admins only' : 'Not your gym'}
        </Text>
        <Text style={common.body}>
          {props.needs === 'admin' && role === 'setter'
            ? `Only ${name}'s admins change its staff and details. You set there: its walls are yours to manage.`
            : `You are not on ${name}'s staff, so its walls are not yours to manage. Its admins can add you.`}
        </Text>
      </View>
    </ScrollView>
  );
}

/** A gym's name as the device knows it, else "this gym". */
export function useGymName(gymId: string | null | undefined): string {
  const mine = useMyGyms();
  const catalogue = useCatalogue();
  if (!gymId) return 'this gym';
  return (
    mine.gyms?.find((g) => g.id === gymId)?.name ??
    catalogue.gymsById.get(gymId)?.name ??
    'this gym'
  );
}
