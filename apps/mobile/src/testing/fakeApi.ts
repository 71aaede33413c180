import type { Climb, Layout, Session, UpdateMeBody, User } from '@sendlog/contract';
import type { FetchLike, ResponseLike } from '@sendlog/sync';
import { FakeServer } from '@sendlog/sync/testing';
import { handleCatalogueAdmin } from './fakeCatalogueAdmin';
import type { FakeCatalogue } from './fakeCatalogueAdmin';
import { handleGyms, hash, SECOND_GYM, staffOf, TEST_GYM } from './fakeGyms';
import type { FakeGyms } from './fakeGyms';

export const TEST_USER = {
  id: 'user-1',
  email: 'ada@example.com',
  name: 'Ada',
  role: 'climber',
  gradeSystem: 'V',
} as const;
export const TEST_PASSWORD = 'correct-horse';

/** Another account on the fake server: gym admins name it by email. */
export const OTHER_ACCOUNT = { id: 'user-2', email: 'ben@example.com', name: 'Ben' } as const;

/** A layout as the server answers it: a V wall of the test gym with no picture unless told otherwise. */
export const testLayout = (
  l: Pick<Layout, 'id' | 'name' | 'description' | 'climbCount'> & Partial<Layout>,
): Layout => ({
  gymId: TEST_GYM.id,
  gradeSystem: 'V',
  archived: false,
  image: null,
  ...l,
});

/** A climb as the server answers it: unplaced, uncoloured, not logged by anyone yet. */
export const testClimb = (
  c: Pick<Climb, 'id' | 'layoutId' | 'name' | 'grade' | 'archived'>,
): Climb => ({
  color: null,
  position: null,
  setter: null,
  setAt: null,
  community: { grade: null, rating: null, sends: 0, climbers: 0 },
  ...c,
});

const LAYOUTS: Layout[] = [
  testLayout({ id: 'wall', name: 'Main Wall', description: 'Crimps and slopers', climbCount: 3 }),
  testLayout({ id: 'cave', name: 'The Cave', description: 'Steep roof', climbCount: 1 }),
  // The second gym's, which the test account does not follow at first.
  testLayout({
    id: 'arete',
    gymId: SECOND_GYM.id,
    name: 'Arête Wall',
    description: 'Font slabs',
    gradeSystem: 'Font',
    climbCount: 2,
  }),
];

export const CLIMBS: Climb[] = [
  testClimb({ id: 'c-warm', layoutId: 'wall', name: 'Warm Welcome', grade: 'V0', archived: false }),
  testClimb({
    id: 'c-crimp',
    layoutId: 'wall',
    name: 'Crimp School',
    grade: 'V2',
    archived: false,
  }),
  testClimb({ id: 'c-dyno', layoutId: 'wall', name: 'Dyno Mite', grade: 'V5', archived: false }),
  testClimb({ id: 'c-old', layoutId: 'wall', name: 'Retired Roof', grade: 'V3', archived: true }),
  testClimb({ id: 'c-heel', layoutId: 'cave', name: 'Heel Deal', grade: 'V4', archived: false }),
  testClimb({
    id: 'z-classic',
    layoutId: 'arete',
    name: 'Zürich Classic',
    grade: '6A',
    archived: false,
  }),
  testClimb({
    id: 'z-lake',
    layoutId: 'arete',
    name: 'Lake Traverse',
    grade: '6B+',
    archived: false,
  }),
];

