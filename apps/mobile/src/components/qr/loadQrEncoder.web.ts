import type { create } from 'qrcode';

/**
 * The `qrcode` library's encoder, fetched when the first code is drawn (a gym admin's poster):
 * the web app's first load, which every climber waits for, does not carry it.
 */
export async function loadQrEncoder(): Promise<typeof create> {
  return (await import('qrcode')).create;
}
