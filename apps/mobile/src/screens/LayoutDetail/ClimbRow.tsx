import { Pressable, StyleSheet, Text, View } from 'react-native';
import type { Climb } from '@sendlog/contract';
import { holdColorOf } from '../../components/holdColors';
import { plural } from '../../format/plural';
import { untilText } from '../../format/until';
import { useGradeDisplay } from '../../hooks/services';
import type { WallMark } from '../../logbook/wallMarks';
import { colors, common, spacing } from '../../theme/theme';

/** The height of a climb row: a 44 pt button and a little air, so a phone shows a dozen. */
export const CLIMB_ROW_HEIGHT = 56;
/** The hold colour swatch: a shape, no text in it. */
const SWATCH = 14;

/** What a climb row offers while a session runs on its wall. */
export interface ClimbRowSession {
  onTry: () => void;
  onSent: () => void;
}

/**
 * One climb of the wall on one line: its colour, grade and name (a tap shows it on the picture,
 * with everything else it offers), then "Try" and "Sent" while a session runs, big enough for
 * chalky fingers. A fixed height, so logging never pushes the climbs down the screen.
 */
export function ClimbRow(props: {
  climb: Climb;
  mark: WallMark | undefined;
  /** Set since the climber last opened this wall. */
  isNew?: boolean;
  session: ClimbRowSession | null;
  onShow: () => void;
}) {
  const { climb, mark, session } = props;
  const display = useGradeDisplay();
  const hold = holdColorOf(climb.color);
  const grade = display(climb.grade);
  const state = markLine(mark);
  const until = untilText(climb.removalPlannedAt, new Date());
  const second = [state, until].filter(Boolean).join(' · ');
  return (
    <View style={styles.row} testID="climb-row">
      <Pressable
        role="button"
        // The visible words first, in their order (what a voice-control user says), then the colour.
        aria-label={[`${grade} ${climb.name}`, props.isNew && 'New', state, until, hold.name]
          .filter(Boolean)
          .join(', ')}
        onPress={props.onShow}
        style={({ pressed }) => [styles.show, pressed && styles.pressed]}
      >
        <View
          style={[
            styles.swatch,
            { backgroundColor: hold.fill },
            climb.color === null && styles.none,
          ]}
        />
        {/* Each text ends in a space: what the row shows reads as words ("V4 Blue Moon"), as its
            name does, not "V4Blue Moon" run together. */}
        <Text style={styles.grade}>{`${grade} `}</Text>
        <View style={styles.name}>
          <View style={styles.title}>
            <Text style={[common.body, styles.shrink]} numberOfLines={1}>
              {`${climb.name} `}
            </Text>
            {props.isNew ? <Text style={styles.fresh}>{'New '}</Text> : null}
          </View>
          {second ? (
            <Text style={[styles.state, mark?.sentNow && styles.sent]} numberOfLines={1}>
              {second}
            </Text>
          ) : null}
        </View>
      </Pressable>
      {session ? (
        <>
          <BigButton label="Try" name={`Try: ${climb.name}`} onPress={session.onTry} />
          <BigButton label="Sent" name={`Sent: ${climb.name}`} onPress={session.onSent} sent />
        </>
      ) : null}
    </View>
  );
}

/** The row's second line: what this session did on the climb, or that it was sent before. */
function markLine(mark: WallMark | undefined): string | null {
  if (!mark) return null;
  if (mark.sentNow) return mark.sentBefore ? 'Sent this session, and before' : 'Sent this session';
  if (mark.triedNow) return `${plural(mark.attemptsNow, 'attempt', 'attempts')} so far`;
  return mark.sentBefore ? 'Sent before' : null;
}

/** A ≥ 48 pt target with a bold label: readable and hittable on the wall. */
function BigButton(props: { label: string; name: string; onPress: () => void; sent?: boolean }) {
  return (
    <Pressable
      role="button"
      aria-label={props.name}
      onPress={props.onPress}
      style={({ pressed }) => [
        styles.big,
        props.sent ? styles.bigSent : styles.bigTry,
        pressed && styles.pressed,
      ]}
    >
      <Text style={[styles.bigLabel, props.sent && styles.bigSentLabel]}>{props.label}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  row: {
    minHeight: CLIMB_ROW_HEIGHT,
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.xs,
    backgroundColor: colors.surface,
    borderBottomWidth: 1,
    borderBottomColor: colors.border,
    paddingHorizontal: spacing.sm,
    paddingVertical: spacing.xs,
  },
  show: {
    flex: 1,
    minHeight: 48,
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.sm,
    borderRadius: 8,
  },
  // A dark edge: white or yellow holds still show against a white row.
  swatch: {
    width: SWATCH,
    height: SWATCH,
    borderRadius: SWATCH / 2,
    borderWidth: 1,
    borderColor: colors.muted,
  },
  none: { borderStyle: 'dashed' },
  // A minimum, not a width: "V10" at twice the font size must not clip.
  grade: { minWidth: 36, fontWeight: '700', fontSize: 15, color: colors.text },
  name: { flex: 1 },
  title: { flexDirection: 'row', alignItems: 'center', gap: spacing.xs },
  shrink: { flexShrink: 1 },
  // A filled tag, white on the accent: 4.5:1 at its small size.
  fresh: {
    fontSize: 12,
    fontWeight: '700',
    color: colors.primaryText,
    backgroundColor: colors.primary,
    borderRadius: 4,
    paddingHorizontal: 4,
    overflow: 'hidden',
  },
  state: { fontSize: 12, color: colors.muted },
  sent: { color: colors.success },
  big: {
    minWidth: 60,
    minHeight: 48,
    paddingHorizontal: spacing.md,
    borderRadius: 8,
    borderWidth: 2,
    alignItems: 'center',
    justifyContent: 'center',
  },
  // A dark border on white: visible at 3:1 or better even in a dim basement.
  bigTry: { backgroundColor: colors.surface, borderColor: colors.muted },
  bigSent: { backgroundColor: colors.success, borderColor: colors.success },
  pressed: { opacity: 0.7 },
  bigLabel: { fontSize: 17, fontWeight: '700', color: colors.text },
  bigSentLabel: { color: colors.successText },
});
