import type { SessionSnapshotInput } from '@sendlog/contract';
import fc from 'fast-check';
import {
  dotted,
  extraCodes,
  setAt,
  spliceRaw,
  type BadCase,
  type FieldSpec,
  type Json,
} from './bad-case.js';
import {
  badDate,
  badId,
  badOptionalText,
  deepNesting,
  extraKeys,
  INJECTIONS,
  wrongType,
} from './bad-values.js';
import { REQUIRED_ROUTE, REQUIRED_SESSION, ROUTE_FIELDS } from './route-fields.js';

/** The fields of a session snapshot with the values that break each (its routes: route-fields.ts). */
const SESSION_FIELDS: FieldSpec[] = [
  { field: 'clientSessionId', bad: badId(128) },
  {
    field: 'layoutId',
    bad: fc.oneof(
      badId(128),
      fc.constantFrom(...INJECTIONS),
      fc.uuid().map((u) => u as Json),
    ),
  },
  { field: 'startTime', bad: badDate(false) },
  {
    field: 'endTime',
    bad: fc.oneof(
      badDate(true),
      fc.constantFrom('2026-11-20T17:59:59.999Z', '2026-11-21T18:00:00.001Z'),
    ),
  },
  { field: 'notes', bad: badOptionalText(2000) },
  {
    field: 'baseRevision',
    bad: fc.oneof(
      wrongType({ number: true, null: true }),
      fc.integer({ min: -1_000_000, max: 0 }),
      fc.double({ min: 1, max: 1e6, noNaN: true }).filter((d) => !Number.isInteger(d)),
      fc.constant('1'),
    ),
  },
  { field: 'updatedAt', bad: badDate(true) },
  {
    field: 'removedRouteIds',
    bad: fc.oneof(
      wrongType({ array: true, null: false }),
      fc.constant(['ok', ''] as Json),
      fc.constant([1, 2] as Json),
      fc.constant(Array.from({ length: 2001 }, (_, i) => `gone-${i}`) as Json),
    ),
  },
  {
    field: 'routes',
    bad: fc.oneof(
      wrongType({ array: true }),
      fc.constant([1] as Json),
      fc.constant(['route'] as Json),
    ),
  },
];

/** One snapshot broken in one place, built on a valid snapshot. */
export function badSnapshot(valid: () => SessionSnapshotInput): fc.Arbitrary<BadCase> {
  const base = () => valid() as unknown as Json;
  const routeCount = () => (valid().routes as unknown[]).length;
  const routeIndex = fc.nat({ max: 1_000 }).map((n) => n % Math.max(routeCount(), 1));

  const sessionField = fc.constantFrom(...SESSION_FIELDS).chain((spec) =>
    spec.bad.map((value): BadCase => ({
      kind: `session.${spec.field}`,
      json: JSON.stringify(setAt(base(), [spec.field], value)),
      path: spec.field,
      codes: spec.codes ?? ['validation_failed'],
    })),
  );
  const routeField = fc.tuple(fc.constantFrom(...ROUTE_FIELDS), routeIndex).chain(([spec, i]) =>
    spec.bad.map((value): BadCase => ({
      kind: `route.${spec.field}`,
      json: JSON.stringify(setAt(base(), ['routes', i, spec.field], value)),
      path: dotted(['routes', i, spec.field]),
      codes: spec.codes ?? ['validation_failed'],
    })),
  );
  const missing = fc.oneof(
    fc.constantFrom(...REQUIRED_SESSION).map((field): BadCase => ({
      kind: `missing.${field}`,
      json: JSON.stringify(setAt(base(), [field], undefined)),
      path: field,
      codes: ['validation_failed'],
    })),
    fc.tuple(fc.constantFrom(...REQUIRED_ROUTE), routeIndex).map(([field, i]): BadCase => ({
      kind: `missing.route.${field}`,
      json: JSON.stringify(setAt(base(), ['routes', i, field], undefined)),
      path: dotted(['routes', i, field]),
      codes: ['validation_failed'],
    })),
  );
  const extra = fc
    .tuple(extraKeys, fc.boolean(), routeIndex, fc.jsonValue({ maxDepth: 2 }))
    .map(([key, inRoute, i, value]): BadCase => {
      const at = inRoute ? ['routes', i] : [];
      return {
        kind: key === '__proto__' || key === 'constructor' ? 'extra.prototype' : 'extra.field',
        json: spliceRaw(base(), at, key, JSON.stringify(value as Json)),
        path: dotted([...at, key]),
        codes: extraCodes(key, value as Json),
      };
    });
  const nested = fc
    .tuple(deepNesting, fc.constantFrom('notes', 'layoutId', 'x_deep'))
    .map(([raw, field]): BadCase => ({
      kind: 'deep-nesting',
      json: spliceRaw(base(), [], field, raw),
      path: field,
      codes: ['validation_failed'],
    }));
  const duplicateRouteId = fc.constant(null).map((): BadCase => {
    const s = valid();
    const routes = s.routes.map((r) => ({ ...r, clientRouteId: 'same' }));
    return {
      kind: 'route.duplicate-id',
      json: JSON.stringify({ ...s, routes }),
      path: 'routes.1.clientRouteId',
      codes: ['validation_failed'],
    };
  });
  const tooManyRoutes = fc.integer({ min: 501, max: 700 }).map((n): BadCase => {
    const s = valid();
    const template = s.routes[0]!;
    return {
      kind: 'routes.too-many',
      json: JSON.stringify({
        ...s,
        routes: Array.from({ length: n }, (_, i) => ({ ...template, clientRouteId: `many-${i}` })),
      }),
      path: 'routes',
      codes: ['validation_failed'],
    };
  });
  const futureStart = fc.integer({ min: 2, max: 3650 }).map((days): BadCase => {
    const start = new Date(Date.now() + days * 86_400_000).toISOString();
    return {
      kind: 'session.startTime-future',
      json: JSON.stringify({ ...valid(), startTime: start, endTime: null, updatedAt: start }),
      path: 'startTime',
      codes: ['validation_failed'],
    };
  });
  const notAnObject = fc
    .constantFrom<Json>(null, 42, 'session', true, [], [1, 2])
    .map((v): BadCase => ({
      kind: 'not-an-object',
      json: JSON.stringify(v),
      path: '',
      codes: ['validation_failed'],
    }));

  return fc.oneof(
    { weight: 6, arbitrary: sessionField },
    { weight: 8, arbitrary: routeField },
    { weight: 2, arbitrary: missing },
    { weight: 3, arbitrary: extra },
    { weight: 1, arbitrary: nested },
    { weight: 1, arbitrary: duplicateRouteId },
    { weight: 1, arbitrary: futureStart },
    { weight: 1, arbitrary: tooManyRoutes },
    { weight: 1, arbitrary: notAnObject },
  );
}
