import { managedGyms, roleAt } from './staffRoles';

const setter = { role: 'setter' as const, staff: [{ gymId: 'a', role: 'setter' as const }] };
const gymAdmin = { role: 'setter' as const, staff: [{ gymId: 'b', role: 'admin' as const }] };
const serverAdmin = { role: 'admin' as const };
const climber = { role: 'climber' as const };

describe('roleAt', () => {
  it("is the account's staff role at that gym, none elsewhere", () => {
    expect(roleAt(setter, 'a')).toBe('setter');
    expect(roleAt(setter, 'b')).toBeNull();
    expect(roleAt(gymAdmin, 'b')).toBe('admin');
    expect(roleAt(climber, 'a')).toBeNull();
    expect(roleAt(null, 'a')).toBeNull();
    expect(roleAt(setter, null)).toBeNull();
  });

  it('a server admin is admin everywhere', () => {
    expect(roleAt(serverAdmin, 'anything')).toBe('admin');
  });
});

describe('managedGyms', () => {
  it('keeps the gyms the account is staff of, in their order', () => {
    const gyms = [{ id: 'b' }, { id: 'a' }, { id: 'c' }];
    expect(managedGyms(setter, gyms)).toEqual([{ id: 'a' }]);
    expect(managedGyms(serverAdmin, gyms)).toEqual(gyms);
    expect(managedGyms(climber, gyms)).toEqual([]);
  });
});
