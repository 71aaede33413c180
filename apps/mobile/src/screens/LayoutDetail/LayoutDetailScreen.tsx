import { useEffect, useMemo, useState } from 'react';
import type { Climb } from '@sendlog/contract';
import { FlatList, ScrollView, StyleSheet, Text, View } from 'react-native';
import type { CompositeScreenProps } from '@react-navigation/native';
import type { BottomTabScreenProps } from '@react-navigation/bottom-tabs';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { RouteForm } from '../../components/RouteForm';
import type { RouteValues } from '../../components/RouteForm';
import { SyncBanner } from '../../components/SyncBanner';
import { useCatalogue } from '../../hooks/services';
import { useSendRecord } from '../../hooks/sessions';
import { useWideWindow } from '../../hooks/useWideWindow';
import { openRouteOf } from '../../logbook/quickLog';
import type { LayoutsStackParams, TabParams } from '../../navigation/types';
import { common, spacing } from '../../theme/theme';
import { ClimbRow } from './ClimbRow';
import { LayoutDetailHeader } from './LayoutDetailHeader';
import { LayoutWall } from './LayoutWall';
import { useClimbFilter } from './useClimbFilter';
import { useLayoutSession } from './useLayoutSession';
import { useQuickLog } from './useQuickLog';

type Props = CompositeScreenProps<
  NativeStackScreenProps<LayoutsStackParams, 'LayoutDetail'>,
  BottomTabScreenProps<TabParams>
>;

/**
 * The one route form open on the screen: a new route on a climb, or a logged route's edit (in the
 * session's list, or in its climb's row when it is the route just logged there).
 */
type OpenForm =
  { kind: 'log'; climbId: string } | { kind: 'edit'; routeId: string; inRowOf?: string };

/**
 * The active-session flow. Everything here reads the cached catalogue and writes the local store:
 * no network call, so logging never waits on the gym's signal.
 */
export function LayoutDetailScreen({ route, navigation }: Props) {
  const { layoutId } = route.params;
  const catalogue = useCatalogue();
  const live = useLayoutSession(layoutId);
  const { session, elsewhere } = live;
  const { badges, flashes } = useSendRecord();
  const climbs = catalogue.climbsByLayout[layoutId];
  const filter = useClimbFilter(climbs);
  const [form, setForm] = useState<OpenForm | null>(null);
  const quick = useQuickLog(live);
  const layoutName = (id: string | null) => catalogue.layouts?.find((l) => l.id === id)?.name;
  const title = layoutName(layoutId);
  const image = catalogue.layouts?.find((l) => l.id === layoutId)?.image ?? null;
  const wide = useWideWindow();
  // The climb tapped on the wall picture: its row shows under the picture, not in the list.
  const [pickedId, setPickedId] = useState<string | null>(null);
  const picked = (pickedId && catalogue.climbsById.get(pickedId)) || null;

  useEffect(() => {
    navigation.setOptions({ title: title ?? 'Layout' });
  }, [navigation, title]);

  // FlatList re-renders rows only when its data or extraData change.
  const last = quick.last;
  const rowState = useMemo(() => ({ badges, form, session, last }), [badges, form, session, last]);

  const logRoute = (climbId: string, values: RouteValues) => {
    if (live.logRoute(climbId, values)) setForm(null);
  };
  const updateRoute = (routeId: string, values: RouteValues) => {
    if (live.updateRoute(routeId, values)) setForm(null);
  };
  const openForm = (next: OpenForm | null) => {
    // The full form takes over from the quick tap: its undo would overwrite what is typed there.
    quick.dismiss();
    setForm(next);
  };

  const renderClimb = (item: Climb) => {
    if (form && session) {
      if (form.kind === 'log' && form.climbId === item.id) {
        return (
          <RouteForm
            climbName={item.name}
            grade={item.grade}
            onSave={(values) => logRoute(item.id, values)}
            onCancel={() => setForm(null)}
          />
        );
      }
      const editing = form.kind === 'edit' && form.inRowOf === item.id;
      const route = editing ? session.routes.find((r) => r.id === form.routeId) : undefined;
      if (route) {
        return (
          <RouteForm
            climbName={item.name}
            grade={item.grade}
            initial={route}
            onSave={(values) => updateRoute(route.id, values)}
            onCancel={() => setForm(null)}
          />
        );
      }
    }
    const justLogged = last?.climbId === item.id ? last.route : null;
    return (
      <ClimbRow
        climb={item}
        badge={badges.get(item.id) ?? null}
        session={
          session
            ? {
                open: openRouteOf(session.routes, item.id),
                justLogged: justLogged && { route: justLogged, flash: flashes.has(justLogged.id) },
                onTry: () => quick.tap(item.id, 'try'),
                onSent: () => quick.tap(item.id, 'sent'),
                onLog: () => openForm({ kind: 'log', climbId: item.id }),
                onUndo: quick.undo,
                onEditJustLogged: () =>
                  justLogged &&
                  openForm({ kind: 'edit', routeId: justLogged.id, inRowOf: item.id }),
              }
            : null
        }
      />
    );
  };
  const end = (notes: string) => {
    const empty = session?.routes.length === 0;
    // An empty session is discarded, not kept: nothing for History to show.
    if (live.end(notes) && !empty) navigation.navigate('HistoryTab', { screen: 'History' });
  };

  const wall = image ? (
    <LayoutWall
      image={image}
      layoutName={title ?? 'Layout'}
      climbs={filter.shown}
      selected={picked}
      onSelect={(climb) => setPickedId(climb.id)}
      onClose={() => setPickedId(null)}
      renderSelected={renderClimb}
      inSession={session !== null}
    />
  ) : null;
  const listed = picked ? filter.shown.filter((c) => c.id !== picked.id) : filter.shown;
  // A wide window has the picture beside the list, each scrolling on its own.
  const besideList = wide && wall !== null;

  const list = (
    <FlatList
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
          live={live}
          elsewhereLayoutName={elsewhere ? (layoutName(elsewhere.layoutId) ?? null) : null}
          climbsById={catalogue.climbsById}
          flashes={flashes}
          editingRouteId={form?.kind === 'edit' && !form.inRowOf ? form.routeId : null}
          onEditRoute={(routeId) => openForm(routeId === null ? null : { kind: 'edit', routeId })}
          onSaveRoute={updateRoute}
          onOpenElsewhere={() =>
            navigation.navigate('LayoutDetail', { layoutId: elsewhere?.layoutId ?? '' })
          }
          onEnd={end}
          filter={filter}
        />
      }
      ListEmptyComponent={
        <Text style={common.muted}>
          {climbs === undefined
            ? 'The climbs of this layout are not on this device yet. They download once you are online.'
            : 'No climb matches.'}
        </Text>
      }
      renderItem={({ item }) => renderClimb(item)}
    />
  );

  return (
    <View style={common.screen}>
      <SyncBanner />
      {besideList ? (
        <View style={styles.columns}>
          <ScrollView
            style={styles.wallColumn}
            contentContainerStyle={common.content}
            keyboardShouldPersistTaps="handled"
          >
            {wall}
          </ScrollView>
          {list}
        </View>
      ) : (
        list
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  columns: { flex: 1, flexDirection: 'row', gap: spacing.sm },
  // The picture gets the larger share: it is what the climber looks at on a tablet.
  wallColumn: { flex: 3 },
  listColumn: { flex: 2 },
});
