import { messageFor } from './refusal';

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
