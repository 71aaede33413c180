import type { GymFilter } from '../hooks/useGymFilter';
import { RadioChips } from './RadioChips';
import { StyleSheet } from 'react-native';

/** "All gyms" and each gym the device knows, as radios; nothing when there is one gym. */
export function GymFilterChips({ filter }: { filter: GymFilter }) {
  if (filter.options.length === 0) return null;
  return (
    <RadioChips
      label="Gym"
      chips={[
        { value: null, label: 'All gyms' },
        ...filter.options.map((o) => ({ value: o.id as string | null, label: o.name })),
      ]}
      value={filter.gymId}
      onChange={filter.setGymId}
      style={styles.wrap}
    />
  );
}

const styles = StyleSheet.create({ wrap: { flexWrap: 'wrap' } });
