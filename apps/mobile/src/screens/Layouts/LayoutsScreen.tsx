import { LinkPressable } from '../../components/LinkPressable';
import { FlatList, StyleSheet, Text, View } from 'react-native';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { Button } from '../../components/Button';
import { SyncBanner } from '../../components/SyncBanner';
import { useCatalogue, useServices } from '../../hooks/services';
import { useActiveSession } from '../../hooks/sessions';
import { useWideWindow } from '../../hooks/useWideWindow';
import type { LayoutsStackParams } from '../../navigation/types';
import { colors, common, spacing } from '../../theme/theme';

type Props = NativeStackScreenProps<LayoutsStackParams, 'Layouts'>;

/** Home: the gym's walls, from the cached catalogue, so it opens offline too. */
export function LayoutsScreen({ navigation }: Props) {
  const services = useServices();
  const catalogue = useCatalogue();
  const active = useActiveSession();
  const layouts = catalogue.layouts;
  const wide = useWideWindow();
  const activeLayout = active ? layouts?.find((l) => l.id === active.layoutId) : undefined;

  return (
    <View style={common.screen}>
      <SyncBanner />
      <FlatList
        // A laptop shows the walls as a grid of cards; a phone as a list.
        key={wide ? 'grid' : 'list'}
        numColumns={wide ? 2 : 1}
        columnWrapperStyle={wide ? styles.gridRow : undefined}
        contentContainerStyle={common.content}
        data={layouts ?? []}
        keyExtractor={(layout) => layout.id}
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
          layouts === null || catalogue.refreshing ? (
            <Text style={common.muted}>Loading walls…</Text>
          ) : (
            <View style={common.card}>
              <Text style={common.body}>
                No walls on this device yet. They download once you are online.
              </Text>
              {catalogue.lastError ? <Text style={common.error}>{catalogue.lastError}</Text> : null}
              <Button
                label="Try again"
                onPress={() => void services.catalogue.refresh(services.auth.getToken())}
              />
            </View>
          )
        }
        renderItem={({ item }) => {
          const open = () => navigation.navigate('LayoutDetail', { layoutId: item.id });
          // The layout's name is the link (a screen reader hears "Main Wall, link", and a link's
          // name holds all its visible text); the rest of the card answers a touch too, through
          // the responder alone, so the card is no second stop for the keyboard.
          return (
            <View
              onStartShouldSetResponder={() => true}
              onResponderRelease={open}
              style={[common.card, wide && styles.gridCard]}
            >
              <LinkPressable onPress={open} style={styles.link}>
                <Text style={common.heading}>{item.name}</Text>
              </LinkPressable>
              {item.description ? <Text style={common.muted}>{item.description}</Text> : null}
              <Text style={common.muted}>
                {item.climbCount} {item.climbCount === 1 ? 'climb' : 'climbs'}
              </Text>
            </View>
          );
        }}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  active: { borderColor: colors.primary, marginBottom: spacing.sm },
  link: { minHeight: 44, justifyContent: 'center' },
  gridRow: { gap: spacing.md },
  gridCard: { flexGrow: 1, flexBasis: 0, maxWidth: '49%' },
});
