import { useCallback, useState } from 'react';
import { Image, Pressable, StyleSheet, Text, View } from 'react-native';
import type { GestureResponderEvent, LayoutChangeEvent } from 'react-native';
import type { Climb } from '@sendlog/contract';
import { useGradeDisplay } from '../../hooks/services';
import type { WallMark } from '../../logbook/wallMarks';
import { useWallPictureSource } from '../../hooks/useWallPictureSource';
import { colors, common, spacing } from '../../theme/theme';
import { Button } from '../Button';
import { ClimbDot, MarkBadge, SentBeforeRing } from './ClimbDot';
import {
  clampZoom,
  fittedSize,
  MAX_ZOOM,
  MIN_ZOOM,
  positionOfPress,
  zoomIn,
  zoomOut,
} from './wallGeometry';
import { ZoomableArea } from './ZoomableArea';

export interface WallPictureProps {
  image: { url: string; width: number; height: number };
  /** The layout's climbs; those with a `position` are drawn. */
  climbs: readonly Climb[];
  onPressClimb?: (climb: Climb) => void;
  /** A tap on the picture itself, in 0–1 of its width and height (placing a climb). */
  onPressWall?: (position: { x: number; y: number }) => void;
  selectedClimbId?: string | null;
  /** What the climber did on each climb (this session, before): drawn on its dot. */
  marks?: ReadonlyMap<string, WallMark>;
  /** The climb whose dot can be dragged (a setter moving the climb open in the form). */
  draggableClimbId?: string | null;
  /** Where the draggable dot was dragged to, in 0–1 of the picture, as it moves. */
  onDragClimb?: (position: { x: number; y: number }) => void;
  /** The picture's accessible name, e.g. "Main Wall picture". */
  label: string;
}

/**
 * Where a press landed in the picture. react-native-web hands a mouse click over as the DOM's
 * MouseEvent (offsetX/offsetY, no locationX); a click made by the keyboard (`detail` 0) has no
 * place at all.
 */
function pressPoint(event: GestureResponderEvent): {
  x: number | undefined;
  y: number | undefined;
} {
  const native = event.nativeEvent as GestureResponderEvent['nativeEvent'] & {
    offsetX?: number;
    offsetY?: number;
    detail?: number;
  };
  if (native.locationX !== undefined) return { x: native.locationX, y: native.locationY };
  if (native.detail === 0) return { x: undefined, y: undefined };
  return { x: native.offsetX, y: native.offsetY };
}

type PlacedClimb = Climb & { position: { x: number; y: number } };
const isPlaced = (climb: Climb): climb is PlacedClimb => climb.position !== null;

/**
 * A layout's wall picture with its placed climbs as dots in their hold colours, grades in the
 * climber's system. It fits the available width, keeps its aspect ratio, and zooms with buttons
 * everywhere (keyboard, screen reader, mouse) and a pinch on phones.
 */
