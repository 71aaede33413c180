import { fireEvent, screen } from '@testing-library/react-native';
import { TEST_PASSWORD, TEST_USER } from '../testing/fakeApi';
import { logRoute, openLayout } from '../testing/flows';
import { renderApp, signedInStorage } from '../testing/renderApp';

describe('SyncBanner', () => {
  it('asks for a new sign-in when the server refuses the token, without blocking logging', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    app.api.revokeTokens();
    await openLayout();
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    await logRoute('Crimp School');
    fireEvent.press(screen.getByRole('button', { name: 'End session' }));

    expect(await screen.findByText(/Your sign-in expired/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('⏳ Pending sync')).toBeTruthy();
    expect(screen.queryByText('Sync failed')).toBeNull();

    fireEvent.press(screen.getByRole('button', { name: 'Sign in again' }));
    fireEvent.changeText(await screen.findByLabelText('Email'), TEST_USER.email);
    fireEvent.changeText(screen.getByLabelText('Password'), TEST_PASSWORD);
    fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('link', { name: 'Main Wall' });
    fireEvent.press(screen.getByRole('button', { name: /History/ }));
    expect(await screen.findByText('Synced', {}, { timeout: 10_000 })).toBeTruthy();
    expect(app.api.serverSessions).toHaveLength(1);
  });
});
