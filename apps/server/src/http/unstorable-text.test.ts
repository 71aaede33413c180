import { errorBodySchema, type ErrorBody } from '@sendlog/contract';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithDatabase, type AppWithDatabase } from '../testing/app-with-database.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../testing/index.js';
import { LAYOUT_ID } from '../testing/fixtures.js';

/**
 * Every string an endpoint reads, from the OpenAPI document the server publishes: path
 * parameters, query parameters, declared headers and every string of a JSON body (generated from
 * the body's schema), one of them made NUL or a lone surrogate. Never a 5xx; where the string is
 * in a body, the query or a header, `400 validation_failed` naming it. An admin calls, so no role
 * check answers first.
 */

const RUNS = Number(process.env.UNSTORABLE_TEXT_RUNS ?? 25);

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
}

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}

/** NUL or a lone surrogate, alone or inside other text. */
const unstorable = fc
  .tuple(
    fc.string({ maxLength: 6 }),
    fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff'),
    fc.string({ maxLength: 6 }),
  )
  .map(([a, bad, b]) => `${a}${bad}${b}`);

/**
 * In a URL a lone surrogate cannot travel (a query is decoded as UTF-8: broken bytes become
 * U+FFFD), so a query gets NUL, percent-encoded.
 */
const nulText = fc
  .tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }))
  .map(([a, b]) => `${a}\u0000${b}`);

/** A value of the schema's shape (not always valid: other rules must not be what answers). */
function valueOf(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valueOf(s, depth)));
  if (schema.allOf?.[0]) return valueOf(schema.allOf[0], depth);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  const plain = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'object': {
        const properties = Object.entries(schema.properties ?? {});
        const required = new Set(schema.required ?? []);
        return fc.record(
          Object.fromEntries(properties.map(([k, s]) => [k, valueOf(s, depth + 1)])),
          { requiredKeys: properties.map(([k]) => k).filter((k) => required.has(k)) },
        );
      }
      case 'array':
        return fc.array(valueOf(schema.items ?? {}, depth + 1), {
          minLength: 1,
          maxLength: depth > 1 ? 1 : 3,
        });
      case 'integer':
        return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 100 });
      case 'number':
        return fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 1, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'string':
        if (schema.format === 'uuid') return fc.uuid();
        if (schema.format === 'date-time') {
          return fc
            .date({ min: new Date(2020, 0), max: new Date(2030, 0) })
            .map((d) => (Number.isNaN(d.getTime()) ? '2026-01-01T00:00:00.000Z' : d.toISOString()));
        }
        return fc.string({ maxLength: 12 });
      default:
        return fc.string({ maxLength: 8 });
    }
  })();
  return schema.nullable ? fc.option(plain, { nil: null }) : plain;
}

/** Dotted paths of every string in `value` (keys as the error details spell them). */
function stringPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...at, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...at, k]));
  }
  return [];
}

function replaceAt(value: unknown, path: (string | number)[], by: string): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = replaceAt(copy[head!], rest, by);
  return copy;
}

/** Percent-encodes UTF-16 code units one by one, so a lone surrogate survives as itself. */
function encodeQueryValue(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (/^[A-Za-z0-9._~-]$/.test(ch)) return ch;
      if (code >= 0xd800 && code <= 0xdfff) return ch; // left raw: encodeURIComponent would throw
      return encodeURIComponent(ch);
    })
    .join('');
}

/** The operations of the published document that read at least one string. */
async function operations(app: AppWithDatabase['app']): Promise<Operation[]> {
  const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: Parameter[];
          requestBody?: { content: Record<string, { schema: JsonSchema }> };
        }
      >
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const body = op.requestBody?.content['application/json']?.schema;
      return {
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        // A file sent as the body (an import) has no fields to name: its text is read row by row,
        // and a row the database could not store is refused with its line.
        body: body?.format === 'binary' ? undefined : body,
      };
    }),
  );
}

/** Path parameters that name something real, so a request reaches past the id. */
const REAL_IDS: Record<string, string> = { layoutId: LAYOUT_ID };

