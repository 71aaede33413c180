import { act, fireEvent, screen, waitFor, within } from '@testing-library/react-native';
import { openLayout, settled, showClimb } from '../../testing/flows';
import { renderApp, signedInStorage } from '../../testing/renderApp';
import { UNDO_MS } from './useQuickLog';

const press = (name: string) => fireEvent.press(screen.getByRole('button', { name }));

async function startSession() {
  const app = renderApp({ storage: await signedInStorage() });
  await openLayout();
  fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
  await screen.findByLabelText('Session in progress');
  const routes = () =>
    (app.services.getAccount()?.store.getActiveSession()?.routes ?? []).map((r) => [
      r.climbId,
      r.isSuccess,
      r.attempts,
    ]);
  return { ...app, routes };
}

describe('two-tap logging on the climb rows', () => {
  it('logs a flash, a send after tries and a try in one tap each, with no network call', async () => {
    const { api, routes } = await startSession();
    const before = await settled(api);

    press('Sent: Crimp School');
    expect(screen.getByText('Logged Crimp School: Flash · 1 attempt')).toBeTruthy();

    press('Try: Dyno Mite');
    press('Try: Dyno Mite');
    press('Try: Dyno Mite');
    // Attempts add up in one route.
    expect(screen.getByText('Logged Dyno Mite: Not sent · 3 attempts')).toBeTruthy();
    expect(routes().filter(([climb]) => climb === 'c-dyno')).toHaveLength(1);
    press('Sent: Dyno Mite');
    expect(screen.getByText('Logged Dyno Mite: Sent · 4 attempts')).toBeTruthy();

    press('Try: Warm Welcome');
    expect(routes()).toEqual([
      ['c-crimp', true, 1],
      ['c-dyno', true, 4],
      ['c-warm', false, 1],
    ]);
    expect(api.requests).toHaveLength(before);
  });

  it('says on the row how many attempts the session has on a climb, and when it is sent', async () => {
    await startSession();
    press('Try: Dyno Mite');
    press('Try: Dyno Mite');
    press('Undo Dyno Mite');
    expect(screen.getByText('1 attempt so far')).toBeTruthy();
    press('Sent: Dyno Mite');
    expect(screen.getByText('Sent this session')).toBeTruthy();
    expect(screen.queryByText('1 attempt so far')).toBeNull();
  });

  it('gives the row buttons names, and targets of at least 44 × 44 points', async () => {
    await startSession();
    for (const name of ['Try: Crimp School', 'Sent: Crimp School']) {
      const button = screen.getByRole('button', { name });
      const style = [button.props.style].flat(Infinity).reduce(
        (all: Record<string, unknown>, s: unknown) => ({
          ...all,
          ...(typeof s === 'object' && s !== null ? s : {}),
        }),
        {},
      );
      expect(style.minHeight).toBeGreaterThanOrEqual(44);
      expect(style.minWidth).toBeGreaterThanOrEqual(44);
    }
    showClimb('Crimp School');
    expect(screen.getByRole('button', { name: 'Log Crimp School' })).toBeTruthy();
  });

  it('undoes a new route entirely, and a try or a send back to the route before it', async () => {
    const { routes } = await startSession();
    press('Sent: Crimp School');
    expect(screen.getByText('Logged Crimp School: Flash · 1 attempt')).toBeTruthy();
    press('Undo Crimp School');
    await waitFor(() => expect(routes()).toEqual([]));
    expect(screen.queryByRole('button', { name: 'Undo Crimp School' })).toBeNull();

    press('Try: Dyno Mite');
    press('Try: Dyno Mite');
    press('Undo Dyno Mite');
    expect(routes()).toEqual([['c-dyno', false, 1]]);

    press('Try: Dyno Mite');
    press('Sent: Dyno Mite');
    expect(screen.getByText('Logged Dyno Mite: Sent · 3 attempts')).toBeTruthy();
    press('Undo Dyno Mite');
    expect(routes()).toEqual([['c-dyno', false, 2]]);
  });

  it('offers undo for a few seconds only', async () => {
    const { routes } = await startSession();
    // Only the undo's timer is faked: the app's start-up (sync engine, navigation) runs as usual.
    jest.useFakeTimers();
    try {
      press('Try: Crimp School');
      expect(screen.getByRole('button', { name: 'Undo Crimp School' })).toBeTruthy();
      act(() => jest.advanceTimersByTime(UNDO_MS - 100));
      expect(screen.getByRole('button', { name: 'Undo Crimp School' })).toBeTruthy();
      act(() => jest.advanceTimersByTime(200));
      expect(screen.queryByRole('button', { name: 'Undo Crimp School' })).toBeNull();
      expect(routes()).toEqual([['c-crimp', false, 1]]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps the route just logged editable with the full form', async () => {
    const { routes } = await startSession();
    press('Try: Crimp School');
    // The form opens in the logged list's sheet.
    press('Edit just logged Crimp School');
    const form = screen.getByLabelText('Route form for Crimp School');
    expect(within(form).getByLabelText('Attempts').props.value).toBe('1');
    fireEvent.changeText(within(form).getByLabelText('Attempts'), '5');
    fireEvent.changeText(within(form).getByLabelText('Route notes'), 'left hand first');
    fireEvent.press(within(form).getByRole('button', { name: 'Save route' }));
    await waitFor(() => expect(screen.queryByLabelText('Route form for Crimp School')).toBeNull());
    expect(routes()).toEqual([['c-crimp', false, 5]]);
    // An edited route is not what the tap left: nothing to undo any more.
    expect(screen.queryByRole('button', { name: 'Undo Crimp School' })).toBeNull();
  });

  it('drops the undo once the route is changed elsewhere', async () => {
    const { services } = await startSession();
    press('Try: Crimp School');
    const store = services.getAccount()?.store;
    const session = store?.getActiveSession();
    const route = session?.routes[0];
    if (!store || !session || !route) throw new Error('no route logged');
    act(() => {
      store.updateRoute(session.id, route.id, { notes: 'from the list' });
    });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Undo Crimp School' })).toBeNull(),
    );
  });
});
