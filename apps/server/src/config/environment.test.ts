import { describe, expect, it } from 'vitest';
import { parseEnvironment, startOptionsOf } from './environment.js';

function problem(env: NodeJS.ProcessEnv): string {
  const parsed = parseEnvironment(env);
  if (parsed.ok) throw new Error(`accepted ${JSON.stringify(env)}`);
  return parsed.message;
}

describe('the environment, checked at start', () => {
  it('gives the documented defaults for an empty environment (empty means unset)', () => {
    const parsed = parseEnvironment({ PORT: '', HOST: '' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(startOptionsOf(parsed.environment)).toEqual({
      dataDir: './.sendlog-data',
      port: 8080,
      host: '127.0.0.1',
      logger: { level: 'info' },
    });
  });

  it('turns every variable into its start option', () => {
    const parsed = parseEnvironment({
      PORT: '0',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://sendlog@db.internal:5432/sendlog',
      SENDLOG_DEMO: '0',
      SENDLOG_TOKEN_SECRET: 'x'.repeat(32),
      SENDLOG_REGISTER_LIMIT: '5',
      SENDLOG_LOGIN_FAILURE_LIMIT: '200',
      SENDLOG_METRICS_TOKEN: 'm'.repeat(16),
      LOG_LEVEL: 'warn',
      SENDLOG_TRUST_PROXY: '1',
      UNRELATED: 'ignored',
    });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(startOptionsOf(parsed.environment)).toMatchObject({
      databaseUrl: 'postgresql://sendlog@db.internal:5432/sendlog',
      port: 0,
      host: '0.0.0.0',
      demo: false,
      tokenSecret: 'x'.repeat(32),
      metricsToken: 'm'.repeat(16),
      registerRateLimit: { max: 5, timeWindowMs: 600_000 },
      loginFailureLimit: { max: 200, timeWindowMs: 600_000 },
      logger: { level: 'warn' },
      trustProxy: 1,
    });
    const addresses = parseEnvironment({ SENDLOG_TRUST_PROXY: '127.0.0.1,10.0.0.0/8' });
    expect(addresses.ok && startOptionsOf(addresses.environment).trustProxy).toBe(
      '127.0.0.1,10.0.0.0/8',
    );
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 0 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535 (got "70000")'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// or postgresql:// URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a postgres://'],
    [{ SENDLOG_DEMO: 'yes' }, 'SENDLOG_DEMO must be 0 or 1 (got "yes")'],
    [{ SENDLOG_REGISTER_LIMIT: '0' }, 'SENDLOG_REGISTER_LIMIT must be a whole number from 1'],
    [
      { SENDLOG_LOGIN_FAILURE_LIMIT: 'lots' },
      'SENDLOG_LOGIN_FAILURE_LIMIT must be a whole number from 1',
    ],
    [{ SENDLOG_REGISTER_LIMIT: '2.5' }, 'SENDLOG_REGISTER_LIMIT must be a whole number from 1'],
    [{ SENDLOG_TOKEN_SECRET: 'short' }, 'SENDLOG_TOKEN_SECRET must be at least 32 characters'],
    [{ SENDLOG_METRICS_TOKEN: 'short' }, 'SENDLOG_METRICS_TOKEN must be at least 16 characters'],
    [{ SENDLOG_WEB_ROOT: '/nowhere' }, 'SENDLOG_WEB_ROOT must be a folder holding the web export'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of fatal, error, warn, info'],
    [{ SENDLOG_TRUST_PROXY: 'yes please' }, 'SENDLOG_TRUST_PROXY must be a number of proxy hops'],
    [{ HOST: 'http://x' }, 'HOST must be a host name or an address'],
  ])('refuses %j with one line naming it', (env, words) => {
    const message = problem(env);
    expect(message).toContain(words);
    expect(message).not.toContain('\n');
  });

  it('never echoes a secret or a database URL (it may hold a password)', () => {
    expect(problem({ SENDLOG_TOKEN_SECRET: 'hunter2' })).not.toContain('hunter2');
    expect(problem({ DATABASE_URL: 'mysql://root:pw@x' })).not.toContain('pw@x');
  });

  it('names every wrong variable on that one line', () => {
    const message = problem({ PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(message).toMatch(/^sendlog: invalid configuration: PORT .*; LOG_LEVEL /);
  });
});
