import { LinkPressable } from '../../components/LinkPressable';
import { useState } from 'react';
import { FlatList, StyleSheet, Text, View } from 'react-native';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { compareGrades, parseGrade } from '@sendlog/contract';
import { Button } from '../../components/Button';
import { EndedSessionCard } from '../../components/summary/SessionSummaryCard';
import { formatDateTime, formatDuration } from '../../format/time';
import { plural } from '../../format/plural';
import { SyncBanner } from '../../components/SyncBanner';
import { SyncNowButton } from '../../components/SyncNowButton';
import { SyncStatusTag } from '../../components/SyncStatusTag';
import { MoreMenu } from '../../components/MoreMenu';
import { RecentActionStrip } from '../../components/RecentActionStrip';
import { syncErrorText } from '../../format/syncErrorText';
import { useCatalogue, useGradeDisplay, useRequiredAccount } from '../../hooks/services';
import { useSessions } from '../../hooks/sessions';
import { useGymFilter } from '../../hooks/useGymFilter';
import { GymFilterChips } from '../../components/GymFilterChips';
import { useStoreAction } from '../../hooks/useStoreAction';
import type { HistoryStackParams } from '../../navigation/types';
import type { LocalSession } from '../../sync/types';
import { colors, common, spacing } from '../../theme/theme';

type Props = NativeStackScreenProps<HistoryStackParams, 'History'>;

/**
 * The hardest grade sent in a session by the grade table, null when nothing in the table was sent
 * (a gym's own "blue circuit" has no rank to compare).
 */
function hardestSent(
  session: LocalSession,
  climbsById: ReadonlyMap<string, { grade: string }>,
): string | null {
  let hardest: string | null = null;
  for (const route of session.routes) {
    // An unlisted climb counts only as a boulder (its grade in the table), as in the logbook.
    const grade = !route.isSuccess
      ? undefined
      : route.climb != null
        ? route.climb.kind === 'boulder'
          ? route.climb.grade
          : undefined
        : route.climbId !== null
          ? climbsById.get(route.climbId)?.grade
          : undefined;
    if (grade === undefined || parseGrade(grade) === null) continue;
    if (hardest === null || compareGrades(grade, hardest) > 0) hardest = grade;
  }
  return hardest;
}

/** Every session, logged here or pulled from another device, newest first, with its sync state. */
export function SessionHistoryScreen({ navigation, route }: Props) {
  const endedSessionId = route.params?.endedSessionId;
  const gyms = useGymFilter();
  const sessions = gyms.filter(useSessions());
  const { error, run } = useStoreAction();
  const { store, engine, recent } = useRequiredAccount();
  const [confirmDiscard, setConfirmDiscard] = useState<string | null>(null);

  return (
    <View style={common.screen}>
      <SyncBanner />
      <RecentActionStrip
        // A route removed is offered back on its session's screen, over this one.
        kinds={['end', 'delete']}
        onUndone={(action) => {
          if (action.kind !== 'end') return;
          // A session resumed goes back to its wall, where it runs.
          navigation.setParams({ endedSessionId: undefined });
          if (action.layoutId)
            navigation.getParent()?.navigate('LayoutsTab', {
              screen: 'LayoutDetail',
              params: { layoutId: action.layoutId },
            });
        }}
      />
      <FlatList
        contentContainerStyle={common.content}
        data={sessions}
        keyExtractor={(s) => s.id}
        ListHeaderComponent={
          <View style={styles.header}>
            {endedSessionId ? (
              <EndedSessionCard
                sessionId={endedSessionId}
                onOpen={() => navigation.navigate('SessionDetail', { sessionId: endedSessionId })}
                onDismiss={() => navigation.setParams({ endedSessionId: undefined })}
              />
            ) : null}
            <SyncNowButton />
            <GymFilterChips filter={gyms} />
            {error ? (
              <Text role="alert" style={common.error}>
                {error}
              </Text>
            ) : null}
          </View>
        }
        ListEmptyComponent={
          <Text style={common.muted}>
            {gyms.gymId === null
              ? 'No sessions yet. Start one from a wall.'
              : `No sessions at ${gyms.options.find((g) => g.id === gyms.gymId)?.name ?? 'this gym'} yet.`}
          </Text>
        }
        renderItem={({ item }) => (
          <HistoryRow
            session={item}
            onOpen={() => navigation.navigate('SessionDetail', { sessionId: item.id })}
            confirmingDiscard={confirmDiscard === item.id}
            onRetry={() => {
              if (run(() => store.retrySession(item.id))) void engine.syncNow();
            }}
            onDiscard={() => setConfirmDiscard(item.id)}
            onConfirmDiscard={() => {
              setConfirmDiscard(null);
              void run(() => store.discardSession(item.id));
            }}
            onCancelDiscard={() => setConfirmDiscard(null)}
            onDelete={(label) => void run(() => recent.deleteSession(item.id, label))}
          />
        )}
      />
    </View>
  );
}

