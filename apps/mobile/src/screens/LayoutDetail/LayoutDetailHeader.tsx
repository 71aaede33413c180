import { StyleSheet, Text, View } from 'react-native';
import type { TextInput } from 'react-native';
import type { ReactNode, RefObject } from 'react';
import { SkipLink } from '../../components/SkipLink';
import { common, spacing } from '../../theme/theme';
import { ClimbFilters } from './ClimbFilters';
import type { ClimbFilterState } from './useClimbFilter';

/**
 * Above the climb list: the wall picture with the picked climb (on a phone; beside the list on a
 * wide window), or the picked climb alone on a wall with no picture, then the list's filters. The
 * session lives in the bar pinned above, so nothing here grows as the session fills.
 */
export function LayoutDetailHeader(props: {
  wall: ReactNode;
  picked: ReactNode;
  error: string | null;
  filter: ClimbFilterState;
  search: RefObject<TextInput | null>;
}) {
  const { search } = props;
  return (
    <View style={styles.header}>
      {/* The picture holds a stop per climb: the keyboard can pass it in one. */}
      {props.wall ? (
        <SkipLink label="Skip to the climbs" onPress={() => search.current?.focus()} />
      ) : null}
      {props.wall}
      {props.picked}
      {props.error ? (
        <Text role="alert" style={common.error}>
          {props.error}
        </Text>
      ) : null}
      <ClimbFilters filter={props.filter} searchRef={search} />
    </View>
  );
}

const styles = StyleSheet.create({
  header: { gap: spacing.md, marginBottom: spacing.sm },
});
