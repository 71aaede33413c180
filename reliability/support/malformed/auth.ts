import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  extraCodes,
  setAt,
  spliceRaw,
  type BadCase,
  type FieldSpec,
  type Json,
} from './bad-case.js';
import {
  brokenText,
  deepNesting,
  extraKeys,
  INJECTIONS,
  longString,
  wrongType,
} from './bad-values.js';

/** Bodies for /auth/register and /auth/login that break one rule each. */
export function badAuthBody(kind: 'register' | 'login'): fc.Arbitrary<BadCase> {
  const valid = () =>
    kind === 'register'
      ? ({
          email: `fuzz-${randomUUID()}@reliability.sendlog.app`,
          password: 'long enough pass',
          name: 'Fuzz',
        } as Json)
      : ({ email: 'nobody@reliability.sendlog.app', password: 'whatever pass' } as Json);
  const fields: FieldSpec[] =
    kind === 'register'
      ? [
          {
            field: 'email',
            bad: fc.oneof(
              wrongType({ string: true }),
              fc.constantFrom('not-an-email', 'a@', '@b.c', 'a b@c.d', ...INJECTIONS),
              longString(250).map((s) => `${s}@x.io`),
            ),
          },
          {
            field: 'password',
            bad: fc.oneof(
              wrongType({ string: true }),
              fc.string({ maxLength: 7 }),
              longString(257),
            ),
          },
          {
            field: 'name',
            bad: fc.oneof(wrongType({ string: true, null: true }), longString(101), brokenText),
          },
        ]
      : [
          {
            field: 'email',
            bad: fc.oneof(wrongType({ string: true }), fc.constant(''), longString(255)),
          },
          {
            field: 'password',
            bad: fc.oneof(wrongType({ string: true }), fc.constant(''), longString(257)),
          },
        ];
  const field = fc.constantFrom(...fields).chain((spec) =>
    spec.bad.map((value): BadCase => ({
      kind: `${kind}.${spec.field}`,
      json: JSON.stringify(setAt(valid(), [spec.field], value)),
      path: spec.field,
      codes: ['validation_failed'],
    })),
  );
  const missing = fc.constantFrom('email', 'password').map((f): BadCase => ({
    kind: `${kind}.missing.${f}`,
    json: JSON.stringify(setAt(valid(), [f], undefined)),
    path: f,
    codes: ['validation_failed'],
  }));
  const extra = fc.tuple(extraKeys, fc.jsonValue({ maxDepth: 2 })).map(([key, value]): BadCase => ({
    kind: `${kind}.extra`,
    json: spliceRaw(valid(), [], key, JSON.stringify(value as Json)),
    path: key,
    codes: extraCodes(key, value as Json),
  }));
  const nested = deepNesting.map((raw): BadCase => ({
    kind: `${kind}.deep`,
    json: spliceRaw(valid(), [], 'email', raw),
    path: 'email',
    codes: ['validation_failed'],
  }));
  const notAnObject = fc.constantFrom<Json>(null, 42, 'x', true, []).map((v): BadCase => ({
    kind: `${kind}.not-an-object`,
    json: JSON.stringify(v),
    path: '',
    codes: ['validation_failed'],
  }));
  return fc.oneof(field, missing, extra, nested, notAnObject);
}
