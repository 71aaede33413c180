import { StyleSheet, Text, View } from 'react-native';
import type { Gym } from '@sendlog/contract';
import { Button } from '../../components/Button';
import { useMyGyms, useServices } from '../../hooks/services';
import { colors, spacing } from '../../theme/theme';

/**
 * Follow / Unfollow, done on the phone at once, online or not: offline the change waits on the
 * phone and says so until the server has it, so it is never lost without a word.
 */
export function FollowButton({ gym }: { gym: Gym }) {
  const services = useServices();
  const mine = useMyGyms();
  const kept = mine.gyms?.find((g) => g.id === gym.id);
  const following = kept ? kept.following : false;
  const waiting = mine.pending.some((p) => p.gym.id === gym.id);
  const action = following ? 'Unfollow' : 'Follow';
  return (
    <View style={styles.row}>
      <Button
        label={action}
        name={`${action} ${gym.name}`}
        variant={following ? 'secondary' : 'primary'}
        small
        onPress={() =>
          void (following ? services.unfollowGym(kept ?? gym) : services.followGym(gym))
        }
      />
      {following ? <Text style={styles.state}>Following</Text> : null}
      {waiting ? <Text style={styles.waiting}>Not sent yet: waits for a connection.</Text> : null}
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center', gap: spacing.sm },
  state: { fontSize: 13, fontWeight: '600', color: colors.success },
  waiting: { fontSize: 13, color: colors.warning, flexBasis: '100%' },
});
