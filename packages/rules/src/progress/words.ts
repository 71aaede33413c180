/**
 * `1 send`, `3 sends`. The app's `format/plural` says the same, but a package cannot import from
 * the app.
 */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