function HistoryRow(props: {
  session: LocalSession;
  onOpen: () => void;
  confirmingDiscard: boolean;
  onRetry: () => void;
  onDiscard: () => void;
  onConfirmDiscard: () => void;
  onCancelDiscard: () => void;
  /** Deletes the session everywhere (an "Undo" strip follows). */
  onDelete: (label: string) => void;
}) {
  const { session } = props;
  const catalogue = useCatalogue();
  const layout = catalogue.layouts?.find((l) => l.id === session.layoutId);
  // A session elsewhere is named by its place.
  const layoutName = layout?.name ?? session.place ?? 'Session';
  // With walls of several gyms on the device, a wall's name alone may not say where it was.
  const gymName =
    catalogue.gymsById.size > 1 && layout?.gymId
      ? (catalogue.gymsById.get(layout.gymId)?.name ?? null)
      : null;
  const sends = session.routes.filter((r) => r.isSuccess).length;
  const display = useGradeDisplay();
  const hardest = hardestSent(session, catalogue.climbsById);
  const duration = formatDuration(session.startTime, session.endTime);
  const label = `${layoutName}, ${formatDateTime(session.startTime)}`;
  return (
    <View style={[common.card, session.status === 'sync_failed' && styles.failed]}>
      <LinkPressable
        // Named by all it shows (layout, sync state, date, counts): a label of its own would have
        // to repeat every visible word, in order (WCAG 2.5.3).
        onPress={props.onOpen}
        style={styles.open}
      >
        <View style={common.row}>
          <Text style={[common.heading, styles.grow]}>{layoutName}</Text>
          <SyncStatusTag session={session} />
        </View>
        <Text style={common.muted}>
          {gymName ? `${gymName} · ` : ''}
          {formatDateTime(session.startTime)}
          {duration ? ` · ${duration}` : ''} · {plural(session.routes.length, 'route', 'routes')} ·{' '}
          {plural(sends, 'send', 'sends')}
          {hardest ? ` · hardest ${display(hardest)}` : ''}
        </Text>
      </LinkPressable>
      {session.status === 'sync_failed' ? (
        <View style={styles.failure}>
          <Text style={common.error}>
            Refused by the server:{' '}
            {syncErrorText(session, (id) => catalogue.climbsById.get(id)?.name ?? 'a climb')}
          </Text>
          {props.confirmingDiscard ? (
            <View style={styles.actions}>
              <Text style={[common.body, styles.grow]}>Delete this session from this device?</Text>
              <Button
                label="Discard session"
                variant="danger"
                small
                onPress={props.onConfirmDiscard}
              />
              <Button label="Keep" small onPress={props.onCancelDiscard} />
            </View>
          ) : (
            <View style={styles.actions}>
              <Button label="Retry" small onPress={props.onRetry} />
              <Button label="Edit" small onPress={props.onOpen} />
              <Button label="Discard" small variant="danger" onPress={props.onDiscard} />
            </View>
          )}
        </View>
      ) : (
        <View style={styles.menu}>
          <MoreMenu
            name={`More for ${label}`}
            items={[
              {
                label: 'Delete',
                name: `Delete ${label}`,
                danger: true,
                onPress: () => props.onDelete(label),
              },
            ]}
          />
        </View>
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  header: { gap: spacing.sm, marginBottom: spacing.sm },
  grow: { flex: 1 },
  open: { gap: spacing.xs, minHeight: 44 },
  failed: { borderColor: colors.danger },
  failure: { gap: spacing.sm },
  // The ⋯ menu at the card's end, out of the way of the link that opens the session.
  menu: { flexDirection: 'row', justifyContent: 'flex-end' },
  actions: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm, alignItems: 'center' },
});
