import { ScrollView, StyleSheet, TextInput, View } from 'react-native';
import { Button } from '../../components/Button';
import { useGradeDisplay } from '../../hooks/services';
import { common, spacing } from '../../theme/theme';
import type { ClimbFilterState } from './useClimbFilter';

/** Search by name and one grade at a time ("All grades" or a tap on the chosen one clears it). */
export function ClimbFilters({ filter }: { filter: ClimbFilterState }) {
  const { grade, setGrade } = filter;
  // Filters by the climbs' own grades, labelled in the climber's system.
  const display = useGradeDisplay();
  return (
    <>
      <TextInput
        aria-label="Search climbs"
        placeholder="Search climbs by name"
        value={filter.query}
        onChangeText={filter.setQuery}
        style={common.input}
      />
      {/* One row that scrolls sideways: the climbs start right under it, whatever the grades. */}
      <ScrollView horizontal showsHorizontalScrollIndicator={false}>
        <View style={styles.grades} role="radiogroup" aria-label="Filter by grade">
          <Button
            label="All grades"
            small
            checked={grade === null}
            onPress={() => setGrade(null)}
          />
          {filter.grades.map((g) => (
            <Button
              key={g}
              label={display(g)}
              small
              checked={grade === g}
              onPress={() => setGrade(grade === g ? null : g)}
            />
          ))}
        </View>
      </ScrollView>
    </>
  );
}

const styles = StyleSheet.create({
  grades: { flexDirection: 'row', gap: spacing.xs },
});
