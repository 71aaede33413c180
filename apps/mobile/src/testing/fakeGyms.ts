import {
  createGymLayoutBodySchema,
  issuesToDetails,
  setGymStaffBodySchema,
  updateGymBodySchema,
} from '@sendlog/contract';
import type { ErrorDetail, Gym, GymRole, GymStaffMember, Layout, User } from '@sendlog/contract';
import type { z } from 'zod';

/** A gym as the fake server keeps it: the fields a caller reads, less the caller's own. */
export type FakeGymRecord = Omit<Gym, 'layoutCount' | 'climbCount' | 'following' | 'myRole'>;

/** Other accounts of the fake server, named by email for the staff endpoints. */
export interface FakeAccount {
  id: string;
  email: string;
  name: string | null;
}

/** The fake server's gyms, their staff and the signed-in account's follows. */
export interface FakeGyms {
  gyms: FakeGymRecord[];
  /** gymId → account id → role. */
  staff: Map<string, Map<string, GymRole>>;
  /** The gyms the test account follows. */
  follows: Set<string>;
  accounts: FakeAccount[];
}

export const TEST_GYM: FakeGymRecord = {
  id: 'gym-1',
  slug: 'test-gym',
  name: 'Sendlog Test Gym',
  city: 'Berlin',
  country: 'DE',
  timeZone: 'Europe/Berlin',
  gradeSystem: 'V',
  archived: false,
};

export const SECOND_GYM: FakeGymRecord = {
  id: 'gym-2',
  slug: 'boulderwerk-zurich',
  name: 'Boulderwerk Zürich',
  city: 'Zürich',
  country: 'CH',
  timeZone: 'Europe/Zurich',
  gradeSystem: 'Font',
  archived: false,
};

type Answer = { status: number; body: unknown; etag?: string };

const refuse = (status: number, code: string, message: string, details?: ErrorDetail[]) => ({
  status,
  body: { error: { code, message, ...(details ? { details } : {}) } },
});

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> | Answer {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const details = issuesToDetails(parsed.error.issues);
  return refuse(400, 'validation_failed', `${details[0]?.path} ${details[0]?.message}`, details);
}
const isAnswer = (value: unknown): value is Answer =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value;

/** Lower case without accents, as the server folds names for search (`zurich` finds "Zürich"). */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The account's staff roles as `user.staff` carries them (absent when none). */
export function staffOf(gyms: FakeGyms, userId: string): Pick<User, 'staff'> {
  const staff = [...gyms.staff].flatMap(([gymId, members]) => {
    const role = members.get(userId);
    return role ? [{ gymId, role }] : [];
  });
  return staff.length > 0 ? { staff } : {};
}

/**
 * "Gyms" of docs/api.md, as the app uses it: search (accents and case ignored), by id or slug,
 * follows, a gym's walls with an ETag, its staff (`409 last_gym_admin`) and settings, a new wall
 * in it. Access: a server admin anything, a gym's admin its settings and staff, its staff its
 * walls. Returns null for a request that is not a gym call.
 */
