import { contrastRatio } from './contrast';
import { colors, textOnBackground } from './theme';

describe('contrastRatio', () => {
  it('matches the WCAG extremes and a known pair', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // WebAIM's checker: #767676 on white is the lightest grey that passes AA (4.54:1).
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#767676')).toBeCloseTo(4.54, 2);
  });
});

describe('theme colours', () => {
  // Read at arm's length in a dim gym: every text the theme draws meets WCAG AA for body text.
  it.each(textOnBackground.map(([fg, bg]) => [fg, bg, contrastRatio(colors[fg], colors[bg])]))(
    '%s on %s has a contrast of at least 4.5:1 (%f)',
    (_fg, _bg, ratio) => {
      expect(ratio).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('lists each text colour on every background it is drawn on', () => {
    const texts = new Set(textOnBackground.map(([fg]) => fg));
    for (const fg of ['text', 'muted', 'primary', 'success', 'warning', 'danger', 'flash'])
      expect(texts).toContain(fg);
  });
});
