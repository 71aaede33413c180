import {
  errorBodySchema,
  IMPORT_FORMAT_NAMES,
  IMPORT_LIMITS,
  importQuerySchema,
  importResponseSchema,
} from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { SECURED } from '../../http/docs.js';
import { ApiError } from '../../http/errors.js';
import { documentedOnly } from '../../http/route-schemas.js';
import { importLogbook } from '../../imports/import-logbook.js';

const FILE_TYPES = ['text/csv', 'application/json'];
const notAFileType = () =>
  new ApiError(415, 'unsupported_media_type', 'an import is sent as text/csv or application/json');

/**
 * `POST /imports`: a logbook's file as the body. A scope of its own, as only this route reads CSV
 * and bodies of up to 8 MiB; everywhere else they are still 415 and 413.
 */
export const importRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    FILE_TYPES,
    { parseAs: 'buffer', bodyLimit: IMPORT_LIMITS.maxFileBytes },
    (_request, body, done) => done(null, body),
  );
  app.addContentTypeParser('*', (_request, _payload, done) => done(notAFileType()));

  app.post(
    '/imports',
    {
      bodyLimit: IMPORT_LIMITS.maxFileBytes,
      schema: {
        operationId: 'importLogbook',
        summary: "Import a logbook: Sendlog's backup or another logbook's export",
        description:
          'The body is the file itself (text/csv or application/json, at most 8 MiB). Formats: ' +
          Object.entries(IMPORT_FORMAT_NAMES)
            .map(([format, name]) => `${format} (${name})`)
            .join(', ') +
          '. Importing the same ticks again adds nothing; a row that cannot be read is listed ' +
          'in `rejected` by its line (the header is line 1) and the rest is imported.',
        tags: ['logbook'],
        ...SECURED,
        consumes: FILE_TYPES,
        querystring: importQuerySchema,
        body: documentedOnly(z.string().meta({ format: 'binary' })),
        response: {
          200: importResponseSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          413: errorBodySchema,
          415: errorBodySchema,
        },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw notAFileType();
      const { format, tz } = request.query;
      const outcome = await importLogbook(
        ctx.db,
        request.user.id,
        format,
        request.body,
        tz,
        ctx.now(),
      );
      if (!outcome.ok) {
        throw new ApiError(
          400,
          'unsupported_format',
          `this is not a file of ${IMPORT_FORMAT_NAMES[format]}: expected ${outcome.expected}`,
          [{ path: 'format', message: `expected ${outcome.expected}` }],
        );
      }
      const r = outcome.result;
      request.log.info(
        {
          format,
          sessions: r.sessions,
          routes: r.routes,
          skipped: r.skipped,
          rejected: r.rejected.length,
        },
        'logbook imported',
      );
      return r;
    },
  );
};
