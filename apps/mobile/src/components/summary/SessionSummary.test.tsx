import { fireEvent, screen, within } from '@testing-library/react-native';
import { logRoute, openLayout } from '../../testing/flows';
import { renderApp, signedInStorage } from '../../testing/renderApp';
import { chipText, gradeStrip } from './gradeStrip';
import { summaryDuration } from './SessionSummaryView';

async function startSession(): Promise<void> {
  await openLayout();
  fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
  await screen.findByLabelText('Session in progress');
}

describe('the session summary', () => {
  it('shows when a session ends, offline, with flashes judged against earlier sessions', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    app.setOnline(false);

    // An earlier session: Crimp School tried and not sent.
    await startSession();
    await logRoute('Crimp School', { sent: false, attempts: '3' });
    fireEvent.press(screen.getByRole('button', { name: 'End session' }));
    expect(await screen.findByText('Session summary')).toBeTruthy();
    expect(screen.getByText('No send this session')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Dismiss summary' }));
    expect(screen.queryByText('Session summary')).toBeNull();

    // This session: Crimp School sent first go (not a flash: tried before), Dyno Mite flashed,
    // Warm Welcome tried twice.
    // The Layouts tab comes back to the layout it showed.
    fireEvent.press(screen.getByRole('button', { name: 'Walls' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Start session' }));
    await logRoute('Crimp School', { attempts: '1' });
    await logRoute('Dyno Mite', { attempts: '1' });
    await logRoute('Warm Welcome', { sent: false, attempts: '2' });
    fireEvent.press(screen.getByRole('button', { name: 'End session' }));
    await screen.findByText('Session summary');

    expect(screen.getByText('3 climbs')).toBeTruthy();
    expect(screen.getByText('2 sends')).toBeTruthy();
    expect(screen.getByText('1 flash')).toBeTruthy();
    expect(screen.getByText('4 attempts')).toBeTruthy();
    expect(screen.getByText('Hardest send: V5 · Dyno Mite')).toBeTruthy();
    const strip = screen.getByLabelText('Climbs by grade');
    expect(
      within(strip)
        .getAllByText(/^V\d$/)
        .map((t) => t.props.children),
    ).toEqual(['V5', 'V2', 'V0']);
    expect(within(strip).getByText('1 of 1 sent, 1 flash')).toBeTruthy();
    expect(within(strip).getByText('0 of 1 sent')).toBeTruthy();

    // "Open session" leads to the session, with the same summary on top.
    fireEvent.press(screen.getByRole('button', { name: 'Open session' }));
    expect(await screen.findByText('Summary')).toBeTruthy();
    expect(screen.getByText('Hardest send: V5 · Dyno Mite')).toBeTruthy();
    expect(screen.getByLabelText('Route Dyno Mite')).toBeTruthy();
  });

  it('merges grades that read the same in the climber system and words the counts', () => {
    const rows = [
      { grade: 'V1', flashed: 0, sent: 1, triedOnly: 1 },
      { grade: 'V0', flashed: 1, sent: 0, triedOnly: 0 },
      { grade: '', flashed: 0, sent: 0, triedOnly: 1 },
    ];
    const toFont = (g: string) => ({ V1: '5', V0: '5' })[g] ?? g;
    expect(gradeStrip(rows, toFont)).toEqual([
      { grade: '5', flashed: 1, sent: 2, tried: 3 },
      { grade: '?', flashed: 0, sent: 0, tried: 1 },
    ]);
    expect(chipText({ grade: '5', flashed: 2, sent: 2, tried: 3 })).toBe('2 of 3 sent, 2 flashes');
    expect(summaryDuration(null)).toBeNull();
    expect(summaryDuration(42 * 60_000)).toBe('42 min');
    expect(summaryDuration(65 * 60_000)).toBe('1 h 5 min');
  });
});
