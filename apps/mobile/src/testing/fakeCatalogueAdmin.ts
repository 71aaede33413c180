import {
  createClimbBodySchema,
  createLayoutBodySchema,
  gradeOfMessage,
  isGradeOf,
  issuesToDetails,
  normalizeGrade,
  resetLayoutBodySchema,
  updateClimbBodySchema,
  updateLayoutBodySchema,
} from '@sendlog/contract';
import type { Climb, ErrorDetail, Layout, User } from '@sendlog/contract';
import type { z } from 'zod';

/** The fake server's catalogue, which the management endpoints change (one per fake API). */
export interface FakeCatalogue {
  layouts: Layout[];
  climbs: Climb[];
  /** Bumped by every change to a layout's climbs: its ETag follows it. */
  climbsVersion: Map<string, number>;
  /** Set by a test: the next upload is refused, as the server refuses a file that is no picture. */
  refuseNextPicture: boolean;
}

type Answer = { status: number; body: unknown };

const refuse = (status: number, code: string, message: string, details?: ErrorDetail[]) => ({
  status,
  body: { error: { code, message, ...(details ? { details } : {}) } },
});
const invalid = (details: ErrorDetail[]) =>
  refuse(400, 'validation_failed', `${details[0]?.path} ${details[0]?.message}`, details);

/** A body read by the contract's schema, or the refusal the server answers it with. */
function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> | Answer {
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : invalid(issuesToDetails(parsed.error.issues));
}
const isAnswer = (value: unknown): value is Answer =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value;

/**
 * "Catalogue management" of docs/api.md, as much as the Manage screens use. Every rule a body is
 * checked by is the contract's (its schemas, `isGradeOf`, `normalizeGrade`); what is left here is
 * storage and the role check. Whether bytes are a whole picture is the server's own reading, tested
 * there: a test that wants the refusal asks for it (`refuseNextPicture`).
 * Returns null for a request that is not a management call.
 */
