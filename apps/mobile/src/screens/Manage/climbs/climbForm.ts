import {
  createClimbBodySchema,
  gradeOfMessage,
  isGradeOf,
  issuesToDetails,
  normalizeGrade,
} from '@sendlog/contract';
import type { CreateClimbBody, GradeSystem, WallPosition } from '@sendlog/contract';
import { fieldsOf } from '../walls/wallForm';
import type { Checked } from '../walls/wallForm';

/** A climb as the setter types it; blanks are "not given". */
export interface ClimbDraft {
  name: string;
  grade: string;
  color: string | null;
  setter: string;
  position: WallPosition | null;
}

/**
 * Checks a climb against the contract and the wall's grade system (the grade table), so a "V4" on
 * a Font wall is refused at the field before anything is sent. The grade goes in its canonical
 * spelling (`v4` → `V4`), as the server would store it.
 */
export function checkClimbDraft(draft: ClimbDraft, system: GradeSystem): Checked<CreateClimbBody> {
  const setter = draft.setter.trim();
  const parsed = createClimbBodySchema.safeParse({
    name: draft.name,
    grade: draft.grade,
    color: draft.color,
    position: draft.position,
    setter: setter === '' ? null : setter,
  });
  const fields = parsed.success ? {} : fieldsOf(issuesToDetails(parsed.error.issues));
  // The grade is picked among the wall's, not typed: none picked is said as such.
  if (draft.grade.trim() === '') fields.grade = 'Pick a grade';
  else if (fields.grade === undefined && !isGradeOf(system, draft.grade)) {
    const message = gradeOfMessage(system);
    fields.grade = message.charAt(0).toUpperCase() + message.slice(1);
  }
  if (!parsed.success || Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, body: { ...parsed.data, grade: normalizeGrade(parsed.data.grade) ?? '' } };
}

/** The draft of an existing climb, to edit it. */
export function draftOf(climb: {
  name: string;
  grade: string;
  color: string | null;
  setter: string | null;
  position: WallPosition | null;
}): ClimbDraft {
  return {
    name: climb.name,
    grade: climb.grade,
    color: climb.color,
    setter: climb.setter ?? '',
    position: climb.position,
  };
}
