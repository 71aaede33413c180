/** How much wider than the crop the picture is drawn: the crop shows a fifth of the wall across. */
export const CROP_ZOOM = 2.5;

export interface Crop {
  /** The whole picture's drawn size. */
  width: number;
  height: number;
  /** Where the picture's top-left corner sits in the crop (zero or less). */
  left: number;
  top: number;
}

/**
 * The part of a wall picture a climb's story shows: the picture drawn CROP_ZOOM times the crop's
 * width, moved so the climb's spot is in the middle, but never so far that the crop shows past
 * the picture's edges (a spot near an edge sits off-centre instead).
 */
export function cropAround(
  image: { width: number; height: number },
  spot: { x: number; y: number },
  frame: { width: number; height: number },
): Crop {
  const width = frame.width * CROP_ZOOM;
  const height = (width * image.height) / Math.max(1, image.width);
  const place = (size: number, room: number, at: number) =>
    size <= room ? (room - size) / 2 : Math.min(0, Math.max(room - size, room / 2 - at * size));
  return {
    width,
    height,
    left: place(width, frame.width, spot.x),
    top: place(height, frame.height, spot.y),
  };
}
