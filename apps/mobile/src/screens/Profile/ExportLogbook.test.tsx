import { fireEvent, screen } from '@testing-library/react-native';
import { parse } from 'csv-parse/sync';
import { sessionsBackupSchema } from '@sendlog/contract';
import type { ExportFile } from '../../export/logbookExport';
import * as saver from '../../export/saveExportFile';
import { logRoute, openLayout } from '../../testing/flows';
import { renderApp, signedInStorage } from '../../testing/renderApp';

// The app is loaded before this file (jest.after-env.ts): a spy on the module's export, which
// the screen reads at each call, stands in for the platform's download or share sheet.
const save = jest.spyOn(saver, 'saveExportFile');

describe('Export my logbook', () => {
  beforeEach(() => save.mockReset());
  afterAll(() => save.mockRestore());

  it('exports offline what is on the device, pending and running sessions included, and says so', async () => {
    const files: ExportFile[] = [];
    save.mockImplementation(async (file) => void files.push(file));
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    app.setOnline(false);
    await openLayout();
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    await logRoute('Crimp School', { attempts: '1', notes: 'heel, then "toe" hook' });
    await logRoute('Dyno Mite', { sent: false, attempts: '5' });
    fireEvent.press(screen.getByRole('button', { name: 'End session' }));
    await screen.findByText('Session summary');
    fireEvent.press(screen.getByRole('button', { name: 'Walls' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Start session' }));
    await logRoute('Warm Welcome', { attempts: '1' });

    fireEvent.press(screen.getByRole('button', { name: 'Profile' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Export my logbook as CSV' }));
    expect(
      await screen.findByText(
        /^Exported sendlog-\d{4}-\d\d-\d\d\.csv: 3 routes from 2 sessions, 2 not yet synced\.$/,
      ),
    ).toBeTruthy();
    const rows = parse(files[0]!.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.climb_name, r.ascent_type, r.notes])).toEqual([
      ['Crimp School', 'flash', 'heel, then "toe" hook'],
      ['Dyno Mite', 'attempt', ''],
      ['Warm Welcome', 'flash', ''],
    ]);

    fireEvent.press(screen.getByRole('button', { name: 'Export my logbook as JSON' }));
    expect(await screen.findByText(/\.json: 3 routes from 2 sessions/)).toBeTruthy();
    const backup = sessionsBackupSchema.parse(JSON.parse(files[1]!.text));
    expect(backup.sessions.map((s) => s.routes.length)).toEqual([2, 1]);
    expect(files[1]!.mimeType).toBe('application/json');
  });

  it('says why when the file cannot be saved', async () => {
    save.mockRejectedValue(new Error('This device cannot share files.'));
    renderApp({ storage: await signedInStorage() });
    fireEvent.press(await screen.findByRole('button', { name: 'Profile' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Export my logbook as JSON' }));
    expect(
      await screen.findByText('The export could not be saved: This device cannot share files.'),
    ).toBeTruthy();
  });
});
