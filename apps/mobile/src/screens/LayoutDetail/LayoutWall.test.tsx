import { act, fireEvent, screen, waitFor, within } from '@testing-library/react-native';
import { createMemoryStorage } from '@sendlog/sync';
import type { Climb, Layout } from '@sendlog/contract';
import { testClimb, testLayout, TEST_USER } from '../../testing/fakeApi';
import { openLogged } from '../../testing/flows';
import { renderApp } from '../../testing/renderApp';

const WALL: Layout = {
  ...testLayout({ id: 'wall', name: 'Main Wall', description: '', climbCount: 3 }),
  image: { url: '/wall-pictures/abc', width: 1600, height: 1200 },
};
const CAVE = testLayout({ id: 'cave', name: 'The Cave', description: '', climbCount: 1 });

const climb = (c: Partial<Climb> & Pick<Climb, 'id' | 'name' | 'grade'>): Climb => ({
  ...testClimb({ layoutId: 'wall', archived: false, ...c }),
  ...c,
});

const WALL_CLIMBS: Climb[] = [
  climb({
    id: 'moon',
    name: 'Blue Moon',
    grade: 'V4',
    color: '#1e88e5',
    position: { x: 0.3, y: 0.4 },
    community: { grade: 'V5', rating: 4.25, sends: 5, climbers: 3 },
  }),
  climb({
    id: 'slab',
    name: 'Pink Slab',
    grade: 'V1',
    color: '#f06292',
    position: { x: 0.7, y: 0.6 },
  }),
  climb({ id: 'loose', name: 'Unplaced', grade: 'V2', color: null }),
];
const CAVE_CLIMBS = [
  { ...climb({ id: 'roof', name: 'Roof Party', grade: 'V3' }), layoutId: 'cave' },
];

/** A phone that refreshed its catalogue once and is offline now: all of it from storage. */
async function offlinePhone(gradeSystem: 'V' | 'Font' = 'V') {
  const storage = createMemoryStorage();
  await storage.setItem(
    'sendlog.auth',
    JSON.stringify({ token: 'token-1', user: { ...TEST_USER, gradeSystem } }),
  );
  await storage.setItem('sendlog.catalogue.layouts', JSON.stringify({ layouts: [WALL, CAVE] }));
  await storage.setItem(
    'sendlog.catalogue.climbs.wall',
    JSON.stringify({ etag: '"w1"', climbs: WALL_CLIMBS }),
  );
  await storage.setItem(
    'sendlog.catalogue.climbs.cave',
    JSON.stringify({ etag: '"c1"', climbs: CAVE_CLIMBS }),
  );
  const app = renderApp({ storage, online: false });
  fireEvent.press(await screen.findByRole('link', { name: 'Main Wall' }));
  await screen.findByRole('img', { name: 'Main Wall picture' });
  return app;
}

const press = (name: string) => fireEvent.press(screen.getByRole('button', { name }));

