import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkWallPicture, MAX_PICTURE_BYTES } from './wall-picture.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./test-pictures/${name}`, import.meta.url)));
const JPEG = fixture('tiny.jpg');
const PNG = fixture('tiny.png');
const WEBP = fixture('tiny.webp');

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
});
