/**
 * A boulder or a route, from a grade alone (for logbooks with no such column): V grades (and VB)
 * and Font grades (`6A+`, upper case) are boulders; YDS, French, UIAA and the rest are routes.
 */
export function kindOfGrade(grade: string): 'boulder' | 'route' {
  const g = grade.trim();
  return /^v(b|\d)/i.test(g) || /^[1-9][ABC]\+?$/.test(g) ? 'boulder' : 'route';
}
