import { useEffect, useRef } from 'react';
import { Platform, StyleSheet, Text, View } from 'react-native';
import type { Climb } from '@sendlog/contract';
import { Button } from '../../components/Button';
import { ColorSwatch } from '../../components/ColorSwatch';
import { RouteForm } from '../../components/RouteForm';
import type { RouteValues } from '../../components/RouteForm';
import { plural } from '../../format/plural';
import { useGradeDisplay } from '../../hooks/services';
import type { WallMark } from '../../logbook/wallMarks';
import { markWords } from '../../logbook/wallMarks';
import { colors, common, spacing } from '../../theme/theme';

/** What the picked climb offers while a session runs on its wall. */
export interface PickedSession {
  onTry: () => void;
  onSent: () => void;
  /** The full form: notes, stars, own grade, exact attempts. */
  logging: boolean;
  onLog: () => void;
  onSave: (values: RouteValues) => void;
  onCancel: () => void;
}

/**
 * The climb tapped on the picture or in the list, under the picture: everything about it the list
 * has no room for (colour by name, what climbers think of it, what you did), "Log…" for the full
 * form and its story. Focus moves to its heading, so a keyboard lands where the climb is.
 */
export function PickedClimb(props: {
  climb: Climb;
  onWall: boolean;
  mark: WallMark | undefined;
  session: PickedSession | null;
  onOpenStory: () => void;
  onClose: () => void;
}) {
  const { climb, session } = props;
  const display = useGradeDisplay();
  const heading = useRef<View>(null);
  const { onWall } = props;
  useEffect(() => {
    // On the picture, its dot is what must show: the heading takes focus without scrolling.
    const element = heading.current as unknown as HTMLElement | null;
    if (Platform.OS === 'web') element?.focus?.({ preventScroll: onWall });
  }, [climb.id, onWall]);
  const words = markWords(props.mark);
  if (session?.logging) {
    return (
      <RouteForm
        climbName={climb.name}
        grade={display(climb.grade)}
        onSave={session.onSave}
        onCancel={session.onCancel}
      />
    );
  }
  return (
    <View style={[common.card, styles.picked]} aria-label={`Picked climb ${climb.name}`}>
      <View style={common.row}>
        <View ref={heading} tabIndex={-1} style={styles.grow}>
          <Text style={common.heading} role="heading" aria-level={2}>
            {`${props.onWall ? 'On the wall: ' : ''}${climb.name}`}
          </Text>
        </View>
        <Button
          label="Close"
          name={`Close ${climb.name}`}
          small
          variant="link"
          onPress={props.onClose}
        />
      </View>
      <View style={styles.details}>
        <Text style={styles.grade}>{display(climb.grade)}</Text>
        <ColorSwatch color={climb.color} />
        {words ? <Text style={common.muted}>{words}</Text> : null}
      </View>
      <CommunityLine community={climb.community} display={display} />
      <View style={styles.actions}>
        {session ? (
          <>
            <Button label="Try" name={`Try: ${climb.name}`} onPress={session.onTry} />
            <Button label="Sent" name={`Sent: ${climb.name}`} onPress={session.onSent} />
            <Button label="Log…" name={`Log ${climb.name}`} onPress={session.onLog} />
          </>
        ) : null}
        <Button
          label="Story"
          name={`Story of ${climb.name}`}
          variant="link"
          onPress={props.onOpenStory}
        />
      </View>
    </View>
  );
}

/**
 * What other climbers' logs say, once someone logged the climb: "Community V5 · 4.2 stars ·
 * by 3 climbers". In words, not glyphs: a screen reader reads it as it is shown.
 */
export function CommunityLine(props: {
  community: Climb['community'];
  display: (g: string) => string;
}) {
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

const styles = StyleSheet.create({
  picked: { borderColor: colors.primary },
  grow: { flex: 1 },
  details: { flexDirection: 'row', alignItems: 'center', flexWrap: 'wrap', gap: spacing.md },
  grade: { fontWeight: '700', fontSize: 15, color: colors.text },
  actions: { flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center', gap: spacing.sm },
});
