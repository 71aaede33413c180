import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { SessionSnapshotInput } from '@sendlog/contract';

/**
 * Generators of bodies that are wrong in one known place. Each case carries the JSON text sent
 * and the field path the server has to name, so a test can check the answer points at the
 * actual mistake (not just "some 400").
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

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

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
function wrongType(accepts: {
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

const longString = (min: number) => fc.integer({ min, max: min + 5000 }).map((n) => 'x'.repeat(n));
/** Strings PostgreSQL text or jsonb cannot hold: NUL, lone surrogates. */
const brokenText = fc.constantFrom('nul\u0000byte', 'lone \ud800 high', 'lone \udc00 low');
const badId = (max: number) =>
  fc.oneof(
    wrongType({ null: true, string: true }),
    fc.constant(''),
    longString(max + 1),
    brokenText,
  );
const badDate = (nullable: boolean) =>
  fc.oneof(wrongType({ string: true, null: nullable }), fc.constantFrom(...INVALID_DATES));
const badOptionalText = (max: number) =>
  fc.oneof(wrongType({ string: true, null: true }), longString(max + 1), brokenText);
const badInt = (min: number, max: number, nullable: boolean) =>
  fc.oneof(
    wrongType({ number: true, null: nullable }),
    fc.integer({ min: min - 1_000_000, max: min - 1 }),
    fc.integer({ min: max + 1, max: max + 1_000_000 }),
    fc.double({ min, max, noNaN: true }).filter((d) => !Number.isInteger(d)),
    fc.constant(1e300),
    fc.constant(String(min)),
  );

/**
 * How deep generated nesting goes. Deeper than 1,000 levels, a bulk body answers 500 today: the
 * server's text-safety walk (apps/server/src/domain/text-safety.ts) recurses once per level and
 * overflows the stack around 5,000 (reported; raise this once that is fixed).
 */
const MAX_NESTING = Number(process.env.RELIABILITY_MAX_NESTING ?? 1_000);

