import { errorBodySchema, layoutResponseSchema } from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findLayout } from '../../catalogue/catalogue-repository.js';
import { setLayoutPicture } from '../../catalogue/catalogue-writes.js';
import { sweepPictures } from '../../catalogue/picture-retirement.js';
import {
  checkWallPicture,
  MAX_PICTURE_BYTES,
  PICTURE_TYPES,
} from '../../catalogue/wall-picture.js';
import type { AppContext } from '../../context.js';
import { SECURED } from '../../http/docs.js';
import { ApiError } from '../../http/errors.js';
import { documentedOnly, idParams } from '../../http/route-schemas.js';

const PICTURE_CONTENT_TYPES = Object.keys(PICTURE_TYPES);
const notAPictureType = () =>
  new ApiError(
    415,
    'unsupported_media_type',
    'a wall picture must be sent as image/jpeg, image/png or image/webp',
  );

/**
 * The upload of a wall picture, for the wall's gym's staff. Registered as a scope of its own: only
 * this route reads picture bodies (and up to 8 MiB of them); everywhere else a picture type is
 * still 415 and a body over 2 MiB still 413.
 */
export const layoutImageRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  // Not JSON: the body is the picture itself, read whole (bounded by the route's body limit).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    PICTURE_CONTENT_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_PICTURE_BYTES },
    (_request, body, done) => done(null, body),
  );
  app.addContentTypeParser('*', (_request, _payload, done) => done(notAPictureType()));

  app.put(
    '/layouts/:layoutId/image',
    {
      bodyLimit: MAX_PICTURE_BYTES,
      config: { manages: { thing: 'layout', param: 'layoutId', need: 'setter' } },
      schema: {
        operationId: 'setLayoutImage',
        summary: "Upload a wall's picture (its gym's staff)",
        description:
          'The body is the picture itself (JPEG, PNG or WebP, at most 8 MiB); its width and ' +
          "height are read from the file. The layout's image.url changes with the picture.",
        tags: ['catalogue management'],
        ...SECURED,
        consumes: PICTURE_CONTENT_TYPES,
        params: idParams('layout', 'layoutId'),
        body: documentedOnly(z.string().meta({ format: 'binary' })),
        response: {
          200: layoutResponseSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          413: errorBodySchema,
          415: errorBodySchema,
        },
      },
    },
    async (request) => {
      const { layoutId } = request.params;
      if (!Buffer.isBuffer(request.body)) throw notAPictureType();
      if (!(await findLayout(ctx.db, layoutId))) throw ApiError.notFound('layout');
      const checked = checkWallPicture(request.headers['content-type'] ?? '', request.body);
      if (!checked.ok) {
        const status = { unsupported_media_type: 415, payload_too_large: 413, invalid_image: 400 };
        throw new ApiError(status[checked.code], checked.code, checked.message);
      }
      if (!(await setLayoutPicture(ctx.db, layoutId, checked.picture, request.body))) {
        throw ApiError.notFound('layout');
      }
      // The picture replaced starts its retention now (or ends it, after 30 days unshown).
      const swept = await sweepPictures(ctx.db).catch((error: unknown) => {
        request.log.warn({ err: error }, 'wall picture sweep failed');
        return null;
      });
      if (swept && swept.retired + swept.deleted > 0)
        request.log.info(swept, 'wall pictures swept');
      return { layout: (await findLayout(ctx.db, layoutId))! };
    },
  );
};
