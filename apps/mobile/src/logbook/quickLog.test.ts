import type { LocalRoute } from '../sync/types';
import { openRouteOf, quickLog, undoOf } from './quickLog';

const route = (id: string, climbId: string, isSuccess: boolean, attempts: number) =>
  ({ id, climbId, isSuccess, attempts }) as LocalRoute;

describe('quickLog', () => {
  it('logs a new route on a climb not tried in this session', () => {
    expect(quickLog([], 'arete', 'try')).toEqual({
      kind: 'log',
      climbId: 'arete',
      values: { isSuccess: false, attempts: 1 },
    });
    expect(quickLog([route('r1', 'crimp', false, 2)], 'arete', 'sent')).toEqual({
      kind: 'log',
      climbId: 'arete',
      values: { isSuccess: true, attempts: 1 },
    });
  });

  it('adds a try to the climb’s unsent route rather than a second row', () => {
    const routes = [route('r1', 'arete', false, 2), route('r2', 'crimp', true, 1)];
    expect(quickLog(routes, 'arete', 'try')).toEqual({
      kind: 'update',
      routeId: 'r1',
      values: { isSuccess: false, attempts: 3 },
      before: { isSuccess: false, attempts: 2 },
    });
  });

  it('counts the send as one more attempt after tries', () => {
    const routes = [route('r1', 'arete', false, 3)];
    expect(quickLog(routes, 'arete', 'sent')).toEqual({
      kind: 'update',
      routeId: 'r1',
      values: { isSuccess: true, attempts: 4 },
      before: { isSuccess: false, attempts: 3 },
    });
  });

  it('starts a new route once the climb’s latest route is sent (a repeat)', () => {
    const routes = [route('r1', 'arete', false, 4), route('r2', 'arete', true, 2)];
    expect(openRouteOf(routes, 'arete')).toBeNull();
    expect(quickLog(routes, 'arete', 'try')).toEqual({
      kind: 'log',
      climbId: 'arete',
      values: { isSuccess: false, attempts: 1 },
    });
  });

  it('builds on the latest route of the climb only', () => {
    const routes = [route('r1', 'arete', true, 1), route('r2', 'arete', false, 5)];
    expect(openRouteOf(routes, 'arete')?.id).toBe('r2');
  });
});

describe('undoOf', () => {
  it('removes a route the tap made, and reverts a route the tap changed', () => {
    expect(undoOf(quickLog([], 'arete', 'sent'), 'new')).toEqual({
      kind: 'remove',
      routeId: 'new',
    });
    const change = quickLog([route('r1', 'arete', false, 3)], 'arete', 'sent');
    expect(undoOf(change, 'r1')).toEqual({
      kind: 'revert',
      routeId: 'r1',
      values: { isSuccess: false, attempts: 3 },
    });
  });
});
