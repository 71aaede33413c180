import type { Page } from 'playwright-core';

/** Apple's 44 pt and WCAG 2.5.5's 44 CSS px: the least a chalky finger hits first time. */
export const MIN_TAP_TARGET = 44;

export interface SmallTarget {
  role: string;
  name: string;
  width: number;
  height: number;
}

/** Every control the page shows that is smaller than 44 × 44. */
export function smallTapTargets(page: Page): Promise<SmallTarget[]> {
  return page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>(
      '[role=button], [role=link], [role=radio], [role=tab], [role=checkbox], [role=switch], ' +
        'a[href], button, input, textarea, select',
    );
    return (
      [...controls]
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        // Tabs not shown stay mounted beneath the shown one, hidden from assistive technology.
        .filter(
          ({ el, box }) => box.width > 0 && box.height > 0 && !el.closest('[aria-hidden=true]'),
        )
        .filter(({ box }) => box.width < min - 0.5 || box.height < min - 0.5)
        .map(({ el, box }) => ({
          role: el.getAttribute('role') ?? el.tagName.toLowerCase(),
          name: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '',
          width: Math.round(box.width),
          height: Math.round(box.height),
        }))
    );
  }, MIN_TAP_TARGET);
}
