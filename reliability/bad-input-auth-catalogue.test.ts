import { readFileSync } from 'node:fs';
import { errorBodySchema } from '@sendlog/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '@sendlog/server/testing';
import { http } from './support/http.js';
import { badInputStage, JSON_TYPE, PROPERTY_TIMEOUT, RUNS, SEED } from './support/bad-input.js';
import { badAuthBody } from './support/malformed/auth.js';
import { INJECTIONS } from './support/malformed/bad-values.js';
import { badCatalogueBody, CATALOGUE_BODIES } from './support/malformed/catalogue.js';

/**
 * Part 4 of issue 5, accounts and the catalogue: malformed sign-up, sign-in, profile and
 * catalogue management bodies, and wall pictures that are not whole pictures, all refused.
 */
describe.each(BACKENDS)('bad input on $name', (backend) => {
  const stage = badInputStage(backend);
  const { note, expectRefused } = stage;

  it(
    'auth endpoints refuse every malformed body at its path',
    { timeout: PROPERTY_TIMEOUT },
    async () => {
      const anon = http(stage.url);
      for (const kind of ['register', 'login'] as const) {
        await fc.assert(
          fc.asyncProperty(badAuthBody(kind), async (c) => {
            const answer = await anon.post(`/auth/${kind}`, undefined, {
              raw: c.json,
              headers: JSON_TYPE,
            });
            note(answer, c.kind);
            expectRefused(answer, c);
          }),
          { numRuns: RUNS, seed: SEED },
        );
      }
    },
  );

  it(
    'catalogue management and profile bodies: refused at their path, nothing written',
    { timeout: PROPERTY_TIMEOUT },
    async () => {
      const climbId = stage.gym.climbIds[0]!;
      const endpoints = [
        ['POST', '/layouts', CATALOGUE_BODIES.createLayout, () => stage.setter],
        [
          'PATCH',
          `/layouts/${stage.gym.layoutId}`,
          CATALOGUE_BODIES.updateLayout,
          () => stage.setter,
        ],
        [
          'POST',
          `/layouts/${stage.gym.layoutId}/climbs`,
          CATALOGUE_BODIES.createClimb,
          () => stage.setter,
        ],
        ['PATCH', `/climbs/${climbId}`, CATALOGUE_BODIES.updateClimb, () => stage.setter],
        [
          'POST',
          `/layouts/${stage.gym.layoutId}/reset`,
          CATALOGUE_BODIES.reset,
          () => stage.setter,
        ],
        ['PATCH', '/me', CATALOGUE_BODIES.updateMe, () => stage.climber.api],
        ['POST', '/me/password', CATALOGUE_BODIES.changePassword, () => stage.climber.api],
        ['DELETE', '/me', CATALOGUE_BODIES.deleteMe, () => stage.climber.api],
        ['PUT', '/users/role', CATALOGUE_BODIES.setRole, () => stage.admin.api],
        ['POST', '/gyms', CATALOGUE_BODIES.createGym, () => stage.admin.api],
        ['PATCH', `/gyms/${stage.gymId}`, CATALOGUE_BODIES.updateGym, () => stage.admin.api],
        ['PUT', `/gyms/${stage.gymId}/staff`, CATALOGUE_BODIES.setGymStaff, () => stage.admin.api],
        [
          'POST',
          `/gyms/${stage.gymId}/layouts`,
          CATALOGUE_BODIES.createGymLayout,
          () => stage.setter,
        ],
      ] as const;
      for (const [method, path, spec, caller] of endpoints) {
        await fc.assert(
          fc.asyncProperty(badCatalogueBody(spec), async (c) => {
            const answer = await caller().send(method, path, undefined, {
              raw: c.json,
              headers: JSON_TYPE,
            });
            note(answer, c.kind);
            expectRefused(answer, c);
          }),
          { numRuns: Math.ceil(RUNS / 2), seed: SEED },
        );
      }
    },
  );

  it(
    'wall pictures: bytes that are not a whole picture of their type → 400 invalid_image',
    { timeout: PROPERTY_TIMEOUT },
    async () => {
      const jpeg = new Uint8Array(
        readFileSync(
          new URL('../apps/server/src/catalogue/test-pictures/tiny.jpg', import.meta.url),
        ),
      );
      const bodies = fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 4096 }),
        fc.integer({ min: 1, max: jpeg.length - 1 }).map((n) => jpeg.subarray(0, n)),
        fc.constantFrom(...INJECTIONS).map((s) => new TextEncoder().encode(s)),
      );
      const type = fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'IMAGE/PNG');
      await fc.assert(
        fc.asyncProperty(bodies, type, async (bytes, contentType) => {
          const answer = await stage.setter.send(
            'PUT',
            `/layouts/${stage.gym.layoutId}/image`,
            undefined,
            {
              raw: new Blob([bytes]),
              headers: { 'content-type': contentType },
            },
          );
          note(answer, 'picture');
          expect(answer.status, answer.text).toBe(400);
          expect(errorBodySchema.parse(answer.body).error.code).toBe('invalid_image');
        }),
        { numRuns: RUNS, seed: SEED },
      );
      for (const contentType of ['image/gif', 'application/json', 'text/plain', 'image/svg+xml']) {
        const answer = await stage.setter.send(
          'PUT',
          `/layouts/${stage.gym.layoutId}/image`,
          undefined,
          {
            raw: new Blob([jpeg]),
            headers: { 'content-type': contentType },
          },
        );
        note(answer, 'picture.type');
        expect(answer.status, `${contentType}: ${answer.text}`).toBe(415);
      }
      const big = new Uint8Array(8 * 1024 * 1024 + 1);
      big.set(jpeg);
      const tooBig = await stage.setter.send(
        'PUT',
        `/layouts/${stage.gym.layoutId}/image`,
        undefined,
        {
          raw: new Blob([big]),
          headers: { 'content-type': 'image/jpeg' },
        },
      );
      note(tooBig, 'picture.too-large');
      expect(tooBig.status).toBe(413);
    },
  );

  stage.lastTest();
});
