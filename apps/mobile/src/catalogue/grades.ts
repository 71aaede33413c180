import { compareGrades } from '@sendlog/contract';

/** The grades present, in the one order server and app share (the contract's grade table). */
export function distinctGrades(grades: Iterable<string>): string[] {
  return [...new Set(grades)].sort(compareGrades);
}
