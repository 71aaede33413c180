import {
  launchImageLibraryAsync,
  UIImagePickerPreferredAssetRepresentationMode,
} from 'expo-image-picker';

/** A picture the setter chose, read whole, with the type the picker gave it. */
export interface PickedPicture {
  bytes: Uint8Array<ArrayBuffer>;
  /** As the picker says (`image/jpeg`…); the server reads the bytes and refuses a mismatch. */
  type: string;
  name: string | null;
}

/** The picture type from a file name, for a picker that gives none. */
function typeFromName(name: string | null | undefined): string {
  const extension = name?.split('.').pop()?.toLowerCase();
  if (extension === 'jpg' || extension === 'jpeg') return 'image/jpeg';
  if (extension === 'png') return 'image/png';
  if (extension === 'webp') return 'image/webp';
  return 'application/octet-stream';
}

/**
 * Opens the photo library (on the web, a file input) and reads the chosen picture's bytes;
 * null when the setter cancels. Untouched (no crop, no re-encoding): the wall's dots are placed on
 * exactly this picture.
 */
export async function pickWallPicture(): Promise<PickedPicture | null> {
  const result = await launchImageLibraryAsync({
    mediaTypes: ['images'],
    allowsEditing: false,
    quality: 1,
    exif: false,
    // An iPhone keeps photos as HEIC, which the server does not take: asked for the most
    // compatible form, iOS hands over a JPEG instead.
    preferredAssetRepresentationMode: UIImagePickerPreferredAssetRepresentationMode.Compatible,
  });
  const asset = result.canceled ? undefined : result.assets[0];
  if (!asset) return null;
  // On the web the picker hands over the File itself: read it directly, since the app's Content
  // Security Policy lets fetch() reach its own origin only (not the picker's blob: URL).
  const buffer = asset.file
    ? await asset.file.arrayBuffer()
    : await (await fetch(asset.uri)).arrayBuffer();
  return {
    bytes: new Uint8Array(buffer),
    type: asset.mimeType ?? typeFromName(asset.fileName),
    name: asset.fileName ?? null,
  };
}
