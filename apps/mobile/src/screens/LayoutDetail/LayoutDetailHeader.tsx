import { StyleSheet, Text, View } from 'react-native';
import type { ReactNode } from 'react';
import type { Climb } from '@sendlog/contract';
import type { RouteValues } from '../../components/RouteForm';
import { common, spacing } from '../../theme/theme';
import { ActiveSessionPanel } from './ActiveSessionPanel';
import { ClimbFilters } from './ClimbFilters';
import { LoggedRoutes } from './LoggedRoutes';
import { SessionElsewhereCard } from './SessionElsewhereCard';
import { StartSessionCard } from './StartSessionCard';
import type { ClimbFilterState } from './useClimbFilter';
import type { LayoutSession } from './useLayoutSession';

/**
 * Above the climb list: the wall picture (on a phone; beside the list on a wide window), the
 * session (start, run, end), its routes, and the list's filters.
 */
export function LayoutDetailHeader(props: {
  wall: ReactNode;
  live: LayoutSession;
  elsewhereLayoutName: string | null;
  climbsById: ReadonlyMap<string, Climb>;
  flashes: ReadonlySet<string>;
  editingRouteId: string | null;
  onEditRoute: (routeId: string | null) => void;
  onSaveRoute: (routeId: string, values: RouteValues) => void;
  onOpenElsewhere: () => void;
  onEnd: (notes: string) => void;
  filter: ClimbFilterState;
}) {
  const { live } = props;
  const { session, elsewhere } = live;
  return (
    <View style={styles.header}>
      {props.wall}
      {elsewhere ? (
        <SessionElsewhereCard
          layoutName={props.elsewhereLayoutName}
          onOpen={props.onOpenElsewhere}
        />
      ) : null}
      {session ? (
        <ActiveSessionPanel session={session} onEnd={props.onEnd} onSaveNotes={live.saveNotes} />
      ) : !elsewhere ? (
        <StartSessionCard onStart={live.start} />
      ) : null}
      {live.error ? (
        <Text role="alert" style={common.error}>
          {live.error}
        </Text>
      ) : null}
      {session && session.routes.length > 0 ? (
        <LoggedRoutes
          session={session}
          climbsById={props.climbsById}
          flashes={props.flashes}
          editingRouteId={props.editingRouteId}
          onEdit={props.onEditRoute}
          onSave={props.onSaveRoute}
          onRemove={live.removeRoute}
        />
      ) : null}
      <ClimbFilters filter={props.filter} />
    </View>
  );
}

const styles = StyleSheet.create({
  header: { gap: spacing.md, marginBottom: spacing.sm },
});
