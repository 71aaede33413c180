import { StyleSheet, Text } from 'react-native';
import type { LocalSession } from '../sync/types';
import { colors, spacing } from '../theme/theme';

type SyncLabel = 'Active' | '⏳ Pending sync' | 'Sync failed' | 'Synced';

function syncLabel(session: LocalSession): SyncLabel {
  switch (session.status) {
    case 'active':
      return 'Active';
    case 'completed':
      return '⏳ Pending sync';
    case 'sync_failed':
      return 'Sync failed';
    case 'synced':
      return 'Synced';
  }
}

export function SyncStatusTag({ session }: { session: LocalSession }) {
  const label = syncLabel(session);
  return (
    <Text
      style={[
        styles.tag,
        label === 'Synced' && styles.synced,
        label === 'Sync failed' && styles.failed,
        label === '⏳ Pending sync' && styles.pending,
      ]}
    >
      {label}
    </Text>
  );
}

const styles = StyleSheet.create({
  tag: {
    alignSelf: 'flex-start',
    fontSize: 12,
    fontWeight: '600',
    paddingHorizontal: spacing.sm,
    paddingVertical: 2,
    borderRadius: 999,
    overflow: 'hidden',
    color: colors.primary,
    backgroundColor: colors.primaryBackground,
  },
  synced: { color: colors.success, backgroundColor: colors.successBackground },
  failed: { color: colors.danger, backgroundColor: colors.dangerBackground },
  pending: { color: colors.warning, backgroundColor: colors.warningBackground },
});
