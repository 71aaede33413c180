import { fireEvent, screen } from '@testing-library/react-native';
import type { ImportResponse } from '@sendlog/contract';
import * as picker from '../../imports/pickLogbookFile';
import { renderApp, signedInStorage } from '../../testing/renderApp';

// The app is loaded before this file (jest.after-env.ts): a spy on the module's export stands in
// for the platform's file chooser.
const pick = jest.spyOn(picker, 'pickLogbookFile');
const file = (name: string, text: string) => ({
  name,
  bytes: new Uint8Array(new TextEncoder().encode(text)),
});

const EIGHT_A =
  '"route_boulder","name","location_name","sector_name","area_name","country_code","date","type","sub_type","rating","project","tries","repeats","difficulty","perceived_hardness","comment","height","recommended","sits"\n' +
  '"BOULDER","Gorilla","Albarracín","Arrastradero","Aragón","ES","2024-04-02","flash","","4","0","","0","7A","","","4","1","0"\n' +
  '"BOULDER","Broken","Albarracín","Arrastradero","Aragón","ES","2024-13-02","flash","","4","0","","0","7A","","","4","1","0"\n';

const answer: ImportResponse = {
  format: '8a',
  sessions: 1,
  routes: 1,
  skipped: 2,
  rejected: [{ line: 3, reason: 'the date is missing or not a date' }],
};

async function openProfile() {
  fireEvent.press(await screen.findByRole('button', { name: 'Profile' }));
  return screen.findByRole('button', { name: 'Choose a file to import a logbook' });
}

describe('Import a logbook', () => {
  beforeEach(() => pick.mockReset());
  afterAll(() => pick.mockRestore());

  it('recognises an 8a.nu file, sends it with the device zone, shows the result line by line', async () => {
    pick.mockResolvedValue(file('8a-logbook.csv', EIGHT_A));
    const app = renderApp({ storage: await signedInStorage() });
    app.api.answerImports(200, answer);
    fireEvent.press(await openProfile());
    expect(
      await screen.findByText(
        '8a-logbook.csv: Imported 1 session with 1 route; 2 routes were already there; 1 line not imported.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Line 3: the date is missing or not a date')).toBeTruthy();
    const sent = app.api.requests.find((r) => r.path.startsWith('/imports'))!;
    expect(sent.path).toMatch(/^\/imports\?format=8a&tz=[^&]+$/);
    expect(sent.headers['content-type']).toBe('text/csv');
    expect(new TextDecoder().decode(sent.body as Uint8Array)).toBe(EIGHT_A);
  });

  it('asks which logbook wrote a file it does not recognise', async () => {
    pick.mockResolvedValue(file('ticks.csv', 'when,what\n2024-01-01,x\n'));
    const app = renderApp({ storage: await signedInStorage() });
    app.api.answerImports(200, { ...answer, format: 'kaya', rejected: [] });
    fireEvent.press(await openProfile());
    expect(await screen.findByText(/Which logbook wrote ticks\.csv\?/)).toBeTruthy();
    expect(app.api.requests.some((r) => r.path.startsWith('/imports'))).toBe(false);
    fireEvent.press(screen.getByRole('button', { name: 'KAYA ascents (CSV)' }));
    expect(await screen.findByText(/^ticks\.csv: Imported 1 session/)).toBeTruthy();
    expect(app.api.requests.find((r) => r.path.startsWith('/imports'))!.path).toMatch(
      /format=kaya/,
    );
  });

  it('says what the server refused', async () => {
    pick.mockResolvedValue(file('8a-logbook.csv', EIGHT_A));
    const app = renderApp({ storage: await signedInStorage() });
    app.api.answerImports(400, {
      error: { code: 'unsupported_format', message: 'this is not a file of 8a.nu logbook (CSV)' },
    });
    fireEvent.press(await openProfile());
    expect(
      await screen.findByText(
        'The file was not imported: this is not a file of 8a.nu logbook (CSV)',
      ),
    ).toBeTruthy();
  });

  it('says offline that importing needs the network, and does not open the chooser', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('button', { name: 'Profile' });
    app.setOnline(false);
    const button = await openProfile();
    expect(
      screen.getByText('Importing needs the network: connect to import a logbook.'),
    ).toBeTruthy();
    fireEvent.press(button);
    expect(pick).not.toHaveBeenCalled();
  });
});
