import { checkClimbDraft } from './climbForm';

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
      fields: { name: 'Must not be empty', grade: 'Pick a grade' },
    });
    expect(checkClimbDraft({ ...draft, name: 'x'.repeat(101) }, 'V')).toMatchObject({
      ok: false,
      fields: { name: 'Must be at most 100 chars' },
    });
  });
});
