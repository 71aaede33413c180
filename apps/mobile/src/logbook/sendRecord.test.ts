import type { LocalRoute, LocalSession } from '../sync/types';
import { sendRecordOf } from './sendRecord';

let ids = 0;
const route = (climbId: string, loggedAt: string, isSuccess: boolean, attempts: number) =>
  ({ id: `r${++ids}`, climbId, loggedAt, isSuccess, attempts }) as LocalRoute;
const session = (...routes: LocalRoute[]) => ({ routes }) as unknown as LocalSession;

describe('sendRecordOf', () => {
  it('calls a send a flash only when it is the first try ever on its climb', () => {
    const tried = route('arete', '2026-11-20T18:10:00.000Z', false, 3);
    const sentLater = route('arete', '2026-11-20T18:30:00.000Z', true, 1);
    const flash = route('crimp', '2026-11-20T18:20:00.000Z', true, 1);
    const projectOld = route('roof', '2026-11-01T18:00:00.000Z', false, 5);
    const projectSent = route('roof', '2026-11-20T18:40:00.000Z', true, 1);
    const worked = route('slab', '2026-11-20T18:50:00.000Z', true, 4);
    // Newest session first, as the store lists them.
    const record = sendRecordOf([
      session(tried, flash, sentLater, projectSent, worked),
      session(projectOld),
    ]);
    expect([...record.badges]).toEqual(
      expect.arrayContaining([
        ['arete', 'Sent'],
        ['crimp', 'Flash'],
        ['roof', 'Sent'],
        ['slab', 'Sent'],
      ]),
    );
    expect(record.badges.size).toBe(4);
    expect([...record.flashes]).toEqual([flash.id]);
  });

  it('gives no badge to a climb only tried', () => {
    expect(
      sendRecordOf([session(route('roof', '2026-11-20T18:00:00.000Z', false, 2))]).badges.size,
    ).toBe(0);
  });

  it('orders a first-design import that kept an offset by time, not by text', () => {
    // 19:00+02:00 is 17:00 UTC: before the 18:00Z send, so that send is no flash.
    const imported = route('arete', '2026-11-20T19:00:00.000+02:00', false, 2);
    const sent = route('arete', '2026-11-20T18:00:00.000Z', true, 1);
    const record = sendRecordOf([session(sent), session(imported)]);
    expect(record.badges.get('arete')).toBe('Sent');
    expect(record.flashes.size).toBe(0);
  });
});
