/** The numeric rules of docs/api.md, named once so client and server agree on them. */
export const LIMITS = {
  /** Largest request body the server reads; anything bigger is `413 payload_too_large`. */
  maxBodyBytes: 2 * 1024 * 1024,
  /** The client keeps each bulk request under this, leaving headroom below `maxBodyBytes`. */
  clientBulkMaxBytes: 1.5 * 1024 * 1024,
  maxSessionsPerBulk: 100,
  maxRoutesPerSession: 500,
  minAttempts: 1,
  maxAttempts: 999,
  maxSessionNotes: 2_000,
  maxRouteNotes: 1_000,
  minRating: 1,
  maxRating: 5,
  maxGradeOpinion: 10,
  /** An unlisted climb (in no catalogue): its name and its grade as written. */
  maxUnlistedName: 200,
  maxUnlistedGrade: 20,
  /** Where a session away from every catalogued wall took place. */
  maxPlace: 200,
  maxSessionDurationMs: 24 * 60 * 60 * 1000,
  /** Phones have skewed clocks: a start this far in the server's future is still accepted. */
  maxStartTimeFutureMs: 24 * 60 * 60 * 1000,
  maxClientIdLength: 128,
  minPasswordLength: 8,
  maxPasswordLength: 256,
  maxEmailLength: 254,
  maxNameLength: 100,
  defaultPageSize: 50,
  maxPageSize: 200,
} as const;
