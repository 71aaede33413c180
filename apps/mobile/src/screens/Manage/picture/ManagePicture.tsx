import type { Climb, Layout, WallPosition } from '@sendlog/contract';
import { WallPicture } from '../../../components/wall/WallPicture';
import { pointerWord } from '../../../format/pointerWord';
import type { ClimbDraft } from '../climbs/climbForm';

/** The id of the dot drawn for a climb not saved yet. */
const DRAFT_ID = 'draft-climb';

/**
 * The wall's picture as the setter works on it: a tap on the wall places a climb, a tap on a dot
 * opens its climb, and the open climb's dot drags to a new spot. The climb being placed or moved
 * shows where it will go before it is saved.
 */
export function ManagePicture(props: {
  layout: Layout;
  climbs: readonly Climb[];
  /** The climb open in the form (null: none, or a new one). */
  editingClimbId: string | null;
  /** The form's draft while one is open. */
  draft: ClimbDraft | null;
  onPressWall: (position: WallPosition) => void;
  onPressClimb: (climb: Climb) => void;
  /** The open climb's dot dragged to a new spot. */
  onDragDraft: (position: WallPosition) => void;
}) {
  const { layout, draft, editingClimbId } = props;
  // No picture yet: the upload card says so, once.
  if (!layout.image) return null;
  let climbs: readonly Climb[] = props.climbs;
  let selectedClimbId = editingClimbId;
  if (draft) {
    if (editingClimbId) {
      // The climb being edited is drawn where the form now puts it, in the colour now chosen.
      climbs = climbs.map((c) =>
        c.id === editingClimbId ? { ...c, position: draft.position, color: draft.color } : c,
      );
    } else if (draft.position) {
      climbs = [...climbs, draftClimb(layout.id, draft)];
      selectedClimbId = DRAFT_ID;
    }
  }
  return (
    <WallPicture
      image={layout.image}
      climbs={climbs}
      selectedClimbId={selectedClimbId}
      label={`${layout.name} picture: ${pointerWord().press} where a climb starts`}
      onPressWall={props.onPressWall}
      // The climb open in the form (new or edited) is the one whose dot can be dragged.
      draggableClimbId={draft?.position ? selectedClimbId : null}
      onDragClimb={props.onDragDraft}
      onPressClimb={(climb) => {
        if (climb.id !== DRAFT_ID) props.onPressClimb(climb);
      }}
    />
  );
}

function draftClimb(layoutId: string, draft: ClimbDraft): Climb {
  return {
    id: DRAFT_ID,
    layoutId,
    name: draft.name.trim() === '' ? 'New climb' : draft.name.trim(),
    grade: draft.grade.trim() === '' ? '?' : draft.grade.trim(),
    color: draft.color,
    position: draft.position,
    setter: null,
    setAt: null,
    archived: false,
    community: { grade: null, rating: null, sends: 0, climbers: 0 },
  };
}
