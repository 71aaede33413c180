import { useState } from 'react';
import { StyleSheet, Text, TextInput, View } from 'react-native';
import { useGymSearch } from '../../hooks/useGymSearch';
import { common, spacing } from '../../theme/theme';
import { GymCard } from './GymCard';

/**
 * Search as you type (name or city, accents and case ignored, as the server reads them), each
 * gym found with its Follow button. Searching needs the server; following works offline too.
 */
export function GymFinder({ label = 'Find a gym' }: { label?: string }) {
  const [query, setQuery] = useState('');
  const search = useGymSearch(query);
  const line =
    search.status === 'offline'
      ? 'Finding a gym needs a connection. The walls of the gyms you follow then work offline.'
      : search.status === 'failed'
        ? search.message
        : search.status === 'searching'
          ? 'Searching…'
          : search.gyms.length === 0
            ? query.trim() === ''
              ? 'No gym on this server yet.'
              : `No gym matches “${query.trim()}”.`
            : null;
  return (
    <View style={styles.finder}>
      <Text role="heading" aria-level={2} style={common.heading}>
        {label}
      </Text>
      <TextInput
        aria-label={label}
        placeholder="Name or city"
        value={query}
        onChangeText={setQuery}
        autoCorrect={false}
        autoCapitalize="none"
        style={common.input}
      />
      <Text
        role="status"
        aria-live="polite"
        style={search.status === 'failed' ? common.error : common.muted}
      >
        {line ?? (search.gyms.length === 1 ? '1 gym' : `${search.gyms.length} gyms`)}
      </Text>
      {search.gyms.map((gym) => (
        <GymCard key={gym.id} gym={gym} />
      ))}
    </View>
  );
}

const styles = StyleSheet.create({ finder: { gap: spacing.sm } });
