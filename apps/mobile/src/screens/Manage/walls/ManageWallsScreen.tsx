import { LinkPressable } from '../../../components/LinkPressable';
import { useState } from 'react';
import { FlatList, StyleSheet, Text, View } from 'react-native';
import type { Layout } from '@sendlog/contract';
import { useNavigation } from '@react-navigation/native';
import type {
  NativeStackNavigationProp,
  NativeStackScreenProps,
} from '@react-navigation/native-stack';
import { Button } from '../../../components/Button';
import { managedGyms } from '../../../gyms/staffRoles';
import { useCatalogue, useMyGyms, useUser } from '../../../hooks/services';
import { GymManageHeader } from '../../Gyms/manage/GymManageHeader';
import { ManageGymChooser } from '../../Gyms/manage/ManageGymChooser';
import type { ManageStackParams } from '../../../navigation/types';
import { colors, common, spacing } from '../../../theme/theme';
import { OfflineNotice } from '../common/OfflineNotice';
import { SettersOnly } from '../common/SettersOnly';
import { useManageCall } from '../common/useManageCall';

type Props = NativeStackScreenProps<ManageStackParams, 'ManageWalls'>;

/**
 * Manage: the gyms where the account is staff. Staff of one gym see its walls at once (as before
 * gyms); staff of several pick one first.
 */
export function ManageWallsScreen(_props: Props) {
  return (
    <SettersOnly>
      <ManageHome />
    </SettersOnly>
  );
}

function ManageHome() {
  const user = useUser();
  const gyms = managedGyms(user, useMyGyms().gyms ?? []);
  if (gyms.length > 1) return <ManageGymChooser gyms={gyms} />;
  return <WallsList gymId={gyms[0]?.id ?? null} />;
}

/**
 * A gym's walls, archived ones too (they come back up after a reset), with "New wall"; with
 * `gymId` null (the account's gyms not on the device yet), every wall the device holds.
 */
export function WallsList({ gymId }: { gymId: string | null }) {
  const navigation = useNavigation<NativeStackNavigationProp<ManageStackParams>>();
  const catalogue = useCatalogue();
  const { run, busy, offline } = useManageCall();
  const [problem, setProblem] = useState<{ layoutId: string; message: string } | null>(null);
  // Open walls first, then archived ones, each by name as the server lists them.
  const layouts = (catalogue.layouts ?? [])
    .filter((l) => gymId === null || l.gymId === gymId)
    .sort((a, b) => Number(a.archived) - Number(b.archived));

  const setArchived = async (layout: Layout, archived: boolean) => {
    setProblem(null);
    const outcome = await run((api, token) => api.updateLayout(token, layout.id, { archived }));
    if (!outcome.ok) setProblem({ layoutId: layout.id, message: outcome.refusal.message });
  };

  return (
    <View style={common.screen}>
      <OfflineNotice offline={offline} />
      <FlatList
        contentContainerStyle={[common.content, styles.column]}
        data={layouts}
        keyExtractor={(l) => l.id}
        ListHeaderComponent={
          <View style={styles.header}>
            {gymId ? <GymManageHeader gymId={gymId} /> : null}
            <Text style={common.muted}>
              Walls and climbs you change here reach climbers at their next refresh.
            </Text>
            <Button
              label="New wall"
              variant="primary"
              disabled={offline}
              onPress={() => navigation.navigate('NewWall', gymId ? { gymId } : {})}
            />
          </View>
        }
        ListEmptyComponent={<Text style={common.muted}>No walls yet: add the first one.</Text>}
        renderItem={({ item }) => {
          const open = () => navigation.navigate('ManageWall', { layoutId: item.id });
          return (
            <View style={[common.card, item.archived && styles.archived]}>
              <LinkPressable onPress={open} style={styles.link}>
                <Text style={common.heading}>{item.name}</Text>
              </LinkPressable>
              <Text style={common.muted}>
                {item.archived ? 'Archived · ' : ''}
                {item.gradeSystem} grades · {item.climbCount}{' '}
                {item.climbCount === 1 ? 'climb' : 'climbs'} ·{' '}
                {item.image ? 'has a picture' : 'no picture yet'}
              </Text>
              <View style={common.row}>
                <Button
                  label={item.archived ? 'Unarchive' : 'Archive'}
                  name={`${item.archived ? 'Unarchive' : 'Archive'} ${item.name}`}
                  small
                  disabled={offline || busy}
                  onPress={() => void setArchived(item, !item.archived)}
                />
              </View>
              {problem?.layoutId === item.id ? (
                <Text role="alert" style={common.error}>
                  {problem.message}
                </Text>
              ) : null}
            </View>
          );
        }}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  // A list of walls reads best at a column's width, even on a laptop's wide window.
  column: { maxWidth: 720, width: '100%', alignSelf: 'center' },
  header: { gap: spacing.sm, marginBottom: spacing.sm },
  archived: { backgroundColor: colors.background },
  // 44 × 44 at least: a wall named "Slab" is narrower than a finger.
  link: { minHeight: 44, minWidth: 44, justifyContent: 'center', alignSelf: 'flex-start' },
});
