import { Platform } from 'react-native';

/**
 * Where the API lives. The web build is served by the API server itself, so it is its own
 * origin; a phone build is told with EXPO_PUBLIC_API_URL (a phone's localhost is the phone).
 */
export function apiBaseUrl(): string {
  if (Platform.OS === 'web' && typeof window !== 'undefined') return window.location.origin;
  return (process.env.EXPO_PUBLIC_API_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
}