/** Deep nesting of arrays/objects, far deeper than any real body. */
const deepNesting = fc
  .tuple(fc.integer({ min: 20, max: MAX_NESTING }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays
      ? '['.repeat(depth) + ']'.repeat(depth)
      : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
  );

/** Keys that must never be accepted as fields (strict objects), prototype pollution included. */
const extraKeys = fc.oneof(
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

function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
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
function spliceRaw(root: Json, path: (string | number)[], key: string, raw: string): string {
  const marker = `__splice_${randomUUID()}__`;
  const withMarker = setAt(root, [...path, key], marker);
  return JSON.stringify(withMarker).replace(`"${marker}"`, () => raw);
}

const dotted = (path: (string | number)[]) => path.join('.');

/**
 * The codes that describe an unknown field `key` holding `value`. A prototype-pollution key,
 * as the field or anywhere inside its value, may be refused by the JSON parser itself.
 */
function extraCodes(key: string, value: Json): string[] {
  return key === '__proto__' ||
    key === 'constructor' ||
    JSON.stringify(value).includes('"__proto__"')
    ? ['validation_failed', 'invalid_json']
    : ['validation_failed'];
}

interface FieldSpec {
  field: string;
  bad: fc.Arbitrary<Json>;
  codes?: string[];
}

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

const ROUTE_FIELDS: FieldSpec[] = [
  { field: 'clientRouteId', bad: badId(128) },
  {
    field: 'climbId',
    bad: fc.oneof(wrongType({ string: true }), fc.constant(''), longString(129), brokenText),
  },
  {
    field: 'climbId',
    bad: fc.oneof(
      fc.constantFrom(...INJECTIONS),
      fc.uuid().map((u) => u as Json),
    ),
    codes: ['unknown_climb', 'validation_failed'],
  },
  {
    field: 'isSuccess',
    bad: fc.oneof(wrongType({ boolean: true }), fc.constantFrom('true', 1, 0)),
  },
  { field: 'attempts', bad: badInt(1, 999, false) },
  { field: 'notes', bad: badOptionalText(1000) },
  { field: 'rating', bad: badInt(1, 5, true) },
  { field: 'gradeOpinion', bad: badOptionalText(10) },
  { field: 'loggedAt', bad: badDate(true) },
  { field: 'updatedAt', bad: badDate(true) },
];

const REQUIRED_SESSION = ['startTime', 'routes'];
const REQUIRED_ROUTE = ['climbId', 'isSuccess', 'attempts'];

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

/** Bytes that are not JSON at all. */
export const notJson = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":}',
    "{'a':1}",
    '[1,2',
    'undefined',
    'NaN',
    '{"a":1}{',
    '\u0000',
    '{"a":1,}',
  ),
  fc.string({ minLength: 1, maxLength: 50 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);

/** A body endpoint of catalogue management (or the profile), broken in one field at a time. */
interface BodySpec {
  kind: string;
  valid: () => Json;
  fields: FieldSpec[];
  required: string[];
}

const badText = (max: number) =>
  fc.oneof(
    wrongType({ string: true }),
    fc.constantFrom('', '   '),
    longString(max + 1),
    brokenText,
  );
const badNullableText = (max: number) =>
  fc.oneof(wrongType({ string: true, null: true }), longString(max + 1), brokenText);
const badBoolean = fc.oneof(wrongType({ boolean: true }), fc.constantFrom<Json>('true', 1, 0));
const badGradeSystem = fc.oneof(
  wrongType({ string: true }),
  fc.constantFrom<Json>('v', 'font', 'YDS', '', 'V ', ...INJECTIONS),
);
/** Never a grade of the V system (the demo walls'), whatever the case or blanks. */
const badVGrade = fc.oneof(
  wrongType({ string: true }),
  fc.constantFrom<Json>('', 'V18', 'V-1', '6A', '7a+', '5.12a', 'v 4', 'soft V5', 'V4/5'),
  longString(11),
  fc.constantFrom(...INJECTIONS),
  brokenText,
);
const badColor = fc.oneof(
  wrongType({ string: true, null: true }),
  fc.constantFrom<Json>('blue', '#fff', '#gggggg', '1e88e5', '#1e88e5 ', ...INJECTIONS),
);
const badPosition = fc.oneof(
  wrongType({ null: true }).filter(
    (v) => !(typeof v === 'object' && v !== null && !Array.isArray(v)),
  ),
  fc.constantFrom<Json>(
    {},
    { x: 0.5 },
    { x: 2, y: 0 },
    { x: -0.1, y: 0.5 },
    { x: 0.5, y: '0.5' },
    { x: 0.5, y: 0.5, z: 1 },
  ),
);

const climbSpecs: FieldSpec[] = [
  { field: 'name', bad: badText(100) },
  { field: 'grade', bad: badVGrade },
  { field: 'color', bad: badColor },
  { field: 'position', bad: badPosition },
  { field: 'setter', bad: fc.oneof(badNullableText(100), fc.constant<Json>('')) },
  { field: 'setAt', bad: badDate(true) },
];
const validClimb = (): Json => ({
  name: 'Fuzz climb',
  grade: 'V3',
  color: '#1e88e5',
  position: { x: 0.5, y: 0.25 },
  setter: 'Fuzz',
  setAt: '2026-11-20T10:00:00.000Z',
});

export const CATALOGUE_BODIES = {
  createLayout: {
    kind: 'layout.create',
    valid: () => ({ name: 'Fuzz wall', description: 'fuzzed', gradeSystem: 'V' }),
    fields: [
      { field: 'name', bad: badText(100) },
      {
        field: 'description',
        bad: fc.oneof(wrongType({ string: true }), longString(1001), brokenText),
      },
      { field: 'gradeSystem', bad: badGradeSystem },
    ],
    required: ['name', 'gradeSystem'],
  },
  updateLayout: {
    kind: 'layout.update',
    valid: () => ({ name: 'Fuzz wall', description: 'fuzzed', archived: false }),
    fields: [
      { field: 'name', bad: badText(100) },
      {
        field: 'description',
        bad: fc.oneof(wrongType({ string: true }), longString(1001), brokenText),
      },
      { field: 'archived', bad: badBoolean },
    ],
    required: [],
  },
  createClimb: {
    kind: 'climb.create',
    valid: validClimb,
    fields: climbSpecs,
    required: ['name', 'grade'],
  },
  updateClimb: {
    kind: 'climb.update',
    valid: () => ({
      name: 'Fuzz climb',
      grade: 'V3',
      color: null,
      position: null,
      archived: false,
    }),
    fields: [
      ...climbSpecs.filter((s) => !['setter', 'setAt'].includes(s.field)),
      { field: 'archived', bad: badBoolean },
    ],
    required: [],
  },
  reset: {
    kind: 'layout.reset',
    valid: () => ({ climbs: [validClimb(), validClimb()], archiveOthers: true }),
    fields: [
      {
        field: 'climbs',
        bad: fc.oneof(
          wrongType({ array: true }),
          fc.constant<Json>([1]),
          fc.constant<Json>(Array.from({ length: 501 }, validClimb)),
        ),
      },
      { field: 'archiveOthers', bad: badBoolean },
      ...climbSpecs.map((s) => ({ ...s, field: `climbs.1.${s.field}` })),
    ],
    required: ['climbs', 'archiveOthers', 'climbs.0.name', 'climbs.0.grade'],
  },
  updateMe: {
    kind: 'me.update',
    valid: () => ({ name: 'Fuzz', gradeSystem: 'Font' }),
    fields: [
      { field: 'name', bad: badNullableText(100) },
      { field: 'gradeSystem', bad: badGradeSystem },
    ],
    required: [],
  },
  setRole: {
    kind: 'user.role',
    valid: () => ({ email: 'nobody@reliability.sendlog.app', role: 'setter' }),
    fields: [
      {
        field: 'email',
        bad: fc.oneof(wrongType({ string: true }), fc.constant<Json>(''), longString(255)),
      },
      {
        field: 'role',
        bad: fc.oneof(
          wrongType({ string: true }),
          fc.constantFrom<Json>('Admin', 'owner', '', ...INJECTIONS),
        ),
      },
    ],
    required: ['email', 'role'],
  },
} satisfies Record<string, BodySpec>;

const pathOf = (field: string) => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** Bodies of one catalogue (or profile) endpoint that break one rule each. */
export function badCatalogueBody(spec: BodySpec): fc.Arbitrary<BadCase> {
  const field = fc.constantFrom(...spec.fields).chain((f) =>
    f.bad.map((value): BadCase => ({
      kind: `${spec.kind}.${f.field}`,
      json: JSON.stringify(setAt(spec.valid(), pathOf(f.field), value)),
      path: f.field,
      codes: f.codes ?? ['validation_failed'],
    })),
  );
  const arms: fc.Arbitrary<BadCase>[] = [field];
  if (spec.required.length > 0) {
    arms.push(
      fc.constantFrom(...spec.required).map((f): BadCase => ({
        kind: `${spec.kind}.missing`,
        json: JSON.stringify(setAt(spec.valid(), pathOf(f), undefined)),
        path: f,
        codes: ['validation_failed'],
      })),
    );
  }
  arms.push(
    fc.tuple(extraKeys, fc.jsonValue({ maxDepth: 2 })).map(([key, value]): BadCase => ({
      kind: `${spec.kind}.extra`,
      json: spliceRaw(spec.valid(), [], key, JSON.stringify(value as Json)),
      path: key,
      codes: extraCodes(key, value as Json),
    })),
    deepNesting.map((raw): BadCase => ({
      kind: `${spec.kind}.deep`,
      json: spliceRaw(spec.valid(), [], 'x_deep', raw),
      path: 'x_deep',
      codes: ['validation_failed'],
    })),
    fc.constantFrom<Json>(null, 42, 'x', true, []).map((v): BadCase => ({
      kind: `${spec.kind}.not-an-object`,
      json: JSON.stringify(v),
      path: '',
      codes: ['validation_failed'],
    })),
  );
  return fc.oneof(...arms);
}
