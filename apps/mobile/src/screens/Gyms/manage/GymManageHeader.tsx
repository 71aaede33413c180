import { StyleSheet, Text, View } from 'react-native';
import { useNavigation } from '@react-navigation/native';
import type { NativeStackNavigationProp } from '@react-navigation/native-stack';
import { Button } from '../../../components/Button';
import { roleAt } from '../../../gyms/staffRoles';
import { placeOf } from '../../../gyms/wallsByGym';
import { useMyGyms, useUser } from '../../../hooks/services';
import type { ManageStackParams } from '../../../navigation/types';
import { common, spacing } from '../../../theme/theme';

/** The gym a Manage screen manages: its name, the account's role, and its admins' tools. */
export function GymManageHeader({ gymId }: { gymId: string }) {
  const navigation = useNavigation<NativeStackNavigationProp<ManageStackParams>>();
  const user = useUser();
  const gym = useMyGyms().gyms?.find((g) => g.id === gymId);
  const role = roleAt(user, gymId);
  return (
    <View style={[common.card, styles.card]}>
      <Text role="heading" aria-level={2} style={common.title}>
        {gym?.name ?? 'Your gym'}
      </Text>
      <Text style={common.muted}>
        {[gym ? placeOf(gym) : '', role === 'admin' ? 'You are an admin here' : 'You set here']
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <View style={styles.tools}>
        {role !== null ? (
          <Button
            label="Insights"
            name={`Insights of ${gym?.name ?? 'this gym'}`}
            small
            onPress={() => navigation.navigate('GymInsights', { gymId })}
          />
        ) : null}
        {role === 'admin' ? (
          <>
            <Button
              label="Staff"
              name="Gym staff"
              small
              onPress={() => navigation.navigate('GymStaff', { gymId })}
            />
            <Button
              label="Gym details"
              small
              onPress={() => navigation.navigate('EditGym', { gymId })}
            />
            <Button
              label="Poster with QR code"
              small
              onPress={() => navigation.navigate('GymPoster', { gymId })}
            />
          </>
        ) : null}
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  card: { gap: spacing.xs },
  tools: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm, marginTop: spacing.xs },
});
