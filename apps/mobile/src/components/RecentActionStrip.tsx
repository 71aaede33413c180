import { useRequiredAccount } from '../hooks/services';
import { useRecentAction } from '../hooks/sessions';
import type { RecentAction } from '../sync/recentActions';
import { UndoStrip } from './UndoStrip';

const UNDO_NAMES: Record<RecentAction['kind'], string> = {
  end: 'Undo end session',
  delete: 'Undo delete',
  remove: 'Undo remove',
};

/**
 * The account's last undoable action (RecentActions) with its Undo, on every screen where one can
 * happen or lead: History, a session, the wall and its logged list (the wall offers back only a
 * route removed: a session ended or deleted is History's). `onUndone` follows an Undo
 * that worked (a resumed session goes back to its wall).
 */
export function RecentActionStrip(props: {
  onUndone?: (action: RecentAction) => void;
  /** The kinds this screen offers back (all by default). */
  kinds?: readonly RecentAction['kind'][];
}) {
  const recent = useRecentAction();
  const account = useRequiredAccount();
  if (!recent || (props.kinds && !props.kinds.includes(recent.kind))) return null;
  return (
    <UndoStrip
      text={recent.text}
      undoName={UNDO_NAMES[recent.kind]}
      onUndo={() => {
        const undone = account.recent.undo();
        if (undone) props.onUndone?.(undone);
      }}
    />
  );
}
