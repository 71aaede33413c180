import { fireEvent, screen } from '@testing-library/react-native';
import { renderApp, signedInStorage } from '../testing/renderApp';

describe('app services', () => {
  it("imports the first design's sessions into the account that opens first, and syncs them", async () => {
    const storage = await signedInStorage();
    await storage.setItem(
      'localSessions',
      JSON.stringify([
        {
          id: 'local_1764000000000_ab12',
          layoutId: 'wall',
          startTime: '2026-11-20T18:00:00.000Z',
          endTime: '2026-11-20T19:30:00.000Z',
          notes: 'from the old app',
          routes: [{ climbId: 'c-dyno', isSuccess: true, attempts: 4 }],
          status: 'completed',
        },
      ]),
    );
    const app = renderApp({ storage });
    await screen.findByRole('link', { name: 'Main Wall' });
    fireEvent.press(screen.getByRole('button', { name: /History/ }));
    expect(await screen.findByText('Synced', {}, { timeout: 10_000 })).toBeTruthy();
    expect(app.api.serverSessions.map((s) => [s.notes, s.routes.length])).toEqual([
      ['from the old app', 1],
    ]);
    expect(await storage.getItem('localSessions')).toBeNull();
  });
});
