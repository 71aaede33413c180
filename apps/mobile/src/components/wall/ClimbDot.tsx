import { Pressable, StyleSheet, Text, View } from 'react-native';
import type { Climb } from '@sendlog/contract';
import { colors } from '../../theme/theme';
import { holdColorOf } from '../holdColors';

/** The drawn dot; its tap target is larger (TARGET), centred on the climb's start. */
const DOT = 30;
const TARGET = 44;

/** What a screen reader says for a climb's dot: "Blue Moon, V4, blue". */
export function climbDotName(climb: Climb, grade: string, selected: boolean): string {
  const color = climb.color === null ? null : holdColorOf(climb.color).name;
  return [climb.name, grade, color, selected ? 'selected' : null].filter(Boolean).join(', ');
}

/**
 * A placed climb on the wall picture: a dot in its hold colour with its grade on it, at the
 * climb's `position` (given in 0–1 of the picture, as percentages, so it stays on its hold at
 * any zoom). The dot does not grow with the zoom: zooming spreads crowded dots apart.
 */
export function ClimbDot(props: {
  climb: Climb & { position: { x: number; y: number } };
  grade: string;
  selected: boolean;
  onPress?: (() => void) | undefined;
}) {
  const { climb, grade, selected } = props;
  const hold = holdColorOf(climb.color);
  const name = climbDotName(climb, grade, selected);
  const place = {
    left: `${climb.position.x * 100}%`,
    top: `${climb.position.y * 100}%`,
  } as const;
  const dot = (
    <View
      style={[styles.dot, { backgroundColor: hold.fill }, selected && styles.selected]}
      pointerEvents="none"
    >
      <Text style={[styles.grade, { color: hold.text }]} numberOfLines={1}>
        {grade}
      </Text>
    </View>
  );
  if (!props.onPress) {
    return (
      <View style={[styles.target, place]} accessible role="img" aria-label={name}>
        {dot}
      </View>
    );
  }
  return (
    <Pressable
      role="button"
      aria-label={name}
      onPress={props.onPress}
      style={({ pressed }) => [styles.target, place, pressed && styles.pressed]}
      hitSlop={4}
    >
      {dot}
    </Pressable>
  );
}

const styles = StyleSheet.create({
  target: {
    position: 'absolute',
    width: TARGET,
    height: TARGET,
    marginLeft: -TARGET / 2,
    marginTop: -TARGET / 2,
    alignItems: 'center',
    justifyContent: 'center',
  },
  // A white ring with a dark edge: the dot stands out on a dark hold and on a white wall alike.
  dot: {
    minWidth: DOT,
    height: DOT,
    borderRadius: DOT / 2,
    paddingHorizontal: 3,
    alignItems: 'center',
    justifyContent: 'center',
    borderWidth: 2,
    borderColor: '#ffffff',
    shadowColor: '#000000',
    shadowOpacity: 0.6,
    shadowRadius: 1.5,
    shadowOffset: { width: 0, height: 0 },
    elevation: 2,
  },
  selected: { borderWidth: 3, borderColor: colors.primary, transform: [{ scale: 1.25 }] },
  pressed: { opacity: 0.7 },
  grade: { fontSize: 11, fontWeight: '800' },
});
