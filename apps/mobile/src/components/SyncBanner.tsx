import { StyleSheet, Text, View } from 'react-native';
import { useAuthState, useServices } from '../hooks/services';
import { useSessions, useSyncState } from '../hooks/sessions';
import { viewSyncState } from '../sync/syncStateView';
import { colors, spacing } from '../theme/theme';
import { Button } from './Button';

/**
 * Sync trouble, told without getting in the way: a strip above the screen, never a modal, so
 * logging goes on whatever the network or the server says.
 */
export function SyncBanner() {
  const services = useServices();
  const auth = useAuthState();
  const sessions = useSessions();
  const sync = viewSyncState(useSyncState());
  const failed = sessions.filter((s) => s.status === 'sync_failed').length;

  let message: string | null = null;
  let action: { label: string; onPress: () => void } | null = null;
  if (auth.status === 'signedIn' && auth.expired) {
    message = 'Your sign-in expired. Sessions stay on this device until you sign in again.';
    action = { label: 'Sign in again', onPress: () => void services.signOut() };
  } else if (failed > 0) {
    message = `${failed} ${failed === 1 ? 'session' : 'sessions'} could not be synced. See History.`;
  } else if (!sync.running && sync.lastErrorMessage) {
    message = `Sync will retry: ${sync.lastErrorMessage}`;
  }
  if (!message) return null;
  return (
    <View style={styles.banner} role="status" aria-live="polite">
      <Text style={styles.text}>{message}</Text>
      {action ? (
        <Button label={action.label} small variant="link" onPress={action.onPress} />
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  banner: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.sm,
    backgroundColor: colors.warningBackground,
    paddingHorizontal: spacing.lg,
    paddingVertical: spacing.sm,
    borderBottomWidth: 1,
    borderBottomColor: colors.warningBorder,
  },
  text: { flex: 1, color: colors.text, fontSize: 13 },
});
