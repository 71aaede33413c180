import { GYM_SLUG_PATTERN } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { foldForSearch, numberedSlug, slugFrom } from './search-text.js';

describe('gym names as search and links read them', () => {
  it('folds case and accents, letters without a mark too', () => {
    expect(foldForSearch('Zürich')).toBe('zurich');
    expect(foldForSearch('KRAKÓW')).toBe('krakow');
    expect(foldForSearch('Straße am Øresund')).toBe('strasse am oresund');
    expect(foldForSearch('Łódź')).toBe('lodz');
    // Decomposed input (as macOS file names come) folds the same as composed.
    expect(foldForSearch('Zu\u0308rich')).toBe(foldForSearch('Z\u00fcrich'));
  });

  it('makes slugs of 2–40 letters, digits and dashes from any name', () => {
    expect(slugFrom('Boulderwerk Zürich')).toBe('boulderwerk-zurich');
    expect(slugFrom('  The -- "Cave" !')).toBe('the-cave');
    expect(slugFrom('攀岩馆')).toBe('gym');
    const long = slugFrom('A very long gym name that goes on and on beyond forty chars');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long.endsWith('-')).toBe(false);
    for (const slug of [long, slugFrom('x'), numberedSlug(long, 12), numberedSlug('ab', 2)]) {
      expect(slug).toMatch(GYM_SLUG_PATTERN);
    }
    expect(numberedSlug('boulderwerk-zurich', 2)).toBe('boulderwerk-zurich-2');
  });
});
