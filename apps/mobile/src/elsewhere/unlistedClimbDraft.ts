import { LIMITS, type ClimbKind, type GradeSystem, type UnlistedClimb } from '@sendlog/contract';

/** Where the grade of a climb not on a wall comes from: a V or Font picker, or typed as written. */
export type GradeSource = GradeSystem | 'other';

export interface UnlistedClimbDraft {
  name: string;
  kind: ClimbKind;
  source: GradeSource;
  /** The grade chosen in the picker (V, Font) or typed (other). */
  grade: string;
}

export const EMPTY_DRAFT: UnlistedClimbDraft = {
  name: '',
  kind: 'boulder',
  source: 'V',
  grade: '',
};

/**
 * The unlisted climb a draft describes, or what is wrong with it, field by field, as the server
 * would say it (name 1–200 chars, not blank; grade at most 20 chars, chosen or typed).
 */
export function unlistedClimbOf(
  draft: UnlistedClimbDraft,
): { climb: UnlistedClimb } | { errors: Partial<Record<'name' | 'grade', string>> } {
  const errors: Partial<Record<'name' | 'grade', string>> = {};
  const name = draft.name.trim();
  const grade = draft.grade.trim();
  if (name === '') errors.name = 'Give the climb a name.';
  else if (name.length > LIMITS.maxUnlistedName)
    errors.name = `At most ${LIMITS.maxUnlistedName} characters.`;
  if (grade === '') errors.grade = draft.source === 'other' ? 'Type its grade.' : 'Pick a grade.';
  else if (grade.length > LIMITS.maxUnlistedGrade)
    errors.grade = `At most ${LIMITS.maxUnlistedGrade} characters.`;
  if (errors.name !== undefined || errors.grade !== undefined) return { errors };
  return { climb: { name, grade, kind: draft.kind } };
}
