import { describe, expect, it } from 'vitest';
import { unsafeTextDetails } from './text-safety.js';

describe('unsafeTextDetails', () => {
  it('names the path of each string PostgreSQL cannot store', () => {
    expect(
      unsafeTextDetails({ notes: 'ok', routes: [{ notes: 'a\u0000b' }, { notes: '\uD800' }] }),
    ).toEqual([
      { path: 'routes.0.notes', message: expect.any(String) },
      { path: 'routes.1.notes', message: expect.any(String) },
    ]);
    expect(unsafeTextDetails({ 'bad\u0000key': 1 })).toHaveLength(1);
    expect(unsafeTextDetails({ emoji: '🧗' })).toEqual([]);
  });

  it('walks a hostile body nested far deeper than the call stack allows', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(unsafeTextDetails({ notes: deep })).toHaveLength(1);
  });
});
