import { LinkPressable } from '../../../components/LinkPressable';
import { useState } from 'react';
import { FlatList, StyleSheet, Text, View } from 'react-native';
import type { Layout } from '@sendlog/contract';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { Button } from '../../../components/Button';
import { useCatalogue } from '../../../hooks/services';
import type { ManageStackParams } from '../../../navigation/types';
import { colors, common, spacing } from '../../../theme/theme';
import { OfflineNotice } from '../shared/OfflineNotice';
import { SettersOnly } from '../shared/SettersOnly';
import { useManageCall } from '../shared/useManageCall';

type Props = NativeStackScreenProps<ManageStackParams, 'ManageWalls'>;

/** Every wall, archived ones too (they come back up after a reset), with "New wall". */
export function ManageWallsScreen(props: Props) {
  return (
    <SettersOnly>
      <WallsList {...props} />
    </SettersOnly>
  );
}

function WallsList({ navigation }: Props) {
  const catalogue = useCatalogue();
  const { run, busy, offline } = useManageCall();
  const [problem, setProblem] = useState<{ layoutId: string; message: string } | null>(null);
  // Open walls first, then archived ones, each by name as the server lists them.
  const layouts = [...(catalogue.layouts ?? [])].sort(
    (a, b) => Number(a.archived) - Number(b.archived),
  );

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
            <Text style={common.muted}>
              Walls and climbs you change here reach climbers at their next refresh.
            </Text>
            <Button
              label="New wall"
              variant="primary"
              disabled={offline}
              onPress={() => navigation.navigate('NewWall')}
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
  link: { minHeight: 44, justifyContent: 'center', alignSelf: 'flex-start' },
});
