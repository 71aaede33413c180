import { createHttpClient } from '@sendlog/sync';
import { refusalOf } from '../screens/Manage/common/refusal';
import { createFakeApi } from '../testing/fakeApi';
import { createCatalogueAdminApi } from './catalogueAdminApi';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

function setup(role: 'climber' | 'setter') {
  const fake = createFakeApi();
  fake.updateUser({ role });
  const api = createCatalogueAdminApi(
    createHttpClient({ baseUrl: 'http://sendlog.test', fetch: fake.fetch }),
  );
  return { fake, api };
}

describe('catalogueAdminApi', () => {
  it('creates a wall, uploads its picture as bytes of their type, and places a climb', async () => {
    const { fake, api } = setup('setter');
    const created = await api.createLayout('token-1', { name: 'Slab', gradeSystem: 'Font' });
    if (!created.ok || !created.data) throw new Error('not created');
    const layoutId = created.data.layout.id;

    const uploaded = await api.uploadPicture('token-1', layoutId, {
      bytes: JPEG,
      type: 'image/jpeg',
    });
    expect(uploaded.ok && uploaded.data?.layout.image).toMatchObject({ width: 800, height: 600 });
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/layouts/${layoutId}/image`);
    expect(put?.headers['content-type']).toBe('image/jpeg');
    expect(put?.body).toEqual(JPEG);

    const climb = await api.createClimb('token-1', layoutId, {
      name: 'Pinch me',
      grade: '6a+',
      color: '#1e88e5',
      position: { x: 0.25, y: 0.5 },
    });
    expect(climb.ok && climb.data?.climb).toMatchObject({ grade: '6A+', layoutId });
  });

  it('reads a refusal as one message per field, and a picture that is not one as invalid_image', async () => {
    const { fake, api } = setup('setter');
    const refused = await api.createClimb('token-1', 'wall', { name: ' ', grade: '6A' });
    if (refused.ok) throw new Error('accepted');
    expect(refusalOf(refused)).toEqual({
      fields: { name: 'Must not be empty' },
      message: 'Check the fields marked below.',
      forbidden: false,
      code: 'validation_failed',
    });
    // The grade rule the server checks after the schema: a Font grade on a V wall.
    const wrongSystem = await api.createClimb('token-1', 'wall', { name: 'Ok', grade: '6A' });
    if (wrongSystem.ok) throw new Error('accepted');
    expect(refusalOf(wrongSystem).fields).toEqual({ grade: 'Must be a V grade: VB, V0 … V17' });

    fake.refuseNextPicture();
    const notPicture = await api.uploadPicture('token-1', 'wall', {
      bytes: new Uint8Array([1, 2, 3, 4]),
      type: 'image/png',
    });
    if (notPicture.ok) throw new Error('accepted');
    expect(refusalOf(notPicture).message).toMatch(/^This file is not a JPEG, PNG or WebP picture/);
  });

  it('gives a climber 403 forbidden, and changes nothing', async () => {
    const { fake, api } = setup('climber');
    const result = await api.updateLayout('token-1', 'wall', { archived: true });
    if (result.ok) throw new Error('accepted');
    expect(result).toMatchObject({ kind: 'http', status: 403, code: 'forbidden' });
    expect(refusalOf(result)).toMatchObject({ forbidden: true });
    expect(fake.catalogue.layouts.find((l) => l.id === 'wall')?.archived).toBe(false);
  });

  it('says plainly that nothing changed when there is no connection', async () => {
    const { fake, api } = setup('setter');
    fake.setOnline(false);
    const result = await api.resetLayout('token-1', 'wall', { climbs: [], archiveOthers: true });
    if (result.ok) throw new Error('accepted');
    expect(refusalOf(result).message).toMatch(/Nothing was changed; try again once you are online/);
  });
});