export function WallPicture(props: WallPictureProps) {
  const { image, onPressClimb, onPressWall, selectedClimbId, label, marks } = props;
  const display = useGradeDisplay();
  const source = useWallPictureSource(image.url);
  const [available, setAvailable] = useState(0);
  const [zoom, setZoom] = useState<number>(MIN_ZOOM);
  const onPinchEnd = useCallback((next: number) => setZoom(clampZoom(next)), []);
  // The source that failed to load (offline, never kept): said in words over the grey frame.
  const [failedSource, setFailedSource] = useState<string | null>(null);

  const drawn = fittedSize(image, available * zoom);
  // Until the first layout, the aspect ratio alone sizes it (no flash of a zero-height picture).
  const size =
    available > 0
      ? { width: drawn.width, height: drawn.height }
      : { width: '100%' as const, aspectRatio: image.width / Math.max(1, image.height) };

  // A climb picked in the list while zoomed in: its dot is brought into view.
  const selected = props.climbs.find((c) => c.id === selectedClimbId)?.position ?? null;
  const centerX = selected && available > 0 ? selected.x * drawn.width : null;

  const pressWall = (event: GestureResponderEvent) => {
    const position = positionOfPress(pressPoint(event), drawn);
    if (position && onPressWall) onPressWall(position);
  };

  // No label on the image itself: on the web it would name a second, hidden <img> too, and a
  // screen reader would announce the picture twice. Its frame carries the name.
  const picture = (
    <Image
      source={{ uri: source }}
      style={StyleSheet.absoluteFill}
      resizeMode="stretch"
      testID="wall-picture-image"
      onError={() => setFailedSource(source)}
      onLoad={() => setFailedSource(null)}
    />
  );

  return (
    <View style={styles.root}>
      <View
        onLayout={(event: LayoutChangeEvent) => setAvailable(event.nativeEvent.layout.width)}
        style={styles.measure}
        testID="wall-picture-frame"
      >
        <ZoomableArea zoom={zoom} onPinchEnd={onPinchEnd} centerX={centerX}>
          <View style={[styles.picture, size]} testID="wall-picture">
            {onPressWall ? (
              <Pressable
                role="button"
                aria-label={label}
                onPress={pressWall}
                style={StyleSheet.absoluteFill}
              >
                {picture}
              </Pressable>
            ) : (
              <View style={StyleSheet.absoluteFill} accessible role="img" aria-label={label}>
                {picture}
              </View>
            )}
            {failedSource === source ? (
              <Text style={[common.muted, styles.missing]} pointerEvents="none">
                The picture is not on this device yet. It downloads once you are online.
              </Text>
            ) : null}
            {props.climbs.filter(isPlaced).map((climb) => (
              <ClimbDot
                key={climb.id}
                climb={climb}
                grade={display(climb.grade)}
                selected={climb.id === selectedClimbId}
                mark={marks?.get(climb.id)}
                onPress={onPressClimb ? () => onPressClimb(climb) : undefined}
                onDrag={
                  props.onDragClimb && climb.id === props.draggableClimbId
                    ? { drawn, onMove: props.onDragClimb }
                    : undefined
                }
              />
            ))}
          </View>
        </ZoomableArea>
      </View>
      {marks && marks.size > 0 ? <MarksLegend /> : null}
      <View style={styles.controls}>
        <Button
          label="−"
          name="Zoom out"
          small
          disabled={zoom <= MIN_ZOOM}
          onPress={() => setZoom(zoomOut(zoom))}
        />
        <Text style={[common.muted, styles.zoomText]} aria-live="polite">
          {`Zoom ${Math.round(zoom * 100)}%`}
        </Text>
        <Button
          label="+"
          name="Zoom in"
          small
          disabled={zoom >= MAX_ZOOM}
          onPress={() => setZoom(zoomIn(zoom))}
        />
        <Button
          label="Reset"
          name="Reset zoom"
          small
          variant="link"
          disabled={zoom === MIN_ZOOM}
          onPress={() => setZoom(MIN_ZOOM)}
        />
      </View>
    </View>
  );
}

/** What the marks on the dots mean, in words beside each shape. */
function MarksLegend() {
  return (
    <View style={styles.legend}>
      <View style={styles.key}>
        <MarkBadge text="✓" sent />
        <Text style={common.muted}>sent this session</Text>
      </View>
      <View style={styles.key}>
        <MarkBadge text="2" sent={false} />
        <Text style={common.muted}>attempts this session</Text>
      </View>
      <View style={styles.key}>
        <SentBeforeRing />
        <Text style={common.muted}>sent before</Text>
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  root: { gap: spacing.sm },
  legend: { flexDirection: 'row', flexWrap: 'wrap', columnGap: spacing.md, rowGap: spacing.xs },
  key: { flexDirection: 'row', alignItems: 'center', gap: spacing.xs },
  measure: { width: '100%' },
  picture: { backgroundColor: colors.border, overflow: 'hidden' },
  missing: { margin: spacing.md },
  controls: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  zoomText: { minWidth: 80, textAlign: 'center' },
});
