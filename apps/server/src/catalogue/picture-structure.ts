import { crc32 } from 'node:zlib';

/**
 * Whether a picture's bytes hold a picture, walked part by part as its format lays them out, no
 * pixel decoded: a header alone (a 57-byte PNG with no image data) or a file whose parts do not
 * add up is refused. Each check answers what is wrong in words, or null when the file holds
 * together. The formats' own names: PNG chunks (ISO 15948), JPEG markers (ITU T.81), WebP's RIFF
 * chunks (RFC 9649).
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Chunks from the signature to `IEND`, each within the file and matching its CRC. */
export function pngProblem(buf: Buffer): string | null {
  if (buf.length < PNG_SIGNATURE.length || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return 'is not a PNG file';
  }
  let at = PNG_SIGNATURE.length;
  let first = true;
  let imageData = 0;
  for (;;) {
    if (at + 12 > buf.length) return 'is cut short';
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const end = at + 8 + length;
    if (length > 0x7fffffff || end + 4 > buf.length) return 'is cut short';
    if (crc32(buf.subarray(at + 4, end)) !== buf.readUInt32BE(end)) {
      return `is damaged (its ${type} chunk fails its checksum)`;
    }
    if (first && (type !== 'IHDR' || length !== 13)) return 'does not start with its header';
    first = false;
    if (type === 'IDAT') imageData += length;
    at = end + 4;
    if (type === 'IEND') break;
  }
  if (imageData === 0) return 'holds no image data';
  if (at !== buf.length) return 'goes on after its end';
  return null;
}

/** Start-of-frame markers (SOF0–SOF15 but DHT, JPG and DAC, which share the range). */
const isFrameHeader = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * Segments from SOI to EOI: a frame header with the picture's size, then at least one scan whose
 * entropy-coded data holds something, every segment within the file.
 */
export function jpegProblem(buf: Buffer): string | null {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return 'is not a JPEG file';
  let at = 2;
  let frame = false;
  let scanData = 0;
  for (;;) {
    if (at >= buf.length || buf[at] !== 0xff) return 'is damaged (a segment is out of place)';
    // Any number of 0xFF may pad a marker.
    while (at < buf.length && buf[at] === 0xff) at += 1;
    if (at >= buf.length) return 'is cut short';
    const marker = buf[at]!;
    at += 1;
    if (marker === 0xd9) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (at + 2 > buf.length) return 'is cut short';
    const length = buf.readUInt16BE(at);
    if (length < 2 || at + length > buf.length) return 'is cut short';
    if (isFrameHeader(marker)) {
      if (length < 8) return 'is damaged (its frame header is too short)';
      const height = buf.readUInt16BE(at + 3);
      const width = buf.readUInt16BE(at + 5);
      if (height === 0 || width === 0 || buf[at + 7] === 0) return 'states no size';
      frame = true;
    }
    at += length;
    if (marker === 0xda) {
      if (!frame) return 'has a scan before its frame header';
      // Entropy-coded data runs to the next marker: 0xFF not followed by 0x00 or a restart.
      let next = at;
      for (;;) {
        next = buf.indexOf(0xff, next);
        if (next < 0 || next + 1 >= buf.length) return 'is cut short';
        const after = buf[next + 1]!;
        if (after !== 0x00 && !(after >= 0xd0 && after <= 0xd7) && after !== 0xff) break;
        next += after === 0xff ? 1 : 2;
      }
      scanData += next - at;
      at = next;
    }
  }
  if (!frame) return 'has no frame header';
  if (scanData === 0) return 'holds no image data';
  return null;
}

/** Chunks of the RIFF container, and a frame (`VP8 `, `VP8L`, or animation frames) among them. */
export function webpProblem(buf: Buffer): string | null {
  if (
    buf.length < 12 ||
    buf.toString('latin1', 0, 4) !== 'RIFF' ||
    buf.toString('latin1', 8, 12) !== 'WEBP'
  ) {
    return 'is not a WebP file';
  }
  const end = Math.min(buf.length, buf.readUInt32LE(4) + 8);
  let at = 12;
  let frame = 0;
  while (at < end) {
    if (at + 8 > end) return 'is cut short';
    const type = buf.toString('latin1', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const data = at + 8;
    if (data + size > end) return 'is cut short';
    if (type === 'VP8 ' && size >= 10) {
      // A key frame's start code, then its size (14 bits each).
      if (buf[data + 3] !== 0x9d || buf[data + 4] !== 0x01 || buf[data + 5] !== 0x2a) {
        return 'is damaged (its VP8 frame has no start code)';
      }
      frame += size - 10;
    } else if (type === 'VP8L' && size >= 5) {
      if (buf[data] !== 0x2f) return 'is damaged (its VP8L frame has no signature)';
      frame += size - 5;
    } else if (type === 'ANMF' && size > 16) {
      frame += size - 16;
    }
    at = data + size + (size % 2);
  }
  if (frame === 0) return 'holds no image data';
  return null;
}
