import { useMemo, useState } from 'react';
import { ScrollView, StyleSheet, View } from 'react-native';
import { Gesture, GestureDetector, GestureHandlerRootView } from 'react-native-gesture-handler';
import { clampZoom } from './wallGeometry';
import { useCenteredScroll } from './centeredScroll';
import type { ZoomableAreaProps } from './ZoomableArea';

/**
 * The phone's zoomable area: a two-finger pinch scales the picture as the fingers move and lays
 * it out at the new zoom when they lift (the dots keep their size and spread apart); one finger
 * scrolls it sideways. Its own GestureHandlerRootView: the screens need no gesture root above.
 */
export function ZoomableArea(props: ZoomableAreaProps) {
  const { zoom, onPinchEnd } = props;
  const [pinch, setPinch] = useState(1);
  const [width, setWidth] = useState(0);
  const scroll = useCenteredScroll(props.centerX, width);
  const gesture = useMemo(
    () =>
      Gesture.Pinch()
        // No Reanimated in this app: the callbacks run on the JS thread.
        .runOnJS(true)
        .onUpdate((event) => setPinch(clampZoom(zoom * event.scale) / zoom))
        .onEnd((event) => {
          setPinch(1);
          onPinchEnd(clampZoom(zoom * event.scale));
        })
        .onFinalize(() => setPinch(1)),
    [zoom, onPinchEnd],
  );
  return (
    <GestureHandlerRootView style={styles.root}>
      <GestureDetector gesture={gesture}>
        <ScrollView
          ref={scroll}
          onLayout={(event) => setWidth(event.nativeEvent.layout.width)}
          horizontal
          scrollEnabled={zoom > 1}
          style={styles.area}
          contentContainerStyle={styles.content}
        >
          <View style={pinch === 1 ? null : { transform: [{ scale: pinch }] }}>
            {props.children}
          </View>
        </ScrollView>
      </GestureDetector>
    </GestureHandlerRootView>
  );
}

const styles = StyleSheet.create({
  root: { width: '100%', flexGrow: 0 },
  area: { width: '100%', flexGrow: 0 },
  content: { flexGrow: 0 },
});
