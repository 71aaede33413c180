import { StyleSheet, Text, View } from 'react-native';
import type { Climb } from '@sendlog/contract';
import { Button } from '../../../components/Button';
import { ColorSwatch } from '../../../components/ColorSwatch';
import { colors, common, spacing } from '../../../theme/theme';

interface Props {
  climbs: readonly Climb[];
  selectedClimbId: string | null;
  disabled: boolean;
  onEdit: (climb: Climb) => void;
  onSetArchived: (climb: Climb, archived: boolean) => void;
  /** The climb whose last change was refused, and why. */
  problem: { climbId: string; message: string } | null;
}

/** The wall's climbs, the ones up first, then the archived ones (which can come back). */
export function ManageClimbList({
  climbs,
  selectedClimbId,
  disabled,
  onEdit,
  onSetArchived,
  problem,
}: Props) {
  const up = climbs.filter((c) => !c.archived);
  const archived = climbs.filter((c) => c.archived);
  const row = (climb: Climb) => (
    <View
      key={climb.id}
      style={[styles.row, climb.id === selectedClimbId && styles.selected]}
      aria-label={`Climb ${climb.name}`}
      role="group"
    >
      <View style={styles.text}>
        <Text style={common.heading}>
          {climb.name} · {climb.grade}
        </Text>
        <View style={common.row}>
          <ColorSwatch color={climb.color} />
          <Text style={common.muted}>
            · {climb.position ? 'on the picture' : 'not placed'}
            {climb.setter ? ` · set by ${climb.setter}` : ''}
          </Text>
        </View>
        {problem?.climbId === climb.id ? (
          <Text role="alert" style={common.error}>
            {problem.message}
          </Text>
        ) : null}
      </View>
      <View style={common.row}>
        {climb.archived ? null : (
          <Button
            label="Edit"
            name={`Edit ${climb.name}`}
            small
            disabled={disabled}
            onPress={() => onEdit(climb)}
          />
        )}
        <Button
          label={climb.archived ? 'Unarchive' : 'Archive'}
          name={`${climb.archived ? 'Unarchive' : 'Archive'} ${climb.name}`}
          small
          disabled={disabled}
          onPress={() => onSetArchived(climb, !climb.archived)}
        />
      </View>
    </View>
  );
  return (
    <View style={common.card}>
      <Text role="heading" aria-level={2} style={common.title}>
        Climbs up ({up.length})
      </Text>
      {up.length === 0 ? (
        <Text style={common.muted}>No climbs up on this wall yet.</Text>
      ) : (
        up.map(row)
      )}
      {archived.length > 0 ? (
        <>
          <Text role="heading" aria-level={3} style={common.heading}>
            Archived ({archived.length})
          </Text>
          {archived.map(row)}
        </>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  row: {
    flexDirection: 'row',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: spacing.sm,
    paddingVertical: spacing.xs,
    paddingHorizontal: spacing.xs,
    borderTopWidth: 1,
    borderTopColor: colors.border,
    borderRadius: 6,
  },
  selected: { backgroundColor: colors.primaryBackground },
  text: { flexShrink: 1, minWidth: 160, gap: 2 },
});
