import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { logRoute, openLayout } from '../../testing/flows';
import { renderApp, signedInStorage } from '../../testing/renderApp';

describe('the grade system on Profile', () => {
  it('shows grades in Font once chosen, offline, on History, the session and the story', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    app.setOnline(false);
    await openLayout();
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    await logRoute('Dyno Mite', { attempts: '2', grade: 'V3' });
    fireEvent.press(screen.getByRole('button', { name: 'End session' }));
    await screen.findByText('Session summary');
    fireEvent.press(screen.getByRole('button', { name: 'Dismiss summary' }));
    expect(screen.getByText(/1 send · hardest V5$/)).toBeTruthy();

    fireEvent.press(screen.getByRole('button', { name: 'Profile' }));
    const v = await screen.findByRole('radio', { name: 'V scale (V3)' });
    const font = screen.getByRole('radio', { name: 'Font (6A)' });
    expect(v).toBeChecked();
    expect(font).not.toBeChecked();
    fireEvent.press(font);
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Font (6A)' })).toBeChecked());
    expect(screen.getByRole('radio', { name: 'V scale (V3)' })).not.toBeChecked();

    fireEvent.press(screen.getByRole('button', { name: 'History' }));
    // V5 is 6C, the climber's own V3 is 6A.
    expect(await screen.findByText(/1 send · hardest 6C$/)).toBeTruthy();
    fireEvent.press(screen.getByRole('link', { name: /Main Wall/ }));
    expect(await screen.findByText('Hardest send: 6C · Dyno Mite')).toBeTruthy();
    expect(screen.getByText(/Sent · 2 attempts · felt 6A/)).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Story of Dyno Mite' }));
    expect(await screen.findByText('6C · Dyno Mite')).toBeTruthy();
    expect(screen.getByText('Sent · 2 attempts · felt 6A')).toBeTruthy();

    // Saved on the device for this account while offline; the server hears of it later.
    const stored = JSON.parse((await app.storage.getItem('sendlog.auth')) ?? '{}') as {
      user?: { gradeSystem?: string };
    };
    expect(stored.user?.gradeSystem).toBe('Font');
  });
});
