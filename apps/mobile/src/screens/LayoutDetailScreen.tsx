import { useEffect, useMemo, useState } from 'react';
import { FlatList, StyleSheet, Text, TextInput, View } from 'react-native';
import type { CompositeScreenProps } from '@react-navigation/native';
import type { BottomTabScreenProps } from '@react-navigation/bottom-tabs';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { LIMITS, type Climb } from '@sendlog/contract';
import { Button } from '../components/Button';
import { formatElapsed } from '../format/time';
import { plural } from '../format/plural';
import { RouteForm } from '../components/RouteForm';
import type { RouteValues } from '../components/RouteForm';
import { LengthHint } from '../components/LengthHint';
import { RouteRow } from '../components/RouteRow';
import { SyncBanner } from '../components/SyncBanner';
import { distinctGrades } from '../catalogue/grades';
import { useCatalogue, useOnline, useRequiredAccount } from '../hooks/services';
import { useActiveSession, useSendRecord } from '../hooks/sessions';
import { useNow } from '../hooks/useNow';
import { useStoreAction } from '../hooks/useStoreAction';
import type { LayoutsStackParams, TabParams } from '../navigation/types';
import type { LocalSession } from '../sync/types';
import { colors, common, spacing } from '../theme/theme';

type Props = CompositeScreenProps<
  NativeStackScreenProps<LayoutsStackParams, 'LayoutDetail'>,
  BottomTabScreenProps<TabParams>
>;

type OpenForm = { climbId: string; routeId: string | null };

/**
 * The active-session flow. Everything here reads the cached catalogue and writes the local store:
 * no network call, so logging never waits on the gym's signal.
 */
export function LayoutDetailScreen({ route, navigation }: Props) {
  const { layoutId } = route.params;
  const { store } = useRequiredAccount();
  const catalogue = useCatalogue();
  const active = useActiveSession();
  const { badges, flashes } = useSendRecord();
  const { error, run } = useStoreAction();
  const [grade, setGrade] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [form, setForm] = useState<OpenForm | null>(null);

  const layout = catalogue.layouts?.find((l) => l.id === layoutId);
  const climbs = catalogue.climbsByLayout[layoutId];
  const session = active?.layoutId === layoutId ? active : null;
  const elsewhere = active && !session ? active : null;

  useEffect(() => {
    navigation.setOptions({ title: layout?.name ?? 'Layout' });
  }, [navigation, layout?.name]);

  const grades = useMemo(
    () => distinctGrades((climbs ?? []).filter((c) => !c.archived).map((c) => c.grade)),
    [climbs],
  );
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (climbs ?? []).filter(
      (c) =>
        !c.archived &&
        (grade === null || c.grade === grade) &&
        (q === '' || c.name.toLowerCase().includes(q)),
    );
  }, [climbs, grade, query]);

  // FlatList re-renders rows only when its data or extraData change.
  const rowState = useMemo(() => ({ badges, form, session }), [badges, form, session]);

  const climbName = (id: string) => catalogue.climbsById.get(id)?.name ?? 'Unknown climb';

  const saveRoute = async (climbId: string, routeId: string | null, values: RouteValues) => {
    if (!session) return;
    const ok = await run(() =>
      routeId === null
        ? store.logRoute(session.id, { climbId, ...values })
        : store.updateRoute(session.id, routeId, values),
    );
    if (ok) setForm(null);
  };

  const header = (
    <View style={styles.header}>
      {elsewhere ? (
        <View style={common.card}>
          <Text style={common.body}>
            A session is running on{' '}
            {catalogue.layouts?.find((l) => l.id === elsewhere.layoutId)?.name ?? 'another layout'}.
          </Text>
          <Button
            label="Go to that session"
            onPress={() =>
              navigation.navigate('LayoutDetail', { layoutId: elsewhere.layoutId ?? '' })
            }
          />
        </View>
      ) : null}
      {session ? (
        <ActiveSessionPanel
          session={session}
          onEnd={async (notes) => {
            const empty = session.routes.length === 0;
            const ended = await run(async () => {
              if (notes !== (session.notes ?? ''))
                await store.updateNotes(session.id, notes === '' ? null : notes);
              await store.endSession(session.id);
            });
            // An empty session is discarded, not kept: nothing for History to show.
            if (ended && !empty) navigation.navigate('HistoryTab', { screen: 'History' });
          }}
          onSaveNotes={(notes) =>
            void run(() => store.updateNotes(session.id, notes === '' ? null : notes))
          }
        />
      ) : !elsewhere ? (
        <View style={common.card}>
          <Text style={common.body}>Start a session, then log each climb you try.</Text>
          <Button
            label="Start session"
            variant="primary"
            onPress={() => void run(() => store.startSession({ layoutId }))}
          />
        </View>
      ) : null}
      {error ? (
        <Text role="alert" style={common.error}>
          {error}
        </Text>
      ) : null}
      {session && session.routes.length > 0 ? (
        <View style={common.card}>
          <Text style={common.heading}>Logged this session</Text>
          {[...session.routes]
            .reverse()
            .map((r) =>
              form?.routeId === r.id ? (
                <RouteForm
                  key={r.id}
                  climbName={climbName(r.climbId)}
                  grade={catalogue.climbsById.get(r.climbId)?.grade ?? null}
                  initial={r}
                  onSave={(values) => void saveRoute(r.climbId, r.id, values)}
                  onCancel={() => setForm(null)}
                />
              ) : (
                <RouteRow
                  key={r.id}
                  route={r}
                  flash={flashes.has(r.id)}
                  climbName={climbName(r.climbId)}
                  grade={catalogue.climbsById.get(r.climbId)?.grade ?? null}
                  onEdit={() => setForm({ climbId: r.climbId, routeId: r.id })}
                  onRemove={() => void run(() => store.removeRoute(session.id, r.id))}
                />
              ),
            )}
        </View>
      ) : null}
      <TextInput
        aria-label="Search climbs"
        placeholder="Search climbs by name"
        value={query}
        onChangeText={setQuery}
        style={common.input}
      />
      <View style={styles.grades} role="radiogroup" aria-label="Filter by grade">
        <Button label="All grades" small selected={grade === null} onPress={() => setGrade(null)} />
        {grades.map((g) => (
          <Button
            key={g}
            label={g}
            small
            selected={grade === g}
            onPress={() => setGrade(grade === g ? null : g)}
          />
        ))}
      </View>
    </View>
  );

  return (
    <View style={common.screen}>
      <SyncBanner />
      <FlatList
        contentContainerStyle={common.content}
        data={shown}
        keyExtractor={(c) => c.id}
        initialNumToRender={30}
        extraData={rowState}
        keyboardShouldPersistTaps="handled"
        ListHeaderComponent={header}
        ListEmptyComponent={
          <Text style={common.muted}>
            {climbs === undefined
              ? 'The climbs of this layout are not on this device yet. They download once you are online.'
              : 'No climb matches.'}
          </Text>
        }
        renderItem={({ item }) =>
          form?.climbId === item.id && form.routeId === null && session ? (
            <RouteForm
              climbName={item.name}
              grade={item.grade}
              onSave={(values) => void saveRoute(item.id, null, values)}
              onCancel={() => setForm(null)}
            />
          ) : (
            <ClimbRow
              climb={item}
              badge={badges.get(item.id) ?? null}
              onLog={session ? () => setForm({ climbId: item.id, routeId: null }) : null}
            />
          )
        }
      />
    </View>
  );
}

