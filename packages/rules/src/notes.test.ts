import { describe, expect, it } from 'vitest';
import { notesOrNull } from './notes.js';

describe('notesOrNull', () => {
  it('makes empty and blank notes null and keeps any other text as typed', () => {
    for (const empty of [null, undefined, '', '   ', '\n\t']) expect(notesOrNull(empty)).toBeNull();
    expect(notesOrNull(' crimpy ')).toBe(' crimpy ');
  });
});
