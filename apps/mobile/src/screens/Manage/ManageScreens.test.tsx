import { act, fireEvent, screen, waitFor } from '@testing-library/react-native';
import { settled } from '../../testing/flows';
import { createFakeApi } from '../../testing/fakeApi';
import { renderApp, signedInStorage } from '../../testing/renderApp';
import * as picker from './picture/pickWallPicture';
import type { PickedPicture } from './picture/pickWallPicture';

// The photo library is the device's: the test hands over the file the setter would pick. (A spy,
// not jest.mock: the app is imported by the test setup, before a mock in this file would apply.)
const pick = jest.spyOn(picker, 'pickWallPicture');
const picture = (bytes: number[], type = 'image/jpeg'): PickedPicture => ({
  bytes: new Uint8Array(bytes),
  type,
  name: 'wall.jpg',
});
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70];

async function openAsSetter(prepare: (api: ReturnType<typeof createFakeApi>) => void = () => {}) {
  const api = createFakeApi();
  api.updateUser({ role: 'setter' });
  prepare(api);
  const app = renderApp({ api, storage: await signedInStorage() });
  await settled(api);
  fireEvent.press(await screen.findByRole('button', { name: 'Manage walls' }));
  await screen.findByRole('button', { name: 'New wall' });
  return app;
}

/** A tap on the wall picture at (x, y) of its 400 px wide drawing. */
async function tapPicture(name: string, x: number, y: number) {
  fireEvent(await screen.findByTestId('wall-picture-frame'), 'layout', {
    nativeEvent: { layout: { x: 0, y: 0, width: 400, height: 0 } },
  });
  fireEvent.press(screen.getByRole('button', { name }), {
    nativeEvent: { locationX: x, locationY: y },
  });
}

const lastRequest = (api: ReturnType<typeof createFakeApi>, method: string) =>
  api.requests.filter((r) => r.method === method).at(-1);

