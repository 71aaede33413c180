import { StyleSheet, Text, View } from 'react-native';
import type { ReactNode } from 'react';
import type { Climb, WallImage } from '@sendlog/contract';
import { Button } from '../../components/Button';
import { WallPicture } from '../../components/wall/WallPicture';
import { common, spacing } from '../../theme/theme';

/**
 * The layout's wall picture and, under it, the climb picked on it as its own row (the list's row,
 * rendered by the screen: the same Try / Sent / Log… and form). The list leaves that climb out
 * meanwhile, so no button appears twice.
 */
export function LayoutWall(props: {
  image: WallImage;
  layoutName: string;
  climbs: readonly Climb[];
  selected: Climb | null;
  onSelect: (climb: Climb) => void;
  onClose: () => void;
  renderSelected: (climb: Climb) => ReactNode;
  /** While a session runs here, the picked climb's row logs it. */
  inSession: boolean;
}) {
  const { selected } = props;
  return (
    <View style={styles.wall}>
      <WallPicture
        image={props.image}
        climbs={props.climbs}
        label={`${props.layoutName} picture`}
        selectedClimbId={selected?.id ?? null}
        onPressClimb={props.onSelect}
      />
      <View aria-live="polite">
        {selected ? (
          <View style={styles.selected}>
            <View style={common.row}>
              <Text style={[common.heading, styles.grow]} role="heading">
                {`On the wall: ${selected.name}`}
              </Text>
              <Button
                label="Close"
                name={`Close ${selected.name}`}
                small
                variant="link"
                onPress={props.onClose}
              />
            </View>
            {props.renderSelected(selected)}
          </View>
        ) : (
          <Text style={common.muted}>
            {props.inSession ? 'Tap a dot to log that climb.' : 'Tap a dot to see that climb.'}
          </Text>
        )}
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  wall: { gap: spacing.sm },
  selected: { gap: spacing.xs },
  grow: { flex: 1 },
});
