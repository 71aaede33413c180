import type { ReactNode } from 'react';
import { LinkPressable } from '../../components/LinkPressable';
import { FlatList, StyleSheet, Text, View } from 'react-native';
import type { Layout } from '@sendlog/contract';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { Button } from '../../components/Button';
import { SyncBanner } from '../../components/SyncBanner';
import { useCatalogue, useMyGyms, useServices } from '../../hooks/services';
import { useActiveSession } from '../../hooks/sessions';
import { useWideWindow } from '../../hooks/useWideWindow';
import { placeOf, wallsByGym } from '../../gyms/wallsByGym';
import type { GymWalls } from '../../gyms/wallsByGym';
import type { LayoutsStackParams } from '../../navigation/types';
import { colors, common, spacing } from '../../theme/theme';
import { FirstRunGyms } from '../Gyms/FirstRunGyms';
import { LogElsewhere } from '../../elsewhere/LogElsewhere';

type Props = NativeStackScreenProps<LayoutsStackParams, 'Layouts'>;

/**
 * Home: the walls of the climber's gyms, grouped by gym (one gym: just its walls, as before
 * gyms), from the cached catalogue, so it opens offline too. An account that follows no gym finds
 * one here.
 */
export function LayoutsScreen({ navigation }: Props) {
  const services = useServices();
  const catalogue = useCatalogue();
  const mine = useMyGyms();
  const active = useActiveSession();
  const wide = useWideWindow();
  const groups = wallsByGym(catalogue.layouts, mine.gyms);
  const activeLayout = active
    ? catalogue.layouts?.find((l) => l.id === active.layoutId)
    : undefined;
  // One gym reads as before gyms: its walls, no gym heading.
  const headed = groups.length > 1;
  const waiting = new Set(mine.pending.map((p) => p.gym.id));
  const retry = () => void services.refreshCatalogue();

  if (mine.gyms !== null && mine.gyms.length === 0) return <FirstRunGyms />;

  return (
    <View style={common.screen}>
      <SyncBanner />
      <FlatList
        contentContainerStyle={common.content}
        data={groups}
        keyExtractor={(group) => group.gym?.id ?? 'kept'}
        ListFooterComponent={<LogElsewhere />}
        ListHeaderComponent={
          active && active.layoutId ? (
            <View style={[common.card, styles.active]}>
              <Text style={common.heading}>Session in progress</Text>
              <Text style={common.muted}>
                {activeLayout?.name ?? 'Wall'} · {active.routes.length}{' '}
                {active.routes.length === 1 ? 'route' : 'routes'} logged
              </Text>
              <Button
                label="Resume session"
                variant="primary"
                onPress={() =>
                  navigation.navigate('LayoutDetail', { layoutId: active.layoutId ?? '' })
                }
              />
            </View>
          ) : null
        }
        ListEmptyComponent={
          <NoWallsYet
            waiting={false}
            loading={catalogue.layouts === null || catalogue.refreshing}
            error={catalogue.lastError}
            onRetry={retry}
          />
        }
        renderItem={({ item }) => (
          <GymGroup
            group={item}
            headed={headed}
            wide={wide}
            onOpen={(layoutId) => navigation.navigate('LayoutDetail', { layoutId })}
            empty={
              <NoWallsYet
                waiting={item.gym !== null && waiting.has(item.gym.id)}
                loading={catalogue.layouts === null || catalogue.refreshing}
                error={catalogue.lastError}
                onRetry={retry}
              />
            }
          />
        )}
      />
    </View>
  );
}

/** One gym: its name (when there are several), then its walls, a grid of cards on a laptop. */
function GymGroup(props: {
  group: GymWalls;
  headed: boolean;
  wide: boolean;
  onOpen: (layoutId: string) => void;
  empty: ReactNode;
}) {
  const { gym, layouts } = props.group;
  const place = gym ? placeOf(gym) : '';
  return (
    <View style={styles.group}>
      {props.headed && gym ? (
        <View style={styles.gym}>
          <Text role="heading" aria-level={2} style={common.title}>
            {gym.name}
          </Text>
          {place ? <Text style={common.muted}>{place}</Text> : null}
        </View>
      ) : null}
      {layouts.length === 0 ? (
        props.empty
      ) : (
        <View style={props.wide ? styles.grid : styles.list}>
          {layouts.map((layout) => (
            <WallCard
              key={layout.id}
              layout={layout}
              wide={props.wide}
              onOpen={() => props.onOpen(layout.id)}
            />
          ))}
        </View>
      )}
    </View>
  );
}

function WallCard(props: { layout: Layout; wide: boolean; onOpen: () => void }) {
  const { layout, onOpen } = props;
  // The layout's name is the link (a screen reader hears "Main Wall, link", and a link's name
  // holds all its visible text); the rest of the card answers a touch too, through the responder
  // alone, so the card is no second stop for the keyboard.
  return (
    <View
      onStartShouldSetResponder={() => true}
      onResponderRelease={onOpen}
      style={[common.card, props.wide && styles.gridCard]}
    >
      <LinkPressable onPress={onOpen} style={styles.link}>
        <Text style={common.heading}>{layout.name}</Text>
      </LinkPressable>
      {layout.description ? <Text style={common.muted}>{layout.description}</Text> : null}
      <Text style={common.muted}>
        {layout.climbCount} {layout.climbCount === 1 ? 'climb' : 'climbs'}
      </Text>
    </View>
  );
}

function NoWallsYet(props: {
  waiting: boolean;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
}) {
  if (props.loading) return <Text style={common.muted}>Loading walls…</Text>;
  return (
    <View style={common.card}>
      <Text style={common.body}>
        {props.waiting
          ? 'Followed on this phone: its walls download once you are online.'
          : 'No walls on this device yet. They download once you are online.'}
      </Text>
      {props.error ? <Text style={common.error}>{props.error}</Text> : null}
      <Button label="Try again" onPress={props.onRetry} />
    </View>
  );
}

const styles = StyleSheet.create({
  active: { borderColor: colors.primary, marginBottom: spacing.sm },
  group: { gap: spacing.sm },
  gym: { marginTop: spacing.sm, gap: 2 },
  list: { gap: spacing.md },
  grid: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.md },
  link: { minHeight: 44, justifyContent: 'center' },
  gridCard: { flexGrow: 1, flexBasis: 0, minWidth: '40%', maxWidth: '49%' },
});
