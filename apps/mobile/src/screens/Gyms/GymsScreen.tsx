import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { SyncBanner } from '../../components/SyncBanner';
import { useMyGyms } from '../../hooks/services';
import { colors, common, spacing } from '../../theme/theme';
import { GymCard } from './GymCard';
import { GymFinder } from './GymFinder';

/** Profile → Gyms: the gyms followed (unfollow), and finding another. */
export function GymsScreen() {
  const mine = useMyGyms();
  const gyms = mine.gyms ?? [];
  return (
    <View style={common.screen}>
      <SyncBanner />
      <ScrollView
        contentContainerStyle={[common.content, styles.column]}
        keyboardShouldPersistTaps="handled"
      >
        <Text role="heading" aria-level={2} style={common.title}>
          Your gyms
        </Text>
        {mine.lastError ? (
          <Text role="alert" style={common.error}>
            {mine.lastError}
          </Text>
        ) : null}
        <PendingChanges />
        {mine.gyms === null ? (
          <Text style={common.muted}>Your gyms download once you are online.</Text>
        ) : gyms.length === 0 ? (
          <Text style={common.muted}>You follow no gym yet: find yours below.</Text>
        ) : (
          gyms.map((gym) => <GymCard key={gym.id} gym={gym} />)
        )}
        <Text style={common.muted}>
          The walls of every gym you follow are kept on this phone and work offline; unfollowing a
          gym frees its pictures.
        </Text>
        <View style={common.card}>
          <GymFinder label="Find another gym" />
        </View>
      </ScrollView>
    </View>
  );
}

/** Follows and unfollows made offline: said until the server has them, so none goes unnoticed. */
function PendingChanges() {
  const { pending } = useMyGyms();
  if (pending.length === 0) return null;
  const unfollowed = pending.filter((p) => !p.follow).map((p) => p.gym.name);
  const followed = pending.filter((p) => p.follow).map((p) => p.gym.name);
  return (
    <View role="status" style={styles.pending}>
      <Text style={styles.pendingText}>
        {[
          followed.length > 0 ? `Followed ${followed.join(', ')}` : null,
          unfollowed.length > 0 ? `Unfollowed ${unfollowed.join(', ')}` : null,
        ]
          .filter(Boolean)
          .join('; ')}{' '}
        on this phone: the server hears of it once you are online.
      </Text>
    </View>
  );
}

const styles = StyleSheet.create({
  pending: {
    backgroundColor: colors.warningBackground,
    borderColor: colors.warningBorder,
    borderWidth: 1,
    borderRadius: 8,
    padding: spacing.sm,
  },
  pendingText: { color: colors.text, fontSize: 14 },
  column: { maxWidth: 720, width: '100%', alignSelf: 'center', gap: spacing.md },
});
