import { fireEvent, screen, waitFor, within } from '@testing-library/react-native';
import { createMemoryStorage } from '@sendlog/sync';
import type { Climb, Layout } from '@sendlog/contract';
import { testClimb, testLayout, TEST_USER } from '../../testing/fakeApi';
import { logRoute, openLayout, showClimb } from '../../testing/flows';
import { renderApp, signedInStorage } from '../../testing/renderApp';

const WALL: Layout = {
  ...testLayout({ id: 'wall', name: 'Main Wall', description: '', climbCount: 2 }),
  image: { url: '/wall-pictures/abc', width: 1600, height: 1200 },
};
const MOON: Climb = {
  ...testClimb({ id: 'moon', layoutId: 'wall', name: 'Blue Moon', grade: 'V4', archived: false }),
  color: '#1e88e5',
  position: { x: 0.3, y: 0.4 },
  setter: 'Jo',
  setAt: '2026-11-03T10:00:00.000Z',
  community: { grade: 'V5', rating: 4.25, sends: 5, climbers: 3 },
};
const BARE: Climb = testClimb({
  id: 'bare',
  layoutId: 'wall',
  name: 'Bare Bones',
  grade: 'V1',
  archived: false,
});

/** A phone offline with the wall (its picture, two climbs) kept from an earlier refresh. */
async function offlineWall() {
  const storage = createMemoryStorage();
  await storage.setItem('sendlog.auth', JSON.stringify({ token: 'token-1', user: TEST_USER }));
  await storage.setItem('sendlog.catalogue.layouts', JSON.stringify({ layouts: [WALL] }));
  await storage.setItem(
    'sendlog.catalogue.climbs.wall',
    JSON.stringify({ etag: '"w1"', climbs: [MOON, BARE] }),
  );
  const app = renderApp({ storage, online: false });
  fireEvent.press(await screen.findByRole('link', { name: 'Main Wall' }));
  await screen.findByRole('img', { name: 'Main Wall picture' });
  return app;
}

const press = (name: string) => fireEvent.press(screen.getByRole('button', { name }));

describe('ClimbStoryScreen', () => {
  it('lists every try at a climb across sessions, newest first, offline, the running one included', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    app.setOnline(false);
    await openLayout();

    // An ended session (pending sync) with a try, then a running one with the send.
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    await logRoute('Crimp School', { sent: false, attempts: '4', notes: 'crux crimp is sharp' });
    fireEvent.press(screen.getByRole('button', { name: 'End session' }));
    await screen.findByText('Session summary');
    fireEvent.press(screen.getByRole('button', { name: 'Walls' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Start session' }));
    await logRoute('Crimp School', { attempts: '2', stars: 3, grade: 'V3' });

    showClimb('Crimp School');
    fireEvent.press(screen.getByRole('button', { name: 'Story of Crimp School' }));
    expect(await screen.findByText('V2 · Crimp School')).toBeTruthy();
    expect(screen.getByText(/^First logged on /)).toBeTruthy();
    expect(screen.getByText(/^Sent on /)).toBeTruthy();
    expect(screen.getByText('2 routes · 6 attempts in all · 1 send')).toBeTruthy();
    const tries = screen.getAllByLabelText(/^Route on /);
    expect(tries).toHaveLength(2);
    // Newest first: the send, then the try with its notes.
    expect(within(tries[0]!).getByText('Sent · 2 attempts · ★★★ · felt V3')).toBeTruthy();
    expect(within(tries[1]!).getByText('Not sent · 4 attempts')).toBeTruthy();
    expect(within(tries[1]!).getByText('crux crimp is sharp')).toBeTruthy();
    expect(
      app.services
        .getAccount()
        ?.store.getSessions()
        .map((s) => s.status),
    ).toEqual(['active', 'completed']);
  });

  it('opens from a route of a pending session, and says "Not sent yet"', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    app.setOnline(false);
    await openLayout();
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    await logRoute('Dyno Mite', { sent: false, attempts: '7' });
    fireEvent.press(screen.getByRole('button', { name: 'End session' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Open session' }));
    expect(await screen.findByText('⏳ Pending sync')).toBeTruthy();

    fireEvent.press(screen.getByRole('button', { name: 'Story of Dyno Mite' }));
    expect(await screen.findByText('V5 · Dyno Mite')).toBeTruthy();
    expect(screen.getByText('Not sent yet')).toBeTruthy();
    expect(screen.getByText('1 route · 7 attempts in all · 0 sends')).toBeTruthy();

    // And back to the session the try belongs to.
    fireEvent.press(screen.getByRole('button', { name: /^Open session of / }));
    expect(await screen.findByText('Summary')).toBeTruthy();
    expect(screen.getByLabelText('Route Dyno Mite')).toBeTruthy();
  });

  it('says what the climb is: colour, its spot on the picture, setter and day, the community', async () => {
    await offlineWall();
    press('V4 Blue Moon, blue');
    press('Story of Blue Moon');
    expect(await screen.findByText('V4 · Blue Moon')).toBeTruthy();
    expect(screen.getByText('blue')).toBeTruthy();
    expect(
      screen.getByRole('img', { name: 'Blue Moon on the Main Wall picture: 30% across, 40% down' }),
    ).toBeTruthy();
    expect(screen.getByText(/^Set by Jo on .*2026$/)).toBeTruthy();
    expect(screen.getByText('Community V5 · 4.3 stars · by 3 climbers')).toBeTruthy();
    // No session runs: nothing to log into.
    expect(screen.queryByRole('button', { name: 'Log Blue Moon' })).toBeNull();
  });

  it('a climb never placed nor logged by others says so, without a crop', async () => {
    await offlineWall();
    press('V1 Bare Bones, no colour');
    press('Story of Bare Bones');
    expect(await screen.findByText('V1 · Bare Bones')).toBeTruthy();
    expect(screen.queryByRole('img', { name: /on the Main Wall picture/ })).toBeNull();
    expect(screen.queryByText(/^Set by/)).toBeNull();
    expect(screen.getByText('No climber has logged it yet.')).toBeTruthy();
  });

  it('logs from the story into the session running on its wall, offline', async () => {
    const app = await offlineWall();
    press('Start session');
    await screen.findByLabelText('Session in progress');
    press('V4 Blue Moon, blue');
    press('Story of Blue Moon');
    expect(await screen.findByText('V4 · Blue Moon')).toBeTruthy();
    press('Log Blue Moon');
    fireEvent.press(screen.getByRole('radio', { name: 'Not sent' }));
    fireEvent.changeText(screen.getByLabelText('Attempts'), '3');
    press('Save route');
    expect(await screen.findByText('Logged Blue Moon in the session running.')).toBeTruthy();
    const routes = app.services.getAccount()?.store.getActiveSession()?.routes ?? [];
    expect(routes.map((r) => [r.climbId, r.isSuccess, r.attempts])).toEqual([['moon', false, 3]]);
    // The story's own list has the route at once.
    await waitFor(() => expect(screen.getAllByLabelText(/^Route on /)).toHaveLength(1));
    expect(screen.getByText('Not sent · 3 attempts')).toBeTruthy();
  });
});
