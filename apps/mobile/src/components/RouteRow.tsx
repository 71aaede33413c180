import { StyleSheet, Text, View } from 'react-native';
import type { LocalRoute } from '../sync/types';
import { colors, common, spacing } from '../theme/theme';
import { Button } from './Button';
import { ClampedText } from './ClampedText';
import { MoreMenu } from './MoreMenu';
import { ColorSwatch } from './ColorSwatch';
import { plural } from '../format/plural';
import { useGradeDisplay } from '../hooks/services';

export interface RouteRowProps {
  route: LocalRoute;
  /** Sent first try on a climb never tried before (see sendRecordOf). */
  flash: boolean;
  climbName: string;
  grade: string | null;
  /** The climb's hold colour: "the blue V4" is how a gym names a problem. */
  color?: string | null;
  onEdit?: () => void;
  onRemove?: () => void;
  /** Opens the climber's story with this route's climb. */
  onOpenStory?: () => void;
}

/**
 * One logged route: climb, grade, result, attempts, and what the climber noted. "Remove" waits in
 * the row's ⋯ menu (a double tap can never remove a second route: the menu closes with the first)
 * and the Undo strip offers the route back, as for every removal and delete.
 */
export function RouteRow(props: RouteRowProps) {
  const { route, flash, climbName, grade, onEdit, onRemove, onOpenStory } = props;
  const display = useGradeDisplay();
  // An unlisted route's grade is outside the grade table (a French 9a is no Font 9A): as written.
  const shownGrade = (g: string) => (route.climb?.kind === 'route' ? g : display(g));
  const result = route.isSuccess ? (flash ? 'Flash' : 'Sent') : 'Not sent';
  return (
    <View style={styles.row} aria-label={`Route ${climbName}`}>
      <View style={styles.main}>
        <View style={styles.title}>
          {props.color !== undefined ? <ColorSwatch color={props.color} nameHidden /> : null}
          <Text style={[common.body, styles.name]}>
            {climbName}
            {grade ? <Text style={common.muted}>{`  ${shownGrade(grade)}`}</Text> : null}
          </Text>
        </View>
        <Text style={[common.muted, route.isSuccess && styles.sent]}>
          {result} · {plural(route.attempts, 'attempt', 'attempts')}
          {route.rating ? ` · ${'★'.repeat(route.rating)}` : ''}
          {route.gradeOpinion ? ` · felt ${display(route.gradeOpinion)}` : ''}
        </Text>
        {route.notes ? (
          <ClampedText text={route.notes} style={common.muted} label={`notes on ${climbName}`} />
        ) : null}
        {onOpenStory ? (
          <Button
            label="Story"
            name={`Story of ${climbName}`}
            small
            variant="link"
            onPress={onOpenStory}
          />
        ) : null}
      </View>
      {onEdit ? <Button label="Edit" name={`Edit ${climbName}`} small onPress={onEdit} /> : null}
      {onRemove ? (
        <MoreMenu
          name={`More for ${climbName}`}
          items={[
            { label: 'Remove', name: `Remove ${climbName}`, danger: true, onPress: onRemove },
          ]}
        />
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  row: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.sm,
    paddingVertical: spacing.sm,
    borderTopWidth: 1,
    borderTopColor: colors.border,
  },
  main: { flex: 1, gap: 2 },
  title: { flexDirection: 'row', alignItems: 'center', gap: spacing.xs },
  name: { flexShrink: 1 },
  sent: { color: colors.success },
});
