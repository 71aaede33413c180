import { FlatList, StyleSheet, Text, View } from 'react-native';
import { useNavigation } from '@react-navigation/native';
import type { Gym } from '@sendlog/contract';
import type { NativeStackNavigationProp } from '@react-navigation/native-stack';
import { LinkPressable } from '../../../components/LinkPressable';
import { plural } from '../../../format/plural';
import { roleAt } from '../../../gyms/staffRoles';
import { placeOf } from '../../../gyms/wallsByGym';
import { useUser } from '../../../hooks/services';
import type { ManageStackParams } from '../../../navigation/types';
import { common, spacing } from '../../../theme/theme';

/** Manage for staff of several gyms: each of their gyms, opening its walls (and staff, for admins). */
export function ManageGymChooser({ gyms }: { gyms: readonly Gym[] }) {
  const navigation = useNavigation<NativeStackNavigationProp<ManageStackParams>>();
  const user = useUser();
  return (
    <View style={common.screen}>
      <FlatList
        contentContainerStyle={[common.content, styles.column]}
        data={gyms}
        keyExtractor={(g) => g.id}
        ListHeaderComponent={
          <Text style={common.muted}>The gyms where you are on the staff. Pick one to manage.</Text>
        }
        renderItem={({ item }) => {
          const open = () => navigation.navigate('ManageGym', { gymId: item.id });
          return (
            <View style={common.card}>
              <LinkPressable onPress={open} style={styles.link}>
                <Text style={common.heading}>{item.name}</Text>
              </LinkPressable>
              <Text style={common.muted}>
                {[
                  placeOf(item),
                  roleAt(user, item.id) === 'admin' ? 'admin' : 'setter',
                  plural(item.layoutCount, 'wall', 'walls'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </View>
          );
        }}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  column: { maxWidth: 720, width: '100%', alignSelf: 'center', gap: spacing.md },
  link: { minHeight: 44, justifyContent: 'center', alignSelf: 'flex-start' },
});
