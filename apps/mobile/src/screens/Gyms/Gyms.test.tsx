import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { CLIMBS, createFakeApi } from '../../testing/fakeApi';
import { SECOND_GYM, TEST_GYM } from '../../testing/fakeGyms';
import { renderApp, signedInStorage } from '../../testing/renderApp';
import { createRemoteWallPictures } from '../../wallPictures/wallPictures';

const openTab = (name: string) =>
  fireEvent.press(screen.getByRole('button', { name: new RegExp(`^${name}, tab`) }));

describe('gyms', () => {
  it("one gym followed reads as before gyms: its walls, no gym heading, no other gym's walls", async () => {
    renderApp({ storage: await signedInStorage() });
    expect(await screen.findByRole('link', { name: 'Main Wall' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: TEST_GYM.name })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Arête Wall' })).toBeNull();
  });

  it('a new account on a server of several gyms finds one as it types and follows it', async () => {
    const api = createFakeApi();
    api.gyms.follows.clear();
    const app = renderApp({ api, storage: await signedInStorage() });
    expect(await screen.findByRole('heading', { name: 'Find your gym' })).toBeTruthy();
    expect(await screen.findByText('2 gyms')).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText('Find your gym'), 'zurich');
    expect(await screen.findByText('1 gym')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Boulderwerk Zürich' })).toBeTruthy();
    expect(api.requests.some((r) => r.path === '/gyms?q=zurich')).toBe(true);

    fireEvent.press(screen.getByRole('button', { name: 'Follow Boulderwerk Zürich' }));
    expect(await screen.findByRole('link', { name: 'Arête Wall' })).toBeTruthy();
    expect([...api.gyms.follows]).toEqual([SECOND_GYM.id]);
    // Its climbs are on the device: the wall opens offline.
    await waitFor(() =>
      expect(app.api.requests.some((r) => r.path === '/gyms/gym-2/climbs')).toBe(true),
    );
    app.setOnline(false);
    fireEvent.press(screen.getByRole('link', { name: 'Arête Wall' }));
    expect(await screen.findByText('Zürich Classic')).toBeTruthy();
  });

  it('a new account on a server of one gym follows it without being asked', async () => {
    const api = createFakeApi();
    api.gyms.gyms.splice(1);
    api.gyms.follows.clear();
    renderApp({ api, storage: await signedInStorage() });
    expect(await screen.findByRole('link', { name: 'Main Wall' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Find your gym' })).toBeNull();
    expect([...api.gyms.follows]).toEqual([TEST_GYM.id]);
  });

  it('Profile → Gyms follows a second gym: walls grouped by gym; an unfollow offline waits and says so', async () => {
    const api = createFakeApi();
    const arete = api.catalogue.layouts.find((l) => l.id === 'arete');
    if (arete) arete.image = { url: '/wall-pictures/arete', width: 800, height: 600 };
    const kept: (readonly string[])[] = [];
    const pictures = { ...createRemoteWallPictures('http://sendlog.test') };
    pictures.keep = async (urls) => void kept.push(urls);
    const app = renderApp({ api, storage: await signedInStorage(), pictures });
    await screen.findByRole('link', { name: 'Main Wall' });
    openTab('Profile');
    expect(await screen.findByText('Following Sendlog Test Gym')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Your gyms' }));
    fireEvent.changeText(await screen.findByLabelText('Find another gym'), 'boulder');
    fireEvent.press(await screen.findByRole('button', { name: 'Follow Boulderwerk Zürich' }));
    // In "Your gyms" now, and in the search's results, both saying so.
    expect(
      await screen.findAllByRole('button', { name: 'Unfollow Boulderwerk Zürich' }),
    ).toHaveLength(2);

    openTab('Walls');
    expect(await screen.findByRole('link', { name: 'Arête Wall' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: TEST_GYM.name })).toBeTruthy();
    expect(screen.getByRole('heading', { name: SECOND_GYM.name })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Main Wall' })).toBeTruthy();
    await waitFor(() => expect(kept.at(-1)).toEqual(['/wall-pictures/arete']));

    // Offline, an unfollow happens on the phone at once, frees the gym's pictures and says it
    // waits for the server.
    app.setOnline(false);
    openTab('Profile');
    const [unfollow] = await screen.findAllByRole('button', {
      name: 'Unfollow Boulderwerk Zürich',
    });
    if (unfollow) fireEvent.press(unfollow);
    expect(
      await screen.findByText(
        'Unfollowed Boulderwerk Zürich on this phone: the server hears of it once you are online.',
      ),
    ).toBeTruthy();
    expect(api.gyms.follows.has(SECOND_GYM.id)).toBe(true);
    expect(kept.at(-1)).toEqual([]);
    openTab('Walls');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Arête Wall' })).toBeNull());
    expect(screen.getByRole('link', { name: 'Main Wall' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: TEST_GYM.name })).toBeNull();

    app.setOnline(true);
    await waitFor(() => expect(api.gyms.follows.has(SECOND_GYM.id)).toBe(false));
    openTab('Profile');
    await waitFor(() => expect(screen.queryByText(/on this phone: the server hears/)).toBeNull());
  });
});

describe('an app updated from before gyms', () => {
  it('shows the walls it kept, offline, until the first refresh puts them under their gym', async () => {
    const storage = await signedInStorage();
    await storage.setItem(
      'sendlog.catalogue.layouts',
      JSON.stringify({
        layouts: [{ id: 'wall', name: 'Main Wall', description: 'Crimps', climbCount: 3 }],
      }),
    );
    await storage.setItem(
      'sendlog.catalogue.climbs.wall',
      JSON.stringify({ etag: null, climbs: CLIMBS.filter((c) => c.layoutId === 'wall') }),
    );
    const offline = renderApp({ storage, online: false });
    fireEvent.press(await screen.findByRole('link', { name: 'Main Wall' }));
    expect(await screen.findByText('Crimp School')).toBeTruthy();
    offline.screen.unmount();
    offline.services.dispose();

    renderApp({ storage });
    expect(await screen.findByRole('link', { name: 'The Cave' })).toBeTruthy();
    await waitFor(async () =>
      expect(await storage.getItem('sendlog.catalogue.layouts')).toBeNull(),
    );
  });
});
