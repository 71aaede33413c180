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
  badBoolean,
  badDate,
  badOptionalText,
  brokenText,
  deepNesting,
  extraKeys,
  INJECTIONS,
  longString,
  wrongType,
} from './bad-values.js';

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
  { field: 'setter', bad: fc.oneof(badOptionalText(100), fc.constant<Json>('')) },
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

/** Never an IANA zone name, whatever the runtime accepts (offsets, made-up or mistyped names). */
const badTimeZone = fc.oneof(
  wrongType({ string: true }),
  fc.constantFrom<Json>(
    '',
    ' ',
    '+01:00',
    'UTC+1',
    'Mars/Olympus',
    'Europe/Züri',
    'Berlin',
    ...INJECTIONS,
  ),
  longString(65),
  brokenText,
);
/** Never a slug: 2–40 of a–z, 0–9 and dashes, not shaped like an id. */
const badSlug = fc
  .oneof(
    wrongType({ string: true }),
    fc.constantFrom<Json>(
      '',
      'a',
      'No Caps',
      'ü-gym',
      'a_b',
      'a b',
      '00000000-0000-4000-8000-000000000000',
      ...INJECTIONS,
    ),
    longString(41),
    brokenText,
  )
  .filter((v) => typeof v !== 'string' || !/^[a-z0-9-]{2,40}$/.test(v) || v.length === 36);
const gymFields: FieldSpec[] = [
  { field: 'name', bad: badText(100) },
  { field: 'city', bad: badOptionalText(100) },
  { field: 'country', bad: badOptionalText(100) },
  { field: 'timeZone', bad: badTimeZone },
  { field: 'gradeSystem', bad: badGradeSystem },
];

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
      { field: 'archived', bad: badBoolean() },
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
      { field: 'archived', bad: badBoolean() },
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
      { field: 'archiveOthers', bad: badBoolean() },
      ...climbSpecs.map((s) => ({ ...s, field: `climbs.1.${s.field}` })),
    ],
    required: ['climbs', 'archiveOthers', 'climbs.0.name', 'climbs.0.grade'],
  },
  createGym: {
    kind: 'gym.create',
    valid: () => ({
      name: 'Fuzz gym',
      slug: 'fuzz-gym',
      city: 'Zürich',
      country: 'CH',
      timeZone: 'Europe/Zurich',
      gradeSystem: 'V',
    }),
    fields: [...gymFields, { field: 'slug', bad: badSlug }],
    required: ['name', 'timeZone'],
  },
  updateGym: {
    kind: 'gym.update',
    valid: () => ({ name: 'Fuzz gym', city: null, timeZone: 'UTC', archived: false }),
    fields: [...gymFields, { field: 'archived', bad: badBoolean() }],
    required: [],
  },
  setGymStaff: {
    kind: 'gym.staff',
    valid: () => ({ email: 'nobody@reliability.sendlog.app', role: 'setter' }),
    fields: [
      {
        field: 'email',
        bad: fc.oneof(wrongType({ string: true }), fc.constant<Json>(''), longString(255)),
      },
      {
        field: 'role',
        bad: fc.oneof(
          wrongType({ string: true, null: true }),
          fc.constantFrom<Json>('Admin', 'owner', 'climber', '', ...INJECTIONS),
        ),
      },
    ],
    required: ['email', 'role'],
  },
  createGymLayout: {
    kind: 'gym.layout',
    valid: () => ({ name: 'Fuzz wall', description: 'fuzzed', gradeSystem: 'Font' }),
    fields: [
      { field: 'name', bad: badText(100) },
      {
        field: 'description',
        bad: fc.oneof(wrongType({ string: true }), longString(1001), brokenText),
      },
      { field: 'gradeSystem', bad: badGradeSystem },
    ],
    required: ['name'],
  },
  updateMe: {
    kind: 'me.update',
    valid: () => ({ name: 'Fuzz', gradeSystem: 'Font' }),
    fields: [
      { field: 'name', bad: badOptionalText(100) },
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
