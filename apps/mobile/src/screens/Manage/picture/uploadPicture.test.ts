import { checkPicture, MAX_PICTURE_BYTES } from './uploadPicture';

describe('checkPicture', () => {
  const of = (type: string, size: number) => ({ bytes: new Uint8Array(size), type, name: null });
  it('takes the three picture types the server takes, up to 8 MiB', () => {
    expect(checkPicture(of('image/webp', 10))).toEqual({ ok: true, type: 'image/webp' });
    expect(checkPicture(of('image/heic', 10))).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^This file is not a JPEG, PNG or WebP picture \(image\/heic\)/,
      ),
    });
    expect(checkPicture(of('image/jpeg', MAX_PICTURE_BYTES + 1))).toMatchObject({
      ok: false,
      message: 'This picture is 8.4 MB; a wall picture may be 8 MiB at most.',
    });
  });
});
