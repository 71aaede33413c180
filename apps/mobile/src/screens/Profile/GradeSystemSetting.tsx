import { StyleSheet, Text, View } from 'react-native';
import { GRADE_SYSTEMS } from '@sendlog/contract';
import type { GradeSystem } from '@sendlog/contract';
import { Button } from '../../components/Button';
import { useGradeSystem, useServices } from '../../hooks/services';
import { common, spacing } from '../../theme/theme';

const SYSTEM_NAMES: Record<GradeSystem, string> = {
  V: 'V scale (V3)',
  Font: 'Font (6A)',
};

/**
 * How grades are shown across the app. Saved on this device at once, offline too; the account
 * follows when the server is reachable. Stored grades are never rewritten, only shown converted.
 */
export function GradeSystemSetting() {
  const { auth } = useServices();
  const system = useGradeSystem();
  return (
    <View style={common.card}>
      <Text style={common.heading}>Show grades as</Text>
      <View role="radiogroup" aria-label="Show grades as" style={styles.options}>
        {GRADE_SYSTEMS.map((option) => (
          <Button
            key={option}
            label={SYSTEM_NAMES[option]}
            checked={system === option}
            onPress={() => void auth.setGradeSystem(option)}
          />
        ))}
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  options: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm },
});
