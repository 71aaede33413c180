import { StyleSheet, Text, View } from 'react-native';
import { colors, spacing } from '../../../theme/theme';

/** Said plainly above a Manage screen while there is no connection; its buttons wait for one. */
export function OfflineNotice({ offline }: { offline: boolean }) {
  if (!offline) return null;
  return (
    <View role="status" aria-live="polite" style={styles.banner}>
      <Text style={styles.text}>
        You are offline. Managing walls needs a connection: the buttons work again once you are back
        online, and nothing you typed is lost.
      </Text>
    </View>
  );
}

const styles = StyleSheet.create({
  banner: {
    backgroundColor: colors.warningBackground,
    borderBottomWidth: 1,
    borderBottomColor: colors.warningBorder,
    paddingHorizontal: spacing.lg,
    paddingVertical: spacing.sm,
  },
  text: { color: colors.text, fontSize: 14 },
});
