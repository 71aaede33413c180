import type { ErrorDetail } from '@sendlog/contract';

/**
 * PostgreSQL text cannot hold NUL characters and JSON cannot carry lone UTF-16 surrogates into
 * jsonb: such strings are refused up front as a validation error at their path, so they never
 * turn into a database error (or a 500) half-way through a write.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unsafe = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

export function unsafeTextDetails(value: unknown, path: (string | number)[] = []): ErrorDetail[] {
  if (typeof value === 'string') {
    if (unsafe(value)) {
      return [
        { path: path.join('.'), message: 'must not contain NUL characters or broken Unicode' },
      ];
    }
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => unsafeTextDetails(v, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(unsafe(k)
        ? [{ path: [...path, k].join('.'), message: 'is not a valid field name' }]
        : []),
      ...unsafeTextDetails(v, [...path, k]),
    ]);
  }
  return [];
}
