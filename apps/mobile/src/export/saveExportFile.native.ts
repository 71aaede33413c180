import { File, Paths } from 'expo-file-system';
import { isAvailableAsync, shareAsync } from 'expo-sharing';
import type { ExportFile } from './logbookExport';

/**
 * Phones write the file to the app's cache directory (the system may clear it: the climber keeps
 * the copy they share) and open the share sheet, where they save it to Files, mail it, etc.
 */
export async function saveExportFile(file: ExportFile): Promise<void> {
  const target = new File(Paths.cache, file.name);
  target.create({ overwrite: true });
  target.write(file.text);
  if (!(await isAvailableAsync())) {
    throw new Error('This device cannot share files.');
  }
  await shareAsync(target.uri, {
    mimeType: file.mimeType,
    UTI:
      file.mimeType === 'application/json' ? 'public.json' : 'public.comma-separated-values-text',
    dialogTitle: file.name,
  });
}
