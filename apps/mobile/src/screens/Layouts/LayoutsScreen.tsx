import { LinkPressable } from '../../components/LinkPressable';
import { SectionList, StyleSheet, Text, View } from 'react-native';
import type { Layout } from '@sendlog/contract';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { Button } from '../../components/Button';
import { SyncBanner } from '../../components/SyncBanner';
import { useCatalogue, useMyGyms, useServices } from '../../hooks/services';
import { useActiveSession } from '../../hooks/sessions';
import { placeOf, wallsByGym } from '../../gyms/wallsByGym';
import type { GymHeading } from '../../gyms/wallsByGym';
import type { LayoutsStackParams } from '../../navigation/types';
import { colors, common, spacing } from '../../theme/theme';
import { FirstRunGyms } from '../Gyms/FirstRunGyms';

type Props = NativeStackScreenProps<LayoutsStackParams, 'Layouts'>;

/**
 * Home: the walls of the climber's gyms, grouped by gym (one gym: just its walls), from the
 * cached catalogue, so it opens offline too. An account that follows no gym finds one here.
 */
export function LayoutsScreen({ navigation }: Props) {
  const services = useServices();
  const catalogue = useCatalogue();
  const mine = useMyGyms();
  const active = useActiveSession();
  const groups = wallsByGym(catalogue.layouts, mine.gyms);
  const activeLayout = active
    ? catalogue.layouts?.find((l) => l.id === active.layoutId)
    : undefined;
  // One gym reads as before gyms: its walls, no gym heading.
  const headed = groups.length > 1;
  const sections = groups.map((g) => ({ gym: g.gym, data: g.layouts }));
  const waiting = new Set(mine.pending.map((p) => p.gym.id));

  if (mine.gyms !== null && mine.gyms.length === 0) return <FirstRunGyms />;

  return (
    <View style={common.screen}>
      <SyncBanner />
      <SectionList
        contentContainerStyle={common.content}
        sections={sections}
        keyExtractor={(layout) => layout.id}
        stickySectionHeadersEnabled={false}
        ListHeaderComponent={
          active && active.layoutId ? (
            <View style={[common.card, styles.active]}>
              <Text style={common.heading}>Session in progress</Text>
              <Text style={common.muted}>
                {activeLayout?.name ?? 'Layout'} · {active.routes.length}{' '}
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
        renderSectionHeader={({ section }) =>
          headed && section.gym ? <GymHeader gym={section.gym} /> : null
        }
        renderSectionFooter={({ section }) =>
          section.data.length === 0 && (headed || catalogue.layouts !== null) ? (
            <NoWallsYet
              waiting={section.gym !== null && waiting.has(section.gym.id)}
              loading={catalogue.refreshing}
              error={catalogue.lastError}
              onRetry={() => void services.refreshCatalogue()}
            />
          ) : null
        }
        ListEmptyComponent={
          <NoWallsYet
            waiting={false}
            loading={catalogue.layouts === null || catalogue.refreshing}
            error={catalogue.lastError}
            onRetry={() => void services.refreshCatalogue()}
          />
        }
        renderItem={({ item }) => (
          <WallCard
            layout={item}
            onOpen={() => navigation.navigate('LayoutDetail', { layoutId: item.id })}
          />
        )}
      />
    </View>
  );
}

function GymHeader({ gym }: { gym: GymHeading }) {
  const place = placeOf(gym);
  return (
    <View style={styles.gym}>
      <Text role="heading" aria-level={2} style={common.title}>
        {gym.name}
      </Text>
      {place ? <Text style={common.muted}>{place}</Text> : null}
    </View>
  );
}

function WallCard({ layout, onOpen }: { layout: Layout; onOpen: () => void }) {
  // The layout's name is the link (a screen reader hears "Main Wall, link", and a link's name
  // holds all its visible text); the rest of the card answers a touch too, through the responder
  // alone, so the card is no second stop for the keyboard.
  return (
    <View onStartShouldSetResponder={() => true} onResponderRelease={onOpen} style={common.card}>
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
  if (props.loading) return <Text style={common.muted}>Loading layouts…</Text>;
  return (
    <View style={common.card}>
      <Text style={common.body}>
        {props.waiting
          ? 'Followed on this phone: its walls download once you are online.'
          : 'No layouts on this device yet. They download once you are online.'}
      </Text>
      {props.error ? <Text style={common.error}>{props.error}</Text> : null}
      <Button label="Try again" onPress={props.onRetry} />
    </View>
  );
}

const styles = StyleSheet.create({
  active: { borderColor: colors.primary, marginBottom: spacing.sm },
  gym: { marginTop: spacing.md, marginBottom: spacing.xs, gap: 2 },
  link: { minHeight: 44, justifyContent: 'center' },
});
