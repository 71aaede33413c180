import type { LocalSession } from '../sync/types';
import { syncErrorText } from './syncErrorText';

const session = (message: string | null) =>
  ({
    routes: [{ climbId: 'c-1' }, { climbId: 'c-2' }],
    lastError: message === null ? null : { code: 'validation_failed', message, permanent: true },
  }) as unknown as LocalSession;

describe('syncErrorText', () => {
  it('names a route by its climb instead of its index', () => {
    expect(syncErrorText(session('routes.1.attempts must be ≤ 999'), (id) => `climb ${id}`)).toBe(
      'attempts of "climb c-2" must be ≤ 999',
    );
  });
  it('keeps paths it cannot resolve and messages without one', () => {
    expect(syncErrorText(session('routes.9.climbId is unknown'), () => 'x')).toBe(
      'routes.9.climbId is unknown',
    );
    expect(syncErrorText(session('endTime a session lasts at most 24 h'), () => 'x')).toBe(
      'endTime a session lasts at most 24 h',
    );
    expect(syncErrorText(session(null), () => 'x')).toBe('The server refused this session.');
  });
});
