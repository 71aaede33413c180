import { Platform } from 'react-native';

/** On the web, installs `public/sw.js` so the app itself (not only its data) works offline. */
export function registerServiceWorker(): void {
  if (
    Platform.OS !== 'web' ||
    typeof navigator === 'undefined' ||
    !('serviceWorker' in navigator)
  ) {
    return;
  }
  // A browser that refuses (private mode, insecure origin) still runs the app while online.
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
