import { act, fireEvent, render, screen } from '@testing-library/react-native';
import { createMemoryStorage } from '@sendlog/sync';
import type { Climb } from '@sendlog/contract';
import { ServicesProvider } from '../../hooks/services';
import { createAppServices } from '../../services/appServices';
import { createFakeApi, testClimb, TEST_USER } from '../../testing/fakeApi';
import { createFakeConnectivity } from '../../testing/fakeConnectivity';
import { WallPicture } from './WallPicture';
import type { WallPictureProps } from './WallPicture';

const IMAGE = { url: '/wall-pictures/abc', width: 1600, height: 1200 };

const placed = (c: Partial<Climb> & Pick<Climb, 'id' | 'name' | 'grade'>): Climb => ({
  ...testClimb({ layoutId: 'wall', archived: false, ...c }),
  ...c,
});

const CLIMBS: Climb[] = [
  placed({
    id: 'moon',
    name: 'Blue Moon',
    grade: 'V4',
    color: '#1e88e5',
    position: { x: 0.25, y: 0.5 },
  }),
  placed({
    id: 'plain',
    name: 'Plain Jane',
    grade: 'V0',
    color: null,
    position: { x: 0.8, y: 0.2 },
  }),
  placed({ id: 'nowhere', name: 'Not Placed', grade: 'V2', color: '#e53935', position: null }),
];

/** The picture under real services whose climber reads grades in `gradeSystem`. */
async function renderPicture(
  props: Partial<WallPictureProps> = {},
  gradeSystem: 'V' | 'Font' = 'V',
) {
  const storage = createMemoryStorage();
  await storage.setItem(
    'sendlog.auth',
    JSON.stringify({ token: 'token-1', user: { ...TEST_USER, gradeSystem } }),
  );
  const api = createFakeApi();
  const services = createAppServices({
    storage,
    baseUrl: 'http://sendlog.test',
    fetch: api.fetch,
    connectivity: createFakeConnectivity(false).connectivity,
    onForeground: () => () => undefined,
  });
  await act(() => services.start());
  render(
    <ServicesProvider services={services}>
      <WallPicture image={IMAGE} climbs={CLIMBS} label="Main Wall picture" {...props} />
    </ServicesProvider>,
  );
  return services;
}

/** Lays the frame out `width` wide, as the screen would. */
function layOut(width: number) {
  fireEvent(screen.getByTestId('wall-picture-frame'), 'layout', {
    nativeEvent: { layout: { x: 0, y: 0, width, height: 0 } },
  });
}

describe('WallPicture', () => {
  it('draws each placed climb as a button named by name, grade and colour', async () => {
    const pressed: string[] = [];
    await renderPicture({ onPressClimb: (c) => pressed.push(c.id) });
    expect(screen.getByRole('button', { name: 'Blue Moon, V4, blue' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Plain Jane, V0' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Not Placed/ })).toBeNull();
    expect(screen.getByText('V4')).toBeTruthy();

    fireEvent.press(screen.getByRole('button', { name: 'Blue Moon, V4, blue' }));
    expect(pressed).toEqual(['moon']);
  });

  it('writes grades in the climber system and says which dot is selected', async () => {
    await renderPicture({ onPressClimb: () => undefined, selectedClimbId: 'moon' }, 'Font');
    expect(screen.getByRole('button', { name: 'Blue Moon, 6B, blue, selected' })).toBeTruthy();
    expect(screen.getByText('6B')).toBeTruthy();
  });

  it('places each dot at its position and keeps a 44×44 target', async () => {
    await renderPicture({ onPressClimb: () => undefined });
    const style = screen.getByRole('button', { name: 'Blue Moon, V4, blue' }).props.style as Record<
      string,
      unknown
    >;
    const flat = Object.assign({}, ...[style].flat(3).filter(Boolean)) as Record<string, unknown>;
    expect(flat).toMatchObject({ left: '25%', top: '50%', width: 44, height: 44 });
  });

  it('without onPressClimb the dots are pictures, not buttons', async () => {
    await renderPicture();
    expect(screen.queryByRole('button', { name: /Blue Moon/ })).toBeNull();
    expect(screen.getByRole('img', { name: 'Blue Moon, V4, blue' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Main Wall picture' })).toBeTruthy();
  });

  it('zooms in and out by steps, and resets', async () => {
    await renderPicture();
    layOut(400);
    const frameSize = () => {
      const picture = screen.getByTestId('wall-picture');
      const flat = Object.assign({}, ...[picture.props.style].flat(3).filter(Boolean)) as {
        width?: number;
        height?: number;
      };
      return [flat.width, flat.height];
    };
    expect(frameSize()).toEqual([400, 300]);
    expect(screen.getByRole('button', { name: 'Zoom out' })).toBeDisabled();
    fireEvent.press(screen.getByRole('button', { name: 'Zoom in' }));
    expect(screen.getByText('Zoom 150%')).toBeTruthy();
    expect(frameSize()).toEqual([600, 450]);
    fireEvent.press(screen.getByRole('button', { name: 'Zoom in' }));
    fireEvent.press(screen.getByRole('button', { name: 'Zoom in' }));
    fireEvent.press(screen.getByRole('button', { name: 'Zoom in' }));
    expect(screen.getByText('Zoom 400%')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zoom in' })).toBeDisabled();
    fireEvent.press(screen.getByRole('button', { name: 'Zoom out' }));
    expect(screen.getByText('Zoom 300%')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Reset zoom' }));
    expect(screen.getByText('Zoom 100%')).toBeTruthy();
    expect(frameSize()).toEqual([400, 300]);
  });

  it('reports a tap on the picture in 0–1 of the picture, at any zoom', async () => {
    const taps: { x: number; y: number }[] = [];
    await renderPicture({ onPressWall: (p) => taps.push(p) });
    layOut(400);
    const wall = screen.getByRole('button', { name: 'Main Wall picture' });
    fireEvent.press(wall, { nativeEvent: { locationX: 100, locationY: 150 } });
    fireEvent.press(screen.getByRole('button', { name: 'Zoom in' }));
    fireEvent.press(screen.getByRole('button', { name: 'Zoom in' }));
    fireEvent.press(screen.getByRole('button', { name: 'Main Wall picture' }), {
      nativeEvent: { locationX: 200, locationY: 300 },
    });
    // A keyboard press has no location: nothing is placed.
    fireEvent.press(screen.getByRole('button', { name: 'Main Wall picture' }), { nativeEvent: {} });
    expect(taps).toEqual([
      { x: 0.25, y: 0.5 },
      { x: 0.25, y: 0.5 },
    ]);
  });

  it('shows the picture from the server, resolved against the API', async () => {
    await renderPicture();
    expect(screen.getByRole('img', { name: 'Main Wall picture' })).toBeTruthy();
    const image = screen.getByTestId('wall-picture-image');
    expect(image.props.source).toEqual({ uri: 'http://sendlog.test/wall-pictures/abc' });
  });

  it('says so in words when the picture cannot load (offline, never kept)', async () => {
    await renderPicture({ onPressClimb: () => undefined });
    expect(screen.queryByText(/not on this device yet/)).toBeNull();
    fireEvent(screen.getByTestId('wall-picture-image'), 'error', {
      nativeEvent: { error: 'offline' },
    });
    expect(screen.getByText(/The picture is not on this device yet/)).toBeTruthy();
    // The dots still work: the climbs are on the device.
    expect(screen.getByRole('button', { name: 'Blue Moon, V4, blue' })).toBeTruthy();
  });
});
