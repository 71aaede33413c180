import { useEffect, useMemo, useRef, useState } from 'react';
import type { Climb } from '@sendlog/contract';
import { FlatList, Platform, ScrollView, StyleSheet, Text, View } from 'react-native';
import type { TextInput } from 'react-native';
import type { CompositeScreenProps } from '@react-navigation/native';
import type { BottomTabScreenProps } from '@react-navigation/bottom-tabs';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import type { RouteValues } from '../../components/RouteForm';
import { SkipLink } from '../../components/SkipLink';
import { SyncBanner } from '../../components/SyncBanner';
import { useCatalogue } from '../../hooks/services';
import { useSendRecord, useSessions } from '../../hooks/sessions';
import { useWideWindow } from '../../hooks/useWideWindow';
import { wallMarksOf } from '../../logbook/wallMarks';
import type { LayoutsStackParams, TabParams } from '../../navigation/types';
import { common, spacing } from '../../theme/theme';
import { ClimbRow } from './ClimbRow';
import { JustLogged } from './JustLogged';
import { RecentActionStrip } from '../../components/RecentActionStrip';
import { LayoutDetailHeader } from './LayoutDetailHeader';
import { LayoutWall } from './LayoutWall';
import { LoggedSheet } from './LoggedSheet';
import { PickedClimb } from './PickedClimb';
import { SessionBar, StartSessionBar } from './SessionBar';
import { SessionElsewhereCard } from './SessionElsewhereCard';
import { useClimbFilter } from './useClimbFilter';
import { useLayoutSession } from './useLayoutSession';
import { useNewClimbs } from './useNewClimbs';
import { useQuickLog } from './useQuickLog';

/** A wide window's picture and list together stop growing here; the picture keeps 3/5 of it. */
const WALL_WIDE_MAX = 1280;

type Props = CompositeScreenProps<
  NativeStackScreenProps<LayoutsStackParams, 'LayoutDetail'>,
  BottomTabScreenProps<TabParams>
>;

/**
 * The active-session flow. Everything here reads the cached catalogue and writes the local store:
 * no network call, so logging never waits on the gym's signal. The session bar is pinned, the
 * routes logged open in a sheet and each climb is one line, so the climbs stay where they are
 * however long the session runs.
 */
