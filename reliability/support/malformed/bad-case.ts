import { randomUUID } from 'node:crypto';
import type fc from 'fast-check';

/**
 * A body that is wrong in one known place. Each case carries the JSON text sent and the field
 * path the server has to name, so a test can check the answer points at the actual mistake (not
 * just "some 400").
 */
export interface BadCase {
  /** What kind of mistake, for the figures. */
  kind: string;
  /** The exact request body. */
  json: string;
  /** The dotted path the error must name ('' = the whole body). */
  path: string;
  /** Codes that correctly describe this mistake. */
  codes: string[];
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** One field of a body and the values that break it. */
export interface FieldSpec {
  field: string;
  bad: fc.Arbitrary<Json>;
  /** The codes a bad value may be answered with; `validation_failed` when left out. */
  codes?: string[];
}

/** A copy of `root` with `value` at `path`, or without that key when `value` is undefined. */
export function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  // defineProperty, so `__proto__` becomes an own key (as JSON.parse would make it).
  else
    Object.defineProperty(node, last, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

/** JSON text with `raw` (already JSON text) spliced in as the value of `key` in the object at `path`. */
export function spliceRaw(root: Json, path: (string | number)[], key: string, raw: string): string {
  const marker = `__splice_${randomUUID()}__`;
  const withMarker = setAt(root, [...path, key], marker);
  return JSON.stringify(withMarker).replace(`"${marker}"`, () => raw);
}

export const dotted = (path: (string | number)[]) => path.join('.');

/**
 * The codes that describe an unknown field `key` holding `value`. A prototype-pollution key,
 * as the field or anywhere inside its value, may be refused by the JSON parser itself.
 */
export function extraCodes(key: string, value: Json): string[] {
  return key === '__proto__' ||
    key === 'constructor' ||
    JSON.stringify(value).includes('"__proto__"')
    ? ['validation_failed', 'invalid_json']
    : ['validation_failed'];
}
