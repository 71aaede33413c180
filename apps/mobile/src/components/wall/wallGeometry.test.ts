import {
  clampZoom,
  fittedSize,
  MAX_ZOOM,
  MIN_ZOOM,
  pointOfPosition,
  positionAfterDrag,
  positionOfPress,
  zoomIn,
  zoomOut,
} from './wallGeometry';

describe('fittedSize', () => {
  it('keeps the aspect ratio at the available width', () => {
    expect(fittedSize({ width: 1600, height: 1200 }, 400)).toEqual({ width: 400, height: 300 });
    expect(fittedSize({ width: 900, height: 1600 }, 360)).toEqual({ width: 360, height: 640 });
  });

  it('treats a picture with no size as square rather than dividing by zero', () => {
    expect(fittedSize({ width: 0, height: 0 }, 300)).toEqual({ width: 300, height: 300 });
  });
});

describe('zoom steps', () => {
  it('steps up and down between the limits', () => {
    expect(zoomIn(1)).toBe(1.5);
    expect(zoomIn(1.5)).toBe(2);
    expect(zoomIn(MAX_ZOOM)).toBe(MAX_ZOOM);
    expect(zoomOut(2)).toBe(1.5);
    expect(zoomOut(MIN_ZOOM)).toBe(MIN_ZOOM);
  });

  it('steps from a pinch left between steps to the neighbouring steps', () => {
    expect(zoomIn(1.7)).toBe(2);
    expect(zoomOut(1.7)).toBe(1.5);
    expect(zoomIn(2.5)).toBe(3);
    expect(zoomOut(2.5)).toBe(2);
  });

  it('clamps a pinch to the limits', () => {
    expect(clampZoom(0.3)).toBe(MIN_ZOOM);
    expect(clampZoom(9)).toBe(MAX_ZOOM);
    expect(clampZoom(2.25)).toBe(2.25);
    expect(clampZoom(Number.NaN)).toBe(MIN_ZOOM);
  });
});

describe('positionOfPress', () => {
  const drawn = { width: 400, height: 300 };

  it('is the tap in 0–1 of the drawn picture', () => {
    expect(positionOfPress({ x: 100, y: 150 }, drawn)).toEqual({ x: 0.25, y: 0.5 });
    expect(positionOfPress({ x: 0, y: 0 }, drawn)).toEqual({ x: 0, y: 0 });
    expect(positionOfPress({ x: 400, y: 300 }, drawn)).toEqual({ x: 1, y: 1 });
  });

  it('is the same point of the wall whatever the zoom', () => {
    const zoomed = { width: 1200, height: 900 };
    expect(positionOfPress({ x: 300, y: 450 }, zoomed)).toEqual({ x: 0.25, y: 0.5 });
  });

  it('clamps a tap a pixel beyond the edge onto the picture and rounds to 4 decimals', () => {
    expect(positionOfPress({ x: -1, y: 301 }, drawn)).toEqual({ x: 0, y: 1 });
    expect(positionOfPress({ x: 1, y: 1 }, { width: 3, height: 3 })).toEqual({
      x: 0.3333,
      y: 0.3333,
    });
  });

  it('is null for a press with no location or a picture not laid out yet', () => {
    expect(positionOfPress({ x: undefined, y: 10 }, drawn)).toBeNull();
    expect(positionOfPress({ x: 10, y: 10 }, { width: 0, height: 0 })).toBeNull();
    expect(positionOfPress({ x: Number.NaN, y: 10 }, drawn)).toBeNull();
  });

  it('round-trips with pointOfPosition', () => {
    const point = pointOfPosition({ x: 0.4, y: 0.7 }, drawn);
    expect(point.left).toBeCloseTo(160);
    expect(point.top).toBeCloseTo(210);
    expect(positionOfPress({ x: point.left, y: point.top }, drawn)).toEqual({ x: 0.4, y: 0.7 });
  });
});

describe('positionAfterDrag', () => {
  const drawn = { width: 400, height: 300 };
  it('moves the spot by the share of the drawn picture the pointer moved', () => {
    expect(positionAfterDrag({ x: 0.5, y: 0.5 }, { dx: 40, dy: -30 }, drawn)).toEqual({
      x: 0.6,
      y: 0.4,
    });
    // At twice the zoom the same drag moves half as far on the wall.
    expect(
      positionAfterDrag({ x: 0.5, y: 0.5 }, { dx: 40, dy: -30 }, { width: 800, height: 600 }),
    ).toEqual({ x: 0.55, y: 0.45 });
  });

  it('keeps the spot on the picture, and waits for a size', () => {
    expect(positionAfterDrag({ x: 0.9, y: 0.1 }, { dx: 500, dy: -500 }, drawn)).toEqual({
      x: 1,
      y: 0,
    });
    expect(positionAfterDrag({ x: 0.5, y: 0.5 }, { dx: 1, dy: 1 }, { width: 0, height: 0 })).toBe(
      null,
    );
  });
});
