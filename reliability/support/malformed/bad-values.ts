import fc from 'fast-check';
import type { Json } from './bad-case.js';

/** Values that are wrong for any field: shared by every generator of bad bodies. */

export const INJECTIONS = [
  "'; DROP TABLE climbing_sessions; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  '1; select pg_sleep(10); --',
  '$(rm -rf /)',
  '`reboot`',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${7*7}',
  '../../../../etc/passwd',
  '%00%27',
  '{"$gt": ""}',
];

const INVALID_DATES = [
  '',
  ' ',
  'yesterday',
  'NaN',
  '2026-11-24',
  '2026-11-24T18:05:00',
  '2026-11-24 18:05:00Z',
  '2026-13-01T00:00:00.000Z',
  '2026-11-32T00:00:00.000Z',
  '2026-11-24T25:00:00.000Z',
  '2026-11-24T18:61:00.000Z',
  '2026-11-24T18:05:00.000+25:00',
  '+275760-09-13T00:00:00.000Z',
  '24/11/2026 18:05',
  '1732471500000',
];

/** Values of every JSON type except the ones a field accepts. */
export function wrongType(accepts: {
  string?: boolean;
  number?: boolean;
  boolean?: boolean;
  null?: boolean;
  array?: boolean;
}) {
  const all: fc.Arbitrary<Json>[] = [fc.constant({} as Json), fc.constant({ a: 1 } as Json)];
  if (!accepts.string) all.push(fc.string({ maxLength: 20 }), fc.constantFrom(...INJECTIONS));
  if (!accepts.number) all.push(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (!accepts.boolean) all.push(fc.boolean());
  if (!accepts.null) all.push(fc.constant(null));
  if (!accepts.array) all.push(fc.array(fc.integer(), { maxLength: 3 }));
  return fc.oneof(...all);
}

export const longString = (min: number) =>
  fc.integer({ min, max: min + 5000 }).map((n) => 'x'.repeat(n));
/** Strings PostgreSQL text or jsonb cannot hold: NUL, lone surrogates. */
export const brokenText = fc.constantFrom('nul\u0000byte', 'lone \ud800 high', 'lone \udc00 low');
/** Ids of at most `max` characters; null is bad only where the field is not nullable. */
export const badId = (max: number, nullable = true) =>
  fc.oneof(
    wrongType({ null: nullable, string: true }),
    fc.constant(''),
    longString(max + 1),
    brokenText,
  );
export const badDate = (nullable: boolean) =>
  fc.oneof(wrongType({ string: true, null: nullable }), fc.constantFrom(...INVALID_DATES));
/** Text of at most `max` characters that may be null (or, with `nullable` false, may not). */
export const badOptionalText = (max: number, nullable = true) =>
  fc.oneof(wrongType({ string: true, null: nullable }), longString(max + 1), brokenText);
export const badInt = (min: number, max: number, nullable: boolean) =>
  fc.oneof(
    wrongType({ number: true, null: nullable }),
    fc.integer({ min: min - 1_000_000, max: min - 1 }),
    fc.integer({ min: max + 1, max: max + 1_000_000 }),
    fc.double({ min, max, noNaN: true }).filter((d) => !Number.isInteger(d)),
    fc.constant(1e300),
    fc.constant(String(min)),
  );
export const badBoolean = (nullable = false) =>
  fc.oneof(wrongType({ boolean: true, null: nullable }), fc.constantFrom<Json>('true', 1, 0));

/**
 * How deep generated nesting goes. Deeper than 1,000 levels, a bulk body answers 500 today: the
 * server's text-safety walk (apps/server/src/domain/text-safety.ts) recurses once per level and
 * overflows the stack around 5,000 (reported; raise this once that is fixed).
 */
const MAX_NESTING = Number(process.env.RELIABILITY_MAX_NESTING ?? 1_000);

/** Deep nesting of arrays/objects, far deeper than any real body. */
export const deepNesting = fc
  .tuple(fc.integer({ min: 20, max: MAX_NESTING }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays
      ? '['.repeat(depth) + ']'.repeat(depth)
      : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
  );

/** Keys that must never be accepted as fields (strict objects), prototype pollution included. */
export const extraKeys = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'userId',
    'id',
    'revision',
    'isAdmin',
    'user_id',
  ),
  fc.constantFrom(...INJECTIONS),
  fc.string({ minLength: 1, maxLength: 12 }).map((s) => `x_${s}`),
);
