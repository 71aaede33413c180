import { Text, View } from 'react-native';
import type { Climb } from '@sendlog/contract';
import { EditableRoute } from '../../components/EditableRoute';
import type { RouteValues } from '../../components/RouteForm';
import type { LocalSession } from '../../sync/types';
import { common } from '../../theme/theme';

/** The running session's routes, newest first, each editable in place. */
export function LoggedRoutes(props: {
  session: LocalSession;
  climbsById: ReadonlyMap<string, Climb>;
  flashes: ReadonlySet<string>;
  editingRouteId: string | null;
  onEdit: (routeId: string | null) => void;
  onSave: (routeId: string, values: RouteValues) => void;
  onRemove: (routeId: string) => void;
}) {
  const { session, climbsById, flashes, editingRouteId } = props;
  return (
    <View style={common.card}>
      <Text style={common.heading}>Logged this session</Text>
      {[...session.routes].reverse().map((r) => (
        <EditableRoute
          key={r.id}
          route={r}
          climb={climbsById.get(r.climbId)}
          flash={flashes.has(r.id)}
          editing={editingRouteId === r.id}
          onEdit={() => props.onEdit(r.id)}
          onSave={(values) => props.onSave(r.id, values)}
          onCancel={() => props.onEdit(null)}
          onRemove={() => props.onRemove(r.id)}
        />
      ))}
    </View>
  );
}
