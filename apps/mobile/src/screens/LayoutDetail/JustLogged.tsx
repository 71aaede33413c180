import { StyleSheet, Text, View } from 'react-native';
import { Button } from '../../components/Button';
import { plural } from '../../format/plural';
import type { LocalRoute } from '../../sync/types';
import { colors, spacing } from '../../theme/theme';

/**
 * The last tap on "Try" or "Sent", pinned under the session bar for a few seconds with "Undo" and
 * "Edit", wherever the climb's row was scrolled: the rows keep one height.
 */
export function JustLogged(props: {
  climbName: string;
  route: LocalRoute;
  flash: boolean;
  onUndo: () => void;
  onEdit: () => void;
}) {
  const { climbName, route } = props;
  const result = route.isSuccess ? (props.flash ? 'Flash' : 'Sent') : 'Not sent';
  return (
    <View style={styles.strip}>
      <Text style={styles.text} aria-live="polite">
        {`Logged ${climbName}: ${result} · ${plural(route.attempts, 'attempt', 'attempts')}`}
      </Text>
      <Button label="Undo" name={`Undo ${climbName}`} small onPress={props.onUndo} />
      <Button
        label="Edit"
        name={`Edit just logged ${climbName}`}
        small
        variant="link"
        onPress={props.onEdit}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  strip: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.sm,
    backgroundColor: colors.primaryBackground,
    paddingHorizontal: spacing.lg,
    paddingVertical: spacing.xs,
    borderBottomWidth: 1,
    borderBottomColor: colors.border,
  },
  text: { flex: 1, color: colors.text, fontSize: 14 },
});