describe.each(BACKENDS)('text the database cannot store, on $name', (backend) => {
  let server: AppWithDatabase;
  let token: string;
  let ops: Operation[];
  beforeAll(async () => {
    server = await appWithDatabase(backend);
    token = (await server.signedIn('admin')).token;
    ops = await operations(server.app);
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  it('finds the endpoints to try in the published document', () => {
    const names = ops.map((o) => `${o.method} ${o.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /auth/login',
        'GET /stats',
        'GET /sessions/export',
        'PUT /users/role',
        'POST /sessions/offline',
      ]),
    );
  });

  it(
    'answers every endpoint with a 4xx, naming a broken string of the body, query or headers',
    { timeout: 600_000 },
    async () => {
      const slotted = fc.constantFrom(...ops).chain((op) => {
        const query = op.parameters.filter((p) => p.in === 'query');
        const headers = op.parameters.filter(
          (p) => p.in === 'header' && p.schema?.type === 'string',
        );
        const params = op.parameters.filter((p) => p.in === 'path');
        return fc.record({
          op: fc.constant(op),
          body: op.body ? valueOf(op.body) : fc.constant(undefined),
          query: fc.record(
            Object.fromEntries(query.map((p) => [p.name, valueOf(p.schema ?? {})])),
            { requiredKeys: [] },
          ),
          params: fc.record(
            Object.fromEntries(
              params.map((p) => [p.name, fc.constant(REAL_IDS[p.name] ?? LAYOUT_ID)]),
            ),
          ),
          target: fc.constantFrom(
            'body' as const,
            'query' as const,
            'header' as const,
            'param' as const,
          ),
          pick: fc.nat(),
          header: headers.length > 0 ? fc.constantFrom(...headers) : fc.constant(undefined),
          bad: unstorable,
          badInUrl: nulText,
        });
      });
      await fc.assert(
        fc.asyncProperty(slotted, async (c) => {
          let body = c.body;
          const query: Record<string, unknown> = { ...c.query };
          const params: Record<string, unknown> = { ...c.params };
          const headers: Record<string, string> = { authorization: `Bearer ${token}` };
          let expected: string | null = null;
          const bodyStrings = stringPaths(body);
          const queryNames = Object.keys(query).filter((k) => typeof query[k] === 'string');
          const paramNames = Object.keys(params);
          if (c.target === 'body' && bodyStrings.length > 0) {
            const path = bodyStrings[c.pick % bodyStrings.length]!;
            body = replaceAt(body, path, c.bad);
            expected = path.join('.');
          } else if (c.target === 'query' && queryNames.length > 0) {
            const name = queryNames[c.pick % queryNames.length]!;
            query[name] = c.badInUrl;
            expected = name;
          } else if (c.target === 'header' && c.header) {
            headers[c.header.name] = c.bad;
            expected = `headers.${c.header.name}`;
          } else if (paramNames.length > 0) {
            params[paramNames[c.pick % paramNames.length]!] = c.bad;
          } else {
            return; // nothing of this kind to break here
          }
          const path = c.op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
            encodeQueryValue(String(params[name])),
          );
          const search = Object.entries(query)
            .map(([k, v]) => `${k}=${encodeQueryValue(String(v))}`)
            .join('&');
          const res = await server.app.inject({
            method: c.op.method as 'GET',
            url: search ? `${path}?${search}` : path,
            headers: {
              ...headers,
              ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
          });
          const where = `${c.op.method} ${c.op.path} ${expected ?? 'path'}: ${res.body.slice(0, 300)}`;
          expect(res.statusCode, where).toBeLessThan(500);
          expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
          const refused = errorBodySchema.parse(res.json());
          // Session bodies are checked session by session by the ingest, after their schema.
          const perSession = c.op.path.startsWith('/sessions/') && c.op.method === 'POST';
          if (expected !== null && !(perSession && c.target === 'body')) {
            expect(refused.error.code, where).toBe('validation_failed');
            expect(
              refused.error.details?.map((d) => d.path),
              where,
            ).toContain(expected);
          }
        }),
        { numRuns: RUNS * ops.length },
      );
    },
  );

  it('answers a NUL in a login email with 400 at the email, no longer a 500', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'climber\u0000@example.com', password: 'long enough' }),
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as ErrorBody).error.details).toEqual([
      { path: 'email', message: 'must not contain NUL characters or broken Unicode' },
    ]);
  });

  it('answers a broken Idempotency-Key at its header path', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/sessions/offline',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': 'key\u0000',
      },
      payload: '{}',
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as ErrorBody).error.details?.map((d) => d.path)).toEqual([
      'headers.idempotency-key',
    ]);
  });
});
