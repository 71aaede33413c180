import { checkWallDraft } from './wallForm';

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