export function handleCatalogueAdmin(
  request: { method: string; path: string; body: unknown },
  user: User,
  catalogue: FakeCatalogue,
  nextId: () => string,
  /** Whether the caller is staff of this gym (or a server admin). */
  mayManage: (gymId: string | null | undefined) => boolean = () => true,
): Answer | null {
  const { method, path, body } = request;
  const layoutPath = /^\/layouts\/([^/]+)(\/image|\/climbs|\/reset)?$/.exec(path);
  const climbPath = /^\/climbs\/([^/]+)$/.exec(path);
  const isManagement =
    (method === 'POST' && path === '/layouts') ||
    (layoutPath && method !== 'GET') ||
    (climbPath && method === 'PATCH');
  if (!isManagement) return null;
  if (user.role === 'climber') {
    return refuse(403, 'forbidden', 'managing the catalogue needs the setter or admin role');
  }
  // The gym the request acts on: the wall's, the climb's wall's, or (a new wall) the only one.
  const actsOn = layoutPath
    ? catalogue.layouts.find((l) => l.id === layoutPath[1])
    : climbPath
      ? catalogue.layouts.find(
          (l) => l.id === catalogue.climbs.find((c) => c.id === climbPath[1])?.layoutId,
        )
      : undefined;
  if (actsOn && !mayManage(actsOn.gymId)) {
    return refuse(403, 'forbidden', "this wall is another gym's");
  }
  const changed = (layout: Layout) => {
    layout.climbCount = catalogue.climbs.filter(
      (c) => c.layoutId === layout.id && !c.archived,
    ).length;
    catalogue.climbsVersion.set(layout.id, (catalogue.climbsVersion.get(layout.id) ?? 1) + 1);
  };
  const newClimb = (layout: Layout, fields: z.infer<typeof createClimbBodySchema>): Climb => ({
    id: nextId(),
    layoutId: layout.id,
    name: fields.name,
    grade: normalizeGrade(fields.grade) ?? fields.grade,
    color: fields.color ?? null,
    position: fields.position ?? null,
    setter: fields.setter ?? null,
    setAt: fields.setAt ?? null,
    archived: false,
    community: { grade: null, rating: null, sends: 0, climbers: 0 },
  });
  const gradeRefusal = (layout: Layout, grade: string | undefined, at: string) =>
    grade !== undefined && !isGradeOf(layout.gradeSystem, grade)
      ? invalid([{ path: at, message: gradeOfMessage(layout.gradeSystem) }])
      : null;

  if (method === 'POST' && path === '/layouts') {
    const fields = parse(createLayoutBodySchema, body);
    if (isAnswer(fields)) return fields;
    const layout: Layout = {
      id: nextId(),
      gymId: fields.gymId ?? catalogue.layouts[0]?.gymId ?? null,
      name: fields.name,
      description: fields.description ?? '',
      gradeSystem: fields.gradeSystem,
      archived: false,
      climbCount: 0,
      image: null,
    };
    catalogue.layouts.push(layout);
    return { status: 201, body: { layout } };
  }

  if (climbPath) {
    const climb = catalogue.climbs.find((c) => c.id === climbPath[1]);
    const fields = parse(updateClimbBodySchema, body);
    if (isAnswer(fields)) return fields;
    const layout = catalogue.layouts.find((l) => l.id === climb?.layoutId);
    if (!climb || !layout) return refuse(404, 'not_found', 'no such climb');
    const wrongGrade = gradeRefusal(layout, fields.grade, 'grade');
    if (wrongGrade) return wrongGrade;
    Object.assign(climb, {
      ...fields,
      ...(fields.grade !== undefined ? { grade: normalizeGrade(fields.grade) } : {}),
    });
    changed(layout);
    return { status: 200, body: { climb } };
  }

  const layout = catalogue.layouts.find((l) => l.id === layoutPath?.[1]);
  const action = layoutPath?.[2];
  if (method === 'PATCH' && !action) {
    const fields = parse(updateLayoutBodySchema, body);
    if (isAnswer(fields)) return fields;
    if (!layout) return refuse(404, 'not_found', 'no such layout');
    Object.assign(layout, fields);
    return { status: 200, body: { layout } };
  }
  if (method === 'PUT' && action === '/image') {
    if (!layout) return refuse(404, 'not_found', 'no such layout');
    if (catalogue.refuseNextPicture) {
      catalogue.refuseNextPicture = false;
      return refuse(400, 'invalid_image', 'the body is not a whole picture');
    }
    layout.image = { url: `/wall-pictures/${nextId()}`, width: 800, height: 600 };
    return { status: 200, body: { layout } };
  }
  if (method === 'POST' && action === '/climbs') {
    const fields = parse(createClimbBodySchema, body);
    if (isAnswer(fields)) return fields;
    if (!layout) return refuse(404, 'not_found', 'no such layout');
    const wrongGrade = gradeRefusal(layout, fields.grade, 'grade');
    if (wrongGrade) return wrongGrade;
    const climb = newClimb(layout, fields);
    catalogue.climbs.push(climb);
    changed(layout);
    return { status: 201, body: { climb } };
  }
  if (method === 'POST' && action === '/reset') {
    const fields = parse(resetLayoutBodySchema, body);
    if (isAnswer(fields)) return fields;
    if (!layout) return refuse(404, 'not_found', 'no such layout');
    for (const [i, climb] of fields.climbs.entries()) {
      const wrongGrade = gradeRefusal(layout, climb.grade, `climbs.${i}.grade`);
      if (wrongGrade) return wrongGrade;
    }
    const up = catalogue.climbs.filter((c) => c.layoutId === layout.id && !c.archived);
    if (fields.archiveOthers) for (const climb of up) climb.archived = true;
    const created = fields.climbs.map((c) => newClimb(layout, c));
    catalogue.climbs.push(...created);
    changed(layout);
    return { status: 200, body: { created, archived: fields.archiveOthers ? up.length : 0 } };
  }
  return refuse(404, 'not_found', `no route ${method} ${path}`);
}
