import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { createFakeApi, OTHER_ACCOUNT, TEST_USER } from '../../../testing/fakeApi';
import type { FakeApi } from '../../../testing/fakeApi';
import { SECOND_GYM, TEST_GYM } from '../../../testing/fakeGyms';
import { renderApp, signedInStorage } from '../../../testing/renderApp';

async function openManage(prepare: (api: FakeApi) => void) {
  const api = createFakeApi();
  prepare(api);
  const app = renderApp({ api, storage: await signedInStorage() });
  fireEvent.press(await screen.findByRole('button', { name: 'Manage walls' }));
  return app;
}

const lastRequest = (api: FakeApi, method: string) =>
  api.requests.filter((r) => r.method === method).at(-1);

describe('Manage, per gym', () => {
  it("a setter of one gym manages its walls at once, with no admin tools and no other gym's walls", async () => {
    await openManage((api) => {
      api.setStaff(TEST_GYM.id, 'setter');
      api.gyms.follows.add(SECOND_GYM.id);
    });
    expect(await screen.findByRole('heading', { name: TEST_GYM.name })).toBeTruthy();
    expect(screen.getByText(/You set here/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Main Wall' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Arête Wall' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Gym staff' })).toBeNull();
  });

  it('staff of two gyms pick one; a wall goes into the gym picked, in its grade system', async () => {
    const app = await openManage((api) => {
      api.setStaff(TEST_GYM.id, 'setter');
      api.setStaff(SECOND_GYM.id, 'admin');
    });
    fireEvent.press(await screen.findByRole('link', { name: SECOND_GYM.name }));
    expect(await screen.findByRole('link', { name: 'Arête Wall' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Main Wall' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Gym staff' })).toBeTruthy();

    fireEvent.press(screen.getByRole('button', { name: 'New wall' }));
    fireEvent.changeText(await screen.findByLabelText('Wall name'), 'Zürich Cave');
    expect(screen.getByRole('radio', { name: 'Font (6A, 7B+…)', checked: true })).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Create wall' }));
    await screen.findByRole('button', { name: 'Upload a picture' });
    expect(lastRequest(app.api, 'POST')?.path).toBe(`/gyms/${SECOND_GYM.id}/layouts`);
    expect(app.api.catalogue.layouts.find((l) => l.name === 'Zürich Cave')).toMatchObject({
      gymId: SECOND_GYM.id,
      gradeSystem: 'Font',
    });
  });

  it('a gym admin adds a setter by email, hears why an unknown email or the last admin is refused, removes them', async () => {
    const app = await openManage((api) => api.setStaff(TEST_GYM.id, 'admin'));
    fireEvent.press(await screen.findByRole('button', { name: 'Gym staff' }));
    expect(await screen.findByText(`${TEST_USER.email} · Admin · you`)).toBeTruthy();

    fireEvent.changeText(screen.getByLabelText('Email'), 'nobody@example.com');
    fireEvent.press(screen.getByRole('button', { name: 'Add to staff' }));
    expect(await screen.findByText(/No account has this email/)).toBeTruthy();

    fireEvent.changeText(screen.getByLabelText('Email'), OTHER_ACCOUNT.email.toUpperCase());
    fireEvent.press(screen.getByRole('button', { name: 'Add to staff' }));
    expect(await screen.findByText(`${OTHER_ACCOUNT.email} · Setter`)).toBeTruthy();
    expect(lastRequest(app.api, 'PUT')?.body).toEqual({
      email: OTHER_ACCOUNT.email.toUpperCase(),
      role: 'setter',
    });
    expect(app.api.gyms.staff.get(TEST_GYM.id)?.get(OTHER_ACCOUNT.id)).toBe('setter');

    fireEvent.press(
      screen.getByRole('button', { name: `Remove ${TEST_USER.email} from the staff` }),
    );
    expect(await screen.findByText(/A gym keeps one admin at least/)).toBeTruthy();

    fireEvent.press(
      screen.getByRole('button', { name: `Remove ${OTHER_ACCOUNT.email} from the staff` }),
    );
    await waitFor(() => expect(screen.queryByText(`${OTHER_ACCOUNT.email} · Setter`)).toBeNull());
    expect(app.api.gyms.staff.get(TEST_GYM.id)?.has(OTHER_ACCOUNT.id)).toBe(false);
  });

  it("a gym admin edits the gym's details; the server's refusal shows at its field", async () => {
    const app = await openManage((api) => api.setStaff(TEST_GYM.id, 'admin'));
    fireEvent.press(await screen.findByRole('button', { name: 'Gym details' }));
    fireEvent.changeText(await screen.findByLabelText('Gym name'), 'Sendlog Hall');
    fireEvent.changeText(screen.getByLabelText('City'), '');
    fireEvent.changeText(screen.getByLabelText('Time zone'), 'Mars/Olympus');
    fireEvent.press(screen.getByRole('button', { name: 'Save details' }));
    expect(await screen.findByText('Check the fields marked below.')).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText('Time zone'), 'Europe/Vienna');
    fireEvent.press(screen.getByRole('button', { name: 'Save details' }));
    expect(await screen.findByText('Saved Sendlog Hall.')).toBeTruthy();
    expect(app.api.gyms.gyms[0]).toMatchObject({
      name: 'Sendlog Hall',
      city: null,
      timeZone: 'Europe/Vienna',
    });
  });

  it('a gym admin gets a poster with the QR code of the gym link', async () => {
    await openManage((api) => api.setStaff(TEST_GYM.id, 'admin'));
    fireEvent.press(await screen.findByRole('button', { name: 'Poster with QR code' }));
    const code = await screen.findByLabelText('QR code of http://localhost:8080/g/test-gym');
    expect(code.props.role).toBe('img');
    expect(screen.getByText('http://localhost:8080/g/test-gym')).toBeTruthy();
  });
});
