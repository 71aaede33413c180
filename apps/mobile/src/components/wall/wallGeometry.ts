/** The maths of the wall picture: sizes, zoom steps, where a tap lands. Pure, so tested alone. */

export interface Size {
  width: number;
  height: number;
}

/** Zoom as a factor of the fitted picture: 1 is the whole wall across the available width. */
export const ZOOM_STEPS = [1, 1.5, 2, 3, 4] as const;
export const MIN_ZOOM = ZOOM_STEPS[0];
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1] ?? 4;

/** The picture at `width`, its aspect ratio kept (a zero-sized picture is treated as square). */
export function fittedSize(picture: Size, width: number): Size {
  const square = picture.width <= 0 || picture.height <= 0;
  const ratio = square ? 1 : picture.height / picture.width;
  return { width, height: width * ratio };
}

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return MIN_ZOOM;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The next step up from `zoom` (a pinch may have left it between steps). */
export function zoomIn(zoom: number): number {
  return ZOOM_STEPS.find((step) => step > zoom + 1e-6) ?? MAX_ZOOM;
}

/** The next step down from `zoom`. */
export function zoomOut(zoom: number): number {
  return [...ZOOM_STEPS].reverse().find((step) => step < zoom - 1e-6) ?? MIN_ZOOM;
}

/**
 * Where a tap on the picture is, in 0–1 of its width and height (what the server stores as a
 * climb's `position`). `location` is the tap in the drawn picture's own pixels, `drawn` the
 * picture's size on screen at the current zoom. A tap on the edge (or a pixel beyond, from
 * rounding) is clamped onto the picture; rounded to 4 decimals (a tenth of a pixel on a 4K
 * picture). Null when the picture has no size yet or the press has no location (a keyboard press).
 */
export function positionOfPress(
  location: { x: number | undefined; y: number | undefined },
  drawn: Size,
): { x: number; y: number } | null {
  const { x, y } = location;
  if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  if (drawn.width <= 0 || drawn.height <= 0) return null;
  const unit = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 10_000) / 10_000;
  return { x: unit(x / drawn.width), y: unit(y / drawn.height) };
}

/** A placed climb's centre in the drawn picture's pixels (the inverse of positionOfPress). */
export function pointOfPosition(position: { x: number; y: number }, drawn: Size) {
  return { left: position.x * drawn.width, top: position.y * drawn.height };
}

/**
 * Where a dot dragged by (`dx`, `dy`) screen pixels from `start` lands, in 0–1 of the picture:
 * the drag moves it by the same share of the drawn picture at any zoom, clamped onto the picture
 * and rounded as a tap is. Null while the picture has no size.
 */
export function positionAfterDrag(
  start: { x: number; y: number },
  delta: { dx: number; dy: number },
  drawn: Size,
): { x: number; y: number } | null {
  if (drawn.width <= 0 || drawn.height <= 0) return null;
  const { left, top } = pointOfPosition(start, drawn);
  return positionOfPress({ x: left + delta.dx, y: top + delta.dy }, drawn);
}
