import { StyleSheet, Text, View } from 'react-native';
import type { Climb } from '@sendlog/contract';
import { Button } from '../../components/Button';
import { colors, common, spacing } from '../../theme/theme';

/** One climb of the layout, with what the climber has done on it; "Log" while a session runs. */
export function ClimbRow(props: {
  climb: Climb;
  badge: 'Sent' | 'Flash' | null;
  onLog: (() => void) | null;
}) {
  const { climb, badge, onLog } = props;
  return (
    <View style={styles.climb}>
      <Text style={styles.grade}>{climb.grade}</Text>
      <Text style={[common.body, styles.grow]}>{climb.name}</Text>
      {badge ? (
        <Text style={[styles.badge, badge === 'Flash' && styles.flash]}>{badge}</Text>
      ) : null}
      {onLog ? (
        <Button label="Log" name={`Log ${climb.name}`} small variant="primary" onPress={onLog} />
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  climb: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.md,
    backgroundColor: colors.surface,
    borderRadius: 8,
    borderWidth: 1,
    borderColor: colors.border,
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.sm,
    marginBottom: spacing.xs,
  },
  grow: { flex: 1 },
  // A minimum, not a width: "V10" at twice the font size must not clip.
  grade: { minWidth: 44, fontWeight: '700', color: colors.text },
  badge: {
    fontSize: 12,
    fontWeight: '700',
    color: colors.success,
    backgroundColor: colors.successBackground,
    borderRadius: 999,
    paddingHorizontal: spacing.sm,
    paddingVertical: 1,
    overflow: 'hidden',
  },
  flash: { color: colors.flash, backgroundColor: colors.flashBackground },
});
