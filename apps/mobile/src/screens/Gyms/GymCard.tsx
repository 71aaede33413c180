import type { ReactNode } from 'react';
import { Text, View } from 'react-native';
import type { Gym } from '@sendlog/contract';
import { plural } from '../../format/plural';
import { placeOf } from '../../gyms/wallsByGym';
import { common } from '../../theme/theme';
import { FollowButton } from './FollowButton';

const ROLE_NAMES = { admin: 'You are an admin here', setter: 'You are a setter here' } as const;

/** A gym as a climber picks it: its name, where it is, how much there is to climb, Follow. */
export function GymCard({
  gym,
  children,
  level = 3,
}: {
  gym: Gym;
  children?: ReactNode;
  /** Its heading's level: 3 in a list under a heading, 2 where it is the page's content. */
  level?: 2 | 3;
}) {
  const place = placeOf(gym);
  return (
    <View style={common.card}>
      <Text role="heading" aria-level={level} style={common.heading}>
        {gym.name}
      </Text>
      <Text style={common.muted}>
        {[
          place,
          plural(gym.layoutCount, 'wall', 'walls'),
          plural(gym.climbCount, 'climb', 'climbs'),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {gym.myRole ? <Text style={common.muted}>{ROLE_NAMES[gym.myRole]}</Text> : null}
      <FollowButton gym={gym} />
      {children}
    </View>
  );
}
