import { useState } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import type { CompositeScreenProps } from '@react-navigation/native';
import type { BottomTabScreenProps } from '@react-navigation/bottom-tabs';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { Button } from '../../components/Button';
import { EditableRoute } from '../../components/EditableRoute';
import { SyncBanner } from '../../components/SyncBanner';
import { SyncStatusTag } from '../../components/SyncStatusTag';
import { SessionSummaryCard } from '../../components/summary/SessionSummaryCard';
import { RecentActionStrip } from '../../components/RecentActionStrip';
import { syncErrorText } from '../../format/syncErrorText';
import { formatDateTime, formatDuration } from '../../format/time';
import { useCatalogue, useRequiredAccount } from '../../hooks/services';
import { useSendRecord, useSession } from '../../hooks/sessions';
import { UNKNOWN_CLIMB } from '../../hooks/logbookSessions';
import { useStoreAction } from '../../hooks/useStoreAction';
import type { HistoryStackParams, TabParams } from '../../navigation/types';
import { common } from '../../theme/theme';
import { AddClimb } from './AddClimb';
import { AddUnlistedClimb } from '../../elsewhere/AddUnlistedClimb';
import { SessionNotesEditor } from './SessionNotesEditor';
import { climbKeyOf } from '@sendlog/contract';
import { climbForRoute } from '../../hooks/logbookSessions';

type Props = CompositeScreenProps<
  NativeStackScreenProps<HistoryStackParams, 'SessionDetail'>,
  BottomTabScreenProps<TabParams>
>;

/**
 * One session with its routes. Ended and synced sessions stay editable: an edit makes the session
 * need sync again, which is how a refused session gets fixed.
 */
export function SessionDetailScreen({ route, navigation }: Props) {
  const { sessionId } = route.params;
  const session = useSession(sessionId);
  const { flashes } = useSendRecord();
  const { store, recent } = useRequiredAccount();
  const catalogue = useCatalogue();
  const { error, run } = useStoreAction();
  const [editing, setEditing] = useState<string | null>(null);

  if (!session) {
    return (
      <View style={[common.screen, common.content]}>
        <RecentActionStrip />
        <Text style={common.body}>This session is no longer on this device.</Text>
        <Button label="Back to history" onPress={() => navigation.navigate('History')} />
      </View>
    );
  }
  const layout = catalogue.layouts?.find((l) => l.id === session.layoutId);
  const duration = formatDuration(session.startTime, session.endTime);
  const climb = (id: string) => catalogue.climbsById.get(id);
  const savedNotes = session.notes ?? '';
  const title = layout?.name ?? session.place ?? 'Session';
  const label = `${title}, ${formatDateTime(session.startTime)}`;

  return (
    <View style={common.screen}>
      <SyncBanner />
      <RecentActionStrip />
      <ScrollView contentContainerStyle={common.content} keyboardShouldPersistTaps="handled">
        <View style={common.card}>
          <View style={common.row}>
            <Text role="heading" aria-level={2} style={[common.title, styles.grow]}>
              {title}
            </Text>
            <SyncStatusTag session={session} />
          </View>
          <Text style={common.muted}>
            {formatDateTime(session.startTime)}
            {duration ? ` · ${duration}` : ''}
          </Text>
          {session.status === 'sync_failed' && session.lastError ? (
            <Text style={common.error}>
              Refused by the server: {syncErrorText(session, (id) => climb(id)?.name ?? 'a climb')}
            </Text>
          ) : null}
          {session.status === 'active' && session.layoutId === null ? (
            // A session elsewhere has no wall screen: it is logged and ended here.
            <Button
              label="End session"
              variant="primary"
              onPress={() => void run(() => store.endSession(session.id))}
            />
          ) : null}
          {session.status === 'active' && session.layoutId ? (
            <Button
              label="Continue logging"
              variant="primary"
              onPress={() =>
                navigation.navigate('LayoutsTab', {
                  screen: 'LayoutDetail',
                  params: { layoutId: session.layoutId ?? '' },
                })
              }
            />
          ) : null}
        </View>

        <SessionSummaryCard sessionId={session.id} />

        {error ? (
          <Text role="alert" style={common.error}>
            {error}
          </Text>
        ) : null}

        <View style={common.card}>
          <Text style={common.heading}>Routes</Text>
          {session.routes.length === 0 ? <Text style={common.muted}>No routes logged.</Text> : null}
          {session.routes.map((r) => (
            <EditableRoute
              key={r.id}
              route={r}
              climb={climbForRoute(r, catalogue.climbsById)}
              flash={flashes.has(r.id)}
              editing={editing === r.id}
              onEdit={() => setEditing(r.id)}
              onSave={(values) => {
                if (run(() => store.updateRoute(session.id, r.id, values))) setEditing(null);
              }}
              onCancel={() => setEditing(null)}
              onRemove={() =>
                void run(() =>
                  recent.removeRoute(
                    session.id,
                    r.id,
                    climbForRoute(r, catalogue.climbsById)?.name ?? UNKNOWN_CLIMB,
                  ),
                )
              }
              onOpenStory={() => navigation.navigate('ClimbStory', { climbId: climbKeyOf(r) })}
            />
          ))}
          {session.status !== 'active' && session.layoutId ? (
            <AddClimb
              climbs={catalogue.climbsByLayout[session.layoutId]}
              onAdd={(climbId, values) =>
                run(() => store.logRoute(session.id, { climbId, ...values }))
              }
            />
          ) : null}
          <AddUnlistedClimb
            onAdd={(climb, values) =>
              run(() => store.logRoute(session.id, { climbId: null, climb, ...values }))
            }
          />
        </View>

        <SessionNotesEditor
          key={savedNotes}
          saved={savedNotes}
          onSave={(notes) => void run(() => store.updateNotes(session.id, notes))}
        />

        <Button
          label="Delete session"
          variant="danger"
          onPress={() => {
            // Back to History, where the "Undo" strip waits a few seconds.
            if (run(() => recent.deleteSession(session.id, label))) navigation.navigate('History');
          }}
        />
      </ScrollView>
    </View>
  );
}

const styles = StyleSheet.create({
  grow: { flex: 1 },
});
