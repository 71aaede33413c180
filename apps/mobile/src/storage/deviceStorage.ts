import AsyncStorage from '@react-native-async-storage/async-storage';
import type { KeyValueStorage } from '@sendlog/sync';
import { fromAsyncStorage } from './keyValueStorage';

/**
 * The web build keeps everything in AsyncStorage (localStorage underneath). Phones use
 * `deviceStorage.native.ts` instead.
 */
export function createDeviceStorage(): KeyValueStorage {
  return fromAsyncStorage(AsyncStorage);
}
