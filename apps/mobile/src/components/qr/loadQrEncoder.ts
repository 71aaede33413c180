import { create } from 'qrcode';

/** The `qrcode` library's encoder. On phones it is in the app already: no download to wait for. */
export function loadQrEncoder(): Promise<typeof create> {
  return Promise.resolve(create);
}
