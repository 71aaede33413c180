import { existsSync } from 'node:fs';
import path from 'node:path';
import { isIanaTimeZone } from '@sendlog/contract';
import { z } from 'zod';
import { DEFAULT_LOGIN_FAILURE_LIMIT } from '../context.js';
import { DEFAULT_UPGRADE_GYM, type UpgradeGym } from '../gyms/upgrade-gym.js';
import { DEFAULT_REGISTER_RATE_LIMIT, type StartOptions } from '../index.js';

/** pino's levels, plus `silent`. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** An unset variable and an empty one mean the same: the default. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `must be a whole number from ${min} to ${max}` });

/**
 * Every variable the server reads, checked once at start: a typo stops the process with one line
 * naming the variable, instead of a server that runs with a setting nobody asked for.
 */
export const environmentSchema = z.object({
  PORT: optional(wholeNumber(0, 65_535)).default(8080),
  HOST: optional(z.string().regex(/^[^\s/]+$/, { error: 'must be a host name or an address' })),
  DATABASE_URL: optional(
    z.string().refine(
      (url) => {
        try {
          return ['postgres:', 'postgresql:'].includes(new URL(url).protocol);
        } catch {
          return false;
        }
      },
      { error: 'must be a postgres:// or postgresql:// URL (unset for the embedded database)' },
    ),
  ),
  SENDLOG_DATA_DIR: optional(z.string()).default('./.sendlog-data'),
  SENDLOG_DEMO: optional(z.enum(['0', '1'], { error: 'must be 0 or 1' })),
  SENDLOG_TOKEN_SECRET: optional(
    z.string().min(32, { error: 'must be at least 32 characters (openssl rand -base64 32)' }),
  ),
  SENDLOG_WEB_ROOT: optional(
    z.string().refine((dir) => existsSync(path.join(dir, 'index.html')), {
      error: 'must be a folder holding the web export (its index.html)',
    }),
  ),
  SENDLOG_REGISTER_LIMIT: optional(wholeNumber(1, 1_000_000)),
  SENDLOG_LOGIN_FAILURE_LIMIT: optional(wholeNumber(1, 1_000_000)),
  SENDLOG_METRICS_TOKEN: optional(
    z.string().min(16, { error: 'must be at least 16 characters (openssl rand -hex 16)' }),
  ),
  SENDLOG_TRUST_PROXY: optional(
    z
      .string()
      .regex(/^(?:\d{1,2}|[0-9a-f.:/]+(?:,[0-9a-f.:/]+)*|loopback|linklocal|uniquelocal)$/i, {
        error: 'must be a number of proxy hops (1) or proxy addresses/CIDRs separated by commas',
      })
      .transform((v): number | string => (/^\d+$/.test(v) ? Number(v) : v)),
  ),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  /** The name of the one gym a database from before gyms becomes on its upgrade. */
  SENDLOG_GYM_NAME: optional(
    z.string().trim().min(1).max(100, { error: 'must be a gym name of at most 100 characters' }),
  ),
  /** That gym's time zone. */
  SENDLOG_GYM_TIMEZONE: optional(
    z.string().refine(isIanaTimeZone, { error: 'must be an IANA time zone such as Europe/Zurich' }),
  ),
});

export type Environment = z.output<typeof environmentSchema>;

export type ParsedEnvironment =
  { ok: true; environment: Environment } | { ok: false; message: string };

/** The environment, or one line naming each wrong variable and what it must be. */
export function parseEnvironment(env: NodeJS.ProcessEnv): ParsedEnvironment {
  const parsed = environmentSchema.safeParse(env);
  if (parsed.success) return { ok: true, environment: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const given = env[name];
    // A secret is never echoed back into a log.
    const shown = /SECRET|TOKEN|DATABASE_URL/.test(name) ? '' : ` (got "${given}")`;
    return `${name} ${issue.message}${shown}`;
  });
  return { ok: false, message: `sendlog: invalid configuration: ${problems.join('; ')}` };
}

/** The gym an upgraded database becomes, from a valid environment (`My gym` in UTC unset). */
export const upgradeGymOf = (e: Environment): UpgradeGym => ({
  name: e.SENDLOG_GYM_NAME ?? DEFAULT_UPGRADE_GYM.name,
  timeZone: e.SENDLOG_GYM_TIMEZONE ?? DEFAULT_UPGRADE_GYM.timeZone,
});

/** What `startServer` gets from a valid environment. */
export function startOptionsOf(e: Environment): StartOptions {
  return {
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    dataDir: e.SENDLOG_DATA_DIR,
    ...(e.SENDLOG_DEMO ? { demo: e.SENDLOG_DEMO === '1' } : {}),
    port: e.PORT,
    host: e.HOST ?? '127.0.0.1',
    ...(e.SENDLOG_WEB_ROOT ? { webRoot: e.SENDLOG_WEB_ROOT } : {}),
    ...(e.SENDLOG_TOKEN_SECRET ? { tokenSecret: e.SENDLOG_TOKEN_SECRET } : {}),
    ...(e.SENDLOG_METRICS_TOKEN ? { metricsToken: e.SENDLOG_METRICS_TOKEN } : {}),
    ...(e.SENDLOG_TRUST_PROXY !== undefined ? { trustProxy: e.SENDLOG_TRUST_PROXY } : {}),
    logger: { level: e.LOG_LEVEL ?? 'info' },
    ...(e.SENDLOG_GYM_NAME || e.SENDLOG_GYM_TIMEZONE ? { upgradeGym: upgradeGymOf(e) } : {}),
    ...(e.SENDLOG_REGISTER_LIMIT
      ? { registerRateLimit: { ...DEFAULT_REGISTER_RATE_LIMIT, max: e.SENDLOG_REGISTER_LIMIT } }
      : {}),
    ...(e.SENDLOG_LOGIN_FAILURE_LIMIT
      ? {
          loginFailureLimit: {
            ...DEFAULT_LOGIN_FAILURE_LIMIT,
            max: e.SENDLOG_LOGIN_FAILURE_LIMIT,
          },
        }
      : {}),
  };
}
