import { StyleSheet, Text, View } from 'react-native';
import { useRequiredAccount } from '../hooks/services';
import { useRecentDelete } from '../hooks/sessions';
import { colors, spacing } from '../theme/theme';
import { Button } from './Button';

/**
 * "Deleted … Undo" for a few seconds after a delete, like the sync banner a strip above the
 * screen: the delete has happened (offline too), Undo puts the session back as it was.
 */
export function UndoDeleteStrip() {
  const recent = useRecentDelete();
  const { deletes } = useRequiredAccount();
  if (!recent) return null;
  return (
    <View style={styles.strip} role="status" aria-live="polite">
      <Text style={styles.text}>Deleted {recent.label}.</Text>
      <Button
        label="Undo"
        name="Undo delete"
        small
        variant="link"
        onPress={() => void deletes.undo()}
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
    paddingVertical: spacing.sm,
    borderBottomWidth: 1,
    borderBottomColor: colors.border,
  },
  text: { flex: 1, color: colors.text, fontSize: 14 },
});
