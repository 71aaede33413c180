import { errorBodySchema, LIMITS } from '@sendlog/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '@sendlog/server/testing';
import { snapshot } from './support/http.js';
import { badInputStage, JSON_TYPE, PROPERTY_TIMEOUT, RUNS, SEED } from './support/bad-input.js';
import { INJECTIONS } from './support/malformed/bad-values.js';
import { notJson } from './support/malformed/not-json.js';

/**
 * Part 4 of issue 5, the request around the body: bad query strings and ids, bodies that are not
 * JSON, of another content type or too large, on every endpoint.
 */
describe.each(BACKENDS)('bad input on $name', (backend) => {
  const stage = badInputStage(backend);
  const { note, expectRefused } = stage;

  it(
    'query strings and ids: a coded 400 at the parameter, or 404 for an id',
    { timeout: PROPERTY_TIMEOUT },
    async () => {
      const badLimit = fc.oneof(
        fc.constantFrom('0', '201', '-1', '1.5', 'abc', '', '1e3', 'NaN', '9'.repeat(400)),
        fc.constantFrom(...INJECTIONS),
      );
      const junk = fc.oneof(
        fc.constantFrom(...INJECTIONS),
        fc.string({ minLength: 1, maxLength: 40 }),
        // Fastify's router caps a path parameter at 100 chars (longer: see the report).
        fc.constant('x'.repeat(100)),
      );
      const longJunk = fc.oneof(junk, fc.constant('x'.repeat(600)));
      const query = fc.oneof(
        badLimit.map((v) => ({ q: `limit=${encodeURIComponent(v)}`, path: 'limit' })),
        longJunk.map((v) => ({ q: `cursor=${encodeURIComponent(v)}`, path: 'cursor' })),
        longJunk.map((v) => ({ q: `updatedSince=${encodeURIComponent(v)}`, path: 'updatedSince' })),
        fc.constant({ q: 'cursor=&updatedSince=', path: 'cursor' }),
        fc.constant({ q: 'limit=1&limit=2', path: 'limit' }),
        fc
          .constantFrom('userId', 'user_id', 'x', '__proto__', 'constructor')
          .map((k) => ({ q: `${k}=1`, path: k })),
      );
      await fc.assert(
        fc.asyncProperty(query, async ({ q, path }) => {
          const answer = await stage.climber.api.get(`/sessions?${q}`);
          note(answer, `query.${path}`);
          expectRefused(answer, { codes: ['validation_failed'], path });
        }),
        { numRuns: RUNS, seed: SEED },
      );
      const ids = fc.oneof(junk, fc.uuid());
      await fc.assert(
        fc.asyncProperty(ids, fc.boolean(), async (id, layout) => {
          const path = layout
            ? `/layouts/${encodeURIComponent(id)}/climbs`
            : `/sessions/${encodeURIComponent(id)}`;
          const answer = await stage.climber.api.get(path);
          note(answer, layout ? 'id.layout' : 'id.session');
          expect(answer.status, answer.text).toBe(404);
          expect(errorBodySchema.parse(answer.body).error.code).toBe('not_found');
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // Catalogue management ids, as a setter (a valid body: only the id is wrong).
      const managed = fc.constantFrom<[string, (id: string) => string, unknown]>(
        ['PATCH', (id: string) => `/layouts/${id}`, { name: 'x' }],
        ['PATCH', (id: string) => `/climbs/${id}`, { name: 'x' }],
        ['POST', (id: string) => `/layouts/${id}/climbs`, { name: 'x', grade: 'V1' }],
        ['POST', (id: string) => `/layouts/${id}/reset`, { climbs: [], archiveOthers: true }],
        ['PATCH', (id: string) => `/gyms/${id}`, { name: 'x' }],
        ['POST', (id: string) => `/gyms/${id}/layouts`, { name: 'x' }],
        ['GET', (id: string) => `/gyms/${id}/layouts`, undefined],
        ['GET', (id: string) => `/wall-pictures/${id}`, undefined],
      );
      await fc.assert(
        fc.asyncProperty(ids, managed, async (id, [method, path, body]) => {
          const answer = await stage.setter.send(method, path(encodeURIComponent(id)), body);
          note(answer, 'id.catalogue');
          expect(answer.status, answer.text).toBe(404);
          expect(errorBodySchema.parse(answer.body).error.code).toBe('not_found');
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
  );

  const POSTS = [
    '/sessions/offline',
    '/sessions/sync',
    '/sessions/sync/bulk',
    '/auth/register',
    '/auth/login',
    '/layouts',
    '/layouts/00000000-0000-4000-8000-000000000000/climbs',
    '/layouts/00000000-0000-4000-8000-000000000000/reset',
    '/gyms',
    '/gyms/00000000-0000-4000-8000-000000000000/layouts',
    '/me/password',
  ];
  /** Every other JSON body endpoint, by method. */
  const OTHER_BODIES = [
    ['PATCH', '/me'],
    ['DELETE', '/me'],
    ['PUT', '/users/role'],
    ['PATCH', '/layouts/00000000-0000-4000-8000-000000000000'],
    ['PATCH', '/climbs/00000000-0000-4000-8000-000000000000'],
    ['PATCH', '/gyms/00000000-0000-4000-8000-000000000000'],
    ['PUT', '/gyms/00000000-0000-4000-8000-000000000000/staff'],
  ] as const;

  const bodyEndpoints = () => [...POSTS.map((path) => ['POST', path] as const), ...OTHER_BODIES];

  it(
    'a body that is not JSON → 400 invalid_json on every endpoint',
    { timeout: PROPERTY_TIMEOUT },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          notJson,
          fc.constantFrom(...bodyEndpoints()),
          async (raw, [method, path]) => {
            const answer = await stage.climber.api.send(method, path, undefined, {
              raw,
              headers: JSON_TYPE,
            });
            note(answer, 'not-json');
            expect(answer.status, answer.text).toBe(400);
            expect(errorBodySchema.parse(answer.body).error.code).toBe('invalid_json');
          },
        ),
        { numRuns: Math.min(RUNS, 300), seed: SEED },
      );
    },
  );

  it('a non-JSON content type → 415 on every endpoint', { timeout: PROPERTY_TIMEOUT }, async () => {
    const types = [
      'text/plain',
      'text/plain; charset=utf-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'text/html',
      'application/octet-stream',
    ];
    const body = JSON.stringify(snapshot(stage.gym, 1));
    for (const [method, path] of bodyEndpoints()) {
      for (const type of [...types, 'image/png', 'image/jpeg']) {
        const answer = await stage.climber.api.send(method, path, undefined, {
          raw: body,
          headers: { 'content-type': type },
        });
        note(answer, 'content-type');
        expect(answer.status, `${path} ${type}: ${answer.text}`).toBe(415);
        expect(errorBodySchema.parse(answer.body).error.code).toBe('unsupported_media_type');
      }
      // No content type at all on a body.
      const bare = await stage.climber.api.send(method, path, undefined, { raw: new Blob([body]) });
      note(bare, 'content-type');
      expect(bare.status, `${path} without a type: ${bare.text}`).toBe(415);
    }
  });

  it('a body over 2 MiB → 413 on every endpoint', { timeout: PROPERTY_TIMEOUT }, async () => {
    const big = JSON.stringify({
      ...snapshot(stage.gym, 1),
      notes: 'x'.repeat(LIMITS.maxBodyBytes + 1),
    });
    for (const [method, path] of bodyEndpoints()) {
      const answer = await stage.climber.api.send(method, path, undefined, {
        raw: big,
        headers: JSON_TYPE,
      });
      note(answer, 'too-large');
      expect(answer.status, `${path}: ${answer.text.slice(0, 200)}`).toBe(413);
      expect(errorBodySchema.parse(answer.body).error.code).toBe('payload_too_large');
    }
  });

  stage.lastTest();
});
