import { cropAround, CROP_ZOOM } from './storyCrop';

const frame = { width: 300, height: 180 };

describe('cropAround', () => {
  it('centres a spot in the middle of the wall', () => {
    const crop = cropAround({ width: 2000, height: 1000 }, { x: 0.5, y: 0.5 }, frame);
    expect(crop.width).toBe(300 * CROP_ZOOM);
    expect(crop.height).toBe(375);
    // The spot lands in the crop's middle.
    expect(crop.left + 0.5 * crop.width).toBe(150);
    expect(crop.top + 0.5 * crop.height).toBe(90);
  });

  it('stops at the picture edges: a spot in a corner sits off-centre, no grey shown', () => {
    const crop = cropAround({ width: 2000, height: 1000 }, { x: 0.02, y: 0.98 }, frame);
    expect(crop.left).toBe(0);
    expect(crop.top).toBe(180 - crop.height);
    const far = cropAround({ width: 2000, height: 1000 }, { x: 1, y: 0 }, frame);
    expect(far.left).toBe(300 - far.width);
    expect(far.top).toBe(0);
  });

  it('centres a picture shorter than the crop', () => {
    const crop = cropAround({ width: 4000, height: 400 }, { x: 0.5, y: 0.1 }, frame);
    expect(crop.height).toBe(75);
    expect(crop.top).toBe((180 - 75) / 2);
  });
});
