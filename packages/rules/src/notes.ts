/**
 * Notes left empty or blank are no notes: kept and sent as null, so an emptied field and one never
 * filled are the same session (and an ended session with neither routes nor notes is dropped).
 */
export function notesOrNull(notes: string | null | undefined): string | null {
  return notes == null || notes.trim() === '' ? null : notes;
}
