import { WALL_PICTURE_TYPES } from '../../../api/catalogueAdminApi';
import type { WallPictureType } from '../../../api/catalogueAdminApi';
import type { PickedPicture } from './pickWallPicture';

/** The server's limit on a wall picture (docs/api.md: at most 8 MiB, else 413). */
export const MAX_PICTURE_BYTES = 8 * 1024 * 1024;

/** "2.4 MB", "380 KB": how big the upload is, for the setter waiting on it. */
export function sizeText(bytes: number): string {
  return bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

const isPictureType = (type: string): type is WallPictureType =>
  (WALL_PICTURE_TYPES as readonly string[]).includes(type);

/**
 * What the server would refuse before the first byte leaves the phone: a type it never takes
 * (HEIC, GIF) or a file over its limit. The bytes themselves the server checks.
 */
export function checkPicture(
  picture: PickedPicture,
): { ok: true; type: WallPictureType } | { ok: false; message: string } {
  if (!isPictureType(picture.type)) {
    return {
      ok: false,
      message: `This file is not a JPEG, PNG or WebP picture (${picture.type}). Pick one of those.`,
    };
  }
  if (picture.bytes.length > MAX_PICTURE_BYTES) {
    return {
      ok: false,
      message: `This picture is ${sizeText(picture.bytes.length)}; a wall picture may be 8 MiB at most.`,
    };
  }
  return { ok: true, type: picture.type };
}
