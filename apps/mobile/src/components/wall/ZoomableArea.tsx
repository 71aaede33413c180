import { useState } from 'react';
import { useCenteredScroll } from './centeredScroll';
import { ScrollView, StyleSheet } from 'react-native';
import type { ReactNode } from 'react';

export interface ZoomableAreaProps {
  /** The zoom the content is laid out at; a pinch ends by asking for a new one. */
  zoom: number;
  onPinchEnd: (zoom: number) => void;
  /** A point of the content (px from its left) to bring to the middle: the picked climb's dot. */
  centerX?: number | null;
  children: ReactNode;
}

/**
 * The web's zoomable area: the zoom buttons lay the picture out larger and this scrolls it
 * sideways; up and down is the page's own scroll. No gesture library: the web bundle stays small
 * (phones get pinch from ZoomableArea.native.tsx).
 */
export function ZoomableArea(props: ZoomableAreaProps) {
  const [width, setWidth] = useState(0);
  const ref = useCenteredScroll(props.centerX, width);
  return (
    <ScrollView
      ref={ref}
      onLayout={(event) => setWidth(event.nativeEvent.layout.width)}
      horizontal
      scrollEnabled={props.zoom > 1}
      style={styles.area}
      contentContainerStyle={styles.content}
    >
      {props.children}
    </ScrollView>
  );
}

const styles = StyleSheet.create({
  area: { width: '100%', flexGrow: 0 },
  content: { flexGrow: 0 },
});
