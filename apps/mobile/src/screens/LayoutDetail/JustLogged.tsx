import { Button } from '../../components/Button';
import { UndoStrip } from '../../components/UndoStrip';
import { plural } from '../../format/plural';
import type { LocalRoute } from '../../sync/types';

/**
 * The last tap on "Try" or "Sent", pinned under the session bar for a few seconds with "Undo" and
 * "Edit", wherever the climb's row was scrolled (the rows keep one height): the Undo strip every
 * undoable action shows.
 */
export function JustLogged(props: {
  climbName: string;
  route: LocalRoute;
  flash: boolean;
  onUndo: () => void;
  onEdit: () => void;
}) {
  const { climbName, route } = props;
  const result = route.isSuccess ? (props.flash ? 'Flash' : 'Sent') : 'Not sent';
  return (
    <UndoStrip
      text={`Logged ${climbName}: ${result} · ${plural(route.attempts, 'attempt', 'attempts')}`}
      undoName={`Undo ${climbName}`}
      onUndo={props.onUndo}
    >
      <Button
        label="Edit"
        name={`Edit just logged ${climbName}`}
        small
        variant="link"
        onPress={props.onEdit}
      />
    </UndoStrip>
  );
}
