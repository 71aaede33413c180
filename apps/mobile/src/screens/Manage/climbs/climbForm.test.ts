import { checkClimbDraft } from './climbForm';
import { messageFor } from '../shared/refusal';
import { checkWallDraft } from '../walls/wallForm';

const draft = { name: 'Blue Moon', grade: 'v4', color: '#1E88E5', setter: ' Ana ', position: null };

describe('checkClimbDraft', () => {
  it('sends the grade in its canonical spelling, the colour lower-case, the setter trimmed', () => {
    expect(checkClimbDraft(draft, 'V')).toEqual({
      ok: true,
      body: { name: 'Blue Moon', grade: 'V4', color: '#1e88e5', setter: 'Ana', position: null },
    });
    expect(checkClimbDraft({ ...draft, grade: '6a+', setter: '' }, 'Font')).toMatchObject({
      ok: true,
      body: { grade: '6A+', setter: null },
    });
  });

  it("refuses a grade of the other system, at the grade, with the wall's grades", () => {
    const checked = checkClimbDraft(draft, 'Font');
    expect(checked).toEqual({
      ok: false,
      fields: { grade: expect.stringMatching(/^Must be a Font grade: 3, 4, 4\+/) },
    });
    expect(checkClimbDraft({ ...draft, grade: '5.12a' }, 'V')).toEqual({
      ok: false,
      fields: { grade: 'Must be a V grade: VB, V0 … V17' },
    });
  });

  it('refuses an empty or overlong name at the name', () => {
    expect(checkClimbDraft({ ...draft, name: '  ', grade: '' }, 'V')).toEqual({
      ok: false,
      fields: { name: 'Must not be empty', grade: 'Must not be empty' },
    });
    expect(checkClimbDraft({ ...draft, name: 'x'.repeat(101) }, 'V')).toMatchObject({
      ok: false,
      fields: { name: 'Must be at most 100 chars' },
    });
  });
});

describe('checkWallDraft', () => {
  it('trims, and refuses an empty name', () => {
    expect(checkWallDraft({ name: ' Slab ', description: '', gradeSystem: 'Font' })).toEqual({
      ok: true,
      body: { name: 'Slab', description: '', gradeSystem: 'Font' },
    });
    expect(checkWallDraft({ name: '', description: '', gradeSystem: 'V' })).toEqual({
      ok: false,
      fields: { name: 'Must not be empty' },
    });
  });
});

describe('messageFor', () => {
  it('names the refused fields a form has no place for', () => {
    const refusal = {
      fields: { name: 'Must not be empty', 'position.x': 'Must be ≤ 1' },
      message: 'Check the fields marked below.',
      forbidden: false,
    };
    expect(messageFor(refusal, ['name', 'grade'])).toBe(
      'Check the fields marked below. position.x: Must be ≤ 1',
    );
    expect(messageFor(refusal, ['name', 'position.x'])).toBe('Check the fields marked below.');
  });
});
