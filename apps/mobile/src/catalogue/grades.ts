/** Orders grades the way climbers read them: V2 before V10, 6a before 6a+ before 6b. */
export function compareGrades(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

export function distinctGrades(grades: Iterable<string>): string[] {
  return [...new Set(grades)].sort(compareGrades);
}