describe('the wall picture on a layout', () => {
  it('draws the placed climbs, and a tap on a dot logs that climb as its row would', async () => {
    const app = await offlinePhone();
    expect(screen.getByRole('button', { name: 'Pink Slab, V1, pink' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Unplaced,/ })).toBeNull();
    expect(screen.getByText('Tap a dot to see that climb.')).toBeTruthy();

    press('Start session');
    await screen.findByLabelText('Session in progress');
    press('Blue Moon, V4, blue');
    expect(screen.getByText('On the wall: Blue Moon')).toBeTruthy();
    // The picked climb's row moves under the picture: one "Sent" for it on the screen.
    expect(screen.getAllByRole('button', { name: 'Sent: Blue Moon' })).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Blue Moon, V4, blue, selected' })).toBeTruthy();
    press('Try: Blue Moon');
    press('Sent: Blue Moon');
    await openLogged();
    await waitFor(() =>
      expect(
        within(screen.getByLabelText('Route Blue Moon')).getByText(/Sent · 2 attempts/),
      ).toBeTruthy(),
    );
    press('Close the logged list');
    const routes = app.services.getAccount()?.store.getActiveSession()?.routes ?? [];
    expect(routes.map((r) => [r.climbId, r.isSuccess, r.attempts])).toEqual([['moon', true, 2]]);

    // "Log…" opens the same full form under the picture.
    press('Pink Slab, V1, pink');
    expect(screen.getByText('On the wall: Pink Slab')).toBeTruthy();
    press('Log Pink Slab');
    expect(screen.getByRole('button', { name: 'Save route' })).toBeTruthy();
    press('Cancel');
    press('Close Pink Slab');
    expect(screen.queryByText('On the wall: Pink Slab')).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Sent: Pink Slab' })).toHaveLength(1);
  });

  it('names each row by grade, name and hold colour; the picked climb says what the community says', async () => {
    await offlinePhone();
    expect(screen.getByRole('button', { name: 'V4 Blue Moon, blue' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'V1 Pink Slab, pink' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'V2 Unplaced, no colour' })).toBeTruthy();
    press('V4 Blue Moon, blue');
    expect(screen.getByText('On the wall: Blue Moon')).toBeTruthy();
    expect(screen.getByText('Community V5 · 4.3 stars · by 3 climbers')).toBeTruthy();
    expect(screen.getByText('blue')).toBeTruthy();
    // A climb that is not on the picture is picked all the same, without "On the wall".
    press('V2 Unplaced, no colour');
    expect(screen.getByRole('heading', { name: 'Unplaced' })).toBeTruthy();
  });

  it('writes every grade in the climber system: rows, filters, dots, community', async () => {
    await offlinePhone('Font');
    expect(screen.getByRole('button', { name: 'Blue Moon, 6B, blue' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '6B' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '6B Blue Moon, blue' })).toBeTruthy();
    press('Blue Moon, 6B, blue');
    expect(screen.getByText('Community 6C · 4.3 stars · by 3 climbers')).toBeTruthy();
    press('Close Blue Moon');
    fireEvent.press(screen.getByRole('radio', { name: '6B' }));
    expect(screen.queryByText('Pink Slab')).toBeNull();
    // The filter narrows the dots too.
    expect(screen.queryByRole('button', { name: /^Pink Slab,/ })).toBeNull();
  });

  it('marks on the dots what this session did and what was sent before, in shapes and words', async () => {
    const app = await offlinePhone();
    const store = app.services.getAccount()?.store;
    if (!store) throw new Error('no account');
    // An earlier session sent Pink Slab.
    act(() => {
      const earlier = store.startSession({ layoutId: 'wall' });
      store.logRoute(earlier.id, { climbId: 'slab', isSuccess: true, attempts: 1 });
      store.endSession(earlier.id);
    });
    expect(
      await screen.findByRole('button', { name: 'Pink Slab, V1, pink, sent before' }),
    ).toBeTruthy();
    press('Start session');
    press('Try: Blue Moon');
    press('Try: Blue Moon');
    expect(
      screen.getByRole('button', { name: 'Blue Moon, V4, 2 attempts this session, blue' }),
    ).toBeTruthy();
    // The count of attempts rides on the dot, and the legend says what the shapes mean.
    expect(screen.getByText('attempts this session')).toBeTruthy();
    press('Sent: Pink Slab');
    expect(
      screen.getByRole('button', { name: 'Pink Slab, V1, pink, sent this session, sent before' }),
    ).toBeTruthy();
    // A tap on a row marks its dot as the picked one.
    press('V4 Blue Moon, 2 attempts so far, blue');
    expect(
      screen.getByRole('button', {
        name: 'Blue Moon, V4, 2 attempts this session, blue, selected',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'On the wall: Blue Moon' })).toBeTruthy();
  });

  it('a layout without a picture is the list alone', async () => {
    await offlinePhone();
    fireEvent.press(screen.getByRole('button', { name: /Walls/ }));
    fireEvent.press(await screen.findByRole('link', { name: 'The Cave' }));
    await screen.findByText('Roof Party');
    expect(screen.queryByRole('img', { name: /picture/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Zoom in' })).toBeNull();
  });
});
