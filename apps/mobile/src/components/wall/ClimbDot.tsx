import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Platform, Pressable, StyleSheet, Text, View } from 'react-native';
import type { Climb } from '@sendlog/contract';
import type { WallMark } from '../../logbook/wallMarks';
import { markWords } from '../../logbook/wallMarks';
import { colors } from '../../theme/theme';
import { holdColorOf } from '../holdColors';
import { useDotDrag } from './useDotDrag';
import type { DotDrag } from './useDotDrag';

/** The drawn dot; its tap target is larger (TARGET), centred on the climb's start. */
const DOT = 30;
const TARGET = 44;
/** The badge on a dot's shoulder: a tick for a send, the attempt count for tries. */
const BADGE = 16;

/**
 * What a screen reader says for a climb's dot: "Blue Moon, V4, blue, sent this session", or
 * "Blue Moon, V4, 2 attempts this session, blue": what the dot shows (grade, then its count)
 * comes in the order it shows.
 */
export function climbDotName(
  climb: Climb,
  grade: string,
  selected: boolean,
  mark?: WallMark,
): string {
  const color = climb.color === null ? null : holdColorOf(climb.color).name;
  const attempts =
    mark?.triedNow === true
      ? `${mark.attemptsNow} ${mark.attemptsNow === 1 ? 'attempt' : 'attempts'} this session`
      : null;
  const rest = mark ? { ...mark, triedNow: false } : undefined;
  return [climb.name, grade, attempts, color, markWords(rest), selected ? 'selected' : null]
    .filter(Boolean)
    .join(', ');
}

/**
 * A placed climb on the wall picture: a dot in its hold colour with its grade on it, at the
 * climb's `position` (given in 0–1 of the picture, as percentages, so it stays on its hold at
 * any zoom). The dot does not grow with the zoom: zooming spreads crowded dots apart. What the
 * climber did shows by shape, never by colour alone: a tick for a send this session, the attempt
 * count for tries, a dark outer ring for a climb sent before.
 */
export function ClimbDot(props: {
  climb: Climb & { position: { x: number; y: number } };
  grade: string;
  selected: boolean;
  mark?: WallMark | undefined;
  onPress?: (() => void) | undefined;
  /** Makes the dot draggable (a setter moving the climb open in the form). */
  onDrag?: DotDrag | undefined;
}) {
  const { climb, grade, selected, mark } = props;
  const target = useRef<View>(null);
  useEffect(() => {
    // Picked in the list, perhaps off screen at this zoom: the page brings the dot into view.
    // (Phones scroll their lists to the picture instead.)
    if (selected && Platform.OS === 'web') {
      const element = target.current as unknown as HTMLElement | null;
      element?.scrollIntoView?.({ block: 'center', inline: 'center' });
    }
  }, [selected]);
  const hold = holdColorOf(climb.color);
  const name = climbDotName(climb, grade, selected, mark);
  const place = {
    left: `${climb.position.x * 100}%`,
    top: `${climb.position.y * 100}%`,
  } as const;
  const badge = mark?.sentNow ? '✓' : mark?.triedNow ? String(mark.attemptsNow) : null;
  const dot = (
    <View style={[styles.ring, mark?.sentBefore && styles.sentBefore]} pointerEvents="none">
      <View style={[styles.dot, { backgroundColor: hold.fill }, selected && styles.selected]}>
        {/* A trailing space: the grade and a badge's count read as two words, "V4 2". */}
        <Text style={[styles.grade, { color: hold.text }]} numberOfLines={1}>
          {`${grade} `}
        </Text>
      </View>
      {badge ? (
        <View style={styles.shoulder}>
          <MarkBadge text={badge} sent={mark?.sentNow === true} />
        </View>
      ) : null}
    </View>
  );
  if (props.onDrag) {
    return (
      <DraggableDot
        name={`${name}, drag to move`}
        position={climb.position}
        place={place}
        drag={props.onDrag}
        onPress={props.onPress}
      >
        {dot}
      </DraggableDot>
    );
  }
  if (!props.onPress) {
    return (
      <View ref={target} style={[styles.target, place]} accessible role="img" aria-label={name}>
        {dot}
      </View>
    );
  }
  return (
    <Pressable
      ref={target}
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

function DraggableDot(props: {
  name: string;
  position: { x: number; y: number };
  place: { left: string; top: string };
  drag: DotDrag;
  onPress: (() => void) | undefined;
  children: ReactNode;
}) {
  const responder = useDotDrag(props.position, props.drag, props.onPress);
  return (
    <View
      style={[styles.target, props.place as object, styles.draggable]}
      accessible
      role="img"
      aria-label={props.name}
      testID="draggable-dot"
      {...responder}
    >
      {props.children}
    </View>
  );
}

/** A dot's badge: a tick on green for a send, the attempt count on white for tries. */
export function MarkBadge(props: { text: string; sent: boolean }) {
  return (
    <View style={[styles.badge, props.sent ? styles.sentBadge : styles.triedBadge]}>
      <Text style={[styles.badgeText, props.sent && styles.sentBadgeText]}>{props.text}</Text>
    </View>
  );
}

/** The "sent before" ring around a small blank dot, for the legend. */
export function SentBeforeRing() {
  return (
    <View style={[styles.ring, styles.sentBefore]}>
      <View style={styles.blank} />
    </View>
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
  // Room for the "sent before" ring; transparent otherwise, so every dot sits alike.
  ring: {
    padding: 2,
    borderRadius: DOT,
    borderWidth: 2,
    borderColor: 'transparent',
  },
  sentBefore: { borderColor: colors.text, backgroundColor: '#ffffff' },
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
  // Above the other dots, and no text selected on the web while the mouse drags it.
  draggable: { zIndex: 1, userSelect: 'none' },
  grade: { fontSize: 11, fontWeight: '800' },
  shoulder: { position: 'absolute', top: -4, right: -6 },
  blank: { width: BADGE, height: BADGE, borderRadius: BADGE / 2, backgroundColor: colors.muted },
  badge: {
    minWidth: BADGE,
    height: BADGE,
    borderRadius: BADGE / 2,
    paddingHorizontal: 2,
    alignItems: 'center',
    justifyContent: 'center',
    borderWidth: 1,
  },
  sentBadge: { backgroundColor: colors.success, borderColor: '#ffffff' },
  triedBadge: { backgroundColor: colors.surface, borderColor: colors.text },
  badgeText: { fontSize: 10, fontWeight: '800', color: colors.text },
  sentBadgeText: { color: colors.successText },
});
