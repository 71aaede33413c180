import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/** Raw bytes (wall pictures): both drivers hand `bytea` over as a Buffer/Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased, so the unique constraint is case-insensitive. */
    email: text('email').notNull().unique(),
    name: text('name'),
    passwordHash: text('password_hash').notNull(),
    /** Bumped to revoke every token issued before. */
    tokenVersion: integer('token_version').notNull().default(0),
    /**
     * Per-user change counter. A session write bumps it first, so the row lock orders one user's
     * writers: commit order equals sequence order and an `updatedSince` reader never skips a change.
     */
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull().default(0),
    /**
     * The account-level role: `climber`, or `admin` (runs the server: creates gyms, names their
     * staff, may do anything). What someone may do at a gym is `gym_staff`; the `setter` the API
     * answers as `user.role` is derived from it (see gyms/staff-repository.ts).
     */
    role: text('role').notNull().default('climber'),
    /** How this climber wants grades shown (`V` or `Font`); stored grades are never rewritten. */
    gradeSystem: text('grade_system').notNull().default('V'),
    createdAt: createdAt(),
  },
  (t) => [
    check('users_role_ck', sql`${t.role} in ('climber', 'admin')`),
    check('users_grade_system_ck', sql`${t.gradeSystem} in ('V', 'Font')`),
  ],
);

/** Process-shared settings (e.g. the token secret when none is configured). */
export const serverSettings = pgTable('server_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Wall pictures live in the database, not on a disk: every API process serves them without a
 * shared folder, and `pg_dump` backs them up with the climbs placed on them. A picture is
 * immutable; a new upload is a new row, so its URL (named by its hash) can be cached for good,
 * until no layout has shown it for a while (`unusedSince`).
 */
export const wallImages = pgTable('wall_images', {
  id: uuid('id').primaryKey(),
  /** SHA-256 of the bytes (base64url): the ETag and the version in the URL. */
  sha256: text('sha256').notNull(),
  contentType: text('content_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: createdAt(),
  /**
   * When a sweep first found no layout showing the picture; null while one shows it. Retired
   * pictures stay (their URL answering) for `PICTURE_RETENTION_DAYS`, then a sweep deletes them:
   * see catalogue/picture-retirement.ts.
   */
  unusedSince: timestamp('unused_since', { withTimezone: true, precision: 3 }),
});

/**
 * A gym: its walls (layouts), its staff and its followers. `search_name` and `search_city` are
 * the name and city folded in Node (gyms/search-text.ts: accents stripped, lower case), so
 * `GET /gyms?q=zurich` finds "Zürich" alike on PGlite and PostgreSQL, without an extension.
 */
export const gyms = pgTable(
  'gyms',
  {
    id: uuid('id').primaryKey(),
    /** The gym's link (`/g/<slug>`): `[a-z0-9-]{2,40}`, unique. */
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    city: text('city'),
    country: text('country'),
    /** An IANA zone name, checked by the API (the insights of a gym are counted in it). */
    timeZone: text('time_zone').notNull(),
    /** The grade system of the gym's new walls. */
    gradeSystem: text('grade_system').notNull().default('V'),
    archived: boolean('archived').notNull().default(false),
    searchName: text('search_name').notNull(),
    searchCity: text('search_city').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [check('gyms_grade_system_ck', sql`${t.gradeSystem} in ('V', 'Font')`)],
);

export const layouts = pgTable(
  'layouts',
  {
    id: uuid('id').primaryKey(),
    /** The gym whose wall this is: its staff manage it. */
    gymId: uuid('gym_id')
      .notNull()
      .references(() => gyms.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The grade system its climbs are graded in (`V` or `Font`). */
    gradeSystem: text('grade_system').notNull().default('V'),
    archived: boolean('archived').notNull().default(false),
    imageId: uuid('image_id').references(() => wallImages.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('layouts_gym_idx').on(t.gymId),
    check('layouts_grade_system_ck', sql`${t.gradeSystem} in ('V', 'Font')`),
  ],
);

/** Who manages a gym: its `admin`s (walls, climbs and staff) and `setter`s (walls and climbs). */
export const gymStaff = pgTable(
  'gym_staff',
  {
    gymId: uuid('gym_id')
      .notNull()
      .references(() => gyms.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.gymId, t.userId] }),
    index('gym_staff_user_idx').on(t.userId),
    check('gym_staff_role_ck', sql`${t.role} in ('admin', 'setter')`),
  ],
);

/** The gyms a climber follows: their walls are the catalogue `GET /layouts` answers them. */
export const gymFollows = pgTable(
  'gym_follows',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    gymId: uuid('gym_id')
      .notNull()
      .references(() => gyms.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.gymId] }), index('gym_follows_gym_idx').on(t.gymId)],
);

