import { HOLD_COLORS, NO_HOLD_COLOR, holdColorOf, holdColorTextContrast } from './holdColors';

describe('hold colours', () => {
  it.each([...HOLD_COLORS, NO_HOLD_COLOR].map((c) => [c.name, holdColorTextContrast(c)]))(
    'the grade on a %s dot stands at 4.5:1 or more (%f)',
    (_name, ratio) => {
      expect(ratio).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('names every colour of the vocabulary as itself, by its value and by its fill', () => {
    for (const color of HOLD_COLORS) {
      expect(holdColorOf(color.value).name).toBe(color.name);
      expect(holdColorOf(color.fill).name).toBe(color.name);
      expect(holdColorOf(color.value.toUpperCase()).name).toBe(color.name);
    }
  });

  it('names the demo gym colours and near shades typed elsewhere', () => {
    expect(holdColorOf('#1f87e4').name).toBe('blue');
    expect(holdColorOf('#ff0000').name).toBe('red');
    expect(holdColorOf('#ff69b4').name).toBe('pink');
    expect(holdColorOf('#000000').name).toBe('black');
    expect(holdColorOf('#ffffff').name).toBe('white');
    expect(holdColorOf('#808080').name).toBe('grey');
    expect(holdColorOf('#00ff00').name).toBe('green');
    expect(holdColorOf('#ffff00').name).toBe('yellow');
  });

  it('treats no colour and an unreadable one as no colour', () => {
    expect(holdColorOf(null)).toBe(NO_HOLD_COLOR);
    expect(holdColorOf('blue')).toBe(NO_HOLD_COLOR);
  });

  it('has one entry per name', () => {
    expect(new Set(HOLD_COLORS.map((c) => c.name)).size).toBe(HOLD_COLORS.length);
  });
});