describe('Manage (setters)', () => {
  it('is not offered to a climber, and a climber who gets there reads "Setters only"', async () => {
    const api = createFakeApi();
    const app = renderApp({ api, storage: await signedInStorage() });
    await settled(api);
    expect(screen.queryByRole('button', { name: 'Manage walls' })).toBeNull();

    // Made a setter: "Manage" shows after the next refresh, no sign-out needed.
    api.updateUser({ role: 'setter' });
    await act(() => app.services.syncNow());
    fireEvent.press(await screen.findByRole('button', { name: 'Manage walls' }));
    await screen.findByRole('button', { name: 'New wall' });

    // The role taken away while the screen is open: the next call is a 403 and the screen closes.
    api.updateUser({ role: 'climber' });
    fireEvent.press(screen.getByRole('button', { name: 'Archive Main Wall' }));
    expect(await screen.findByText('Setters only')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New wall' })).toBeNull();
    expect(api.catalogue.layouts.find((l) => l.id === 'wall')?.archived).toBe(false);
  });

  it('creates a wall, uploads its picture (a bad file says why) and places a climb by a tap', async () => {
    const app = await openAsSetter();
    fireEvent.press(screen.getByRole('button', { name: 'New wall' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Create wall' }));
    expect(await screen.findByText('Must not be empty')).toBeTruthy();
    expect(lastRequest(app.api, 'POST')?.path).not.toBe('/layouts');

    fireEvent.changeText(screen.getByLabelText('Wall name'), 'The Slab');
    fireEvent.changeText(screen.getByLabelText('Description'), 'Tech and balance');
    fireEvent.press(screen.getByRole('radio', { name: 'Font (6A, 7B+…)' }));
    fireEvent.press(screen.getByRole('button', { name: 'Create wall' }));
    await screen.findByRole('button', { name: 'Upload a picture' });
    expect(lastRequest(app.api, 'POST')?.body).toEqual({
      name: 'The Slab',
      description: 'Tech and balance',
      gradeSystem: 'Font',
    });
    const slab = app.api.catalogue.layouts.find((l) => l.name === 'The Slab');
    // The setter's own catalogue has it already: the Layouts tab lists it.
    expect(app.services.catalogue.getState().layouts?.some((l) => l.id === slab?.id)).toBe(true);

    pick.mockResolvedValueOnce(picture([1, 2, 3, 4]));
    app.api.refuseNextPicture();
    fireEvent.press(screen.getByRole('button', { name: 'Upload a picture' }));
    expect(await screen.findByText(/^This file is not a JPEG, PNG or WebP picture/)).toBeTruthy();
    pick.mockResolvedValueOnce(picture(JPEG));
    fireEvent.press(screen.getByRole('button', { name: 'Upload a picture' }));
    expect(await screen.findByText('Picture uploaded (1 KB).')).toBeTruthy();
    expect(lastRequest(app.api, 'PUT')?.headers['content-type']).toBe('image/jpeg');

    await tapPicture('The Slab picture: tap where a climb starts', 100, 150);
    expect(await screen.findByText('Starts 25% across, 50% down the picture.')).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText('Climb name'), 'Smear test');
    // The grades offered are the Font wall's own; none picked is refused before anything is sent.
    expect(screen.getByText('Grade (Font)')).toBeTruthy();
    expect(screen.getByRole('radio', { name: '6A' })).toBeTruthy();
    expect(screen.queryByRole('radio', { name: 'V3' })).toBeNull();
    fireEvent.press(screen.getByRole('radio', { name: 'blue' }));
    fireEvent.changeText(screen.getByLabelText('Setter'), 'Ana');
    const sent = app.api.requests.length;
    fireEvent.press(screen.getByRole('button', { name: 'Add climb' }));
    expect(await screen.findByText('Pick a grade')).toBeTruthy();
    expect(app.api.requests.filter((r) => r.method === 'POST').slice(sent)).toEqual([]);

    fireEvent.press(screen.getByRole('radio', { name: '6A+' }));
    fireEvent.press(screen.getByRole('button', { name: 'Add climb' }));
    expect(await screen.findByText('Added Smear test.')).toBeTruthy();
    expect(lastRequest(app.api, 'POST')?.body).toEqual({
      name: 'Smear test',
      grade: '6A+',
      color: '#1e88e5',
      position: { x: 0.25, y: 0.5 },
      setter: 'Ana',
    });
    // Its dot is on the picture, named as climbers hear it.
    expect(await screen.findByRole('button', { name: /^Smear test, / })).toBeTruthy();
  });

  it('edits a climb, warns of a name the wall has, moves it by a tap and a drag, archives it', async () => {
    const app = await openAsSetter((api) => {
      const wall = api.catalogue.layouts.find((l) => l.id === 'wall');
      if (wall) wall.image = { url: '/wall-pictures/main', width: 800, height: 600 };
      const crimp = api.catalogue.climbs.find((c) => c.id === 'c-crimp');
      if (crimp) Object.assign(crimp, { color: '#e53935', position: { x: 0.5, y: 0.5 } });
    });
    fireEvent.press(screen.getByRole('link', { name: 'Main Wall' }));
    // A tap on its dot opens the climb; a tap on the wall moves it.
    fireEvent.press(await screen.findByRole('button', { name: 'Crimp School, V2, red' }));
    // Another climb's name: a warning, the save still allowed.
    fireEvent.changeText(screen.getByLabelText('Climb name'), ' dyno MITE');
    expect(
      screen.getByText(
        'Another climb on this wall is already called Dyno Mite. You can still save it.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save climb' })).toBeEnabled();
    fireEvent.changeText(screen.getByLabelText('Climb name'), 'Crimp College');
    expect(screen.queryByText(/already called/)).toBeNull();
    expect(screen.getByRole('radio', { name: 'V2' })).toBeChecked();
    fireEvent.press(screen.getByRole('radio', { name: 'V3' }));
    fireEvent.press(screen.getByRole('radio', { name: 'green' }));
    await tapPicture('Main Wall picture: tap where a climb starts', 300, 60);
    expect(screen.getByText('Starts 75% across, 20% down the picture.')).toBeTruthy();
    // Its dot (drawn 400 × 300) dragged 100 px left and 30 px down.
    const dot = screen.getByLabelText('Crimp School, V2, green, selected, drag to move');
    const at = (pageX: number, pageY: number) => ({ nativeEvent: { pageX, pageY } });
    fireEvent(dot, 'responderGrant', at(500, 500));
    fireEvent(dot, 'responderMove', at(450, 515));
    fireEvent(dot, 'responderMove', at(400, 530));
    fireEvent(dot, 'responderRelease', at(400, 530));
    expect(screen.getByText('Starts 50% across, 30% down the picture.')).toBeTruthy();
    expect(screen.getByLabelText('Across (%)').props.value).toBe('50');
    fireEvent.press(screen.getByRole('button', { name: 'Save climb' }));
    expect(await screen.findByText('Saved Crimp College.')).toBeTruthy();
    expect(lastRequest(app.api, 'PATCH')).toMatchObject({
      path: '/climbs/c-crimp',
      body: { name: 'Crimp College', grade: 'V3', color: '#43a047', position: { x: 0.5, y: 0.3 } },
    });
    expect(screen.getByRole('button', { name: 'Crimp College, V3, green' })).toBeTruthy();

    fireEvent.press(screen.getByRole('button', { name: 'Archive Dyno Mite' }));
    const unarchive = await screen.findByRole('button', { name: 'Unarchive Dyno Mite' });
    expect(app.api.catalogue.climbs.find((c) => c.id === 'c-dyno')?.archived).toBe(true);
    fireEvent.press(unarchive);
    await screen.findByRole('button', { name: 'Archive Dyno Mite' });
    expect(app.api.catalogue.climbs.find((c) => c.id === 'c-dyno')?.archived).toBe(false);
  });

  it('places a climb without a pointer: its spot in numbers, checked at the field', async () => {
    const app = await openAsSetter((api) => {
      const wall = api.catalogue.layouts.find((l) => l.id === 'wall');
      if (wall) wall.image = { url: '/wall-pictures/main', width: 800, height: 600 };
    });
    fireEvent.press(screen.getByRole('link', { name: 'Main Wall' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Add a climb without a spot' }));
    fireEvent.changeText(screen.getByLabelText('Climb name'), 'Keyboard line');
    fireEvent.press(screen.getByRole('radio', { name: 'V2' }));
    fireEvent.changeText(screen.getByLabelText('Across (%)'), '140');
    expect(screen.getByText('A number from 0 to 100')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add climb' })).toBeDisabled();
    fireEvent.changeText(screen.getByLabelText('Across (%)'), '40');
    fireEvent.changeText(screen.getByLabelText('Down (%)'), '62.5');
    expect(screen.getByText('Starts 40% across, 63% down the picture.')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Add climb' }));
    expect(await screen.findByText('Added Keyboard line.')).toBeTruthy();
    expect(lastRequest(app.api, 'POST')?.body).toMatchObject({ position: { x: 0.4, y: 0.625 } });
  });

  it('renames a wall, archives it and brings it back', async () => {
    const app = await openAsSetter();
    fireEvent.press(screen.getByRole('link', { name: 'The Cave' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Rename or describe' }));
    fireEvent.changeText(screen.getByLabelText('Wall name'), '');
    fireEvent.press(screen.getByRole('button', { name: 'Save wall' }));
    expect(await screen.findByText('Must not be empty')).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText('Wall name'), 'The Roof');
    fireEvent.press(screen.getByRole('button', { name: 'Save wall' }));
    await screen.findByRole('button', { name: 'Archive wall' });
    expect(lastRequest(app.api, 'PATCH')?.body).toEqual({
      name: 'The Roof',
      description: 'Steep roof',
    });
    fireEvent.press(screen.getByRole('button', { name: 'Archive wall' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Unarchive wall' }));
    await screen.findByRole('button', { name: 'Archive wall' });
    expect(app.api.catalogue.layouts.find((l) => l.id === 'cave')).toMatchObject({
      name: 'The Roof',
      archived: false,
    });
    // Back on the list, the setter's catalogue already says so.
    expect(app.services.catalogue.getState().layouts?.find((l) => l.id === 'cave')?.name).toBe(
      'The Roof',
    );
  });

  it('offline: says so, disables the actions and keeps what was typed', async () => {
    const app = await openAsSetter();
    fireEvent.press(screen.getByRole('link', { name: 'Main Wall' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Add a climb without a spot' }));
    fireEvent.changeText(screen.getByLabelText('Climb name'), 'Offline idea');
    fireEvent.press(screen.getByRole('radio', { name: 'V1' }));
    app.setOnline(false);
    expect(
      await screen.findByText(/You are offline\. Managing walls needs a connection/),
    ).toBeTruthy();
    const add = screen.getByRole('button', { name: 'Add climb' });
    expect(add).toBeDisabled();
    fireEvent.press(add);
    expect(screen.getByLabelText('Climb name').props.value).toBe('Offline idea');

    app.setOnline(true);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add climb' })).toBeEnabled());
    fireEvent.press(screen.getByRole('button', { name: 'Add climb' }));
    expect(await screen.findByText('Added Offline idea.')).toBeTruthy();
    expect(app.api.catalogue.climbs.some((c) => c.name === 'Offline idea')).toBe(true);
  });

  it('resets a wall after a confirm step, keeping the climbs ticked', async () => {
    const app = await openAsSetter();
    fireEvent.press(screen.getByRole('link', { name: 'Main Wall' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Reset wall' }));
    fireEvent.press(screen.getByRole('checkbox', { name: 'Keep Dyno Mite' }));
    fireEvent.press(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText(/Archive 2 climbs of Main Wall and keep 1 up\?/)).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Archive 2 and reset' }));
    expect(await screen.findByText('Wall reset: 2 archived, 1 kept up.')).toBeTruthy();
    expect(
      app.api.catalogue.climbs.filter((c) => c.layoutId === 'wall' && !c.archived).map((c) => c.id),
    ).toEqual(['c-dyno']);
    expect(lastRequest(app.api, 'POST')).toMatchObject({
      path: '/layouts/wall/reset',
      body: { climbs: [], archiveOthers: true },
    });
    expect(screen.getByText('Climbs up (1)')).toBeTruthy();
  });
});