/** Climbs are never hard-deleted, only archived: offline sessions may still name them. */
export const climbs = pgTable(
  'climbs',
  {
    id: uuid('id').primaryKey(),
    layoutId: uuid('layout_id')
      .notNull()
      .references(() => layouts.id),
    name: text('name').notNull(),
    grade: text('grade').notNull(),
    archived: boolean('archived').notNull().default(false),
    /** Hold colour (`#rrggbb`): how a gym names a problem ("the blue V4"). */
    color: text('color'),
    /** Where the climb starts on the wall picture, 0–1 of its width and height; null = not placed. */
    positionX: doublePrecision('position_x'),
    positionY: doublePrecision('position_y'),
    setter: text('setter'),
    setAt: timestamp('set_at', { withTimezone: true, precision: 3 }),
    /** The day the gym plans to take it down ("up until"), or null. */
    removalPlannedAt: date('removal_planned_at', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('climbs_layout_idx').on(t.layoutId),
    check(
      'climbs_position_ck',
      sql`(${t.positionX} is null) = (${t.positionY} is null) and coalesce(${t.positionX} between 0 and 1 and ${t.positionY} between 0 and 1, true)`,
    ),
  ],
);

/*
 * Session-side tables (climbing_sessions, session_routes, route_tombstones, community_outbox) name
 * the climber in every row and lead every key with `user_id`: one climber's rows can live
 * together on one node of a database distributed by `user_id` (Citus), and every statement the
 * API runs on them names the user (see docs/operations.md and statements-name-the-user.test.ts).
 */
export const climbingSessions = pgTable(
  'climbing_sessions',
  {
    id: uuid('id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** `c:<clientSessionId>`, `h:<Idempotency-Key>` or `t:<startTime>`: see docs/api.md. */
    idempotencyKey: text('idempotency_key').notNull(),
    clientSessionId: text('client_session_id'),
    layoutId: uuid('layout_id').references(() => layouts.id),
    /** Where a session away from every catalogued wall took place (never with a layout). */
    place: text('place'),
    startTime: timestamp('start_time', { withTimezone: true, precision: 3 }).notNull(),
    endTime: timestamp('end_time', { withTimezone: true, precision: 3 }),
    notes: text('notes'),
    revision: integer('revision').notNull(),
    /** Client time of the session-field edit that won (clamped to server time on receipt). */
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull(),
    /** The users.change_seq value of this session's last change. */
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
    /**
     * SHA-256 of the last snapshot that changed this session. The merge is idempotent, so that
     * snapshot sent again is a `duplicate`: a replay is answered from this column alone.
     */
    lastSnapshotHash: text('last_snapshot_hash'),
    /**
     * Set when the climber deleted the session: it stays as a tombstone for good (a later edit
     * from another device cannot bring it back) and is left out of history, stats and exports.
     */
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    serverUpdatedAt: timestamp('server_updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'climbing_sessions_user_id_pk', columns: [t.userId, t.id] }),
    unique('climbing_sessions_user_key_uq').on(t.userId, t.idempotencyKey),
    index('climbing_sessions_history_idx').on(t.userId, t.startTime.desc(), t.id.desc()),
    index('climbing_sessions_changes_idx').on(t.userId, t.changeSeq),
    check('climbing_sessions_revision_ck', sql`${t.revision} >= 1`),
    check('climbing_sessions_place_ck', sql`${t.layoutId} is null or ${t.place} is null`),
  ],
);

export const sessionRoutes = pgTable(
  'session_routes',
  {
    id: uuid('id').notNull(),
    /** The session's climber: the distribution key (see the note above climbing_sessions). */
    userId: uuid('user_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    clientRouteId: text('client_route_id').notNull(),
    /** Null for an unlisted climb, which the `climb_…` columns then describe. */
    climbId: uuid('climb_id').references(() => climbs.id),
    /** An unlisted climb's name (as written) and kind (`boulder` | `route`); null otherwise. */
    climbName: text('climb_name'),
    climbKind: text('climb_kind'),
    /** An unlisted climb's identity (`unlistedClimbKey` of @sendlog/contract): flashes, repeats. */
    climbKey: text('climb_key'),
    /**
     * The climb's grade when the route was first logged: a later regrade keeps history. For an
     * unlisted climb, its grade as the climber wrote it (their edits included).
     */
    grade: text('grade').notNull(),
    position: integer('position').notNull(),
    isSuccess: boolean('is_success').notNull(),
    attempts: integer('attempts').notNull(),
    notes: text('notes'),
    rating: integer('rating'),
    gradeOpinion: text('grade_opinion'),
    loggedAt: timestamp('logged_at', { withTimezone: true, precision: 3 }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'session_routes_user_id_pk', columns: [t.userId, t.id] }),
    unique('session_routes_client_id_uq').on(t.userId, t.sessionId, t.clientRouteId),
    foreignKey({
      name: 'session_routes_session_fk',
      columns: [t.userId, t.sessionId],
      foreignColumns: [climbingSessions.userId, climbingSessions.id],
    }),
    // A climber's routes of one climb: a climb's history, the community fold's recompute, GET
    // /stats and insights finding a climb's first try and first send by their moment (one probe
    // per climb). Led by user_id like every session-side key: keyed by climb alone, the planner
    // combined it with the user's whole primary key range (every route of the climber, per probe).
    index('session_routes_user_climb_logged_idx').on(t.userId, t.climbId, t.loggedAt),
    // The same for unlisted climbs, by their key (partial: catalogue routes have none). An
    // unlisted climb is the climber's own, so its key leads with user_id like every session key.
    index('session_routes_climb_key_logged_idx')
      .on(t.userId, t.climbKey, t.loggedAt)
      .where(sql`${t.climbKey} is not null`),
    check('session_routes_attempts_ck', sql`${t.attempts} between 1 and 999`),
    // Exactly one of a catalogue climb and an unlisted one, and an unlisted one whole.
    check(
      'session_routes_climb_ck',
      sql`(${t.climbId} is null) = (${t.climbName} is not null) and (${t.climbName} is null) = (${t.climbKind} is null) and (${t.climbName} is null) = (${t.climbKey} is null) and coalesce(${t.climbKind} in ('boulder', 'route'), true)`,
    ),
  ],
);

/** Routes removed from a session: they stay removed whatever order devices sync in. */
export const routeTombstones = pgTable(
  'route_tombstones',
  {
    userId: uuid('user_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    clientRouteId: text('client_route_id').notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      name: 'route_tombstones_user_id_pk',
      columns: [t.userId, t.sessionId, t.clientRouteId],
    }),
    foreignKey({
      name: 'route_tombstones_session_fk',
      columns: [t.userId, t.sessionId],
      foreignColumns: [climbingSessions.userId, climbingSessions.id],
    }),
  ],
);

/**
 * The durable queue of the community view (see catalogue/community-fold.ts): a row says "this
 * climber's routes of this climb changed since `climb_climber_stats` was last folded", and, when
 * they only grew, by how much. Written in the transaction that changes the routes, so a crash
 * loses nothing; one row per (climber, climb), so a burst of writes is folded once; deleted by the
 * fold that applied it.
 */
export const communityOutbox = pgTable(
  'community_outbox',
  {
    userId: uuid('user_id').notNull(),
    climbId: uuid('climb_id').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /**
     * The row must be recomputed from the routes (a route edited, removed or moved, a session
     * deleted or restored). False when the write only added routes: the columns below then hold
     * their values, which the fold adds to the climber's row (sends summed, latest keys by max).
     * Defaults to true, so a row queued without values (an older release) is recomputed.
     */
    recompute: boolean('recompute').notNull().default(true),
    sends: integer('sends').notNull().default(0),
    gradeKeyV: bigint('grade_key_v', { mode: 'number' }),
    gradeKeyFont: bigint('grade_key_font', { mode: 'number' }),
    ratingKey: bigint('rating_key', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.climbId] }),
    index('community_outbox_queued_idx').on(t.queuedAt),
  ],
);

