/** Shown to the climber: laid out, and not inside a screen hidden beneath another. */
function shown(element: HTMLElement): boolean {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && element.closest('[aria-hidden="true"]') === null;
}

/**
 * After a screen change, focus goes to the new screen's heading (its header's h1), not back to the
 * page's body: a keyboard's next Tab is the screen's first control, and a screen reader says
 * where it is. The heading takes focus without becoming a tab stop of its own.
 */
export function focusScreenHeading(): void {
  // After the new screen has rendered and laid out.
  requestAnimationFrame(() =>
    setTimeout(() => {
      const headings = [...document.querySelectorAll<HTMLElement>('h1')].filter(shown);
      const heading = headings[headings.length - 1];
      if (!heading || heading.contains(document.activeElement)) return;
      // A dialog or a field the climber is in keeps its focus.
      const active = document.activeElement;
      if (active && active !== document.body && active.closest('[aria-modal="true"]')) return;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }, 0),
  );
}
