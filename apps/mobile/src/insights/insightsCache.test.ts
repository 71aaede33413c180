import { createMemoryStorage } from '@sendlog/sync';
import { createInsightsCache } from './insightsCache';
import { INSIGHTS_FIXTURE } from './insightsFixture';

const answer = (fetchedAt: number) => ({ insights: INSIGHTS_FIXTURE, fetchedAt });

describe('the insights kept on the device', () => {
  it('keeps the last answer per gym and period across a restart', async () => {
    const storage = createMemoryStorage();
    const cache = createInsightsCache(storage);
    await cache.load();
    expect(cache.last('gym-1', 8)).toBeNull();
    await cache.remember('gym-1', 8, answer(1000));
    await cache.remember('gym-1', 4, answer(2000));
    await cache.remember('gym-2', 8, answer(3000));

    const restarted = createInsightsCache(storage);
    await restarted.load();
    expect(restarted.last('gym-1', 8)).toEqual(answer(1000));
    // A period never asked for: the gym's latest answer of any period, never another gym's.
    expect(restarted.last('gym-1', 52)?.fetchedAt).toBe(2000);
    expect(restarted.last('gym-3', 8)).toBeNull();
  });

  it('drops what it cannot read, and forgets everything when cleared', async () => {
    const storage = createMemoryStorage();
    await storage.setItem('insights.gym-1.8', '{torn');
    await storage.setItem('insights.gym-1.4', JSON.stringify({ fetchedAt: 1 }));
    await storage.setItem('other', 'kept');
    const cache = createInsightsCache(storage);
    await cache.load();
    expect(cache.last('gym-1', 8)).toBeNull();
    expect(await storage.getAllKeys()).toEqual(['other']);
    await cache.remember('gym-1', 8, answer(5));
    await cache.clear();
    expect(cache.last('gym-1', 8)).toBeNull();
    expect(await storage.getAllKeys()).toEqual(['other']);
  });
});
