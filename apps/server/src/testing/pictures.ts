import { crc32 } from 'node:zlib';

/** One PNG chunk with its length and CRC. */
export function pngChunk(type: string, data: Uint8Array = new Uint8Array(0)): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** The header chunk of an 8-bit RGBA picture of this size. */
export function pngHeader(width: number, height: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([8, 6, 0, 0, 0], 8);
  return pngChunk('IHDR', data);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG file of these chunks. */
export const pngFile = (...chunks: Buffer[]) =>
  new Uint8Array(Buffer.concat([SIGNATURE, ...chunks]));

/** Some compressed bytes as image data: a picture check walks them, never inflates them. */
export const SOME_IMAGE_DATA = pngChunk(
  'IDAT',
  new Uint8Array([0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 2, 0, 1]),
);

/** The 57-byte PNG of a header, an empty data chunk and an end: no picture at all. */
export const EMPTY_PNG = pngFile(pngHeader(64, 40), pngChunk('IDAT'), pngChunk('IEND'));

/** 20,000 × 20,000 pixels (1.6 GB decoded) in 87 bytes. */
export const HUGE_PNG = pngFile(pngHeader(20_000, 20_000), SOME_IMAGE_DATA, pngChunk('IEND'));
