import { StyleSheet, Text, View } from 'react-native';
import type { ReactNode } from 'react';
import type { Climb, WallImage } from '@sendlog/contract';
import { WallPicture } from '../../components/wall/WallPicture';
import type { WallMark } from '../../logbook/wallMarks';
import { pointerWord } from '../../format/pointerWord';
import { common, spacing } from '../../theme/theme';

/**
 * The wall's picture and, under it, the climb picked on it or in the list (rendered by the
 * screen: its details, Try / Sent / Log… and the form). The list leaves that climb out
 * meanwhile, so no button appears twice.
 */
export function LayoutWall(props: {
  image: WallImage;
  layoutName: string;
  climbs: readonly Climb[];
  selected: Climb | null;
  marks: ReadonlyMap<string, WallMark>;
  onSelect: (climb: Climb) => void;
  picked: ReactNode;
  /** While a session runs here, the picked climb logs it. */
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
        marks={props.marks}
        onPressClimb={props.onSelect}
      />
      <View aria-live="polite">
        {selected ? (
          props.picked
        ) : (
          <Text style={common.muted}>
            {`${pointerWord().Press} a dot ${props.inSession ? 'to log that climb' : 'to see that climb'}.`}
          </Text>
        )}
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  wall: { gap: spacing.sm },
});
