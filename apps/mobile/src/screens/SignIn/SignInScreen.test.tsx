import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { TEST_PASSWORD, TEST_USER } from '../../testing/fakeApi';
import { renderApp } from '../../testing/renderApp';

describe('SignInScreen', () => {
  it('says why a sign-in was refused and stays on the form', async () => {
    renderApp();
    fireEvent.changeText(await screen.findByLabelText('Email'), TEST_USER.email);
    fireEvent.changeText(screen.getByLabelText('Password'), 'wrong-password');
    fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Wrong email or password.')).toBeTruthy();
  });

  it('tells an offline climber to sign in once with a connection', async () => {
    renderApp({ online: false });
    fireEvent.changeText(await screen.findByLabelText('Email'), TEST_USER.email);
    fireEvent.changeText(screen.getByLabelText('Password'), TEST_PASSWORD);
    fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/You are offline/)).toBeTruthy();
  });

  it('signs in, keeps the token, and opens on the layouts', async () => {
    const { storage } = renderApp();
    fireEvent.changeText(await screen.findByLabelText('Email'), TEST_USER.email);
    fireEvent.changeText(screen.getByLabelText('Password'), TEST_PASSWORD);
    fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('link', { name: 'Main Wall' })).toBeTruthy();
    await waitFor(async () => expect(await storage.getItem('sendlog.auth')).toContain('token-1'));
  });
});