function ActiveSessionPanel(props: {
  session: LocalSession;
  onEnd: (notes: string) => void;
  onSaveNotes: (notes: string) => void;
}) {
  const { session } = props;
  const now = useNow();
  const online = useOnline();
  const [notes, setNotes] = useState(session.notes ?? '');
  const sends = session.routes.filter((r) => r.isSuccess).length;
  return (
    <View style={[common.card, styles.activeCard]}>
      <View style={common.row}>
        <Text style={[common.heading, styles.grow]}>Session in progress</Text>
        {online === false ? (
          <Text style={styles.offlineTag}>Offline · saved on this phone</Text>
        ) : null}
      </View>
      <Text style={common.muted} aria-label="Elapsed time">
        Elapsed {formatElapsed(now - Date.parse(session.startTime))} ·{' '}
        {plural(session.routes.length, 'route', 'routes')} · {plural(sends, 'send', 'sends')}
      </Text>
      <TextInput
        aria-label="Session notes"
        placeholder="Session notes (optional)"
        value={notes}
        // Kept as typed (the store coalesces the writes): a reload or a killed app mid-sentence
        // keeps the notes like every route.
        onChangeText={(text) => {
          setNotes(text);
          props.onSaveNotes(text);
        }}
        maxLength={LIMITS.maxSessionNotes}
        multiline
        style={[common.input, styles.notes]}
      />
      <LengthHint text={notes} max={LIMITS.maxSessionNotes} />
      <Button
        label={session.routes.length === 0 ? 'Discard session (nothing logged)' : 'End session'}
        variant="danger"
        onPress={() => props.onEnd(notes)}
      />
    </View>
  );
}

function ClimbRow(props: {
  climb: Climb;
  badge: 'Sent' | 'Flash' | null;
  onLog: (() => void) | null;
}) {
  const { climb, badge, onLog } = props;
  return (
    <View style={styles.climb}>
      <Text style={styles.grade}>{climb.grade}</Text>
      <Text style={[common.body, styles.grow]}>{climb.name}</Text>
      {badge ? (
        <Text style={[styles.badge, badge === 'Flash' && styles.flash]}>{badge}</Text>
      ) : null}
      {onLog ? (
        <Button label="Log" name={`Log ${climb.name}`} small variant="primary" onPress={onLog} />
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  header: { gap: spacing.md, marginBottom: spacing.sm },
  activeCard: { borderColor: colors.primary },
  grow: { flex: 1 },
  offlineTag: {
    fontSize: 12,
    color: colors.muted,
    borderWidth: 1,
    borderColor: colors.border,
    borderRadius: 999,
    paddingHorizontal: spacing.sm,
    paddingVertical: 1,
  },
  notes: { minHeight: 48, textAlignVertical: 'top' },
  grades: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.xs },
  climb: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.md,
    backgroundColor: colors.surface,
    borderRadius: 8,
    borderWidth: 1,
    borderColor: colors.border,
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.sm,
    marginBottom: spacing.xs,
  },
  grade: { width: 44, fontWeight: '700', color: colors.text },
  badge: {
    fontSize: 12,
    fontWeight: '700',
    color: colors.success,
    backgroundColor: '#dafbe1',
    borderRadius: 999,
    paddingHorizontal: spacing.sm,
    paddingVertical: 1,
    overflow: 'hidden',
  },
  flash: { color: colors.flash, backgroundColor: '#fbefff' },
});
