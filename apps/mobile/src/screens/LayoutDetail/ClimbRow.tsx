import { Pressable, StyleSheet, Text, View } from 'react-native';
import type { Climb } from '@sendlog/contract';
import { Button } from '../../components/Button';
import { ColorSwatch } from '../../components/ColorSwatch';
import { plural } from '../../format/plural';
import { useGradeDisplay } from '../../hooks/services';
import type { LocalRoute } from '../../sync/types';
import { colors, common, spacing } from '../../theme/theme';

/** What a climb row offers while a session runs on its layout. */
export interface ClimbRowSession {
  /** This session's unsent route on the climb, which "Try" and "Sent" build on. */
  open: LocalRoute | null;
  /** The route the last tap on this climb made or changed, while "Undo" is offered. */
  justLogged: { route: LocalRoute; flash: boolean } | null;
  onTry: () => void;
  onSent: () => void;
  /** The full form: notes, stars, own grade, exact attempts. */
  onLog: () => void;
  onUndo: () => void;
  onEditJustLogged: () => void;
}

/**
 * One climb of the layout, with what the climber has done on it. While a session runs: "Try" and
 * "Sent" log in one tap each, big enough for chalky fingers, and "Log…" opens the full form.
 */
export function ClimbRow(props: {
  climb: Climb;
  badge: 'Sent' | 'Flash' | null;
  session: ClimbRowSession | null;
}) {
  const { climb, badge, session } = props;
  const display = useGradeDisplay();
  return (
    <View style={styles.climb}>
      <View style={styles.line}>
        <Text style={styles.grade}>{display(climb.grade)}</Text>
        <Text style={[common.body, styles.grow]}>{climb.name}</Text>
        {badge ? (
          <Text style={[styles.badge, badge === 'Flash' && styles.flash]}>{badge}</Text>
        ) : null}
      </View>
      <View style={styles.details}>
        <ColorSwatch color={climb.color} />
        <CommunityLine community={climb.community} display={display} />
      </View>
      {session ? <SessionActions climb={climb} session={session} /> : null}
    </View>
  );
}

/**
 * What other climbers' logs say, once someone logged the climb: "Community V5 · 4.2 stars ·
 * by 3 climbers". In words, not glyphs: a screen reader reads it as it is shown.
 */
function CommunityLine(props: { community: Climb['community']; display: (g: string) => string }) {
  const { grade, rating, climbers } = props.community;
  if (climbers === 0) return null;
  const opinions = [
    grade === null ? null : `Community ${props.display(grade)}`,
    rating === null ? null : `${rating.toFixed(1)} ${rating === 1 ? 'star' : 'stars'}`,
  ].filter((part) => part !== null);
  const who = plural(climbers, 'climber', 'climbers');
  const text = opinions.length > 0 ? `${opinions.join(' · ')} · by ${who}` : `Logged by ${who}`;
  return <Text style={common.muted}>{text}</Text>;
}

function SessionActions({ climb, session }: { climb: Climb; session: ClimbRowSession }) {
  const { open, justLogged } = session;
  return (
    <>
      <View style={styles.line}>
        <BigButton label="Try" name={`Try: ${climb.name}`} onPress={session.onTry} />
        <BigButton label="Sent" name={`Sent: ${climb.name}`} onPress={session.onSent} sent />
        <View style={styles.grow} />
        <Button label="Log…" name={`Log ${climb.name}`} small onPress={session.onLog} />
      </View>
      {justLogged ? (
        <View style={styles.line}>
          <Text style={[common.muted, styles.grow]} aria-live="polite">
            {`Logged: ${resultText(justLogged.route, justLogged.flash)}`}
          </Text>
          <Button label="Undo" name={`Undo ${climb.name}`} small onPress={session.onUndo} />
          <Button
            label="Edit"
            name={`Edit just logged ${climb.name}`}
            small
            variant="link"
            onPress={session.onEditJustLogged}
          />
        </View>
      ) : open ? (
        // The send is one more go: say so before the tap, not after.
        <Text style={common.muted}>
          {`Tried ${plural(open.attempts, 'time', 'times')} this session · Sent logs the send as attempt ${open.attempts + 1}`}
        </Text>
      ) : null}
    </>
  );
}

function resultText(route: LocalRoute, flash: boolean): string {
  const result = route.isSuccess ? (flash ? 'Flash' : 'Sent') : 'Not sent';
  return `${result} · ${plural(route.attempts, 'attempt', 'attempts')}`;
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
  climb: {
    gap: spacing.sm,
    backgroundColor: colors.surface,
    borderRadius: 8,
    borderWidth: 1,
    borderColor: colors.border,
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.sm,
    marginBottom: spacing.xs,
  },
  line: { flexDirection: 'row', alignItems: 'center', gap: spacing.md },
  details: { flexDirection: 'row', alignItems: 'center', flexWrap: 'wrap', gap: spacing.md },
  grow: { flex: 1 },
  // A minimum, not a width: "V10" at twice the font size must not clip.
  grade: { minWidth: 44, fontWeight: '700', color: colors.text },
  badge: {
    fontSize: 12,
    fontWeight: '700',
    color: colors.success,
    backgroundColor: colors.successBackground,
    borderRadius: 999,
    paddingHorizontal: spacing.sm,
    paddingVertical: 1,
    overflow: 'hidden',
  },
  flash: { color: colors.flash, backgroundColor: colors.flashBackground },
  big: {
    minWidth: 80,
    minHeight: 48,
    paddingHorizontal: spacing.lg,
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
