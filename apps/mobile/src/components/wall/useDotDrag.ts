import { useRef } from 'react';
import type { GestureResponderEvent, ViewProps } from 'react-native';
import { positionAfterDrag } from './wallGeometry';
import type { Size } from './wallGeometry';

/** A dot that can be dragged: the drawn picture's size now, and where the drag takes it. */
export interface DotDrag {
  drawn: Size;
  onMove: (position: { x: number; y: number }) => void;
}

/** Pixels a pointer moves before a press becomes a drag (a shaky tap stays a tap). */
const SLOP = 4;

type ResponderProps = Pick<
  ViewProps,
  | 'onStartShouldSetResponder'
  | 'onMoveShouldSetResponder'
  | 'onResponderTerminationRequest'
  | 'onResponderGrant'
  | 'onResponderMove'
  | 'onResponderRelease'
>;

/**
 * A dot moved by a pointer or a finger, through the responder system both react-native and
 * react-native-web speak (mouse, pen and touch alike). The drag is measured from where it began,
 * so the dot follows the pointer however often the spot is re-rendered; a press that never moved
 * past SLOP is a tap. The keyboard moves a spot with the form's numbers instead.
 */
export function useDotDrag(
  position: { x: number; y: number },
  drag: DotDrag,
  onPress: (() => void) | undefined,
): ResponderProps {
  const start = useRef<{ pageX: number; pageY: number; x: number; y: number } | null>(null);
  const moved = useRef(false);
  const point = (event: GestureResponderEvent) => ({
    pageX: event.nativeEvent.pageX,
    pageY: event.nativeEvent.pageY,
  });
  return {
    onStartShouldSetResponder: () => true,
    onMoveShouldSetResponder: () => true,
    // A scroll view around the picture does not take the gesture over mid-drag.
    onResponderTerminationRequest: () => false,
    onResponderGrant: (event) => {
      start.current = { ...point(event), x: position.x, y: position.y };
      moved.current = false;
    },
    onResponderMove: (event) => {
      const from = start.current;
      if (!from) return;
      const { pageX, pageY } = point(event);
      const delta = { dx: pageX - from.pageX, dy: pageY - from.pageY };
      if (!moved.current && Math.abs(delta.dx) + Math.abs(delta.dy) < SLOP) return;
      moved.current = true;
      // The handlers are made anew each render: `drag` is the latest drawn size and callback.
      const next = positionAfterDrag(from, delta, drag.drawn);
      if (next) drag.onMove(next);
    },
    onResponderRelease: () => {
      start.current = null;
      if (!moved.current) onPress?.();
    },
  };
}