export function LayoutDetailScreen({ route, navigation }: Props) {
  const { layoutId } = route.params;
  const catalogue = useCatalogue();
  const live = useLayoutSession(layoutId);
  const { session, elsewhere } = live;
  const sessions = useSessions();
  const { flashes } = useSendRecord();
  const marks = useMemo(() => wallMarksOf(sessions, session), [sessions, session]);
  const climbs = catalogue.climbsByLayout[layoutId];
  const filter = useClimbFilter(climbs);
  const fresh = useNewClimbs(layoutId, climbs);
  const quick = useQuickLog(live);
  const layoutName = (id: string | null) => catalogue.layouts?.find((l) => l.id === id)?.name;
  const title = layoutName(layoutId);
  const image = catalogue.layouts?.find((l) => l.id === layoutId)?.image ?? null;
  const wide = useWideWindow();
  // The climb tapped on the picture or in the list: it shows under the picture, not in the list.
  const [pickedId, setPickedId] = useState<string | null>(null);
  const picked = (pickedId && catalogue.climbsById.get(pickedId)) || null;
  const [logging, setLogging] = useState(false);
  // The logged list's sheet, and the route edited in it.
  const [sheetOpen, setSheetOpen] = useState(false);
  const [editingRouteId, setEditingRouteId] = useState<string | null>(null);
  const list = useRef<FlatList<Climb>>(null);
  const wallColumn = useRef<ScrollView>(null);
  const search = useRef<TextInput>(null);

  useEffect(() => {
    navigation.setOptions({ title: title ?? 'Wall' });
  }, [navigation, title]);

  // FlatList re-renders rows only when its data or extraData change.
  const rowState = useMemo(() => ({ marks, session }), [marks, session]);

  const pick = (climb: Climb | null) => {
    setPickedId(climb?.id ?? null);
    setLogging(false);
    // Where the picked climb shows: the top of the list on a phone, of its column on a wide window.
    // On the web, a placed climb's dot scrolls itself into view instead (ClimbDot).
    const dotScrolls = Platform.OS === 'web' && image !== null && climb?.position != null;
    if (climb && !dotScrolls) {
      list.current?.scrollToOffset({ offset: 0, animated: true });
      wallColumn.current?.scrollTo({ y: 0, animated: true });
    }
  };
  const editRoute = (routeId: string | null) => {
    // The full form takes over from the quick tap: its undo would overwrite what is typed there.
    quick.dismiss();
    setEditingRouteId(routeId);
    if (routeId) setSheetOpen(true);
  };
  const end = () => {
    const empty = session?.routes.length === 0;
    const endedSessionId = session?.id;
    setSheetOpen(false);
    // An empty session is discarded, not kept: nothing for History to show. Otherwise History
    // opens with the session's summary on top.
    if (live.end() && !empty)
      navigation.navigate('HistoryTab', { screen: 'History', params: { endedSessionId } });
  };

  const pickedPanel = picked ? (
    <PickedClimb
      climb={picked}
      onWall={image !== null && picked.position !== null}
      mark={marks.get(picked.id)}
      session={
        session
          ? {
              onTry: () => quick.tap(picked.id, 'try'),
              onSent: () => quick.tap(picked.id, 'sent'),
              logging,
              onLog: () => {
                quick.dismiss();
                setLogging(true);
              },
              onSave: (values: RouteValues) => {
                if (live.logRoute(picked.id, values)) setLogging(false);
              },
              onCancel: () => setLogging(false),
            }
          : null
      }
      onOpenStory={() => navigation.navigate('ClimbStory', { climbId: picked.id })}
      onClose={() => pick(null)}
    />
  ) : null;

  const wall = image ? (
    <LayoutWall
      image={image}
      layoutName={title ?? 'Wall'}
      climbs={filter.shown}
      selected={picked}
      marks={marks}
      onSelect={pick}
      picked={pickedPanel}
      inSession={session !== null}
    />
  ) : null;
  const listed = picked ? filter.shown.filter((c) => c.id !== picked.id) : filter.shown;
  // A wide window has the picture beside the list, each scrolling on its own.
  const besideList = wide && wall !== null;
  const justLogged = quick.last;
  const justLoggedClimb = justLogged ? catalogue.climbsById.get(justLogged.climbId) : undefined;

  const climbList = (
    <FlatList
      ref={list}
      style={besideList ? styles.listColumn : undefined}
      contentContainerStyle={common.content}
      data={listed}
      keyExtractor={(c) => c.id}
      initialNumToRender={30}
      extraData={rowState}
      keyboardShouldPersistTaps="handled"
      ListHeaderComponent={
        <LayoutDetailHeader
          wall={besideList ? null : wall}
          picked={wall ? null : pickedPanel}
          error={live.error}
          filter={filter}
          search={search}
        />
      }
      ListEmptyComponent={
        <Text style={common.muted}>
          {climbs === undefined
            ? 'The climbs of this wall are not on this device yet. They download once you are online.'
            : 'No climb matches.'}
        </Text>
      }
      renderItem={({ item }) => (
        <ClimbRow
          climb={item}
          mark={marks.get(item.id)}
          isNew={fresh.has(item.id)}
          session={
            session
              ? { onTry: () => quick.tap(item.id, 'try'), onSent: () => quick.tap(item.id, 'sent') }
              : null
          }
          onShow={() => pick(item)}
        />
      )}
    />
  );

  return (
    <View style={common.screen}>
      <SyncBanner />
      {session ? (
        <SessionBar session={session} onOpenLogged={() => setSheetOpen(true)} onEnd={end} />
      ) : elsewhere ? (
        <View style={styles.pinned}>
          <SessionElsewhereCard
            layoutName={layoutName(elsewhere.layoutId) ?? null}
            onOpen={() =>
              navigation.navigate('LayoutDetail', { layoutId: elsewhere.layoutId ?? '' })
            }
          />
        </View>
      ) : (
        <StartSessionBar onStart={live.start} />
      )}
      {/* The logged sheet shows its own while open: a removal there is offered back there. */}
      {sheetOpen ? null : <RecentActionStrip kinds={['remove']} />}
      {justLogged ? (
        <JustLogged
          climbName={justLoggedClimb?.name ?? 'a climb'}
          route={justLogged.route}
          flash={flashes.has(justLogged.route.id)}
          onUndo={quick.undo}
          onEdit={() => editRoute(justLogged.route.id)}
        />
      ) : null}
      {besideList ? (
        <View style={styles.columns}>
          <ScrollView
            ref={wallColumn}
            style={styles.wallColumn}
            contentContainerStyle={common.content}
            keyboardShouldPersistTaps="handled"
          >
            <SkipLink label="Skip to the climbs" onPress={() => search.current?.focus()} />
            {wall}
          </ScrollView>
          {climbList}
        </View>
      ) : (
        climbList
      )}
      {session ? (
        <LoggedSheet
          visible={sheetOpen}
          session={session}
          climbsById={catalogue.climbsById}
          flashes={flashes}
          editingRouteId={editingRouteId}
          onEdit={editRoute}
          onSave={(routeId, values) => {
            if (live.updateRoute(routeId, values)) setEditingRouteId(null);
          }}
          onRemove={live.removeRoute}
          onSaveNotes={live.saveNotes}
          onClose={() => {
            setSheetOpen(false);
            setEditingRouteId(null);
          }}
        />
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  pinned: { paddingHorizontal: spacing.lg, paddingVertical: spacing.xs },
  columns: {
    flex: 1,
    flexDirection: 'row',
    gap: spacing.sm,
    width: '100%',
    maxWidth: WALL_WIDE_MAX,
    alignSelf: 'center',
  },
  // The picture gets the larger share: it is what the climber looks at on a tablet.
  wallColumn: { flex: 3 },
  listColumn: { flex: 2 },
});
