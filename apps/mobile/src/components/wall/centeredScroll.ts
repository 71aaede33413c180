import { useEffect, useRef } from 'react';
import type { ScrollView } from 'react-native';

/** Scrolls a zoomed picture sideways so `centerX` is in the middle of the `width` shown. */
export function useCenteredScroll(centerX: number | null | undefined, width: number) {
  const ref = useRef<ScrollView>(null);
  useEffect(() => {
    if (centerX == null || width <= 0) return;
    ref.current?.scrollTo({ x: Math.max(0, centerX - width / 2), animated: true });
  }, [centerX, width]);
  return ref;
}
