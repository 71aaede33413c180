import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
import { documentedSchemaOf } from './route-schemas.js';

/** An operation anyone may call (OpenAPI needs it said, else the root security would apply). */
export const PUBLIC = { security: [] };
/** An operation that needs `Authorization: Bearer <token>`. */
export const SECURED = { security: [{ bearer: [] }] };

// Our docs live at /docs and swagger-ui hides its own routes: nothing else to skip.
const zodToOpenApi = createJsonSchemaTransform({ skipList: [] });

/**
 * Publishes the OpenAPI document at /docs/json (and a browsable UI at /docs), generated from the
 * routes' own zod schemas, so it cannot drift from what the server validates. Register it before
 * the routes, which it collects as they are declared.
 */
export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Sendlog API',
        version: '1.0.0',
        description:
          'Offline-first climbing session sync. The contract, with its error codes and sync ' +
          'rules, is docs/api.md in the Sendlog repository.',
      },
      // Relative: the API answers wherever it is deployed, on the same origin as this document.
      servers: [{ url: '/', description: 'the server publishing this document' }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
    },
    transform: ({ schema, ...route }) =>
      zodToOpenApi({
        ...route,
        // Routes without a schema (static files, the UI) come through as undefined.
        schema: schema?.body ? { ...schema, body: documentedSchemaOf(schema.body) } : schema,
      }),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
