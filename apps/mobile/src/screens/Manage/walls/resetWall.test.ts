import { createHttpClient } from '@sendlog/sync';
import { createCatalogueAdminApi } from '../../../api/catalogueAdminApi';
import { createFakeApi } from '../../../testing/fakeApi';
import { resetWall } from './resetWall';
import { checkPicture, MAX_PICTURE_BYTES } from '../picture/uploadPicture';

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

describe('checkPicture', () => {
  const of = (type: string, size: number) => ({ bytes: new Uint8Array(size), type, name: null });
  it('takes the three picture types the server takes, up to 8 MiB', () => {
    expect(checkPicture(of('image/webp', 10))).toEqual({ ok: true, type: 'image/webp' });
    expect(checkPicture(of('image/heic', 10))).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^This file is not a JPEG, PNG or WebP picture \(image\/heic\)/,
      ),
    });
    expect(checkPicture(of('image/jpeg', MAX_PICTURE_BYTES + 1))).toMatchObject({
      ok: false,
      message: 'This picture is 8.4 MB; a wall picture may be 8 MiB at most.',
    });
  });
});