interface Request {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * The Sendlog API for component tests: sessions go to `@sendlog/sync`'s fake server, which
 * validates, dedupes and merges them with the server's own rules (`@sendlog/rules`), and answers
 * pulls with what it holds; the account, the catalogue (with ETags) and its management are this
 * kit's, with switches for offline, revoked tokens and refused climbs.
 */
export function createFakeApi() {
  const requests: Request[] = [];
  const rejectedClimbs = new Set<string>();
  let online = true;
  let tokensRevoked = false;
  /** Whether this server has `GET /gyms/:id/climbs` (one from before it answers 404). */
  let gymClimbsEndpoint = true;
  /** The account's password and this device's token: a password change replaces both. */
  let password: string = TEST_PASSWORD;
  let token = 'token-1';
  let tokensIssued = 1;
  let accountDeleted = false;
  /** The next `DELETE /me` is refused with this 409 code (`last_gym_admin`, `last_admin`). */
  let refuseDelete: string | null = null;
  /** The account as the server holds it: roles are granted and grade systems chosen here. */
  let user: User = { ...TEST_USER };
  /** Two gyms; the test account follows the first. */
  const gyms: FakeGyms = {
    gyms: [{ ...TEST_GYM }, { ...SECOND_GYM }],
    staff: new Map(),
    follows: new Set([TEST_GYM.id]),
    accounts: [
      { id: TEST_USER.id, email: TEST_USER.email, name: TEST_USER.name },
      { ...OTHER_ACCOUNT },
    ],
  };
  /** The account as answered: `role` in its v2 meaning, from its server role and staff roles. */
  const answeredUser = (): User => {
    const staff = staffOf(gyms, user.id);
    const role = user.role === 'admin' ? 'admin' : staff.staff ? 'setter' : 'climber';
    const { staff: _dropped, ...rest } = user;
    return { ...rest, role, ...staff };
  };
  /** Gives the test account `role` at `gymId` (null: takes it off that gym's staff). */
  const setStaff = (gymId: string, role: 'admin' | 'setter' | null) => {
    const members = gyms.staff.get(gymId) ?? new Map();
    if (role === null) members.delete(user.id);
    else members.set(user.id, role);
    gyms.staff.set(gymId, members);
  };
  let nextId = 1;
  /** This fake server's own copy: setters change it through the management endpoints. */
  const catalogue: FakeCatalogue = {
    layouts: LAYOUTS.map((l) => ({ ...l })),
    climbs: CLIMBS.map((c) => ({ ...c })),
    climbsVersion: new Map(),
    refuseNextPicture: false,
  };
  const sessions = new FakeServer({
    now: () => Date.now(),
    knownClimbs: [],
    climbLabel: (climbId) => catalogue.climbs.find((c) => c.id === climbId),
  });
  /** The climbs a session may name: the catalogue's as it is now, less those a test refuses. */
  const knowClimbs = () => {
    sessions.knownClimbs.clear();
    for (const c of catalogue.climbs) if (!rejectedClimbs.has(c.id)) sessions.knownClimbs.add(c.id);
  };

  const respond = (
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): ResponseLike => {
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    return {
      status,
      headers: { get: (name) => lower[name.toLowerCase()] ?? null },
      text: async () => (body === undefined ? '' : JSON.stringify(body)),
    };
  };
  const error = (status: number, code: string, message: string) =>
    respond(status, { error: { code, message } });

  function handle(req: Request): ResponseLike | null {
    const authorized =
      !tokensRevoked && !accountDeleted && req.headers.authorization === `Bearer ${token}`;
    if (req.method === 'POST' && req.path === '/auth/login') {
      const body = req.body as { email?: string; password?: string };
      if (accountDeleted || body.email !== TEST_USER.email || body.password !== password) {
        return error(401, 'unauthorized', 'wrong email or password');
      }
      tokensRevoked = false;
      return respond(200, { token, user: answeredUser() });
    }
    if (req.method === 'GET' && req.path === '/layouts') {
      return respond(200, { layouts: catalogue.layouts });
    }
    const climbs = /^\/layouts\/([^/]+)\/climbs$/.exec(req.path);
    if (req.method === 'GET' && climbs) {
      const layoutId = climbs[1] ?? '';
      const etag = `"climbs-${layoutId}-v${catalogue.climbsVersion.get(layoutId) ?? 1}"`;
      if (req.headers['if-none-match'] === etag) return respond(304, undefined, { etag });
      const list = catalogue.climbs.filter((c) => c.layoutId === layoutId);
      return respond(200, { climbs: list }, { etag });
    }
    const gymClimbs = /^\/gyms\/([^/]+)\/climbs$/.exec(req.path);
    if (req.method === 'GET' && gymClimbs && gymClimbsEndpoint) {
      const gym = gyms.gyms.find((g) => g.id === gymClimbs[1] || g.slug === gymClimbs[1]);
      if (!gym) return error(404, 'not_found', 'no such gym');
      const walls = catalogue.layouts
        .filter((l) => l.gymId === gym.id)
        .map((l) => l.id)
        .sort();
      const list = walls.flatMap((id) => catalogue.climbs.filter((c) => c.layoutId === id));
      const etag = `"gym-climbs-${hash(JSON.stringify(list))}"`;
      if (req.headers['if-none-match'] === etag) return respond(304, undefined, { etag });
      return respond(200, { climbs: list }, { etag });
    }
    const gymAnswer = handleGyms(
      req,
      authorized ? answeredUser() : null,
      gyms,
      catalogue.layouts,
      () => `id-${nextId++}`,
    );
    if (gymAnswer) {
      return respond(
        gymAnswer.status,
        gymAnswer.body,
        gymAnswer.etag ? { etag: gymAnswer.etag } : {},
      );
    }
    if (!authorized) return error(401, 'unauthorized', 'sign in first');
    if (req.method === 'POST' && req.path === '/auth/logout') {
      tokensRevoked = true;
      return respond(204, undefined);
    }
    const caller = answeredUser();
    const managed = handleCatalogueAdmin(
      req,
      caller,
      catalogue,
      () => `id-${nextId++}`,
      (gymId) => caller.role === 'admin' || (caller.staff ?? []).some((s) => s.gymId === gymId),
    );
    if (managed) return respond(managed.status, managed.body);
    if (req.method === 'GET' && req.path === '/me') return respond(200, { user: answeredUser() });
    const account = handleAccount(req);
    if (account) return account;
    if (req.method === 'PATCH' && req.path === '/me') {
      user = { ...user, ...(req.body as UpdateMeBody) };
      return respond(200, { user: answeredUser() });
    }
    // Sessions: the sync package's fake server answers.
    if (req.path.startsWith('/sessions')) return null;
    return error(404, 'not_found', `no route ${req.method} ${req.path}`);
  }

  /** `POST /me/password` and `DELETE /me`, as the server answers them. */
  function handleAccount(req: Request): ResponseLike | null {
    if (req.method === 'POST' && req.path === '/me/password') {
      const body = req.body as { currentPassword?: string; newPassword?: string };
      if (body.currentPassword !== password) {
        return error(403, 'wrong_password', 'the password is not this account’s');
      }
      if ((body.newPassword ?? '').length < 8) {
        return respond(400, {
          error: {
            code: 'validation_error',
            message: 'invalid body',
            details: [{ path: 'newPassword', message: 'must be at least 8 chars' }],
          },
        });
      }
      password = body.newPassword ?? '';
      token = `token-${++tokensIssued}`;
      return respond(200, { token, user: answeredUser() });
    }
    if (req.method === 'DELETE' && req.path === '/me') {
      if ((req.body as { password?: string }).password !== password) {
        return error(403, 'wrong_password', 'the password is not this account’s');
      }
      if (refuseDelete) return error(409, refuseDelete, 'the server needs this account');
      accountDeleted = true;
      sessions.sessions.clear();
      return respond(204, undefined);
    }
    return null;
  }

  const fetch: FetchLike = async (url, init) => {
    const path = url.replace(/^https?:\/\/[^/]+/, '');
    const request: Request = {
      method: init.method,
      path,
      headers: Object.fromEntries(
        Object.entries(init.headers).map(([k, v]) => [k.toLowerCase(), v]),
      ),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    requests.push(request);
    if (!online) throw new TypeError('Network request failed');
    const answer = handle(request);
    if (answer) return answer;
    knowClimbs();
    // Only an authorized request gets here: in the token the sessions' fake server knows.
    return sessions.fetch(url, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${sessions.token}` },
    });
  };

  return {
    fetch,
    requests,
    /** The sessions the server holds now (deleted ones left out). */
    get serverSessions(): Session[] {
      return sessions.all();
    },
    /** clientSessionIds of the sessions the server holds as deleted. */
    get deletedSessions(): (string | null)[] {
      return [...sessions.sessions.values()]
        .filter((s) => s.state.deleted)
        .map((s) => s.clientSessionId);
    },
    /** The server's layouts and climbs as they are now (setters change them). */
    catalogue,
    /** The server refuses sessions that log this climb (`unknown_climb`), until `acceptAll`. */
    rejectClimb: (id: string) => rejectedClimbs.add(id),
    acceptAll: () => rejectedClimbs.clear(),
    /** The next wall picture uploaded is refused as not a whole picture (`invalid_image`). */
    refuseNextPicture: () => {
      catalogue.refuseNextPicture = true;
    },
    /** The account as the server answers it now. */
    user: answeredUser,
    /**
     * An admin grants a role (or the climber picks a grade system on another device). As
     * `PUT /users/role` does on a server of one gym, `setter` makes the account a setter of the
     * test gym, `climber` takes it off every gym's staff.
     */
    updateUser: (patch: Partial<User>) => {
      user = { ...user, ...patch };
      if (patch.role === 'setter' && !answeredUser().staff) setStaff(TEST_GYM.id, 'setter');
      if (patch.role === 'climber') for (const gymId of gyms.staff.keys()) setStaff(gymId, null);
    },
    /** The server's gyms, their staff and the test account's follows. */
    gyms,
    /** As a server from before `GET /gyms/:id/climbs`: it answers 404. */
    withoutGymClimbs: () => {
      gymClimbsEndpoint = false;
    },
    /** Gives the test account a staff role at a gym (null takes it away). */
    setStaff,
    /** The server stops accepting the token the app holds (expired or revoked). */
    revokeTokens: () => {
      tokensRevoked = true;
    },
    /** The climber changed the password on another device: this device's token is revoked. */
    changePasswordElsewhere: (next: string) => {
      password = next;
      token = `token-${++tokensIssued}`;
    },
    /** The next account deletion is refused with this 409 code. */
    refuseDeletion: (code: 'last_gym_admin' | 'last_admin' | null) => {
      refuseDelete = code;
    },
    get accountDeleted() {
      return accountDeleted;
    },
    setOnline: (value: boolean) => {
      online = value;
    },
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;
