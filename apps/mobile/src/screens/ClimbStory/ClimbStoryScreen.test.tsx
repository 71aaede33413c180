import { fireEvent, screen, within } from '@testing-library/react-native';
import { logRoute, openLayout, showClimb } from '../../testing/flows';
import { renderApp, signedInStorage } from '../../testing/renderApp';

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
});
