import {
  ROUTE_CONTENT_FIELDS,
  routeSnapshotSchema,
  sessionSnapshotSchema,
  type RouteFieldKind,
} from '@sendlog/contract';
import fc from 'fast-check';
import type { FieldSpec, Json } from './bad-case.js';
import { badBoolean, badDate, badId, badInt, badOptionalText, INJECTIONS } from './bad-values.js';

/**
 * The fields of a route snapshot and the values that break each, read from the contract: the
 * fields and their order from `routeSnapshotSchema`, what each holds from `ROUTE_CONTENT_FIELDS`,
 * lengths, bounds and whether null is allowed from the schema. A field added to the contract is
 * fuzzed without an edit here.
 */

/** What the route fields that are not content hold (the contract names them in `route-fields.ts`). */
const NOT_CONTENT: Record<string, FieldKind> = { clientRouteId: 'clientId', updatedAt: 'time' };
type FieldKind = RouteFieldKind | 'clientId';

const KIND_OF: Record<string, FieldKind> = {
  ...Object.fromEntries(ROUTE_CONTENT_FIELDS.map((f) => [f.name, f.kind])),
  ...NOT_CONTENT,
};

/** What this module reads of a zod field schema (its optional and nullable wrappers included). */
interface FieldSchema {
  safeParse(value: unknown): { success: boolean };
  def: { type: string };
  unwrap?: () => FieldSchema;
  minValue?: number | null;
  maxValue?: number | null;
  maxLength?: number | null;
}

interface FieldFacts {
  required: boolean;
  nullable: boolean;
  /** The bounds of an integer, the longest text of a string; null where the schema sets none. */
  minValue: number | null;
  maxValue: number | null;
  maxLength: number | null;
}

function factsOf(schema: FieldSchema): FieldFacts {
  let inner = schema;
  while ((inner.def.type === 'optional' || inner.def.type === 'nullable') && inner.unwrap) {
    inner = inner.unwrap();
  }
  return {
    required: !schema.safeParse(undefined).success,
    nullable: schema.safeParse(null).success,
    minValue: inner.minValue ?? null,
    maxValue: inner.maxValue ?? null,
    maxLength: inner.maxLength ?? null,
  };
}

const shapeOf = (schema: { shape: object }) =>
  Object.entries(schema.shape as Record<string, FieldSchema>).map(
    ([field, s]) => [field, factsOf(s)] as const,
  );

function bound(field: string, value: number | null): number {
  if (value === null) throw new Error(`the contract sets no bound on route field ${field}`);
  return value;
}

function badValues(field: string, kind: FieldKind, f: FieldFacts): FieldSpec[] {
  switch (kind) {
    case 'clientId':
      return [{ field, bad: badId(bound(field, f.maxLength), f.nullable) }];
    case 'id':
      return [
        { field, bad: badId(bound(field, f.maxLength), f.nullable) },
        {
          // Well-formed, but naming nothing the server holds.
          field,
          bad: fc.oneof(
            fc.constantFrom(...INJECTIONS),
            fc.uuid().map((u) => u as Json),
          ),
          codes: ['unknown_climb', 'validation_failed'],
        },
      ];
    case 'boolean':
      return [{ field, bad: badBoolean(f.nullable) }];
    case 'integer':
      return [
        {
          field,
          bad: badInt(bound(field, f.minValue), bound(field, f.maxValue), f.nullable),
        },
      ];
    case 'text':
      return [{ field, bad: badOptionalText(bound(field, f.maxLength), f.nullable) }];
    case 'time':
      return [{ field, bad: badDate(f.nullable) }];
    case 'climb':
      // Beside a catalogue climb (the valid route's `climbId`) any unlisted climb is refused; these
      // are also broken on their own: not an object, a field missing, empty, too long or unknown.
      return [
        {
          field,
          bad: fc.constantFrom<Json>(
            'boulder',
            7,
            [],
            {},
            { name: '', grade: 'V1', kind: 'boulder' },
            { name: 'Roof', grade: 'V1', kind: 'sport' },
            { name: 'x'.repeat(201), grade: '6a', kind: 'route' },
            { name: 'Roof', grade: '5'.repeat(21), kind: 'route' },
            { name: 'Roof', grade: 'V1', kind: 'boulder', extra: true },
          ),
        },
      ];
  }
}

const ROUTE_SHAPE = shapeOf(routeSnapshotSchema);

/** Every field of a route snapshot with the values that break it, in the schema's order. */
export const ROUTE_FIELDS: FieldSpec[] = ROUTE_SHAPE.flatMap(([field, facts]) => {
  const kind = KIND_OF[field];
  if (kind === undefined) {
    throw new Error(`route field ${field} is neither in ROUTE_CONTENT_FIELDS nor NOT_CONTENT`);
  }
  return badValues(field, kind, facts);
});

/** The fields a route snapshot cannot leave out. */
export const REQUIRED_ROUTE = ROUTE_SHAPE.filter(([, f]) => f.required).map(([field]) => field);
/** The fields a session snapshot cannot leave out. */
export const REQUIRED_SESSION = shapeOf(sessionSnapshotSchema)
  .filter(([, f]) => f.required)
  .map(([field]) => field);
