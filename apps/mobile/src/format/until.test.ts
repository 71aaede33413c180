import { untilText } from './until';

describe('untilText', () => {
  const today = new Date(2026, 11, 7);
  it('names the day and month, and the year when it is another', () => {
    expect(untilText('2026-12-31', today)).toBe('until 31 Dec');
    expect(untilText('2027-01-05', today)).toBe('until 5 Jan 2027');
  });
  it('says nothing without a day', () => {
    expect(untilText(null, today)).toBeNull();
    expect(untilText(undefined, today)).toBeNull();
    expect(untilText('2026-13-01', today)).toBeNull();
    expect(untilText('soon', today)).toBeNull();
  });
});
