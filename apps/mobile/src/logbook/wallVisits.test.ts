import { createMemoryStorage } from '@sendlog/sync';
import { createWallVisits } from './wallVisits';

describe('wall visits', () => {
  it('marks nothing new on a first visit, then the climbs set since the last one', async () => {
    const storage = createMemoryStorage();
    const visits = createWallVisits(storage);
    expect([...(await visits.open('wall', ['a', 'b']))]).toEqual([]);
    expect([...(await visits.open('wall', ['a', 'b', 'c']))]).toEqual(['c']);
    // Seen once: no longer new. Another wall keeps its own record.
    expect([...(await visits.open('wall', ['a', 'b', 'c']))]).toEqual([]);
    expect([...(await visits.open('cave', ['x']))]).toEqual([]);
    // Kept across restarts of the app.
    expect([...(await createWallVisits(storage).open('wall', ['c', 'd']))]).toEqual(['d']);
  });

  it('treats an unreadable record as a first visit', async () => {
    const storage = createMemoryStorage();
    await storage.setItem('wallVisit.wall', '{not json');
    expect([...(await createWallVisits(storage).open('wall', ['a']))]).toEqual([]);
  });
});
