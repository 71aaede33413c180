import type { Ref } from 'react';
import { ScrollView, TextInput } from 'react-native';
import { RadioChips } from '../../components/RadioChips';
import { useGradeDisplay } from '../../hooks/services';
import { common } from '../../theme/theme';
import type { ClimbFilterState } from './useClimbFilter';

/** Search by name and one grade at a time ("All grades" or a tap on the chosen one clears it). */
export function ClimbFilters({
  filter,
  searchRef,
}: {
  filter: ClimbFilterState;
  /** Where "Skip to the climbs" lands. */
  searchRef?: Ref<TextInput>;
}) {
  const { grade, setGrade } = filter;
  // Filters by the climbs' own grades, labelled in the climber's system.
  const display = useGradeDisplay();
  return (
    <>
      <TextInput
        ref={searchRef}
        aria-label="Search climbs"
        placeholder="Search climbs by name"
        value={filter.query}
        onChangeText={filter.setQuery}
        style={common.input}
      />
      {/* One row that scrolls sideways: the climbs start right under it, whatever the grades.
          One Tab stop: the arrow keys move between grades. */}
      <ScrollView horizontal showsHorizontalScrollIndicator={false}>
        <RadioChips
          label="Filter by grade"
          chips={[
            { value: null, label: 'All grades' },
            ...filter.grades.map((g) => ({ value: g, label: display(g) })),
          ]}
          value={grade}
          onChange={setGrade}
          onPressChecked={() => setGrade(null)}
        />
      </ScrollView>
    </>
  );
}
