import { getDocumentAsync } from 'expo-document-picker';
import { File } from 'expo-file-system';
import type { PickedFile } from './pickedFile';

/**
 * The system's document picker (Files, Drive, a mail's attachment), then the file's bytes from
 * the copy it leaves in the app's cache. Null when the climber cancels.
 */
export async function pickLogbookFile(): Promise<PickedFile | null> {
  const picked = await getDocumentAsync({
    type: ['text/csv', 'text/comma-separated-values', 'application/json', 'text/plain', '*/*'],
    copyToCacheDirectory: true,
    multiple: false,
  });
  const asset = picked.canceled ? undefined : picked.assets[0];
  if (!asset) return null;
  const bytes = await new File(asset.uri).bytes();
  return { name: asset.name, bytes: new Uint8Array(bytes) };
}
