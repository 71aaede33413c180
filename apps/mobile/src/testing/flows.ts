import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import type { FakeApi } from './fakeApi';

/** Opens a layout from the home screen, as a climber taps it. */
export async function openLayout(name = 'Main Wall'): Promise<void> {
  fireEvent.press(await screen.findByRole('link', { name }));
  await screen.findByText('Crimp School');
}

/** Waits until the app's start-up requests (catalogue, first sync) have all been answered. */
export async function settled(api: FakeApi): Promise<number> {
  await waitFor(() =>
    expect(api.requests.filter((r) => r.path === '/gyms/gym-1/climbs')).toHaveLength(1),
  );
  let count = -1;
  await waitFor(() => {
    const now = api.requests.length;
    const stable = now === count;
    count = now;
    expect(stable).toBe(true);
  });
  return count;
}

/** A climb's row in the wall's list: "V2 Crimp School, no colour…" (grade, name, colour, marks). */
export const climbRowName = (climb: string) =>
  new RegExp(`^\\S+ ${climb.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`);

/** Picks a climb in the wall's list: it shows above the list with all it offers. */
export function showClimb(climb: string): void {
  fireEvent.press(screen.getByRole('button', { name: climbRowName(climb) }));
}

/** Opens the running session's logged routes (a sheet over the wall). */
export async function openLogged(): Promise<void> {
  fireEvent.press(screen.getByRole('button', { name: /^\d+ logged this session/ }));
  await screen.findByRole('heading', { name: 'Logged this session' });
}

/** Logs a route with the full form: picks the climb, "Log…", fills the form, saves. */
export async function logRoute(
  climb: string,
  route: { sent?: boolean; attempts?: string; stars?: number; grade?: string; notes?: string } = {},
): Promise<void> {
  showClimb(climb);
  fireEvent.press(await screen.findByRole('button', { name: `Log ${climb}` }));
  fireEvent.press(screen.getByRole('radio', { name: route.sent === false ? 'Not sent' : 'Sent' }));
  if (route.attempts !== undefined)
    fireEvent.changeText(screen.getByLabelText('Attempts'), route.attempts);
  if (route.stars !== undefined) {
    fireEvent.press(
      screen.getByRole('radio', { name: route.stars === 1 ? '1 star' : `${route.stars} stars` }),
    );
  }
  if (route.grade !== undefined)
    fireEvent.changeText(screen.getByLabelText('Your grade'), route.grade);
  if (route.notes !== undefined)
    fireEvent.changeText(screen.getByLabelText('Route notes'), route.notes);
  fireEvent.press(screen.getByRole('button', { name: 'Save route' }));
  await waitFor(() => expect(screen.queryByLabelText(`Route form for ${climb}`)).toBeNull());
  fireEvent.press(screen.getByRole('button', { name: `Close ${climb}` }));
}
