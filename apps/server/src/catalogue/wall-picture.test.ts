import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_PNG,
  HUGE_PNG,
  pngChunk,
  pngFile,
  pngHeader,
  SOME_IMAGE_DATA,
} from '../testing/pictures.js';
import { checkWallPicture, MAX_PICTURE_BYTES } from './wall-picture.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./test-pictures/${name}`, import.meta.url)));
const JPEG = fixture('tiny.jpg');
const PNG = fixture('tiny.png');
const WEBP = fixture('tiny.webp');

const chunk = pngChunk;
const ihdr = pngHeader;
const png = pngFile;
const IDAT = SOME_IMAGE_DATA;

describe('checkWallPicture', () => {
  it.each([
    ['image/jpeg', JPEG],
    ['image/png', PNG],
    ['image/webp', WEBP],
  ])('reads the size of a whole %s from the file', (type, bytes) => {
    const r = checkWallPicture(type, bytes);
    expect(r).toMatchObject({ ok: true, picture: { contentType: type, width: 64, height: 40 } });
    if (r.ok) expect(r.picture.sha256).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('accepts a Content-Type with parameters and any case', () => {
    expect(checkWallPicture('Image/JPEG; charset=binary', JPEG).ok).toBe(true);
  });

  it('refuses a PNG sent as a JPEG, naming what it is', () => {
    expect(checkWallPicture('image/jpeg', PNG)).toEqual({
      ok: false,
      code: 'invalid_image',
      message: 'the body is a PNG picture, not JPEG: send it as image/png',
    });
  });

  it.each([
    ['image/jpeg', JPEG],
    ['image/png', PNG],
    ['image/webp', WEBP],
  ])('refuses a %s cut short', (type, bytes) => {
    for (const keep of [bytes.length - 1, Math.floor(bytes.length * 0.6), 30]) {
      const r = checkWallPicture(type, bytes.subarray(0, keep));
      expect(r, `${keep} of ${bytes.length} bytes`).toMatchObject({
        ok: false,
        code: 'invalid_image',
      });
    }
  });

  it('refuses what is not a picture at all', () => {
    for (const body of [new TextEncoder().encode('{"hello":"world"}'), new Uint8Array(0)]) {
      expect(checkWallPicture('image/png', body)).toMatchObject({
        ok: false,
        code: 'invalid_image',
      });
    }
  });

  it('refuses other types and oversized files before reading them', () => {
    expect(checkWallPicture('image/gif', JPEG)).toMatchObject({ code: 'unsupported_media_type' });
    expect(checkWallPicture('application/json', JPEG)).toMatchObject({
      code: 'unsupported_media_type',
    });
    const huge = new Uint8Array(MAX_PICTURE_BYTES + 1);
    huge.set(JPEG);
    expect(checkWallPicture('image/jpeg', huge)).toMatchObject({ code: 'payload_too_large' });
  });

  it('refuses a header that lies about its size', () => {
    const lying = new Uint8Array(PNG);
    // IHDR width (bytes 16–19) set to 0.
    lying.set([0, 0, 0, 0], 16);
    expect(checkWallPicture('image/png', lying)).toMatchObject({
      ok: false,
      code: 'invalid_image',
    });
  });

  it('refuses a PNG of a header and an end, with no image data between', () => {
    expect(EMPTY_PNG.length).toBe(57);
    for (const bare of [EMPTY_PNG, png(ihdr(64, 40), chunk('IEND'))]) {
      expect(checkWallPicture('image/png', bare)).toEqual({
        ok: false,
        code: 'invalid_image',
        message: 'the PNG picture holds no image data',
      });
    }
    expect(checkWallPicture('image/png', png(ihdr(64, 40), IDAT, chunk('IEND'))).ok).toBe(true);
  });

  it('refuses a picture over 40 megapixels, however small the file', () => {
    expect(checkWallPicture('image/png', HUGE_PNG)).toMatchObject({
      ok: false,
      code: 'invalid_image',
      message: expect.stringContaining('at most 40 megapixels'),
    });
    expect(
      checkWallPicture('image/png', png(ihdr(8_000, 5_000), IDAT, chunk('IEND'))),
    ).toMatchObject({ ok: true, picture: { width: 8_000, height: 5_000 } });
  });

  it('refuses a PNG whose data fails its checksum, or with parts in the wrong place', () => {
    const damaged = new Uint8Array(PNG);
    damaged[60] = damaged[60]! ^ 0xff; // inside the first IDAT of the fixture
    expect(checkWallPicture('image/png', damaged)).toMatchObject({
      ok: false,
      message: expect.stringContaining('fails its checksum'),
    });
    expect(checkWallPicture('image/png', png(IDAT, ihdr(64, 40), chunk('IEND')))).toMatchObject({
      ok: false,
      code: 'invalid_image',
    });
  });

  it('refuses a JPEG with a frame header but no scan', () => {
    const scan = Buffer.from(JPEG).indexOf(Buffer.from([0xff, 0xda]));
    expect(scan).toBeGreaterThan(0);
    const headersOnly = new Uint8Array(
      Buffer.concat([Buffer.from(JPEG.subarray(0, scan)), Buffer.from([0xff, 0xd9])]),
    );
    expect(checkWallPicture('image/jpeg', headersOnly)).toMatchObject({
      ok: false,
      code: 'invalid_image',
    });
  });

  it('refuses a WebP whose frame chunk is missing', () => {
    const renamed = Buffer.from(WEBP);
    const at = renamed.indexOf('VP8', 12, 'latin1');
    renamed.write('XXXX', at, 'latin1');
    expect(checkWallPicture('image/webp', new Uint8Array(renamed))).toMatchObject({
      ok: false,
      code: 'invalid_image',
    });
  });

  it('never throws, whatever byte is changed or wherever the file is cut', () => {
    const fixtures = fc.constantFrom(
      ['image/jpeg', JPEG] as const,
      ['image/png', PNG] as const,
      ['image/webp', WEBP] as const,
    );
    fc.assert(
      fc.property(
        fixtures,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        fc.option(fc.nat()),
        ([type, original], changes, cut) => {
          const bytes = new Uint8Array(original);
          for (const [at, value] of changes) bytes[at % bytes.length] = value;
          const body = cut === null ? bytes : bytes.subarray(0, cut % bytes.length);
          const r = checkWallPicture(type, body);
          if (!r.ok) expect(r.code).toBe('invalid_image');
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
