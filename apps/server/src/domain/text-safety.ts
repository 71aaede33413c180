import type { ErrorDetail } from '@sendlog/contract';

/**
 * PostgreSQL text cannot hold NUL characters and JSON cannot carry lone UTF-16 surrogates into
 * jsonb: such strings are refused up front as a validation error at their path, so they never
 * turn into a database error (or a 500) half-way through a write.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unsafe = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

interface Visit {
  value: unknown;
  key: string | number | null;
  parent: Visit | null;
}

function pathOf(visit: Visit, base: (string | number)[]): string {
  const keys: (string | number)[] = [];
  for (let v: Visit | null = visit; v; v = v.parent) if (v.key !== null) keys.push(v.key);
  return [...base, ...keys.reverse()].join('.');
}

/**
 * Walks with an explicit stack and parent links rather than recursion and path copies: a hostile
 * body nested thousands of levels deep is a 400 in linear time, not a stack overflow (a 500). A
 * path is only built for a string that is actually refused.
 */
export function unsafeTextDetails(value: unknown, path: (string | number)[] = []): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const stack: Visit[] = [{ value, key: null, parent: null }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const v = visit.value;
    if (typeof v === 'string') {
      if (unsafe(v)) {
        details.push({
          path: pathOf(visit, path),
          message: 'must not contain NUL characters or broken Unicode',
        });
      }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push({ value: v[i], key: i, parent: visit });
    } else if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [k, child] = entries[i]!;
        const at: Visit = { value: child, key: k, parent: visit };
        stack.push(at);
        if (unsafe(k))
          details.push({ path: pathOf(at, path), message: 'is not a valid field name' });
      }
    }
  }
  return details;
}
