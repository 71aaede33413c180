import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { jpegProblem, pngProblem, webpProblem } from './picture-structure.js';

/** The picture types a wall picture may be, by the Content-Type a client sends. */
export const PICTURE_TYPES = {
  'image/jpeg': { detected: 'jpg', name: 'JPEG' },
  'image/png': { detected: 'png', name: 'PNG' },
  'image/webp': { detected: 'webp', name: 'WebP' },
} as const;
export type PictureType = keyof typeof PICTURE_TYPES;

export const MAX_PICTURE_BYTES = 8 * 1024 * 1024;
/** Larger than any phone camera's; a header claiming more is lying or hostile. */
const MAX_SIDE = 20_000;
/**
 * Every climber's phone decodes the picture (4 bytes a pixel): 40 megapixels is 160 MB, as much
 * as a phone should spend on one wall. A 1.5 MB PNG can claim 20,000 × 20,000 (1.6 GB decoded).
 */
export const MAX_PICTURE_PIXELS = 40_000_000;

export interface WallPicture {
  contentType: PictureType;
  /** As displayed: EXIF orientations that turn the picture a quarter swap width and height. */
  width: number;
  height: number;
  /** base64url SHA-256 of the bytes: the ETag and the version in the picture's URL. */
  sha256: string;
}

export type PictureCheck =
  | { ok: true; picture: WallPicture }
  | {
      ok: false;
      code: 'unsupported_media_type' | 'payload_too_large' | 'invalid_image';
      message: string;
    };

export function isPictureType(contentType: string): contentType is PictureType {
  return Object.hasOwn(PICTURE_TYPES, contentType);
}

const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/**
 * Whether the file is whole. image-size reads only the header, so a picture cut off in transfer
 * would pass; each format has an end we can check without decoding the pixels.
 */
function isComplete(type: PictureType, bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (type) {
    case 'image/jpeg': {
      // The end-of-image marker, allowing the zero padding some cameras append after it.
      let end = buf.length;
      while (end > 0 && buf[end - 1] === 0) end -= 1;
      return end >= 4 && buf[end - 2] === 0xff && buf[end - 1] === 0xd9;
    }
    case 'image/png':
      return (
        buf.length > PNG_END.length && buf.subarray(buf.length - PNG_END.length).equals(PNG_END)
      );
    case 'image/webp': {
      // RIFF states its own length; chunks are padded to an even size.
      if (buf.length < 12) return false;
      const riff = buf.readUInt32LE(4) + 8;
      return riff === buf.length || riff + 1 === buf.length;
    }
  }
}

/** The walk of each format's parts (see picture-structure.ts). */
const STRUCTURE: Record<PictureType, (buf: Buffer) => string | null> = {
  'image/jpeg': jpegProblem,
  'image/png': pngProblem,
  'image/webp': webpProblem,
};

/** Reads what a wall picture upload is; never trusts the Content-Type or the file name. */
export function checkWallPicture(contentType: string, bytes: Uint8Array): PictureCheck {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (!isPictureType(type)) {
    return {
      ok: false,
      code: 'unsupported_media_type',
      message: 'a wall picture must be image/jpeg, image/png or image/webp',
    };
  }
  if (bytes.byteLength > MAX_PICTURE_BYTES) {
    return { ok: false, code: 'payload_too_large', message: 'a wall picture is at most 8 MiB' };
  }
  const expected = PICTURE_TYPES[type];
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return {
      ok: false,
      code: 'invalid_image',
      message: `the body is not a ${expected.name} picture`,
    };
  }
  if (size.type !== expected.detected) {
    const actual = Object.entries(PICTURE_TYPES).find(([, t]) => t.detected === size.type);
    return {
      ok: false,
      code: 'invalid_image',
      message: actual
        ? `the body is a ${actual[1].name} picture, not ${expected.name}: send it as ${actual[0]}`
        : `the body is not a ${expected.name} picture`,
    };
  }
  if (!(size.width > 0 && size.height > 0 && size.width <= MAX_SIDE && size.height <= MAX_SIDE)) {
    return { ok: false, code: 'invalid_image', message: 'the picture states an impossible size' };
  }
  if (size.width * size.height > MAX_PICTURE_PIXELS) {
    return {
      ok: false,
      code: 'invalid_image',
      message: `the picture is ${size.width} × ${size.height}: at most 40 megapixels, please scale it down`,
    };
  }
  if (!isComplete(type, bytes)) {
    return {
      ok: false,
      code: 'invalid_image',
      message: `the ${expected.name} picture is cut short`,
    };
  }
  const problem = STRUCTURE[type](Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (problem !== null) {
    return { ok: false, code: 'invalid_image', message: `the ${expected.name} picture ${problem}` };
  }
  const quarterTurn = size.orientation !== undefined && size.orientation >= 5;
  return {
    ok: true,
    picture: {
      contentType: type,
      width: quarterTurn ? size.height : size.width,
      height: quarterTurn ? size.width : size.height,
      sha256: createHash('sha256').update(bytes).digest('base64url'),
    },
  };
}
