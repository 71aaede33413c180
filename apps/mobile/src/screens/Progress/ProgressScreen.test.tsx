import { act, fireEvent, screen, waitFor } from '@testing-library/react-native';
import { progressCompute } from '@sendlog/rules/progress';
import { openLayout, openLogged, showClimb } from '../../testing/flows';
import { renderApp, signedInStorage, type RenderedApp } from '../../testing/renderApp';

const DAY = 24 * 60 * 60 * 1000;

interface Try {
  climbId: string;
  isSuccess: boolean;
  attempts: number;
  gradeOpinion?: string;
}

/** A finished session logged straight into the device's store, `daysAgo` days back. */
function logSession(app: RenderedApp, daysAgo: number, tries: Try[]): void {
  const store = app.services.getAccount()?.store;
  if (!store) throw new Error('no account');
  const now = jest.spyOn(Date, 'now').mockReturnValue(Date.now() - daysAgo * DAY);
  try {
    act(() => {
      const session = store.startSession({ layoutId: 'wall' });
      for (const t of tries) store.logRoute(session.id, t);
      store.endSession(session.id);
    });
  } finally {
    now.mockRestore();
  }
}

async function openProgress(): Promise<void> {
  fireEvent.press(screen.getByRole('button', { name: /Progress/ }));
  await screen.findByRole('radio', { name: '12 weeks' });
}

const pyramid = () => screen.getByRole('image', { name: /^Grade pyramid/ });
/** The pyramid's text equivalent, as a screen reader reads it. */
const pyramidText = (): string => pyramid().props['aria-label'] as string;

describe('ProgressScreen', () => {
  it('a climber with nothing logged gets a way to start, not a wall of zeros', async () => {
    renderApp({ storage: await signedInStorage(), online: false });
    await screen.findByText(/No walls on this device yet/);
    await openProgress();
    expect(screen.getByText('Your progress starts here')).toBeTruthy();
    expect(screen.getByText(/Open a wall, tap Start session/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Go to walls' })).toBeTruthy();
    expect(screen.queryByText('Grade pyramid')).toBeNull();
    expect(screen.queryByText('Sessions')).toBeNull();
  });

  it('counts what is on the device, by period and by grade source', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    // Eight weeks ago: Crimp School (V2) flashed, Dyno Mite (V5) sent after two tries, which the
    // climber thinks is V6.
    logSession(app, 56, [
      { climbId: 'c-crimp', isSuccess: true, attempts: 1 },
      { climbId: 'c-dyno', isSuccess: false, attempts: 2 },
      { climbId: 'c-dyno', isSuccess: true, attempts: 1, gradeOpinion: 'V6' },
    ]);
    await openProgress();

    // 12 weeks by default.
    expect(screen.getByRole('radio', { name: '12 weeks' }).props.accessibilityState).toEqual(
      expect.objectContaining({ checked: true }),
    );
    expect(pyramidText()).toBe(
      'Grade pyramid, climbs by best result, hardest first. ' +
        'V5: 0 flashed, 1 sent, 0 tried only; V2: 1 flashed, 0 sent, 0 tried only.',
    );
    expect(screen.getByText('Hardest send')).toBeTruthy();
    expect(screen.getByText('V5')).toBeTruthy();
    expect(screen.getByRole('image', { name: /^Send rate per grade/ }).props['aria-label']).toMatch(
      'V5: 1 of 2 routes sent, 50%',
    );

    // Four weeks: nothing then, and it says how to get some.
    fireEvent.press(screen.getByRole('radio', { name: '4 weeks' }));
    expect(screen.getByText('Nothing logged in the last 4 weeks')).toBeTruthy();
    expect(screen.queryByText('Grade pyramid')).toBeNull();

    // All: back again. Own grades: Dyno Mite counts at V6, where the climber put it.
    fireEvent.press(screen.getByRole('radio', { name: 'All' }));
    expect(pyramidText()).toMatch(/^Grade pyramid.*V5: 0 flashed, 1 sent/);
    // The switch says what it switches, on screen.
    expect(screen.getByText('Count climbs at')).toBeTruthy();
    fireEvent.press(screen.getByRole('radio', { name: 'My grade' }));
    // A climb counts once, at the grade of its best result: the send, at V6. Its failed try
    // still counts at V5 in the send rate.
    expect(pyramidText()).toMatch(
      /hardest first\. V6: 0 flashed, 1 sent, 0 tried only; V2: 1 flashed/,
    );
    expect(screen.getByRole('image', { name: /^Send rate per grade/ }).props['aria-label']).toBe(
      'Send rate per grade, hardest first. V6: 1 of 1 routes sent, 100%; ' +
        'V5: 0 of 1 routes sent, 0%; V2: 1 of 1 routes sent, 100%.',
    );
  });

  it('recomputes when a session changes, not on keystrokes in notes', async () => {
    // computeStats as it is, counted: once per real change, never per render.
    const computeStats = jest.spyOn(progressCompute, 'computeStats');
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    logSession(app, 3, [{ climbId: 'c-crimp', isSuccess: true, attempts: 1 }]);
    await openProgress();
    expect(pyramid()).toBeTruthy();

    // Back to the wall; the Progress tab stays mounted behind it.
    fireEvent.press(screen.getByRole('button', { name: /Walls/ }));
    await openLayout();
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    showClimb('Dyno Mite');
    fireEvent.press(screen.getByRole('button', { name: 'Log Dyno Mite' }));
    const before = computeStats.mock.calls.length;
    expect(before).toBeGreaterThan(0);
    for (const text of ['h', 'he', 'hee', 'heel', 'heel hook']) {
      fireEvent.changeText(screen.getByLabelText('Route notes'), text);
    }
    expect(computeStats.mock.calls.length).toBe(before);

    // Saved (the form sends in one attempt by default: a flash): one new computation, shown.
    fireEvent.press(screen.getByRole('button', { name: 'Save route' }));
    await waitFor(() => expect(screen.queryByLabelText('Route form for Dyno Mite')).toBeNull());
    expect(computeStats.mock.calls.length).toBe(before + 1);
    // Session notes are saved as typed, yet no chart reads them.
    await openLogged();
    for (const text of ['w', 'wa', 'warm', 'warm up slow']) {
      fireEvent.changeText(screen.getByLabelText('Session notes'), text);
    }
    expect(computeStats.mock.calls.length).toBe(before + 1);
    fireEvent.press(screen.getByRole('button', { name: 'Close the logged list' }));
    fireEvent.press(screen.getByRole('button', { name: /Progress/ }));
    expect(pyramidText()).toMatch(/V5: 1 flashed, 0 sent, 0 tried only; V2: 1 flashed/);

    // A period switch is one computation too.
    const atSwitch = computeStats.mock.calls.length;
    fireEvent.press(screen.getByRole('radio', { name: 'Year' }));
    expect(computeStats.mock.calls.length).toBe(atSwitch + 1);
  });
});
