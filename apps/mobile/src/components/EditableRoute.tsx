import type { Climb } from '@sendlog/contract';
import { UNKNOWN_CLIMB } from '../hooks/logbookSessions';
import type { LocalRoute } from '../sync/types';
import { RouteForm } from './RouteForm';
import type { RouteValues } from './RouteForm';
import { RouteRow } from './RouteRow';

export interface EditableRouteProps {
  route: LocalRoute;
  /** Undefined when the catalogue on this device does not know the climb. */
  climb: Climb | undefined;
  flash: boolean;
  editing: boolean;
  onEdit: () => void;
  onSave: (values: RouteValues) => void;
  onCancel: () => void;
  onRemove: () => void;
  onOpenStory?: () => void;
}

/** A logged route as a row, or as its form while the climber edits it. */
export function EditableRoute(props: EditableRouteProps) {
  const { route, climb, editing } = props;
  const climbName = climb?.name ?? UNKNOWN_CLIMB;
  // The grade it was logged at once synced (a regrade since leaves it), as the logbook counts it.
  const grade = route.grade ?? climb?.grade ?? null;
  return editing ? (
    <RouteForm
      climbName={climbName}
      grade={grade}
      initial={route}
      onSave={props.onSave}
      onCancel={props.onCancel}
    />
  ) : (
    <RouteRow
      route={route}
      flash={props.flash}
      climbName={climbName}
      grade={grade}
      color={climb?.color ?? null}
      onEdit={props.onEdit}
      onRemove={props.onRemove}
      onOpenStory={props.onOpenStory}
    />
  );
}
