import { testLayout } from '../testing/fakeApi';
import { placeOf, wallsByGym } from './wallsByGym';

const wall = testLayout({ id: 'wall', name: 'Main Wall', description: '', climbCount: 1 });
const slab = testLayout({
  id: 'slab',
  gymId: 'gym-2',
  name: 'Slab',
  description: '',
  climbCount: 1,
});
const legacy = testLayout({ id: 'old', gymId: null, name: 'Old', description: '', climbCount: 1 });
const gym1 = { id: 'gym-1', name: 'One', city: null };
const gym2 = { id: 'gym-2', name: 'Two', city: 'Zürich' };

describe('wallsByGym', () => {
  it("groups the walls under the climber's gyms, in their order, leaving out other gyms' walls", () => {
    expect(wallsByGym([wall, slab], [gym2])).toEqual([{ gym: gym2, layouts: [slab] }]);
    expect(wallsByGym([wall, slab], [gym1, gym2])).toEqual([
      { gym: gym1, layouts: [wall] },
      { gym: gym2, layouts: [slab] },
    ]);
  });

  it('keeps a gym whose walls are not on the device yet (followed offline)', () => {
    expect(wallsByGym([wall], [gym1, gym2])[1]).toEqual({ gym: gym2, layouts: [] });
  });

  it('before the gyms are known shows every wall kept, as one group', () => {
    expect(wallsByGym([legacy, wall], null)).toEqual([{ gym: null, layouts: [legacy, wall] }]);
    expect(wallsByGym(null, null)).toEqual([]);
  });

  it('follows nothing: no group', () => {
    expect(wallsByGym([wall], [])).toEqual([]);
  });
});

describe('placeOf', () => {
  it('joins what is known', () => {
    expect(placeOf({ city: 'Zürich', country: 'CH' })).toBe('Zürich, CH');
    expect(placeOf({ city: null, country: 'CH' })).toBe('CH');
    expect(placeOf({ city: null })).toBe('');
  });
});