/** Fixed-window request counters shared by every API process (see http/rate-limit-store.ts). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true, precision: 3 }).notNull(),
  hits: integer('hits').notNull(),
});

/**
 * The community view (see catalogue/community-aggregate.ts): one climber's view of one climb
 * (sends, latest opinion and stars), recomputed from the climber's routes by the fold shortly
 * after a write queued it (catalogue/community-fold.ts). A "key" is `whole second logged × 64 +
 * value` (values are below 64): the greatest key is the latest value. A row exists exactly when the climber logged the
 * climb in a session not deleted, so `GET /layouts/:id/climbs` counts climbers and takes medians
 * over these rows alone. Derived rows, so no foreign keys: they would only add checks to every
 * ingest; `DELETE /me` deletes an account's rows with its sessions (users/delete-account.ts).
 */
export const climbClimberStats = pgTable(
  'climb_climber_stats',
  {
    climbId: uuid('climb_id').notNull(),
    userId: uuid('user_id').notNull(),
    sends: integer('sends').notNull(),
    gradeKeyV: bigint('grade_key_v', { mode: 'number' }),
    gradeKeyFont: bigint('grade_key_font', { mode: 'number' }),
    ratingKey: bigint('rating_key', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.climbId, t.userId] })],
);

/**
 * Heavy reads in flight (`GET /stats`, `GET /sessions/export`): at most one per user across every
 * API process (see http/read-lease.ts). A row is a lease: taken by an upsert that succeeds only
 * when no unexpired lease exists, given back when the read ends, and simply expired when the
 * process holding it died. Bookkeeping, like `rate_limits`: no foreign key.
 */
export const readLeases = pgTable('read_leases', {
  userId: uuid('user_id').primaryKey(),
  /** Who holds it, so a late release never frees a lease taken since by another read. */
  holder: uuid('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
});
