import type { KeyValueStorage } from '@sendlog/sync';
import { scopedStorage } from './keyValueStorage';

/**
 * Where one account keeps its own things on a shared device: its sessions (synced or waiting to
 * sync), the sync cursor, the gyms it follows. The catalogue and wall pictures are the gyms'
 * public walls, kept once for every account of the device, and the sign-in is one key of its own.
 */
export function accountStorage(storage: KeyValueStorage, userId: string): KeyValueStorage {
  return scopedStorage(storage, `sendlog.user.${userId}.`);
}

/** Removes everything one account kept on the device; the other accounts' keys stay untouched. */
export async function forgetAccountData(storage: KeyValueStorage, userId: string): Promise<void> {
  const own = accountStorage(storage, userId);
  await own.multiRemove(await own.getAllKeys());
}
