import { fireEvent, screen, waitFor, within } from '@testing-library/react-native';
import { createMemoryStorage } from '@sendlog/sync';
import { logRoute, openLayout, openLogged, settled, showClimb } from '../../testing/flows';
import { renderApp, signedInStorage } from '../../testing/renderApp';

describe('LayoutDetailScreen', () => {
  it('logs a whole session with no network call, then ends it as pending sync', async () => {
    const { api, services } = renderApp({ storage: await signedInStorage() });
    await openLayout();
    const before = await settled(api);

    showClimb('Crimp School');
    expect(screen.queryByRole('button', { name: 'Log Crimp School' })).toBeNull();
    fireEvent.press(screen.getByRole('button', { name: 'Close Crimp School' }));
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    expect(await screen.findByLabelText('Session in progress')).toBeTruthy();
    expect(screen.getByLabelText('Elapsed time')).toHaveTextContent(/^0:0\d · 0 sends$/);

    await logRoute('Crimp School', {
      sent: true,
      attempts: '1',
      stars: 4,
      grade: 'V3',
      notes: 'heel hook',
    });
    await logRoute('Dyno Mite', { sent: false, attempts: '7' });
    expect(screen.getByLabelText('Elapsed time')).toHaveTextContent(/ · 1 send$/);
    await openLogged();
    const crimp = screen.getByLabelText('Route Crimp School');
    expect(within(crimp).getByText(/Flash · 1 attempt · ★★★★ · felt V3/)).toBeTruthy();
    expect(within(crimp).getByText('heel hook')).toBeTruthy();
    expect(
      within(screen.getByLabelText('Route Dyno Mite')).getByText(/Not sent · 7 attempts/),
    ).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText('Session notes'), 'short and sweet');

    // Everything above happened on the device only.
    expect(api.requests).toHaveLength(before);

    api.setOnline(false);
    fireEvent.press(screen.getByRole('button', { name: 'End session' }));
    expect(await screen.findByText('⏳ Pending sync')).toBeTruthy();
    const [session] = services.getAccount()?.store.getSessions() ?? [];
    expect(session?.status).toBe('completed');
    expect(session?.notes).toBe('short and sweet');
    expect(
      session?.routes.map((r) => [
        r.climbId,
        r.isSuccess,
        r.attempts,
        r.rating,
        r.gradeOpinion,
        r.notes,
      ]),
    ).toEqual([
      ['c-crimp', true, 1, 4, 'V3', 'heel hook'],
      ['c-dyno', false, 7, null, null, null],
    ]);
  });

  it('filters climbs by grade and by name, and hides archived climbs', async () => {
    renderApp({ storage: await signedInStorage() });
    await openLayout();
    expect(screen.queryByText('Retired Roof')).toBeNull();
    expect(screen.getByRole('radio', { name: 'All grades' })).toBeChecked();
    fireEvent.press(screen.getByRole('radio', { name: 'V5' }));
    expect(screen.getByRole('radio', { name: 'V5' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'All grades' })).not.toBeChecked();
    expect(screen.getByText('Dyno Mite')).toBeTruthy();
    expect(screen.queryByText('Crimp School')).toBeNull();
    fireEvent.press(screen.getByRole('radio', { name: 'All grades' }));
    fireEvent.changeText(screen.getByLabelText('Search climbs'), 'crimp');
    expect(screen.getByText('Crimp School')).toBeTruthy();
    expect(screen.queryByText('Dyno Mite')).toBeNull();
    fireEvent.changeText(screen.getByLabelText('Search climbs'), 'nothing like this');
    expect(screen.getByText('No climb matches.')).toBeTruthy();
  });

  it('refuses attempts outside 1–999 and steps them with the stepper', async () => {
    renderApp({ storage: await signedInStorage() });
    await openLayout();
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    showClimb('Dyno Mite');
    fireEvent.press(await screen.findByRole('button', { name: 'Log Dyno Mite' }));
    fireEvent.changeText(screen.getByLabelText('Attempts'), '0');
    expect(screen.getByText(/Attempts must be a whole number from 1 to 999/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save route' })).toBeDisabled();
    // From a refused (or empty) value the stepper starts at the first attempt.
    fireEvent.press(screen.getByRole('button', { name: 'More attempts' }));
    expect(screen.getByLabelText('Attempts').props.value).toBe('1');
    fireEvent.press(screen.getByRole('button', { name: 'More attempts' }));
    fireEvent.press(screen.getByRole('button', { name: 'More attempts' }));
    expect(screen.getByLabelText('Attempts').props.value).toBe('3');
    fireEvent.press(screen.getByRole('button', { name: 'Fewer attempts' }));
    expect(screen.getByLabelText('Attempts').props.value).toBe('2');
    expect(screen.getByRole('button', { name: 'Save route' })).toBeEnabled();
  });

  it('edits and removes logged routes (with Undo), and badges climbs already sent', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await openLayout();
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    await logRoute('Crimp School', { sent: false, attempts: '2' });
    await logRoute('Dyno Mite', { sent: true, attempts: '1' });
    await openLogged();
    expect(await screen.findByText(/Flash · 1 attempt/)).toBeTruthy();

    fireEvent.press(screen.getByRole('button', { name: 'Edit Crimp School' }));
    fireEvent.press(screen.getByRole('radio', { name: 'Sent' }));
    fireEvent.changeText(screen.getByLabelText('Attempts'), '3');
    fireEvent.press(screen.getByRole('button', { name: 'Save route' }));
    await waitFor(() =>
      expect(
        within(screen.getByLabelText('Route Crimp School')).getByText(/Sent · 3 attempts/),
      ).toBeTruthy(),
    );

    // Remove waits in the row's ⋯ menu and acts at once; the Undo strip brings the route back.
    expect(screen.queryByRole('button', { name: 'Remove Dyno Mite' })).toBeNull();
    fireEvent.press(screen.getByRole('button', { name: 'More for Dyno Mite' }));
    fireEvent.press(screen.getByRole('button', { name: 'Remove Dyno Mite' }));
    await waitFor(() => expect(screen.queryByLabelText('Route Dyno Mite')).toBeNull());
    expect(screen.getByText('Removed Dyno Mite.')).toBeTruthy();
    const removed = app.services.getAccount()?.store.getActiveSession()?.routes ?? [];
    expect(removed.map((r) => r.climbId)).toEqual(['c-crimp']);
    fireEvent.press(screen.getByRole('button', { name: 'Undo remove' }));
    expect(await screen.findByLabelText('Route Dyno Mite')).toBeTruthy();
    expect(screen.queryByText('Removed Dyno Mite.')).toBeNull();
    fireEvent.press(screen.getByRole('button', { name: 'More for Dyno Mite' }));
    fireEvent.press(screen.getByRole('button', { name: 'Remove Dyno Mite' }));
    await waitFor(() => expect(screen.queryByLabelText('Route Dyno Mite')).toBeNull());
    expect(screen.getByLabelText('Route Crimp School')).toBeTruthy();
  });

  it('keeps the active session across an app restart, notes typed a moment ago included', async () => {
    const storage = await signedInStorage(createMemoryStorage());
    const first = renderApp({ storage });
    await openLayout();
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    await logRoute('Crimp School', { attempts: '4' });
    await openLogged();
    // Typed, never left (no blur), then the app is killed.
    fireEvent.changeText(screen.getByLabelText('Session notes'), 'felt strong today');
    await first.services.getAccount()?.store.flush();
    first.screen.unmount();
    first.services.dispose();

    renderApp({ storage, online: false });
    fireEvent.press(await screen.findByRole('button', { name: 'Resume session' }));
    expect(await screen.findByLabelText('Session in progress')).toBeTruthy();
    await openLogged();
    expect(
      within(screen.getByLabelText('Route Crimp School')).getByText(/4 attempts/),
    ).toBeTruthy();
    expect(screen.getByLabelText('Session notes').props.value).toBe('felt strong today');
  });

  it('tags the active session "Offline session" always, and says so too while offline', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await openLayout();
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    expect(await screen.findByLabelText('Session in progress')).toBeTruthy();
    // Held only on this phone until it ends and syncs, online or not, and a tap says so.
    expect(screen.getByText('Offline session')).toBeTruthy();
    expect(screen.queryByText(/^Kept on this phone until it syncs/)).toBeNull();
    fireEvent.press(screen.getByRole('button', { name: 'Offline session' }));
    expect(screen.getByText(/^Kept on this phone until it syncs/)).toBeTruthy();
    expect(screen.queryByText('Offline · saved on this phone')).toBeNull();
    app.setOnline(false);
    expect(await screen.findByText('Offline · saved on this phone')).toBeTruthy();
    expect(screen.getByText('Offline session')).toBeTruthy();
    app.setOnline(true);
    await waitFor(() => expect(screen.queryByText('Offline · saved on this phone')).toBeNull());
    expect(screen.getByText('Offline session')).toBeTruthy();
  });

  it('caps session notes at what the server accepts and says so, so End is never refused', async () => {
    const { services } = renderApp({ storage: await signedInStorage() });
    await openLayout();
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    await logRoute('Crimp School');
    await openLogged();
    expect(screen.queryByText(/characters/)).toBeNull();
    fireEvent.changeText(screen.getByLabelText('Session notes'), 'x'.repeat(2000));
    expect(screen.getByText('2,000 / 2,000 characters — the limit')).toBeTruthy();
    // A paste past the limit is cut to it, and says what was left out.
    fireEvent.changeText(screen.getByLabelText('Session notes'), 'y'.repeat(2554));
    expect(screen.getByText('Cut to 2,000 characters: 554 left out.')).toBeTruthy();
    expect(screen.getByLabelText('Session notes').props.value).toHaveLength(2000);
    expect(services.getAccount()?.store.getActiveSession()?.notes).toBe('y'.repeat(2000));
  });

  it('cuts long route notes with a word, and shows notes at three lines with "more"', async () => {
    const { services } = renderApp({ storage: await signedInStorage() });
    await openLayout();
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    showClimb('Crimp School');
    fireEvent.press(screen.getByRole('button', { name: 'Log Crimp School' }));
    const pasted = `${'beta '.repeat(310)}end`;
    fireEvent.changeText(screen.getByLabelText('Route notes'), pasted);
    expect(
      screen.getByText(`Cut to 1,000 characters: ${pasted.length - 1000} left out.`),
    ).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Save route' }));
    await waitFor(() =>
      expect(services.getAccount()?.store.getActiveSession()?.routes[0]?.notes).toHaveLength(1000),
    );
    await openLogged();
    const notes = screen.getByText(/^beta beta/);
    expect(notes.props.numberOfLines).toBe(3);
    fireEvent.press(screen.getByRole('button', { name: 'More of notes on Crimp School' }));
    expect(screen.getByText(/^beta beta/).props.numberOfLines).toBeUndefined();
    fireEvent.press(screen.getByRole('button', { name: 'Less of notes on Crimp School' }));
    expect(screen.getByText(/^beta beta/).props.numberOfLines).toBe(3);
  });

  it('says an empty session is discarded, and stays on the layout', async () => {
    const { services } = renderApp({ storage: await signedInStorage() });
    await openLayout();
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    fireEvent.press(
      await screen.findByRole('button', { name: 'Discard session (nothing logged)' }),
    );
    expect(await screen.findByRole('button', { name: 'Start session' })).toBeTruthy();
    expect(services.getAccount()?.store.getSessions()).toEqual([]);
  });
});
