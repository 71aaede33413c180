import { Platform } from 'react-native';

/**
 * The word for a press where the climber is: "click" with a mouse or a trackpad (a laptop's
 * browser), "tap" on a touch screen.
 */
export function pointerWord(): { Press: 'Click' | 'Tap'; press: 'click' | 'tap' } {
  const mouse =
    Platform.OS === 'web' &&
    typeof window !== 'undefined' &&
    window.matchMedia?.('(pointer: fine)').matches === true;
  return mouse ? { Press: 'Click', press: 'click' } : { Press: 'Tap', press: 'tap' };
}
