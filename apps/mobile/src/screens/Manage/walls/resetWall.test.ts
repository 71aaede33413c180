import { createHttpClient } from '@sendlog/sync';
import { createCatalogueAdminApi } from '../../../api/catalogueAdminApi';
import { createFakeApi } from '../../../testing/fakeApi';
import { resetWall } from './resetWall';

function setup() {
  const fake = createFakeApi();
  fake.updateUser({ role: 'setter' });
  const api = createCatalogueAdminApi(
    createHttpClient({ baseUrl: 'http://sendlog.test', fetch: fake.fetch }),
  );
  const upOnWall = () =>
    fake.catalogue.climbs.filter((c) => c.layoutId === 'wall' && !c.archived).map((c) => c.id);
  return { fake, api, upOnWall };
}

describe('resetWall', () => {
  it('archives every climb in one reset, then brings the kept ones back under their own ids', async () => {
    const { api, upOnWall } = setup();
    const result = await resetWall(api, 'token-1', 'wall', [
      { id: 'c-warm', name: 'Warm Welcome' },
    ]);
    expect(result).toMatchObject({ ok: true, data: { archived: 2, kept: 1 } });
    expect(upOnWall()).toEqual(['c-warm']);
  });

  it('names a kept climb that could not come back; the reset itself stands', async () => {
    const { api, upOnWall } = setup();
    const result = await resetWall(api, 'token-1', 'wall', [{ id: 'c-gone', name: 'Ghost' }]);
    expect(result).toMatchObject({
      ok: false,
      message: 'The wall was reset, but Ghost could not be kept up: unarchive it from the list.',
    });
    expect(upOnWall()).toEqual([]);
  });

  it('changes nothing when the reset itself is refused', async () => {
    const { fake, api, upOnWall } = setup();
    fake.updateUser({ role: 'climber' });
    const result = await resetWall(api, 'token-1', 'wall', []);
    expect(result).toMatchObject({ ok: false, status: 403 });
    expect(upOnWall()).toEqual(['c-warm', 'c-crimp', 'c-dyno']);
  });
});
