import { useEffect, useState } from 'react';
import { ScrollView, StyleSheet, Text, TextInput, View } from 'react-native';
import type { CompositeScreenProps } from '@react-navigation/native';
import type { BottomTabScreenProps } from '@react-navigation/bottom-tabs';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { LIMITS } from '@sendlog/contract';
import { Button } from '../components/Button';
import { formatDateTime, formatDuration } from '../format/time';
import { RouteForm } from '../components/RouteForm';
import { LengthHint } from '../components/LengthHint';
import { RouteRow } from '../components/RouteRow';
import { SyncBanner } from '../components/SyncBanner';
import { SyncStatusTag } from '../components/SyncStatusTag';
import { syncErrorText } from '../format/syncErrorText';
import { useCatalogue, useRequiredAccount } from '../hooks/services';
import { useSendRecord, useSession } from '../hooks/sessions';
import { useStoreAction } from '../hooks/useStoreAction';
import type { HistoryStackParams, TabParams } from '../navigation/types';
import { common } from '../theme/theme';

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
  const { store } = useRequiredAccount();
  const catalogue = useCatalogue();
  const { error, run } = useStoreAction();
  const [editing, setEditing] = useState<string | null>(null);
  const [notes, setNotes] = useState(session?.notes ?? '');

  const savedNotes = session?.notes ?? '';
  useEffect(() => setNotes(savedNotes), [savedNotes]);

  if (!session) {
    return (
      <View style={[common.screen, common.content]}>
        <Text style={common.body}>This session is no longer on this device.</Text>
        <Button label="Back to history" onPress={() => navigation.navigate('History')} />
      </View>
    );
  }
  const layout = catalogue.layouts?.find((l) => l.id === session.layoutId);
  const duration = formatDuration(session.startTime, session.endTime);
  const climb = (id: string) => catalogue.climbsById.get(id);

  return (
    <View style={common.screen}>
      <SyncBanner />
      <ScrollView contentContainerStyle={common.content} keyboardShouldPersistTaps="handled">
        <View style={common.card}>
          <View style={common.row}>
            <Text role="heading" style={[common.title, styles.grow]}>
              {layout?.name ?? 'Session'}
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

        {error ? (
          <Text role="alert" style={common.error}>
            {error}
          </Text>
        ) : null}

        <View style={common.card}>
          <Text style={common.heading}>Routes</Text>
          {session.routes.length === 0 ? <Text style={common.muted}>No routes logged.</Text> : null}
          {session.routes.map((r) =>
            editing === r.id ? (
              <RouteForm
                key={r.id}
                climbName={climb(r.climbId)?.name ?? 'Unknown climb'}
                grade={climb(r.climbId)?.grade ?? null}
                initial={r}
                onSave={(values) =>
                  void run(() => store.updateRoute(session.id, r.id, values)).then((ok) => {
                    if (ok) setEditing(null);
                  })
                }
                onCancel={() => setEditing(null)}
              />
            ) : (
              <RouteRow
                key={r.id}
                route={r}
                flash={flashes.has(r.id)}
                climbName={climb(r.climbId)?.name ?? 'Unknown climb'}
                grade={climb(r.climbId)?.grade ?? null}
                onEdit={() => setEditing(r.id)}
                onRemove={() => void run(() => store.removeRoute(session.id, r.id))}
              />
            ),
          )}
        </View>

        <View style={common.card}>
          <TextInput
            aria-label="Session notes"
            placeholder="Session notes"
            value={notes}
            onChangeText={setNotes}
            maxLength={LIMITS.maxSessionNotes}
            multiline
            style={[common.input, styles.notes]}
          />
          <LengthHint text={notes} max={LIMITS.maxSessionNotes} />
          {notes !== savedNotes ? (
            <Button
              label="Save notes"
              variant="primary"
              onPress={() =>
                void run(() => store.updateNotes(session.id, notes.trim() === '' ? null : notes))
              }
            />
          ) : null}
        </View>
      </ScrollView>
    </View>
  );
}

const styles = StyleSheet.create({
  grow: { flex: 1 },
  notes: { minHeight: 60, textAlignVertical: 'top' },
});
