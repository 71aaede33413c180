/**
 * After a screen change, where focus goes. Phones' screen readers move to the new screen on
 * their own; the web leaves focus on the body, so `focusHeading.web.ts` moves it.
 */
export function focusScreenHeading(): void {}
