/**
 * `1 send`, `3 sends`. The app's `format/plural` says the same, but this folder also runs in Node
 * (the bench) as an ES module and may import only from itself and the workspace packages.
 */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