export function handleGyms(
  request: { method: string; path: string; body: unknown },
  caller: User | null,
  gyms: FakeGyms,
  layouts: Layout[],
  nextId: () => string,
): Answer | null {
  const { method, path, body } = request;
  const [pathname = '', query = ''] = path.split('?');
  const roleAt = (gymId: string): GymRole | null =>
    caller ? (gyms.staff.get(gymId)?.get(caller.id) ?? null) : null;
  const view = (gym: FakeGymRecord): Gym => {
    const open = layouts.filter((l) => l.gymId === gym.id && !l.archived);
    return {
      ...gym,
      layoutCount: open.length,
      climbCount: open.reduce((n, l) => n + l.climbCount, 0),
      following: caller !== null && gyms.follows.has(gym.id),
      myRole: roleAt(gym.id),
    };
  };
  const byName = (a: FakeGymRecord, b: FakeGymRecord) => a.name.localeCompare(b.name);
  const find = (idOrSlug: string) =>
    gyms.gyms.find((g) => g.id === idOrSlug || g.slug === idOrSlug.toLowerCase());

  if (method === 'GET' && pathname === '/gyms') {
    const q = fold(new URLSearchParams(query).get('q') ?? '');
    const found = gyms.gyms
      .filter((g) => !g.archived && (fold(g.name).includes(q) || fold(g.city ?? '').includes(q)))
      .sort(byName)
      .slice(0, 50);
    return { status: 200, body: { gyms: found.map(view) } };
  }
  if (method === 'GET' && pathname === '/me/gyms') {
    if (!caller) return refuse(401, 'unauthorized', 'sign in first');
    const mine = gyms.gyms.filter((g) => gyms.follows.has(g.id) || roleAt(g.id) !== null);
    return { status: 200, body: { gyms: mine.sort(byName).map(view) } };
  }
  const follow = /^\/me\/gyms\/([^/]+)$/.exec(pathname);
  if (follow && (method === 'PUT' || method === 'DELETE')) {
    if (!caller) return refuse(401, 'unauthorized', 'sign in first');
    const gym = gyms.gyms.find((g) => g.id === follow[1]);
    if (!gym) return refuse(404, 'not_found', 'no such gym');
    if (method === 'PUT') {
      gyms.follows.add(gym.id);
      return { status: 200, body: { gym: view(gym) } };
    }
    gyms.follows.delete(gym.id);
    return { status: 204, body: undefined };
  }

  const gymPath = /^\/gyms\/([^/]+)(\/layouts|\/staff)?$/.exec(pathname);
  if (!gymPath) return null;
  const gym = find(decodeURIComponent(gymPath[1] ?? ''));
  const action = gymPath[2];
  if (method === 'GET' && !action) {
    return gym ? { status: 200, body: { gym: view(gym) } } : refuse(404, 'not_found', 'no gym');
  }
  if (method === 'GET' && action === '/layouts') {
    if (!gym) return refuse(404, 'not_found', 'no such gym');
    const walls = layouts
      .filter((l) => l.gymId === gym.id)
      .sort((a, b) => a.name.localeCompare(b.name));
    // A hash of the body, as the server's: any change to the list changes it.
    return { status: 200, body: { layouts: walls }, etag: `"gym-${hash(JSON.stringify(walls))}"` };
  }

  // The management of a gym: staff only.
  if (!caller) return refuse(401, 'unauthorized', 'sign in first');
  const serverAdmin = caller.role === 'admin';
  if (!serverAdmin && !staffOf(gyms, caller.id).staff) {
    return refuse(403, 'forbidden', 'managing needs a staff role');
  }
  if (!gym) return refuse(404, 'not_found', 'no such gym');
  const role = roleAt(gym.id);
  const isAdmin = serverAdmin || role === 'admin';
  if (method === 'POST' && action === '/layouts') {
    if (!serverAdmin && role === null) return refuse(403, 'forbidden', 'not staff of this gym');
    const fields = parse(createGymLayoutBodySchema, body);
    if (isAnswer(fields)) return fields;
    const layout: Layout = {
      id: nextId(),
      gymId: gym.id,
      name: fields.name,
      description: fields.description ?? '',
      gradeSystem: fields.gradeSystem ?? gym.gradeSystem,
      archived: false,
      climbCount: 0,
      image: null,
    };
    layouts.push(layout);
    return { status: 201, body: { layout } };
  }
  if (!isAdmin) return refuse(403, 'forbidden', "only the gym's admins");
  const members = gyms.staff.get(gym.id) ?? new Map<string, GymRole>();
  gyms.staff.set(gym.id, members);
  const staffList = (): GymStaffMember[] =>
    [...members]
      .flatMap(([userId, memberRole]) => {
        const account = gyms.accounts.find((a) => a.id === userId);
        return account
          ? [{ userId, email: account.email, name: account.name, role: memberRole }]
          : [];
      })
      .sort((a, b) =>
        a.role === b.role ? a.email.localeCompare(b.email) : a.role === 'admin' ? -1 : 1,
      );
  if (method === 'GET' && action === '/staff') return { status: 200, body: { staff: staffList() } };
  if (method === 'PUT' && action === '/staff') {
    const fields = parse(setGymStaffBodySchema, body);
    if (isAnswer(fields)) return fields;
    const account = gyms.accounts.find((a) => a.email.toLowerCase() === fields.email.toLowerCase());
    if (!account) return refuse(404, 'not_found', 'no account with that email');
    const admins = [...members].filter(([, r]) => r === 'admin').map(([id]) => id);
    if (fields.role !== 'admin' && admins.length === 1 && admins[0] === account.id) {
      return refuse(409, 'last_gym_admin', 'a gym keeps one admin at least');
    }
    if (fields.role === null) members.delete(account.id);
    else members.set(account.id, fields.role);
    return { status: 200, body: { staff: staffList() } };
  }
  if (method === 'PATCH' && !action) {
    const fields = parse(updateGymBodySchema, body);
    if (isAnswer(fields)) return fields;
    Object.assign(
      gym,
      Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    );
    return { status: 200, body: { gym: view(gym) } };
  }
  return refuse(404, 'not_found', `no route ${method} ${path}`);
}

export function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}
