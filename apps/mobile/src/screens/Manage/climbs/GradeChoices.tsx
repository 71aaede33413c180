import { StyleSheet, Text, View } from 'react-native';
import { GRADES_BY_SYSTEM } from '@sendlog/contract';
import type { GradeSystem } from '@sendlog/contract';
import { RadioChips } from '../../../components/RadioChips';
import { common, spacing } from '../../../theme/theme';

/**
 * The climb's grade, chosen among the wall's own system (the contract's grade table): a Font
 * grade on a V wall cannot be picked at all, rather than being refused after "Add". One stop for
 * the keyboard, the arrow keys move between grades.
 */
export function GradeChoices(props: {
  system: GradeSystem;
  value: string;
  onChange: (grade: string) => void;
  error?: string | undefined;
}) {
  const grades = GRADES_BY_SYSTEM[props.system];
  const label = props.system === 'V' ? 'Grade (V scale)' : 'Grade (Font)';
  // A climb graded before the wall's system was kept to (free text once): said, not lost.
  const other = props.value !== '' && !grades.includes(props.value as never) ? props.value : null;
  return (
    <View style={styles.field}>
      <Text style={common.heading}>{label}</Text>
      {other ? (
        <Text style={common.muted}>{`Now "${other}": pick a grade of the wall.`}</Text>
      ) : null}
      <RadioChips
        label={label}
        chips={grades.map((grade) => ({ value: grade as string, label: grade }))}
        value={props.value}
        onChange={props.onChange}
        style={styles.chips}
      />
      {props.error !== undefined ? (
        <Text role="alert" style={common.error}>
          {props.error}
        </Text>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  field: { gap: spacing.xs },
  chips: { flexWrap: 'wrap' },
});
