import type { ExportFile } from './logbookExport';
import type { saveExportFile as NativeSave } from './saveExportFile.native';

const mockWritten: { uri: string; text: string; created: unknown }[] = [];
const mockShareAsync = jest.fn(async () => undefined);
const mockIsAvailableAsync = jest.fn(async () => true);

jest.mock('expo-file-system', () => ({
  Paths: { cache: { uri: 'file:///cache/' } },
  File: class {
    uri: string;
    constructor(dir: { uri: string }, name: string) {
      this.uri = `${dir.uri}${name}`;
    }
    create(options: unknown) {
      mockWritten.push({ uri: this.uri, text: '', created: options });
    }
    write(text: string) {
      const entry = mockWritten.find((w) => w.uri === this.uri);
      if (entry) entry.text = text;
    }
  },
}));
jest.mock('expo-sharing', () => ({
  shareAsync: mockShareAsync,
  isAvailableAsync: mockIsAvailableAsync,
}));

/** The phone's saver, loaded after the mocks above (the app under jest.after-env.ts loaded the real one). */
function nativeSaver(): (file: ExportFile) => Promise<void> {
  let saver: typeof NativeSave | undefined;
  jest.isolateModules(() => {
    saver = (jest.requireActual('./saveExportFile.native') as { saveExportFile: typeof NativeSave })
      .saveExportFile;
  });
  if (!saver) throw new Error('saveExportFile.native did not load');
  return saver;
}

describe('saving the export on a phone', () => {
  beforeEach(() => {
    mockWritten.length = 0;
    mockShareAsync.mockClear();
    mockIsAvailableAsync.mockResolvedValue(true);
  });

  it('writes the file to the cache directory, then opens the share sheet on it', async () => {
    const file = { name: 'sendlog-2026-05-01.csv', mimeType: 'text/csv', text: 'a,b\r\n1,2\r\n' };
    await nativeSaver()(file);
    expect(mockWritten).toEqual([
      {
        uri: 'file:///cache/sendlog-2026-05-01.csv',
        text: file.text,
        created: { overwrite: true },
      },
    ]);
    expect(mockShareAsync).toHaveBeenCalledWith('file:///cache/sendlog-2026-05-01.csv', {
      mimeType: 'text/csv',
      UTI: 'public.comma-separated-values-text',
      dialogTitle: 'sendlog-2026-05-01.csv',
    });
  });

  it('says so when the device cannot share files', async () => {
    mockIsAvailableAsync.mockResolvedValue(false);
    await expect(
      nativeSaver()({ name: 'sendlog-2026-05-01.json', mimeType: 'application/json', text: '{}' }),
    ).rejects.toThrow('This device cannot share files.');
    expect(mockShareAsync).not.toHaveBeenCalled();
  });
});
